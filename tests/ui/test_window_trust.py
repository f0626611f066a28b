"""The window keeps the user's work: focus mode types into the page on show, a new
narrative's values can be ticked, the save status exists after a restored session, and a
user's HTML-looking title is shown as plain text in message boxes."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from narrative_app.domain import Narrative, PartKind
from narrative_app.method.presets import apply_preset
from narrative_app.ui.main_window import MainWindow
from narrative_app.ui.settings import SESSION_NARRATIVE_KEY, SESSION_PAGE_KEY

HOSTILE = "<b>Bold</b><img src=x>"


def _create(controller, title: str = "Ward 7") -> int:
    narrative = Narrative(title=title)
    apply_preset(narrative, "linked_5")
    return controller.create_narrative(narrative)


def test_focus_mode_sends_typing_to_the_part_on_show(main_window, controller, qtbot) -> None:
    narrative_id = _create(controller)
    assert main_window.open_narrative(narrative_id, "self")
    qtbot.keyClick(main_window, Qt.Key.Key_F11)
    workspace = main_window.workspace
    assert workspace.focus_mode
    focused = QApplication.focusWidget()
    qtbot.keyClicks(focused, "I stayed")
    assert workspace.pages["self"].editor.text() == "I stayed"
    assert workspace.pages["now"].editor.text() == ""
    assert controller.current.parts[PartKind.SELF].draft == "I stayed"
    assert controller.current.parts[PartKind.NOW].draft == ""


def test_a_new_narratives_values_can_be_ticked_and_are_saved(main_window, controller,
                                                             qtbot) -> None:
    qtbot.keyClick(main_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert main_window.in_workspace()
    qtbot.keyClick(main_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = main_window.workspace.pages["values"]
    assert main_window.workspace.current_key() == "values"
    name, check = next(iter(page.checks.items()))
    assert check.isEnabled()
    check.setFocus()
    qtbot.keyClick(check, Qt.Key.Key_Space)
    assert check.isChecked()
    assert controller.save_now()
    assert controller.store.get(controller.current.id).values == [name]


def test_the_save_status_shows_a_failure_after_a_restored_session(controller, qtbot,
                                                                  monkeypatch) -> None:
    narrative_id = _create(controller)
    settings = QSettings()
    settings.setValue(SESSION_NARRATIVE_KEY, narrative_id)
    settings.setValue(SESSION_PAGE_KEY, "self")
    window = MainWindow(controller, defer_library=True)  # as the app starts
    qtbot.addWidget(window)
    window.show()
    window.restore_last_narrative()
    assert window.in_workspace()
    window._quitting_anyway = True

    def full_disk(_narrative):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(controller.store, "save", full_disk)
    qtbot.keyClicks(window.workspace.pages["self"].editor, "x")
    assert not controller.save_now()
    assert window.save_indicator is not None
    qtbot.waitUntil(window.save_indicator.isVisible)
    assert window.save_indicator.text() == "Not saved: No space left on device"


def test_html_in_a_title_is_shown_as_plain_text_when_deleting(main_window, controller,
                                                              qtbot, monkeypatch) -> None:
    narrative_id = _create(controller, HOSTILE)
    controller.trash(narrative_id)
    shown: list[tuple[str, Qt.TextFormat]] = []

    def cancel(box: QMessageBox) -> int:
        shown.append((box.text(), box.textFormat()))
        return int(QMessageBox.StandardButton.Cancel.value)

    monkeypatch.setattr(QMessageBox, "exec", cancel)
    main_window.library.show_trash(True)
    main_window.library.delete_forever(narrative_id)
    assert shown == [(f"Delete “{HOSTILE}” for good? This cannot be undone.",
                      Qt.TextFormat.PlainText)]


def test_html_in_a_version_label_is_shown_as_plain_text(main_window, controller, qtbot,
                                                        monkeypatch) -> None:
    from narrative_app.ui.dialogs.versions import VersionsDialog

    narrative_id = _create(controller, HOSTILE)
    main_window.open_narrative(narrative_id)
    controller.save_version(HOSTILE)
    dialog = VersionsDialog(controller, main_window)
    qtbot.addWidget(dialog)
    shown: list[tuple[str, Qt.TextFormat]] = []

    def no(box: QMessageBox) -> int:
        shown.append((box.text(), box.textFormat()))
        return int(QMessageBox.StandardButton.No.value)

    monkeypatch.setattr(QMessageBox, "exec", no)
    dialog.list.setCurrentRow(0)
    assert not dialog.restore_selected()
    assert len(shown) == 1 and HOSTILE in shown[0][0]
    assert shown[0][1] == Qt.TextFormat.PlainText


