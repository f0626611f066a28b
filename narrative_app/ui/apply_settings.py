"""UI: make saved settings take effect at once: theme, editor font, spell check, backups.

Layer: ui. Called by the main window when the Settings dialog is applied.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from narrative_app.ui.settings import AppSettings, apply_theme

if TYPE_CHECKING:
    from narrative_app.ui.app_context import AppContext
    from narrative_app.ui.controller import NarrativeController


def apply_settings(settings: AppSettings, context: AppContext,
                   controller: NarrativeController | None = None) -> None:
    """Make ``settings`` take effect now: theme, editor font, spell check and backups."""
    apply_theme(settings.theme)
    context.editor_font.set(settings.editor_font_family, settings.editor_font_size)
    spell = context.spell
    if (spell.enabled, spell.language) != (settings.spell_check, settings.spell_language):
        spell.configure(enabled=settings.spell_check, language=settings.spell_language)
    if controller is not None:  # today's copy in the chosen folder, if it has none yet
        controller.configure_backups(keep=settings.backups_keep, backups_dir=settings.backups_dir)
