"""UI: the rehearsal view's layout: the labels around the text and the row of buttons.

Top: the part's name, its timer and ahead/behind; a line of status; the text (the body the
window gives it); then the next part, the total and progress by part; then the buttons.
It is given a Qt-free ``HudState`` (``rehearsal/display.py``) and shows it: it never reads
the window or the engine. Button labels take their keys from the actions' shortcuts. Type
sizes follow the height so the view reads from a distance; ``textSizeChanged`` tells the
window the body size for its other pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from narrative_app.rehearsal.display import HudState, Mode
from narrative_app.rehearsal.engine import Phase
from narrative_app.ui.rehearsal.actions import RehearsalActions
from narrative_app.ui.rehearsal.controls import ControlBar
from narrative_app.ui.rehearsal.progress import PartProgress
from narrative_app.ui.rehearsal.stage import TextView
from narrative_app.ui.rehearsal.theme import accent, status_colour

# (button key, action name): the order of the row. The view list sits after "next".
_BUTTONS = (("toggle", "toggle"), ("previous", "prev"), ("next", "next"))
_MORE_BUTTONS = ("less", "more", "slower", "faster", "mirror", "zoom_out", "zoom_in", "blank",
                 "full", "theme", "countdown", "peer", "listen", "microphone", "keys")
_TELEPROMPTER = ("slower", "faster", "mirror")
_MEMORISE = ("less", "more")


def _label(parent: QWidget, *, bold: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if bold:
        font = label.font()
        font.setWeight(QFont.Weight.Bold)
        label.setFont(font)
    return label


# The window refreshes several times a second: each setter below only calls Qt when the value
# changes, which keeps a long rehearsal cheap.
def _colour(label: QLabel, colour: QColor) -> None:
    palette = label.palette()
    if palette.color(QPalette.ColorRole.WindowText) != colour:
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        label.setPalette(palette)


def _visible(widget: QWidget, visible: bool) -> None:
    parent = widget.parentWidget()
    if (widget.isVisibleTo(parent) if parent is not None else widget.isVisible()) != visible:
        widget.setVisible(visible)


class PaletteComboBox(QComboBox):
    """A drop-down whose open list takes the box's own colours.

    The list is a window of its own, which Qt gives the desktop's menu colours and paints
    like a menu; in the dark rehearsal view that was a white list under a dark box.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(QStyledItemDelegate(self))  # items in the list's own palette

    def showPopup(self) -> None:
        popup = self.view().window()
        popup.setPalette(self.palette())
        self.view().setPalette(self.palette())
        super().showPopup()


