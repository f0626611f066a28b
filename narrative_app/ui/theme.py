"""UI: the app's three palettes (light, dark, high contrast) and the WCAG contrast rules that
check them.

The base colours of each theme are written down once here; every quieter colour (secondary
text, placeholders, field borders, the accent's text) is *derived* from them and then moved,
step by step, until it holds a minimum contrast ratio against every background it sits on:
4.5:1 for text, 3:1 for borders and focus rings (WCAG 2.2, 1.4.3 and 1.4.11). A platform
palette ("follow my computer") goes through the same derivation, so no theme can fall short.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from PySide6.QtGui import QColor, QPalette

TEXT_RATIO = 4.5  # WCAG 1.4.3, normal-sized text
NON_TEXT_RATIO = 3.0  # WCAG 1.4.11 and 2.4.13: borders, focus indicators, states


class Look(enum.StrEnum):
    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high-contrast"


_R = QPalette.ColorRole

# Base colours only; the derived roles (PlaceholderText, Mid, HighlightedText...) come later.
_BASES: dict[Look, dict[QPalette.ColorRole, str]] = {
    Look.LIGHT: {
        _R.Window: "#f3f2ef", _R.WindowText: "#1d1d1f", _R.Base: "#ffffff",
        _R.AlternateBase: "#f4f1ea", _R.Text: "#1d1d1f", _R.Button: "#e8e6e1",
        _R.ButtonText: "#1d1d1f", _R.BrightText: "#ffffff", _R.Highlight: "#1f5fae",
        _R.Link: "#1b56a6", _R.LinkVisited: "#5f3a9e", _R.ToolTipBase: "#fffbe8",
        _R.ToolTipText: "#1d1d1f", _R.Light: "#ffffff", _R.Midlight: "#d9d6cf",
        _R.Dark: "#8a867e", _R.Shadow: "#000000",
    },
    Look.DARK: {
        _R.Window: "#26272b", _R.WindowText: "#e8e6e3", _R.Base: "#1d1e21",
        _R.AlternateBase: "#2e3035", _R.Text: "#e8e6e3", _R.Button: "#34363b",
        _R.ButtonText: "#e8e6e3", _R.BrightText: "#ffffff", _R.Highlight: "#6b9be0",
        _R.Link: "#8ab4f0", _R.LinkVisited: "#b79ce8", _R.ToolTipBase: "#34363b",
        _R.ToolTipText: "#e8e6e3", _R.Light: "#46484e", _R.Midlight: "#3b3d42",
        _R.Dark: "#16171a", _R.Shadow: "#000000",
    },
    Look.HIGH_CONTRAST: {
        _R.Window: "#000000", _R.WindowText: "#ffffff", _R.Base: "#000000",
        _R.AlternateBase: "#161616", _R.Text: "#ffffff", _R.Button: "#000000",
        _R.ButtonText: "#ffffff", _R.BrightText: "#ffffff", _R.Highlight: "#ffd21f",
        _R.Link: "#7fc7ff", _R.LinkVisited: "#e0a8ff", _R.ToolTipBase: "#000000",
        _R.ToolTipText: "#ffffff", _R.Light: "#2a2a2a", _R.Midlight: "#1f1f1f",
        _R.Dark: "#000000", _R.Shadow: "#000000",
    },
}
# How far each derived colour starts from the text colour towards the background (0..1).
_MUTED_START = {Look.LIGHT: 0.42, Look.DARK: 0.40, Look.HIGH_CONTRAST: 0.22}
_BORDER_START = {Look.LIGHT: 0.55, Look.DARK: 0.55, Look.HIGH_CONTRAST: 0.0}

TEXT_BACKGROUNDS = (_R.Window, _R.Base, _R.AlternateBase, _R.Button)


# ---------------------------------------------------------------- contrast arithmetic
def luminance(colour: QColor) -> float:
    """WCAG relative luminance of an opaque colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green())
            + 0.0722 * channel(colour.blue()))


