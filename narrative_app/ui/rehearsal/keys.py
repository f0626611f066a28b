"""UI: the rehearsal key settings: turn single-key shortcuts off, or give an action other keys.

Opened from the rehearsal window's Keys button (Ctrl+K). Single-character shortcuts (F, M, T,
C, P, V, L, ".", "-", "+", "=") can be switched off; the clicker keys (Page Up/Down, B, F5,
Esc) always work. Each action's keys can be recorded anew or cleared. The choice is kept in
the rehearsal preferences and applies at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QKeySequenceEdit,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from narrative_app.ui.rehearsal.actions import ActionSpec, action_specs

_PORTABLE = QKeySequence.SequenceFormat.PortableText


class RehearsalKeysDialog(QDialog):
    """Single-key shortcuts on or off, and each action's own key."""

    def __init__(self, single_keys: bool, remap: dict[str, tuple[str, ...]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rehearsal keys"))
        self._specs = action_specs()
        intro = QLabel(self.tr(
            "The clicker keys (Page Up, Page Down, B, F5 and Esc) always work. Letters and "
            "symbols on their own can be turned off, so that speech input or a stray key "
            "never changes the view. Record a new key for any action, or clear it."), self)
        intro.setWordWrap(True)
        self.single_keys = QCheckBox(self.tr("Use single-key shortcuts (F, M, T, C, P, V, L, "
                                             "., -, +, =)"), self)
        self.single_keys.setChecked(single_keys)
        self.edits: dict[str, QKeySequenceEdit] = {}
        form_widget = QWidget(self)
        form = QFormLayout(form_widget)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for spec in self._specs:
            form.addRow(*self._row(spec, remap, form_widget))
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the keys; they scroll it
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        defaults = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        defaults.setText(self.tr("Restore defaults"))
        defaults.clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.single_keys)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(620, 600)

    def _row(self, spec: ActionSpec, remap: dict[str, tuple[str, ...]],
             parent: QWidget) -> tuple[QLabel, QKeySequenceEdit]:
        edit = QKeySequenceEdit(parent)
        edit.setClearButtonEnabled(True)
        keys = remap.get(spec.name, spec.keys)
        edit.setKeySequence(QKeySequence(keys[0]) if keys else QKeySequence())
        edit.setMaximumSequenceLength(1)
        edit.setAccessibleName(self.tr("{action}: key").format(action=spec.tip))
        edit.setMinimumWidth(140)
        label = QLabel(spec.tip, parent)
        label.setBuddy(edit)
        self.edits[spec.name] = edit
        return label, edit

    def restore_defaults(self) -> None:
        self.single_keys.setChecked(True)
        for spec in self._specs:
            self.edits[spec.name].setKeySequence(QKeySequence(spec.keys[0]))

    def remap(self) -> dict[str, tuple[str, ...]]:
        """Only the actions whose first key differs from the default (the others keep all of
        their default keys, such as both Page Down and Right for next)."""
        result: dict[str, tuple[str, ...]] = {}
        for spec in self._specs:
            chosen = self.edits[spec.name].keySequence().toString(_PORTABLE)
            if chosen != spec.keys[0]:
                result[spec.name] = (chosen,) if chosen else ()
        return result