class RehearsalHud(QWidget):
    """Holds and updates every label of the rehearsal view."""

    viewChosen = Signal(str)
    screenChosen = Signal(int)
    textSizeChanged = Signal(int)

    def __init__(self, actions: RehearsalActions, body: QWidget,
                 view_names: Sequence[tuple[TextView, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actions = actions
        self._names: dict[QLabel, str] = {}
        self.part_label = self._named(_label(self, bold=True), self.tr("Current part"))
        self.timer_label = self._named(_label(self, bold=True), self.tr("Part timer"))
        self.ahead_label = self._named(_label(self), self.tr("Ahead or behind"))
        for label in (self.timer_label, self.ahead_label):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.note_label = self._named(_label(self), self.tr("Status"))
        self.note_label.setWordWrap(True)
        self.next_label = self._named(_label(self), self.tr("Next part"))
        self.total_label = self._named(_label(self), self.tr("Total time"))
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.progress = PartProgress(self)
        self.body = body
        self.controls = ControlBar(self)
        self._build_choosers(view_names)
        self._build_controls()
        self._build_layout()
        actions.keysChanged.connect(self.relabel)

    def _named(self, label: QLabel, name: str) -> QLabel:
        """A label whose accessible name carries its value: "Part timer: 1:57 left"."""
        self._names[label] = name
        label.setAccessibleName(name)
        return label

    def _set(self, label: QLabel, text: str) -> None:
        if label.text() != text:
            label.setText(text)
            name = self._names[label]
            label.setAccessibleName(f"{name}: {text}" if text else name)

    # -- construction -------------------------------------------------------------------------
    def _build_choosers(self, view_names: Sequence[tuple[TextView, str]]) -> None:
        self.view_caption = QLabel(self.tr("View:"), self)
        self.view_caption.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        self.view_box = PaletteComboBox(self)
        self.view_box.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.view_box.setAccessibleName(self.tr("View"))
        self.view_box.setToolTip(self.tr("How the text is shown ({key})").format(
            key=self._actions.key_text("view") or self.tr("no key")))
        self.view_caption.setBuddy(self.view_box)
        for view, name in view_names:
            self.view_box.addItem(name, view.value)
        self.view_box.activated.connect(self._on_view_chosen)
        self.screen_box = PaletteComboBox(self)
        self.screen_box.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.screen_box.setAccessibleName(self.tr("Screen"))
        self.screen_box.setToolTip(self.tr("The screen to rehearse on"))
        self.screen_box.setVisible(False)  # shown only when there is more than one screen

    def _build_controls(self) -> None:
        c, a = self.controls, self._actions
        for key, name in _BUTTONS:
            c.add(key, a[name], a.label(name))
        c.add_widget(self.view_caption)
        c.add_widget(self.view_box)
        for name in _MORE_BUTTONS:
            c.add(name, a[name], a.label(name))
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            for screen in screens:
                self.screen_box.addItem(screen.name())
            self.screen_box.activated.connect(self.screenChosen)
            c.add_widget(self.screen_box)
            self.screen_box.setVisible(True)
        c.add("end", a["end"], a.label("end"))
        items = (c.row.itemAt(i) for i in range(c.row.count()))
        row = (item.widget() for item in items if item is not None)
        focusable = [w for w in row if w is not None and w.focusPolicy() != Qt.FocusPolicy.NoFocus]
        for first, second in pairwise(focusable):
            QWidget.setTabOrder(first, second)  # Tab follows the row, left to right

    def _build_layout(self) -> None:
        top = QGridLayout()
        top.addWidget(self.part_label, 0, 0)
        top.addWidget(self.timer_label, 0, 1)
        top.addWidget(self.note_label, 1, 0)
        top.addWidget(self.ahead_label, 1, 1)
        top.setColumnStretch(0, 1)
        bottom = QGridLayout()
        bottom.addWidget(self.next_label, 0, 0)
        bottom.addWidget(self.total_label, 0, 1)
        bottom.addWidget(self.progress, 1, 0, 1, 2)
        bottom.setColumnStretch(0, 1)
        self.outer = QVBoxLayout(self)
        self.outer.addLayout(top)
        self.outer.addWidget(self.body, 1)
        self.outer.addLayout(bottom)
        self.outer.addWidget(self.controls)

    def relabel(self) -> None:
        """Labels again after the keys changed."""
        for key, button in self.controls.buttons.items():
            name = dict(_BUTTONS).get(key, key)
            button.set_label(self._actions.label(name))

    def _on_view_chosen(self, index: int) -> None:
        self.viewChosen.emit(str(self.view_box.itemData(index)))

    # -- sizes --------------------------------------------------------------------------------
    def apply_sizes(self) -> None:
        height = max(400, self.height())
        sizes = {
            self.part_label: height / 15,
            self.timer_label: height / 12,
            self.ahead_label: height / 26,
            self.note_label: height / 34,
            self.next_label: height / 26,
            self.total_label: height / 26,
        }
        for label, size in sizes.items():
            font = label.font()
            font.setPixelSize(max(14, round(size)))
            label.setFont(font)
        small = max(13, round(height / 58))
        font = self.controls.font()
        font.setPixelSize(small)
        self.controls.setFont(font)
        for widget in (self.view_box, self.screen_box, self.view_caption):
            widget.setFont(font)
        self.view_caption.setFixedHeight(self.view_box.sizeHint().height())
        self.progress.setFixedHeight(max(12, round(height / 60)))
        margin = max(12, round(height / 40))
        self.outer.setContentsMargins(margin * 2, margin, margin * 2, margin)
        self.textSizeChanged.emit(round(height / 30))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.apply_sizes()


    # -- state --------------------------------------------------------------------------------
    def show_state(self, state: HudState, view: TextView, notes: Sequence[str] = ()) -> None:
        """Show one moment of the run; ``notes`` are extra status lines (a flash, the view)."""
        self._show_buttons(state, view)
        palette = self.palette()
        self._set(self.part_label, state.part_name)
        self._set(self.timer_label, state.timer_text)
        self._set(self.ahead_label, state.lead_text)
        self._set(self.total_label, state.total_text)
        self._set(self.next_label, state.next_text)
        self._set(self.note_label, "  ".join(n for n in (*notes, state.status_note) if n))
        _colour(self.part_label, accent(palette))
        for label, status in ((self.timer_label, state.timer_status),
                              (self.ahead_label, state.lead_status),
                              (self.total_label, state.total_status)):
            _colour(label, status_colour(palette, status))
        self.progress.set_segments(list(state.segments))

    def _show_buttons(self, state: HudState, view: TextView) -> None:
        telling, finished = state.telling, state.mode is Mode.FINISHED
        buttons = self.controls.buttons
        shown = {
            "toggle": not finished, "previous": telling, "next": not finished,
            "countdown": state.ready, "peer": state.ready, "listen": state.ready,
            "microphone": state.ready,
        }
        for key in _TELEPROMPTER:  # the finish screen hides the teleprompter's controls
            shown[key] = telling and view is TextView.TELEPROMPTER
        for key in _MEMORISE:
            shown[key] = telling and view is TextView.MEMORISE
        for key, visible in shown.items():
            _visible(buttons[key], visible)
        _visible(self.view_box, telling)
        _visible(self.view_caption, telling)
        if self.view_box.currentData() != view.value:
            self.view_box.setCurrentIndex(self.view_box.findData(view.value))
        a = self._actions
        if telling:
            word = {Phase.RUNNING: self.tr("Pause"),
                    Phase.PAUSED: self.tr("Carry on")}.get(state.phase, self.tr("Start"))
        else:
            word = self.tr("Carry on feedback") if not state.feedback_running and (
                state.mode is Mode.FEEDBACK) else self.tr("Pause feedback")
        buttons["toggle"].set_label(a.label("toggle", word))
        buttons["next"].set_label(a.label("next", self.tr("Feedback done")
                                          if state.mode is Mode.FEEDBACK else self.tr("Next")))
