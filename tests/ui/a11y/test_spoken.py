"""UI accessibility: what a screen reader hears (WCAG 4.1.2, 4.1.3): the save status and the
library cards carry their values, drop-down lists have labels attached, and status changes
are announced once, without chatter."""

from __future__ import annotations

import sqlite3

import pytest
from a11y_audit import accessible_name, label_relation
from PySide6.QtGui import QAccessible

from narrative_app.domain import PartKind


@pytest.fixture
def announced(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every announcement sent to assistive technology, as its text."""
    said: list[str] = []
    real = QAccessible.updateAccessibility

    def record(event) -> None:
        if event.type() == QAccessible.Event.Announcement:
            said.append(event.message())
        real(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    return said


def _open_sample(window, page: str = "self") -> int:
    window.library.add_example()
    narrative_id = window.library.selected_id()
    assert window.open_narrative(narrative_id, page)
    return narrative_id


def test_the_save_status_is_read_as_its_value(main_window, qtbot, monkeypatch,
                                              announced) -> None:
    indicator = main_window.save_indicator
    _open_sample(main_window)
    assert accessible_name(indicator) == "Saved"

    def locked(_narrative):
        raise sqlite3.OperationalError("database is locked")

    store = main_window.controller.store
    real_save = store.save
    monkeypatch.setattr(store, "save", locked)
    page = main_window.workspace.story_page(PartKind.US)
    qtbot.keyClicks(page.editor, "More")
    qtbot.waitUntil(lambda: indicator.text().startswith("Not saved"), timeout=3000)
    assert accessible_name(indicator) == "Not saved: database is locked"
    assert announced.count("Not saved: database is locked") == 1  # said once, not per retry
    monkeypatch.setattr(store, "save", real_save)
    qtbot.waitUntil(lambda: indicator.text() == "Saved", timeout=3000)
    assert accessible_name(indicator) == "Saved"
    assert announced[-1] == "Saved"


def test_library_cards_read_as_their_summary_and_buttons_name_the_narrative(
        main_window, qtbot) -> None:
    main_window.library.add_example()
    main_window.controller.create_narrative(_plain("Budget day"))
    main_window.library.refresh()
    cards = [main_window.library._cards[i] for i in sorted(main_window.library._cards)]
    assert len(cards) >= 2
    for card in cards:
        title = card.title_label.text()
        spoken = accessible_name(card)
        assert spoken.startswith(title + ", ")
        assert card.purpose_label.text().split("  ")[0] in spoken  # the audience
        assert "Edited" in spoken  # the last edit
        assert accessible_name(card.open_button) == f"Open {title}"
        assert accessible_name(card.more_button) == f"More actions for {title}"
    # The list row is what AT-SPI exposes (the card widget is not in the tree): it reads
    # as the whole summary too, not only the title.
    rows = QAccessible.queryAccessibleInterface(main_window.library.list)
    spoken_rows = [rows.child(i).text(QAccessible.Text.Name) for i in range(rows.childCount())]
    for card in cards:
        assert accessible_name(card) in spoken_rows
    names = {accessible_name(c.open_button) for c in cards}
    assert names >= {"Open Budget day", "Open Someone who comes back"}  # not all "Open"


def _plain(title: str):
    from narrative_app.domain import Narrative

    return Narrative(title=title, audience="the finance team")


def test_versions_compare_lists_are_labelled(main_window, qtbot) -> None:
    from narrative_app.ui.dialogs.versions import VersionsDialog

    _open_sample(main_window)
    main_window.controller.save_version("Away day")
    dialog = VersionsDialog(main_window.controller, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert label_relation(dialog.old_box) == "Compare"
    assert label_relation(dialog.new_box) == "with"


def test_settings_font_field_and_spell_check_are_named(qtbot) -> None:
    from narrative_app.ui.dialogs.settings import SettingsDialog
    from narrative_app.ui.settings import Settings

    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    assert accessible_name(dialog.font_family.lineEdit()) == "Editor font"
    assert accessible_name(dialog.spell_check) == "Underline misspelt words"


def test_choosing_values_is_announced(main_window, qtbot, announced) -> None:
    _open_sample(main_window, "values")  # three chosen already
    page = main_window.workspace.pages["values"]
    assert page.count_label.text() == "3 of 5 chosen."
    assert not announced  # opening the page says nothing of its own accord
    checks = [c for c in page.checks.values() if c.isEnabled() and not c.isChecked()]
    checks[0].click()
    assert announced == ["4 of 5 chosen."]
    checks[0].click()
    assert announced == ["4 of 5 chosen.", "3 of 5 chosen."]


def test_a_saved_version_is_announced(main_window, qtbot, announced) -> None:
    from narrative_app.ui.dialogs.versions import VersionsDialog

    _open_sample(main_window)
    dialog = VersionsDialog(main_window.controller, main_window)
    qtbot.addWidget(dialog)
    dialog.label_edit.setText("Away day")
    dialog.save_version()
    assert announced[-1] == "Saved \u201cAway day\u201d."


def test_a_wrong_time_is_announced_and_tied_to_its_field(main_window, qtbot,
                                                         announced) -> None:
    _open_sample(main_window, "purpose")
    page = main_window.workspace.purpose_page
    edit = page.part_edits[PartKind.US]
    edit.setText("ten past")
    edit.editingFinished.emit()
    message = "Story of Us: use minutes and seconds, such as 1:30."
    assert page.slot_hint.text() == message
    assert announced[-1] == message
    assert edit.accessibleDescription() == message
    assert page.part_edits[PartKind.SELF].accessibleDescription() == ""
    edit.setText("1:30")
    edit.editingFinished.emit()
    assert edit.accessibleDescription() == ""


def test_the_coach_announces_a_change_once_not_every_run(main_window, qtbot,
                                                         announced) -> None:
    _open_sample(main_window)
    panel = main_window.workspace.coach_panel
    page = main_window.workspace.story_page(PartKind.SELF)
    qtbot.waitUntil(lambda: panel.report is not None and not panel.is_pending())
    before = [a for a in announced if a.startswith("Coach")]
    page.editor.selectAll()
    qtbot.keyClicks(page.editor, "x")
    qtbot.waitUntil(lambda: any(a.startswith("Coach: Story of Self")
                                for a in announced[len(before):]), timeout=5000)
    coach = [a for a in announced if a.startswith("Coach")]
    assert len(coach) == len(before) + 1
    assert "done" in coach[-1] and "suggestions" in coach[-1]
    panel.flush()  # the same verdict again: nothing more said
    assert [a for a in announced if a.startswith("Coach")] == coach
