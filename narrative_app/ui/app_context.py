"""UI: the app-wide services the windows share, in one typed object the main window owns.

The story pages' shared text zoom, the draft editors' font, spell check and the focus rings
are made here once per main window (each read from the settings when first used, after the
first paint) and handed to the pages and editors that need them, rather than living in
class-level singletons. A test gets a fresh context, with its own settings, by making a
new window or ``AppContext``; ``shutdown()`` joins the spell checker's loader.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from narrative_app.ui.editor.spell_highlighter import SpellCheckService
    from narrative_app.ui.settings import EditorFont
    from narrative_app.ui.widgets.common import ZoomState
    from narrative_app.ui.widgets.focus_ring import FocusRings


class AppContext:
    """The shared text zoom, editors' font, spell check and focus rings of one main window."""

    def __init__(self) -> None:
        self._zoom: ZoomState | None = None
        self._editor_font: EditorFont | None = None
        self._spell: SpellCheckService | None = None
        self._focus_rings: FocusRings | None = None

    @property
    def zoom(self) -> ZoomState:
        """The text zoom every story page and the workspace share (kept in the settings)."""
        if self._zoom is None:
            from narrative_app.ui.widgets.common import ZoomState

            self._zoom = ZoomState()
        return self._zoom

    @property
    def editor_font(self) -> EditorFont:
        """The draft editors' font family and size (from Settings)."""
        if self._editor_font is None:
            from narrative_app.ui.settings import EditorFont

            self._editor_font = EditorFont()
        return self._editor_font

    @property
    def spell(self) -> SpellCheckService:
        """Spell check for every editor: the data folder's, once ``use_data_folder`` has
        named it (the app does so before any editor exists), else the usual folder's."""
        return self._spell if self._spell is not None else self.use_data_folder(None)

    def use_data_folder(self, data_dir: Path | None) -> SpellCheckService:
        """Spell check with the saved settings and ``data_dir``'s personal dictionary."""
        from narrative_app.ui.editor.spell_highlighter import SpellCheckService

        if self._spell is not None:
            self._spell.shutdown()
        self._spell = SpellCheckService.from_settings(data_dir)
        return self._spell

    def shutdown(self) -> None:
        """Join the spell checker's dictionary loader, if one was started (at quit)."""
        if self._spell is not None:
            self._spell.shutdown()

    @property
    def focus_rings(self) -> FocusRings | None:
        """The focus rings, once ``track_focus`` has started them (and while they live)."""
        if self._focus_rings is not None and not shiboken6.isValid(self._focus_rings):
            self._focus_rings = None
        return self._focus_rings

    def track_focus(self, owner: QWidget) -> FocusRings:
        """Draw a focus ring round the focused control of every window; ``owner`` owns it."""
        rings = self.focus_rings
        if rings is None:
            from narrative_app.ui.widgets.focus_ring import FocusRings

            app = QApplication.instance()
            if not isinstance(app, QApplication):
                raise RuntimeError("Focus rings need a QApplication")
            rings = self._focus_rings = FocusRings(app, owner)
        return rings
