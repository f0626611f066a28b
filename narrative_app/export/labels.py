"""Export: every English label the printed layouts use, in one place.

Layer: export (Qt-free). ``layouts.py`` puts these into the blocks it composes; the writers
never spell a label of their own, so Word, PDF, HTML and text say the same thing.
"""

from __future__ import annotations

APPENDIX_TITLE = "Full text"
ASK_LABEL = "The ask"
CLOSING_LABEL = "Close with the ask"
NO_CUES_TEXT = "No cues yet: add short cues to this part in the app."
VALUES_LABEL = "Values"
TIMING_LABEL = "Timing"
WHY_NOW_LABEL = "Why now"
WHAT_WE_SHARE_LABEL = "What we share"
WHY_I_CARE_LABEL = "Why I care"
TABLE_HEADER = ("Part", "Target", "Estimated")
IN_ALL_LABEL = "In all"
CARD_HEADER = "{title}  ·  card {number} of {count}"
LAYOUT_LABELS = {"notes": "Speaking notes", "cards": "Cue cards", "briefing": "Team briefing"}
