"""UI: the rehearsal window's actions: one table of names, words and keys, and the object
that owns the QActions by name and emits a request when one is triggered.

The keys a presentation clicker sends (Page Up/Down, B, F5, Esc) are always on. The other
single-character keys (F, M, T, C, P, A, V, L, ".", "-", "+", "=") can be turned off, and any
action can be given other keys, in the rehearsal key settings (WCAG 2.1.4). The same table
feeds the button labels and Help > Keyboard shortcuts, so they never disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

CLICKER_KEYS = frozenset({"PgUp", "PgDown", "B", "F5", "Esc"})
ZOOM_IN = QKeySequence.StandardKey.ZoomIn
ZOOM_OUT = QKeySequence.StandardKey.ZoomOut


def _tr(text: str) -> str:
    return QCoreApplication.translate("RehearsalActions", text)


@dataclass(frozen=True)
class ActionSpec:
    """One rehearsal action: its name, its button word, what it does, its default keys."""

    name: str
    text: str
    tip: str
    keys: tuple[str, ...]
    checkable: bool = False


def action_specs() -> list[ActionSpec]:
    """Every rehearsal action, in the order the shortcuts list shows them."""
    zoom_in = QKeySequence(ZOOM_IN).toString(QKeySequence.SequenceFormat.PortableText)
    zoom_out = QKeySequence(ZOOM_OUT).toString(QKeySequence.SequenceFormat.PortableText)
    return [
        ActionSpec("toggle", _tr("Start"), _tr("Start or pause the timer"), ("Space",)),
        ActionSpec("start", _tr("Start"), _tr("Start the run"), ("F5",)),
        ActionSpec("next", _tr("Next"), _tr("Next part (or clicker forward)"),
                   ("PgDown", "Right")),
        ActionSpec("prev", _tr("Back"), _tr("Previous part (or clicker back)"),
                   ("PgUp", "Left")),
        ActionSpec("down", _tr("Next"), _tr("Next part, or slower in the teleprompter"),
                   ("Down",)),
        ActionSpec("up", _tr("Back"), _tr("Previous part, or faster in the teleprompter"),
                   ("Up",)),
        ActionSpec("blank", _tr("Blank"), _tr("Blank the screen"), ("B", ".")),
        ActionSpec("end", _tr("End"), _tr("Finish the run"), ("Esc",)),
        ActionSpec("keep", _tr("Keep run"), _tr("Keep this run"), ("Return", "Enter")),
        ActionSpec("discard", _tr("Don't keep"), _tr("Forget this run"), ("Del",)),
        ActionSpec("view", _tr("View"), _tr("Next view: cues, full text, memorise, "
                                            "teleprompter"), ("V",)),
        ActionSpec("less", _tr("Fewer words"), _tr("Next step of the memorise ladder"),
                   ("L",)),
        ActionSpec("more", _tr("More words"), _tr("Previous step of the memorise ladder"),
                   ("Shift+L",)),
        ActionSpec("slower", _tr("Slower"), _tr("Slower teleprompter"), ("-",)),
        ActionSpec("faster", _tr("Faster"), _tr("Faster teleprompter"), ("+", "=")),
        ActionSpec("mirror", _tr("Mirror"), _tr("Mirror the teleprompter for prompter glass"),
                   ("M",), checkable=True),
        ActionSpec("zoom_out", _tr("A− Smaller"), _tr("Smaller text"), (zoom_out,)),
        ActionSpec("zoom_in", _tr("A+ Larger"), _tr("Larger text"), (zoom_in, "Ctrl+=")),
        ActionSpec("full", _tr("Full screen"), _tr("Full screen on or off"), ("F",)),
        ActionSpec("theme", _tr("Colours"), _tr("Dark, light or system colours"), ("T",)),
        ActionSpec("countdown", _tr("Countdown"), _tr("A 3-second countdown before the run"),
                   ("C",), checkable=True),
        ActionSpec("peer", _tr("Peer practice"), _tr("Tell for 2:00, then 3:00 of feedback"),
                   ("P",), checkable=True),
        ActionSpec("listen", _tr("Listen"), _tr("Listen while I rehearse (the microphone; "
                                                "nothing leaves this computer)"), ("A",),
                   checkable=True),
        ActionSpec("microphone", _tr("Microphone"), _tr("Choose and check the microphone"),
                   ("Ctrl+M",)),
        ActionSpec("keys", _tr("Keys"), _tr("Turn single-key shortcuts off or change keys"),
                   ("Ctrl+K",)),
    ]


def is_single_key(key: str) -> bool:
    """A key that types a character on its own (a letter, digit or symbol, perhaps with Shift)."""
    sequence = QKeySequence(key)
    if sequence.count() != 1:
        return False
    combo = sequence[0]  # type: ignore[index]  # QKeySequence has __getitem__; stubs miss it
    if combo.keyboardModifiers() & ~Qt.KeyboardModifier.ShiftModifier:
        return False
    code = int(combo.key())
    return 0x21 <= code <= 0x7E  # printable ASCII (Space is the clicker's start key)


def effective_keys(spec: ActionSpec, *, single_keys: bool = True,
                   remap: Mapping[str, tuple[str, ...]] | None = None) -> tuple[str, ...]:
    """The keys an action answers to: the user's own (always, as chosen), else the defaults;
    without single-key shortcuts, only the clicker keys among the default single characters."""
    if spec.name in (remap or {}):
        return tuple((remap or {})[spec.name])
    if single_keys:
        return spec.keys
    return tuple(k for k in spec.keys if k in CLICKER_KEYS or not is_single_key(k))


def native(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText) or key


class RehearsalActions(QObject):
    """Owns the rehearsal QActions by name; ``requested`` says which one was triggered and
    ``keysChanged`` that their keys (and so the button labels) changed."""

    requested = Signal(str)
    keysChanged = Signal()

    def __init__(self, owner: QWidget, *, single_keys: bool = True,
                 remap: Mapping[str, tuple[str, ...]] | None = None) -> None:
        super().__init__(owner)
        self.specs = {spec.name: spec for spec in action_specs()}
        self._actions: dict[str, QAction] = {}
        for spec in self.specs.values():
            action = QAction(spec.text, owner)
            action.setToolTip(spec.tip)
            action.setCheckable(spec.checkable)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(partial(self._emit, spec.name))
            owner.addAction(action)
            self._actions[spec.name] = action
        self.single_keys = single_keys
        self.remap: dict[str, tuple[str, ...]] = dict(remap or {})
        self.apply_keys(single_keys=single_keys, remap=self.remap)

    def _emit(self, name: str, _checked: bool = False) -> None:
        self.requested.emit(name)

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def names(self) -> list[str]:
        return list(self._actions)

    def apply_keys(self, *, single_keys: bool,
                   remap: Mapping[str, tuple[str, ...]] | None = None) -> None:
        self.single_keys = single_keys
        self.remap = dict(remap or {})
        for name, action in self._actions.items():
            keys = effective_keys(self.specs[name], single_keys=single_keys, remap=self.remap)
            action.setShortcuts([QKeySequence(k) for k in keys])
        self.keysChanged.emit()

    def keys(self, name: str) -> list[str]:
        """The action's keys now, as this platform writes them."""
        return [s.toString(QKeySequence.SequenceFormat.NativeText)
                for s in self._actions[name].shortcuts() if not s.isEmpty()]

    def key_text(self, name: str) -> str:
        """The first key, for a button label ("Space", "PgDown"); empty when it has none."""
        keys = self.keys(name)
        return keys[0] if keys else ""

    def label(self, name: str, text: str | None = None) -> str:
        """A button label: the words, then the key in brackets when there is one."""
        words = text if text is not None else self._actions[name].text()
        key = self.key_text(name)
        return f"{words} ({key})" if key else words

    def set_checked(self, name: str, checked: bool) -> None:
        action = self._actions[name]
        if action.isChecked() != checked:
            action.setChecked(checked)


def shortcut_rows(*, single_keys: bool = True,
                  remap: Mapping[str, tuple[str, ...]] | None = None) -> list[tuple[str, str]]:
    """(what it does, keys in portable text joined by " or ") for every rehearsal action."""
    rows = []
    for spec in action_specs():
        keys = effective_keys(spec, single_keys=single_keys, remap=remap)
        if keys:
            rows.append((spec.tip, " or ".join(keys)))
    return rows
