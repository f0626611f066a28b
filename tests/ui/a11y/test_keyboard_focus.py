"""UI accessibility: keyboard and focus (WCAG 2.1.1, 2.4.3, 2.4.7): Tab reaches every control
in visual order, and every focused control shows a 2 px ring at 3:1 or more."""

from __future__ import annotations

import pytest
from a11y_audit import is_focusable
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from narrative_app.ui.theme import NON_TEXT_RATIO, contrast_ratio, focus_colour
from narrative_app.ui.widgets.focus_ring import RING_WIDTH, visible_rect
from tests.ui.a11y.shown_ring import ring_geometry


@pytest.fixture
def keep_theme(qapp):
    """A theme applied by the test does not leak into later tests."""
    from narrative_app.ui.settings import Theme, apply_theme

    palette = qapp.palette()
    yield
    apply_theme(Theme.SYSTEM)
    qapp.setPalette(palette)


def _tab_walk(window: QWidget, start: QWidget, steps: int) -> list[QWidget]:
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    seen = []
    for _ in range(steps):
        widget = QApplication.focusWidget()
        seen.append(widget)
        QTest.keyClick(widget, Qt.Key.Key_Tab)
        QApplication.processEvents()
    return seen


def _open_dialog(main_window, qtbot, name: str):
    from test_screen_names import _dialogs

    main_window.library.add_example()
    assert main_window.open_narrative(main_window.library.selected_id(), "self")
    main_window.controller.save_version("First full draft")
    dialog = _dialogs(main_window)[name]()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


@pytest.mark.parametrize("name", ["settings", "export", "versions", "about"])
def test_tab_reaches_every_control_of_each_dialog(main_window, qtbot, name: str) -> None:
    dialog = _open_dialog(main_window, qtbot, name)
    focusable = [w for w in dialog.findChildren(QWidget) if is_focusable(w, dialog)]
    seen = _tab_walk(dialog, focusable[0], len(focusable) * 2)
    missed = [w for w in focusable if w not in seen]
    assert not missed, [getattr(w, "text", w.objectName)() for w in missed]


def test_the_export_dialogs_cancel_is_reached_by_tab(main_window, qtbot) -> None:
    dialog = _open_dialog(main_window, qtbot, "export")
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    seen = _tab_walk(dialog, dialog.preview, 2)
    assert seen[1] is cancel  # straight after the preview, before Export


def test_the_welcome_comes_first_in_tab_order_left_to_right(main_window, qtbot) -> None:
    welcome, library = main_window.welcome, main_window.library
    expected = [welcome.dismiss_button, welcome.example_button, welcome.start_button,
                library.new_button, library.search, library.import_button,
                library.trash_button, library.list]
    assert _tab_walk(main_window, welcome.dismiss_button, len(expected)) == expected
    # and the buttons really are in that order on screen
    xs = [b.mapTo(main_window, QPoint()).x() for b in expected[:3]]
    assert xs == sorted(xs)


def _assert_ring_around(window: QWidget, widget: QWidget) -> None:
    ring = ring_geometry(window)
    assert ring is not None, f"no focus ring for {widget!r}"
    clipped = visible_rect(widget, window)
    assert ring.contains(clipped), (widget, ring, clipped)
    assert ring.width() - clipped.width() >= 2 * RING_WIDTH or \
        ring.left() == 0 or ring.right() == window.width() - 1


def _focusable(window: QWidget) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget) if is_focusable(w, window)]


@pytest.mark.parametrize("key", ["purpose", "values", "self", "link", "rehearse", "export"])
def test_every_control_on_each_page_shows_the_focus_ring(main_window, qtbot, key) -> None:
    main_window.library.add_example()
    assert main_window.open_narrative(main_window.library.selected_id(), key)
    qtbot.waitUntil(lambda: main_window.workspace.current_key() == key)
    _tab_everywhere_with_rings(main_window)


def _tab_everywhere_with_rings(window: QWidget) -> None:
    """Tab from the first control round the whole window: every control is reached, and
    each, as it takes the focus (scrolled into view by Tab), has the ring around it."""
    controls = _focusable(window)
    assert controls
    reached = set()
    controls[0].setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    for _ in range(len(controls) * 2):
        widget = QApplication.focusWidget()
        reached.add(widget)
        _assert_ring_around(window, widget)
        QTest.keyClick(widget, Qt.Key.Key_Tab)
        QApplication.processEvents()
    missed = [w for w in controls if w not in reached and not _reached_by_arrows(w)]
    assert not missed, [(type(w).__name__, getattr(w, "text", str)()) for w in missed]


def _reached_by_arrows(widget: QWidget) -> bool:
    """An unchecked button of an exclusive group (Write | Preview) is not a Tab stop of its
    own: like radio buttons, the arrow keys move within the group."""
    group = getattr(widget, "group", lambda: None)()
    return group is not None and group.exclusive() and not widget.isChecked()


def test_arrow_keys_move_between_write_and_preview(main_window, qtbot) -> None:
    main_window.library.add_example()
    assert main_window.open_narrative(main_window.library.selected_id(), "self")
    page = main_window.workspace.story_page()
    page.write_button.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(page.write_button, Qt.Key.Key_Right)
    assert QApplication.focusWidget() is page.preview_button
    assert ring_geometry(main_window) is not None


def test_the_library_and_welcome_controls_show_the_focus_ring(main_window, qtbot) -> None:
    assert main_window.welcome.start_button in _focusable(main_window)
    _tab_everywhere_with_rings(main_window)


def test_the_first_control_after_a_page_switch_shows_the_ring(main_window, qtbot) -> None:
    main_window.library.add_example()
    assert main_window.open_narrative(main_window.library.selected_id(), "self")
    focused = QApplication.focusWidget()
    assert focused is main_window.workspace.story_page().editor
    assert ring_geometry(main_window) is not None


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_the_ring_is_drawn_two_pixels_wide_at_three_to_one(main_window, qtbot, theme,
                                                           keep_theme) -> None:
    from narrative_app.ui.settings import Theme, apply_theme

    apply_theme(Theme(theme))
    main_window.library.add_example()
    assert main_window.open_narrative(main_window.library.selected_id(), "self")
    page = main_window.workspace.story_page()
    targets = [main_window.workspace.back_button, page.prompts_section.button,
               page.fields_section.button, page.cues_section.button]
    for target in targets:
        target.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        ring = ring_geometry(main_window)
        image = main_window.grab().toImage()
        colour = focus_colour(main_window.palette())
        y = ring.center().y()
        painted = [image.pixelColor(ring.left() + i, y) for i in range(RING_WIDTH)]
        assert all(p == colour for p in painted), (target, painted, colour)
        outside = image.pixelColor(max(0, ring.left() - 1), y)
        inside = image.pixelColor(ring.left() + RING_WIDTH, y)
        assert contrast_ratio(colour, outside) >= NON_TEXT_RATIO or \
            contrast_ratio(colour, inside) >= NON_TEXT_RATIO
