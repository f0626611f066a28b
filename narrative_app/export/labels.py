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
TABLE_HEADER = ("Part", "Target", "Estimated")
# The team briefing's sections, in the order it prints them.
PURPOSE_LABEL = "What this is about"
WHY_IT_MATTERS_LABEL = "Why it matters to me"
SAY_YES_LABEL = "How to say yes"
WHEN_LABEL = "When"
WHERE_LABEL = "Where"
WHO_LABEL = "Who"
NEXT_STEP_LABEL = "What happens next"
NEXT_STEP_META = "Next step"  # the same, as a header line of the notes (read back on import)
OUR_VALUES_LABEL = "What we stand for"
# What the briefing prints where a section has nothing to say yet (a fresh narrative).
BRIEFING_EMPTY = {
    PURPOSE_LABEL: "Not written yet: the Occasion on the Purpose page fills this in.",
    WHY_NOW_LABEL: (
        "Not written yet: the Story of Now's draft fills this in (the urgency, the hope "
        "and the plan)."
    ),
    WHAT_WE_SHARE_LABEL: (
        "Not written yet: the Story of Us's draft fills this in (the moment we share and "
        "what it says about us)."
    ),
    ASK_LABEL: "Not written yet: write the ask on the Purpose page or in the Story of Now.",
    SAY_YES_LABEL: (
        "Not written yet: say when and where in the ask, and who to tell under \"How to say "
        "yes\" on the Purpose page."
    ),
    NEXT_STEP_LABEL: (
        "Not written yet: say what follows a yes under \"How to say yes\" on the Purpose page."
    ),
    OUR_VALUES_LABEL: "Not chosen yet: choose your values on the Values page.",
}
IN_ALL_LABEL = "In all"
CARD_HEADER = "{title}  ·  card {number} of {count}"
LAYOUT_LABELS = {"notes": "Speaking notes", "cards": "Cue cards", "briefing": "Team briefing"}
