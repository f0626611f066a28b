"""UI: text fields, lists and drop-down lists outlined in the palette's checked border colour.

Kept apart from the palettes (ui/theme.py): the style classes bring QStyle's many enums,
which the first frame does not need (it has no fields), so start-up installs this just
after that frame (ui/app.py).
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)


class FieldBorderStyle(QProxyStyle):
    """The platform's style, with text fields, spin boxes, drop-down lists, tick boxes and
    framed lists, tables and text edits outlined in the palette's checked border colour
    (Mid, 3:1): Fusion draws their frames from the window colour, at 1.7:1 (light), 1.1:1
    (dark) and not at all (high contrast). A proxy style rather than a
    style sheet, so palettes set on windows (the rehearsal view's) keep working."""

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,
                      painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element in (QStyle.PrimitiveElement.PE_FrameLineEdit,
                       QStyle.PrimitiveElement.PE_IndicatorCheckBox,
                       QStyle.PrimitiveElement.PE_Frame):  # lists, tables, text edits
            self._outline(option, painter)

    def drawComplexControl(self, control: QStyle.ComplexControl, option: QStyleOptionComplex,
                           painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in (QStyle.ComplexControl.CC_SpinBox, QStyle.ComplexControl.CC_ComboBox) \
                and getattr(option, "frame", True):
            self._outline(option, painter)

    @staticmethod
    def _outline(option: QStyleOption, painter: QPainter) -> None:
        if not option.state & QStyle.StateFlag.State_Enabled:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(QBrush())  # no fill (a default brush), and no Qt namespace
        painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
        painter.restore()


def install_field_borders(app: QApplication) -> None:
    """Outline the fields of every window (once; later calls keep the same style)."""
    if not isinstance(app.style(), FieldBorderStyle):
        app.setStyle(FieldBorderStyle(app.style().name()))
