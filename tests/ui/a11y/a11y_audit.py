"""Test helper: an accessibility audit of one window's visible widgets, as a screen reader
would meet them (names through QAccessible, the same interface AT-SPI reads)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QToolButton,
    QWidget,
)


def _clean(text: str) -> str:
    """Visible text as read: mnemonics, rich text and trailing ellipses removed."""
    if "<" in text and ">" in text:
        doc = QTextDocument()
        doc.setHtml(text)
        text = doc.toPlainText()
    text = re.sub(r"&(?!&)", "", text).replace("&&", "&")
    text = text.replace("\u2026", "...").rstrip(".").strip()
    return " ".join(text.split()).casefold()


def accessible_name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name) if iface is not None else ""


def label_relation(widget: QWidget) -> str:
    """The text of the label attached to ``widget`` (its buddy), or ""."""
    iface = QAccessible.queryAccessibleInterface(widget)
    if iface is None:
        return ""
    for other, relation in iface.relations(QAccessible.RelationFlag.Label):
        if relation & QAccessible.RelationFlag.Label and other.text(QAccessible.Text.Name):
            return other.text(QAccessible.Text.Name)
    return ""


def visible_label(widget: QWidget) -> str:
    if isinstance(widget, QToolButton):
        if widget.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly and \
                not widget.icon().isNull():
            return ""
        return widget.text()
    if isinstance(widget, QAbstractButton):
        return widget.text()
    return ""


def _buddy_text(widget: QWidget, window: QWidget) -> str:
    """The visible text of a label shown for ``widget`` (its buddy), or ""."""
    for label in window.findChildren(QLabel):
        if label.buddy() is widget and label.isVisibleTo(window):
            return label.text().rstrip(":")
    return ""


def is_focusable(widget: QWidget, window: QWidget) -> bool:
    return (widget.isVisibleTo(window) and widget.isEnabled()
            and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
            and widget.focusProxy() is None
            and not _is_proxy_target(widget))


def _is_proxy_target(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    if parent is None:
        return False
    return parent.focusProxy() is widget or isinstance(parent, (QComboBox, QAbstractSpinBox))


def describe(widget: QWidget) -> str:
    text = visible_label(widget) or (widget.text() if isinstance(widget, QLabel) else "")
    return f"{type(widget).__name__}({widget.objectName() or text[:30]!r})"


def audit(window: QWidget, alternatives: tuple[QLabel, ...] = ()) -> list[str]:
    """Every problem found among ``window``'s visible widgets, one line each.

    ``alternatives`` are labels whose name is a deliberate text alternative (a table said in
    sentences); the caller checks those names itself."""
    problems: list[str] = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisibleTo(window) and widget is not window:
            continue
        if isinstance(widget, QLabel) and widget in alternatives:
            if not widget.accessibleName().strip():
                problems.append(f"{describe(widget)}: a text alternative with no words")
            continue
        if isinstance(widget, QLabel):
            text = _clean(widget.text())
            own = widget.accessibleName()
            if text and own and text not in _clean(own):
                problems.append(f"{describe(widget)}: name {own!r} hides its text")
            continue
        if not is_focusable(widget, window):
            continue
        name = accessible_name(widget)
        if not name.strip():
            problems.append(f"{describe(widget)}: focusable without an accessible name")
            continue
        label = _clean(visible_label(widget))
        if label and not _clean(name).startswith(label):
            problems.append(f"{describe(widget)}: name {name!r} does not start with {label!r}")
        caption = "" if label else _clean(_buddy_text(widget, window))
        if caption and not isinstance(widget, QComboBox) and caption not in _clean(name):
            # A field's visible label is the label beside it: its name must say it (2.5.3).
            problems.append(f"{describe(widget)}: name {name!r} leaves out its label "
                            f"{caption!r}")
        if isinstance(widget, QComboBox):
            # On Linux a drop-down list's name is its current value; AT-SPI (and Orca) take
            # what it is from the label attached to it (a buddy: the "labelled by" relation).
            if not label_relation(widget):
                problems.append(f"{describe(widget)}: no label attached, read only as its "
                                f"current value {name!r}")
            editor = widget.lineEdit()
            if editor is not None and not accessible_name(editor).strip():
                problems.append(f"{describe(widget)}: its text field has no name")
    return problems


def inventory(window: QWidget) -> list[str]:
    """Every focusable control and its name, in Tab order where known (for reports)."""
    return [f"{describe(w)} -> {accessible_name(w)!r}"
            for w in window.findChildren(QWidget) if is_focusable(w, window)]
