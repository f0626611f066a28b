"""Test helpers: narratives for the export and import tests (the sample and a tricky one)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from narrative_app.bundle import read_file
from narrative_app.domain import Narrative, PartKind, StoryPart

FIXED_DAY = date(2025, 3, 14)


GOLDEN_INPUT = Path(__file__).resolve().parent.parent / "golden" / "input.narrative"


def sample() -> Narrative:
    """A frozen copy of the app's sample narrative, so edits to the sample move no test."""
    return read_file(GOLDEN_INPUT)


def tricky() -> Narrative:
    """Unicode, Markdown that looks like structure, commas in values, no targets on Us."""
    return Narrative(
        title="Café “Éire” — naïve résumé 🚀",
        audience="Ward 7 nurses, Zürich & 東京",
        occasion="Handover — night shift",
        preset="custom",
        pace_wpm=140,
        values=["Care, always", "Courage", "Fairness"],
        parts={
            PartKind.SELF: StoryPart(
                PartKind.SELF,
                fields={
                    "challenge": "At 3 a.m. the bell rang.\n\nI was alone.",
                    "choice": "I stayed.",
                },
                draft=(
                    "It was *late* and **cold**. [pause]\n"
                    "## Story of Now\n"
                    "### Cues\n"
                    "\\## Story of Us\n"
                    "## Not a part heading\n"
                    "- a bullet in the draft\n\n"
                    "Здравствуйте, مرحبا, שלום — “quotes” ‘single’ … 👩🏽‍⚕️"
                ),
                cues=["Bell at 3 a.m.", "“I stayed”"],
                target_seconds=120,
            ),
            PartKind.US: StoryPart(PartKind.US, draft="We all know that ward.", cues=[]),
            PartKind.NOW: StoryPart(
                PartKind.NOW,
                fields={
                    "ask": "Sign the rota — tonight.",
                    "urgent_challenge": "Beds close in May.",
                },
                draft="Now is the time.\n\n### Strategy\nnot a field here because escaped",
                cues=["Ask: the rota"],
                target_seconds=90,
            ),
        },
    )
