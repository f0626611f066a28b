"""UI accessibility: the boundaries of controls (WCAG 1.4.11, non-text contrast, 3:1).

Each control is rendered offscreen in the light, dark and high-contrast palettes and the
pixel on its edge is measured against the colour just outside it (the window) and just inside
it: list views, tables, text edits, drop-down lists, tick boxes and the values cards."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from narrative_app.ui.settings import Theme, apply_theme
from narrative_app.ui.theme import NON_TEXT_RATIO, contrast_ratio

R = QPalette.ColorRole
THEMES = [Theme.LIGHT, Theme.DARK, Theme.HIGH_CONTRAST]


@pytest.fixture
def theme(qapp, request):
    palette = qapp.palette()
    apply_theme(request.param)
    yield request.param
    apply_theme(Theme.SYSTEM)
    qapp.setPalette(palette)


def _edge(widget: QWidget, holder: QWidget) -> tuple[QColor, QColor, QColor]:
    """(outside, edge, inside) on the left side, half way down ``widget``."""
    image = widget.grab().toImage()
    y = image.height() // 2
    where = widget.mapTo(holder, QPoint(-3, y))
    assert holder.rect().contains(where), f"{type(widget).__name__} is at {holder}'s edge"
    outside = holder.grab().toImage().pixelColor(where)
    return outside, image.pixelColor(0, y), image.pixelColor(5, y)


def _ratios(widget: QWidget, holder: QWidget) -> str:
    outside, edge, inside = _edge(widget, holder)
    out, into = contrast_ratio(edge, outside), contrast_ratio(edge, inside)
    if min(out, into) >= NON_TEXT_RATIO:
        return ""
    return (f"{type(widget).__name__}: edge {edge.name()} {out:.2f}:1 against "
            f"{outside.name()} outside, {into:.2f}:1 against {inside.name()} inside")


def _combo() -> QComboBox:
    box = QComboBox()
    box.addItems(["Linked, 5:00", "Short, 2:00"])
    return box


@pytest.mark.parametrize("theme", THEMES, indirect=True)
def test_list_views_text_edits_and_drop_downs_have_a_visible_edge(theme, qtbot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(12, 12, 12, 12)
    controls = [QListWidget(), QTableWidget(2, 2), QPlainTextEdit(), QTextEdit(), _combo()]
    controls[0].addItems(["Dignity", "Courage"])
    for control in controls:
        layout.addWidget(control)
    holder.resize(360, 560)
    holder.show()
    qtbot.waitExposed(holder)
    QApplication.processEvents()
    found = [problem for c in controls if (problem := _ratios(c, holder))]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("theme", THEMES, indirect=True)
def test_the_values_cards_have_a_visible_edge(theme, main_window, qtbot) -> None:
    main_window.library.add_example()
    assert main_window.open_narrative(main_window.library.selected_id(), "values")
    QApplication.processEvents()
    page = main_window.workspace.pages["values"]
    found, measured = [], 0
    for name, frame in page._frames.items():
        if not frame.isVisible() or frame.visibleRegion().boundingRect() != frame.rect():
            continue  # measured only where it is wholly in view
        measured += 1
        problem = _ratios(frame, main_window)
        if problem:
            found.append(f"{name} ({'chosen' if page.checks[name].isChecked() else 'not'}): "
                         f"{problem}")
    assert measured >= 9 and not found, "\n".join(found[:4])


@pytest.mark.parametrize("theme", THEMES, indirect=True)
def test_the_draft_its_preview_and_the_coach_list_have_a_visible_edge(theme, main_window,
                                                                      qtbot) -> None:
    main_window.library.add_example()
    assert main_window.open_narrative(main_window.library.selected_id(), "self")
    QApplication.processEvents()
    page = main_window.workspace.story_page()
    coach = main_window.workspace.coach_panel._list
    main_window.workspace.nav.setFocus()  # no focus ring beside the measured edges
    QApplication.processEvents()
    found = [problem for control in (page.editor, coach)
             if (problem := _ratios(control, main_window))]
    page.set_preview(True)
    QApplication.processEvents()
    if problem := _ratios(page.preview, main_window):
        found.append(problem)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("theme", [Theme.LIGHT], indirect=True)  # the app's field outlines
@pytest.mark.parametrize("look", ["dark", "light"])
def test_the_rehearsal_views_fields_have_a_visible_edge(theme, look: str, controller, qtbot,
                                                        monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from narrative_app import bundle
    from narrative_app.paths import resource_path
    from narrative_app.ui.rehearsal.theme import RehearsalTheme
    from narrative_app.ui.rehearsal.window import RehearsalWindow

    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Discard)
    narrative_id = controller.create_narrative(
        bundle.read_file(resource_path("sample", "sample.narrative")))
    assert controller.open_narrative(narrative_id)
    window = RehearsalWindow(controller, controller.current, theme=RehearsalTheme(look),
                             countdown=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    found = [problem for control in (window.hud.view_box,)
             if (problem := _ratios(control, window))]
    window.on_start()
    window.on_escape()  # the finish screen and its note field
    QApplication.processEvents()
    if problem := _ratios(window.finish_panel.notes, window):
        found.append(problem)
    assert not found, "\n".join(found)
