"""UI: colours and type sizes of the rehearsal view, all derived from one palette.

The rehearsal view is dark and high-contrast by default (light text on black reads well from
a distance and does not glare on a lectern). Its palette is built here, once; every widget of
the view then takes its colours from that palette, so a light or the system palette works
just as well.
"""

from __future__ import annotations

import enum

from PySide6.QtGui import QColor, QGuiApplication, QPalette

from narrative_app.rehearsal.engine import TimerState
from narrative_app.text.timing import BudgetState
from narrative_app.ui.widgets.common import is_dark


class RehearsalTheme(enum.StrEnum):
    DARK = "dark"
    LIGHT = "light"
    SYSTEM = "system"


_ROLES = QPalette.ColorRole


def _palette(*, background: QColor, text: QColor, muted: QColor, accent: QColor,
             accent_text: QColor, button: QColor, field: QColor) -> QPalette:
    palette = QPalette()
    for role, colour in (
        (_ROLES.Window, background),
        (_ROLES.Base, field),
        (_ROLES.AlternateBase, button),
        (_ROLES.WindowText, text),
        (_ROLES.Text, text),
        (_ROLES.BrightText, text),
        (_ROLES.ButtonText, text),
        (_ROLES.Button, button),
        (_ROLES.PlaceholderText, muted),
        (_ROLES.Highlight, accent),
        (_ROLES.HighlightedText, accent_text),
        (_ROLES.Link, accent),
        (_ROLES.ToolTipBase, button),
        (_ROLES.ToolTipText, text),
        (_ROLES.Mid, muted),
        (_ROLES.Dark, muted),
        (_ROLES.Light, button),
    ):
        palette.setColor(role, colour)
    palette.setColor(QPalette.ColorGroup.Disabled, _ROLES.ButtonText, muted)
    palette.setColor(QPalette.ColorGroup.Disabled, _ROLES.WindowText, muted)
    return palette


def rehearsal_palette(theme: RehearsalTheme = RehearsalTheme.DARK) -> QPalette:
    """The palette for the rehearsal view: high-contrast dark, high-contrast light, or system."""
    if theme is RehearsalTheme.DARK:
        return _palette(
            background=QColor(0, 0, 0),
            text=QColor(255, 255, 255),
            muted=QColor(190, 190, 190),
            accent=QColor(120, 190, 255),
            accent_text=QColor(0, 0, 0),
            button=QColor(38, 38, 38),
            field=QColor(24, 24, 24),
        )
    if theme is RehearsalTheme.LIGHT:
        return _palette(
            background=QColor(255, 255, 255),
            text=QColor(0, 0, 0),
            muted=QColor(75, 75, 75),
            accent=QColor(0, 80, 170),
            accent_text=QColor(255, 255, 255),
            button=QColor(232, 232, 232),
            field=QColor(255, 255, 255),
        )
    return QGuiApplication.palette()


# Hue, saturation and lightness on a dark and on a light background: fully saturated, so the
# states read from the back of a room; lightness keeps them readable on the palette's base.
_STATE_HSL = {
    BudgetState.AMBER: ((38, 255, 128), (30, 255, 68)),
    BudgetState.RED: ((3, 255, 150), (2, 230, 88)),
    BudgetState.GREEN: ((130, 200, 120), (130, 230, 60)),
}
_TIMER_BUDGET = {TimerState.WARNING: BudgetState.AMBER, TimerState.OVER: BudgetState.RED}


def _state(palette: QPalette, state: BudgetState) -> QColor:
    on_dark, on_light = _STATE_HSL[state]
    return QColor.fromHsl(*(on_dark if is_dark(palette) else on_light))


def timer_colour(palette: QPalette, state: TimerState) -> QColor:
    """Normal text while in time; amber in the last seconds; red once over."""
    if state in _TIMER_BUDGET:
        return _state(palette, _TIMER_BUDGET[state])
    return palette.color(_ROLES.WindowText)


def budget_colour(palette: QPalette, state: BudgetState) -> QColor:
    if state is BudgetState.NONE:
        return palette.color(_ROLES.Highlight)
    return _state(palette, state)


def good_colour(palette: QPalette) -> QColor:
    return _state(palette, BudgetState.GREEN)


def muted(palette: QPalette) -> QColor:
    return palette.color(_ROLES.PlaceholderText)


def accent(palette: QPalette) -> QColor:
    return palette.color(_ROLES.Highlight)


def dark(palette: QPalette) -> bool:
    return is_dark(palette)


def css(colour: QColor) -> str:
    return colour.name(QColor.NameFormat.HexRgb)
