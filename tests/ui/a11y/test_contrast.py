"""UI accessibility: contrast (WCAG 1.4.3, 1.4.11) computed from the palettes the app really
applies (light, dark, high contrast), for every text role and the field borders, and measured
on rendered fields."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from narrative_app.text.timing import BudgetState
from narrative_app.ui.settings import Theme, apply_theme
from narrative_app.ui.theme import (
    NON_TEXT_RATIO,
    TEXT_BACKGROUNDS,
    TEXT_RATIO,
    Look,
    contrast_ratio,
    ensure_contrast,
    focus_colour,
    palette_for,
)
from narrative_app.ui.widgets.common import state_colour

R = QPalette.ColorRole
THEMES = [Theme.LIGHT, Theme.DARK, Theme.HIGH_CONTRAST]
TEXT_ROLES = [R.WindowText, R.Text, R.ButtonText, R.PlaceholderText, R.Link, R.LinkVisited,
              R.Highlight]  # the accent is used for words too (export preview headings)


@pytest.fixture
def applied(qapp, request):
    """The palette the app applies for the theme, as QApplication then holds it."""
    palette = qapp.palette()
    apply_theme(request.param)
    yield QApplication.palette()
    apply_theme(Theme.SYSTEM)
    qapp.setPalette(palette)


def _backgrounds(palette: QPalette):
    return {role.name: palette.color(role) for role in TEXT_BACKGROUNDS}


@pytest.mark.parametrize("applied", THEMES, indirect=True)
def test_every_text_role_holds_four_and_a_half_to_one(applied: QPalette) -> None:
    failures = []
    for role in TEXT_ROLES:
        for name, ground in _backgrounds(applied).items():
            ratio = contrast_ratio(applied.color(role), ground)
            if ratio < TEXT_RATIO:
                failures.append(f"{role.name} on {name}: {ratio:.2f}")
    on_accent = contrast_ratio(applied.color(R.HighlightedText), applied.color(R.Highlight))
    if on_accent < TEXT_RATIO:
        failures.append(f"HighlightedText on Highlight: {on_accent:.2f}")
    tip = contrast_ratio(applied.color(R.ToolTipText), applied.color(R.ToolTipBase))
    if tip < TEXT_RATIO:
        failures.append(f"ToolTipText on ToolTipBase: {tip:.2f}")
    assert not failures


@pytest.mark.parametrize("applied", THEMES, indirect=True)
def test_field_borders_and_focus_hold_three_to_one(applied: QPalette) -> None:
    for name, ground in _backgrounds(applied).items():
        assert contrast_ratio(applied.color(R.Mid), ground) >= NON_TEXT_RATIO, name
        assert contrast_ratio(focus_colour(applied), ground) >= NON_TEXT_RATIO, name


@pytest.mark.parametrize("applied", THEMES, indirect=True)
def test_time_states_are_readable_words(applied: QPalette) -> None:
    """'within', 'just over', 'over by' on the story header and the budget: 4.5:1."""
    for state in BudgetState:
        colour = state_colour(applied, state)
        for name, ground in _backgrounds(applied).items():
            assert contrast_ratio(colour, ground) >= TEXT_RATIO, (state, name)


@pytest.mark.parametrize("applied", THEMES, indirect=True)
def test_a_rendered_field_border_holds_three_to_one(applied: QPalette, qtbot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    field = QLineEdit(holder)
    QVBoxLayout(holder).addWidget(field)
    holder.resize(300, 60)
    holder.show()
    qtbot.waitExposed(holder)
    image = field.grab().toImage()
    y = image.height() // 2
    border, inside = image.pixelColor(0, y), image.pixelColor(6, y)
    outside = holder.grab().toImage().pixelColor(field.x() - 2, field.y() + y)
    assert contrast_ratio(border, inside) >= NON_TEXT_RATIO
    assert contrast_ratio(border, outside) >= NON_TEXT_RATIO


@pytest.mark.parametrize("applied", THEMES, indirect=True)
def test_a_rendered_tick_box_outline_holds_three_to_one(applied: QPalette, qtbot) -> None:
    from PySide6.QtWidgets import QCheckBox, QStyle, QStyleOptionButton

    box = QCheckBox("Dignity")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    option = QStyleOptionButton()
    box.initStyleOption(option)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    image = box.grab().toImage()
    y = indicator.center().y()
    edge = image.pixelColor(indicator.left(), y)
    outside = applied.color(R.Window)
    inside = image.pixelColor(indicator.left() + 3, y)
    assert contrast_ratio(edge, outside) >= NON_TEXT_RATIO
    assert contrast_ratio(edge, inside) >= NON_TEXT_RATIO


def test_the_muted_colours_are_derived_not_written_down() -> None:
    """Quieter text starts between text and window and is moved only as far as the ratio
    needs: it stays quieter than the text, and exactly meets the floor, not far above it."""
    for look in Look:
        palette = palette_for(look)
        muted, text = palette.color(R.PlaceholderText), palette.color(R.Text)
        window = palette.color(R.Window)
        assert contrast_ratio(muted, window) < contrast_ratio(text, window)
        grounds = [palette.color(role) for role in TEXT_BACKGROUNDS]
        assert min(contrast_ratio(muted, g) for g in grounds) >= TEXT_RATIO


def test_ensure_contrast_moves_a_faint_colour_until_it_holds() -> None:
    from PySide6.QtGui import QColor

    grey, light = QColor("#777777"), QColor("#efefef")
    assert contrast_ratio(grey, light) < TEXT_RATIO  # the old subtitle grey, 3.89:1
    fixed = ensure_contrast(grey, [light], TEXT_RATIO)
    assert contrast_ratio(fixed, light) >= TEXT_RATIO
    assert fixed.lightness() < grey.lightness()  # darker on a light ground


def test_high_contrast_is_offered_in_settings_and_applies(main_window, monkeypatch, qtbot,
                                                          qapp) -> None:
    from narrative_app.ui.dialogs.settings import SettingsDialog
    from narrative_app.ui.settings import Settings

    palette = qapp.palette()

    def choose(dialog: SettingsDialog) -> int:
        dialog.theme.setCurrentIndex(dialog.theme.findText("High contrast"))
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(SettingsDialog, "exec", choose)
    try:
        main_window.actions_by_name["settings"].trigger()
        assert Settings().theme is Theme.HIGH_CONTRAST
        qtbot.waitUntil(lambda: main_window.palette().color(R.Window).name() == "#000000")
        assert main_window.palette().color(R.WindowText).name() == "#ffffff"
    finally:
        apply_theme(Theme.SYSTEM)
        qapp.setPalette(palette)
