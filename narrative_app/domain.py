"""Domain: plain dataclasses for narratives, their parts, versions and rehearsal runs.

This is the bottom layer: no Qt, no SQLAlchemy. Every other layer speaks in these types.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

DEFAULT_PACE_WPM = 125
# The measured pace: the latest PACE_RUNS runs with spoken words, counting only parts told at a
# believable pace (words a minute within SPOKEN_WPM); paging through a run in a few seconds
# must not teach the app a pace of 1,200 words a minute.
SPOKEN_WPM = (60, 240)
PACE_RUNS = 5


class PartKind(str, enum.Enum):
    """The three stories of a public narrative, in telling order."""

    SELF = "self"
    US = "us"
    NOW = "now"

    # A part's heading, used across every layer (coach included) as ``kind.title``. It hides
    # str.title(), which is never wanted on a part, so the override is deliberate.
    @property
    def title(self) -> str:  # type: ignore[override]
        return {"self": "Story of Self", "us": "Story of Us", "now": "Story of Now"}[self.value]


PART_ORDER: tuple[PartKind, ...] = (PartKind.SELF, PartKind.US, PartKind.NOW)

# The structured fields of each story, in the order they are shown. Labels, hints and prompts
# live in resources/method/framework.toml; these keys are the stable identifiers.
PART_FIELDS: dict[PartKind, tuple[str, ...]] = {
    PartKind.SELF: ("challenge", "choice", "outcome"),
    PartKind.US: ("shared_moment", "shared_value"),
    PartKind.NOW: (
        "urgent_challenge",
        "value_gap",
        "cost_of_inaction",
        "hopeful_picture",
        "strategy",
        "ask",
        "source_of_courage",
    ),
}

MAX_CHOSEN_VALUES = 5


def _empty_fields(kind: PartKind) -> dict[str, str]:
    return dict.fromkeys(PART_FIELDS[kind], "")


@dataclass
class StoryPart:
    """One of Self, Us or Now: structured fields, a Markdown draft and short speaking cues."""

    kind: PartKind
    fields: dict[str, str] = field(default_factory=dict)
    draft: str = ""
    cues: list[str] = field(default_factory=list)
    target_seconds: int = 0

    def __post_init__(self) -> None:
        self.kind = PartKind(self.kind)
        # Always carry every field of the part, in method order, so callers never KeyError.
        merged = _empty_fields(self.kind)
        merged.update({k: v for k, v in self.fields.items() if k in merged})
        self.fields = merged


@dataclass
class Narrative:
    """A whole public narrative: its purpose, chosen values and three stories.

    The ask lives in the Story of Now's ``ask`` field; ``Narrative.ask`` is a view of it, so
    there is one place for it however it is edited.
    """

    title: str = "Untitled narrative"
    audience: str = ""
    occasion: str = ""
    preset: str = "linked_5"
    pace_wpm: int = DEFAULT_PACE_WPM
    values: list[str] = field(default_factory=list)
    parts: dict[PartKind, StoryPart] = field(default_factory=dict)
    # The Purpose page's "How to say yes": who to tell and what follows a yes ("Tell Sam by
    # Friday. The pilot starts in January."); the team briefing splits it into the two.
    next_step: str = ""
    # How each person's name found in the text is printed in a briefing or on cue cards:
    # name -> the text printed instead (the name itself to keep it). Never changes a draft.
    people: dict[str, str] = field(default_factory=dict)
    id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    trashed_at: datetime | None = None

    def __post_init__(self) -> None:
        parts = {PartKind(k): v for k, v in self.parts.items()}
        self.parts = {kind: parts.get(kind) or StoryPart(kind) for kind in PART_ORDER}

    @property
    def ask(self) -> str:
        return self.parts[PartKind.NOW].fields["ask"]

    @ask.setter
    def ask(self, text: str) -> None:
        self.parts[PartKind.NOW].fields["ask"] = text

    def part(self, kind: PartKind | str) -> StoryPart:
        return self.parts[PartKind(kind)]

    @property
    def target_seconds(self) -> int:
        return sum(p.target_seconds for p in self.parts.values())


@dataclass(frozen=True)
class NarrativeSummary:
    """What the library shows for one narrative, without loading its whole text."""

    id: int
    title: str
    audience: str
    occasion: str
    preset: str
    target_seconds: int
    words: int
    paragraphs: int
    pace_wpm: int
    updated_at: datetime
    last_rehearsed_at: datetime | None = None
    trashed_at: datetime | None = None
    gaps: int = 0  # the timing model's one-second gaps, summed over the parts


@dataclass(frozen=True)
class VersionInfo:
    """A saved telling of a narrative: a label and when, with the content kept as a bundle."""

    id: int
    narrative_id: int
    label: str
    audience: str
    occasion: str
    created_at: datetime
    automatic: bool = False


@dataclass(frozen=True)
class PartSplit:
    """Seconds spent on one part during a rehearsal run."""

    part: PartKind
    seconds: float
    target_seconds: int = 0
    words: int = 0


@dataclass
class RehearsalRun:
    """One telling against the clock, with its per-part splits and any peer feedback."""

    narrative_id: int
    started_at: datetime
    total_seconds: float
    splits: list[PartSplit] = field(default_factory=list)
    view: str = "cues"
    notes: str = ""
    feedback: dict[str, str] = field(default_factory=dict)
    # What was heard, for a spoken rehearsal: the speech report as JSON data ({} otherwise).
    speech: dict[str, Any] = field(default_factory=dict)
    id: int | None = None