def contrast_ratio(a: QColor, b: QColor) -> float:
    la, lb = luminance(a), luminance(b)
    high, low = max(la, lb), min(la, lb)
    return (high + 0.05) / (low + 0.05)


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` (0..1) of the way towards ``b``."""
    t = max(0.0, min(1.0, amount))
    return QColor(round(a.red() + (b.red() - a.red()) * t),
                  round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t))


def worst_ratio(colour: QColor, backgrounds: Iterable[QColor]) -> float:
    return min(contrast_ratio(colour, background) for background in backgrounds)


def ensure_contrast(colour: QColor, backgrounds: Iterable[QColor], minimum: float) -> QColor:
    """``colour`` itself if it holds ``minimum`` against every background, else the nearest
    colour towards black or white (whichever reaches it sooner) that does."""
    grounds = list(backgrounds)
    if worst_ratio(colour, grounds) >= minimum:
        return colour.toRgb()  # a copy (QColor(colour) would build the Qt namespace)
    best = colour.toRgb()
    for target in (QColor("#000000"), QColor("#ffffff")):
        for step in range(1, 41):
            candidate = mix(colour, target, step / 40)
            if worst_ratio(candidate, grounds) >= minimum:
                if worst_ratio(best, grounds) < minimum or \
                        _distance(candidate, colour) < _distance(best, colour):
                    best = candidate
                break
    if worst_ratio(best, grounds) < minimum:  # nothing near enough: the stronger extreme
        black, white = QColor("#000000"), QColor("#ffffff")
        best = black if worst_ratio(black, grounds) > worst_ratio(white, grounds) else white
    return best


def _distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def derived(text: QColor, background: QColor, start: float, backgrounds: Iterable[QColor],
            minimum: float) -> QColor:
    """A quieter shade: ``text`` moved ``start`` of the way towards ``background``, then
    brought back until it holds ``minimum`` against every one of ``backgrounds``."""
    return ensure_contrast(mix(text, background, start), backgrounds, minimum)


# ---------------------------------------------------------------- palettes
def complete(palette: QPalette, look: Look | None = None) -> QPalette:
    """Fill in the derived roles of ``palette`` with checked ratios (in place; returned)."""
    look = look or (Look.DARK if palette.color(_R.Window).lightness() < 128 else Look.LIGHT)
    active = QPalette.ColorGroup.Active
    colour = palette.color
    grounds = [colour(role) for role in TEXT_BACKGROUNDS]
    for role in (_R.WindowText, _R.Text, _R.ButtonText):
        palette.setColor(role, ensure_contrast(colour(active, role), grounds, 7.0))
    text, window = colour(_R.Text), colour(_R.Window)
    muted = derived(text, window, _MUTED_START[look], grounds, TEXT_RATIO)
    # Borders also meet the lit top of a raised button face (a drop-down list's inside).
    faces = [*grounds, colour(_R.Button).lighter(140)]
    border = derived(text, window, _BORDER_START[look], faces, NON_TEXT_RATIO)
    highlight = ensure_contrast(colour(_R.Highlight), grounds, TEXT_RATIO)  # used for words too
    on_accent = ensure_contrast(colour(_R.HighlightedText), [highlight], TEXT_RATIO)
    if contrast_ratio(on_accent, highlight) < TEXT_RATIO or look is not Look.LIGHT:
        black, white = QColor("#000000"), QColor("#ffffff")
        on_accent = black if contrast_ratio(black, highlight) >= \
            contrast_ratio(white, highlight) else white
    link = ensure_contrast(colour(_R.Link), grounds, TEXT_RATIO)
    visited = ensure_contrast(colour(_R.LinkVisited), grounds, TEXT_RATIO)
    tip = ensure_contrast(colour(_R.ToolTipText), [colour(_R.ToolTipBase)], TEXT_RATIO)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role, value in ((_R.PlaceholderText, muted), (_R.Mid, border),
                            (_R.Highlight, highlight), (_R.HighlightedText, on_accent),
                            (_R.Link, link), (_R.LinkVisited, visited), (_R.ToolTipText, tip),
                            (_R.WindowText, colour(_R.WindowText)), (_R.Text, text),
                            (_R.ButtonText, colour(_R.ButtonText))):
            palette.setColor(group, role, value)
    # Disabled controls are exempt from the ratios but should still be legible.
    disabled = mix(text, window, 0.5)
    for role in (_R.WindowText, _R.Text, _R.ButtonText, _R.PlaceholderText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def palette_for(look: Look) -> QPalette:
    """The app's own palette for ``look``, every derived colour checked."""
    palette = QPalette()
    for role, hex_colour in _BASES[look].items():
        palette.setColor(role, QColor(hex_colour))
    palette.setColor(_R.HighlightedText, QColor("#ffffff"))
    palette.setColor(_R.PlaceholderText, palette.color(_R.Text))
    palette.setColor(_R.Mid, palette.color(_R.Text))
    return complete(palette, look)


def focus_colour(palette: QPalette) -> QColor:
    """The focus ring's colour: the accent, or the text colour where the accent is too faint
    against the window (3:1, WCAG 2.4.13's figure, which 2.4.7 here is held to)."""
    grounds = [palette.color(role) for role in TEXT_BACKGROUNDS]
    accent = palette.color(_R.Highlight)
    if worst_ratio(accent, grounds) >= NON_TEXT_RATIO:
        return accent
    return ensure_contrast(palette.color(_R.Text), grounds, NON_TEXT_RATIO)
