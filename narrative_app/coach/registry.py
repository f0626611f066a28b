"""Coach: the registry, the one declared place of every check.

Layer: coach (pure, Qt-free). Each ``Check`` names its stable id, the stories it reads
("self", "us", "now" or "all"), how its evidence is found (in plain words, for whoever
changes it), and the rule that decides. The rule's wording (the label, the hint for done,
the hint for try and the reasons) lives in ``resources/coach/hints.toml`` under
``[checks.ID]``. Adding a check means one rule function and one row here, plus its words.
The order of the rows is the order the coach shows them in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from narrative_app.coach import rules_all, rules_ask, rules_now, rules_story, rules_turn
from narrative_app.coach.findings import Verdict
from narrative_app.coach.text import Draft
from narrative_app.domain import PART_ORDER, Narrative, PartKind
from narrative_app.text.timing import Estimate

SELF, US, NOW, ALL = "self", "us", "now", "all"


@dataclass
class Context:
    """What a rule may read: one story's prepared draft and fields (part checks), or every
    story and the timing (whole-narrative checks)."""

    part: str
    draft: Draft | None = None
    fields: dict[str, str] = field(default_factory=dict)
    ask: str = ""
    narrative: Narrative | None = None
    drafts: dict[PartKind, Draft] = field(default_factory=dict)
    estimates: dict[PartKind, Estimate] = field(default_factory=dict)
    total: Estimate | None = None


Rule = Callable[[Context], Verdict]


@dataclass(frozen=True)
class Check:
    id: str
    parts: tuple[str, ...]
    evidence: str
    rule: Rule
    # A check passed by the absence of a flaw needs this many words before absence means
    # anything ("no CV here" says little about a dozen words).
    min_words: int = 0


def _story(rule: Callable[[Draft, str], Verdict]) -> Rule:
    def run(ctx: Context) -> Verdict:
        assert ctx.draft is not None
        return rule(ctx.draft, ctx.part)

    return run


def _choice(ctx: Context) -> Verdict:
    assert ctx.draft is not None
    return rules_turn.choice_point(ctx.draft, ctx.part, ctx.fields.get("choice", ""))


def _ask(ctx: Context) -> Verdict:
    assert ctx.draft is not None
    return rules_ask.ask(ctx.draft, ctx.part, ctx.ask or ctx.fields.get("ask", ""))


def _linked(ctx: Context) -> Verdict:
    assert ctx.narrative is not None
    return rules_all.linked_values(ctx.narrative, ctx.drafts)


def _long(ctx: Context) -> Verdict:
    return rules_all.long_sentences(ctx.drafts)


def _jargon(ctx: Context) -> Verdict:
    return rules_all.jargon(ctx.drafts)


def _length(ctx: Context) -> Verdict:
    assert ctx.total is not None
    return rules_all.length(ctx.drafts, ctx.estimates, ctx.total)


ABSENCE_WORDS = 12

CHECKS: tuple[Check, ...] = (
    Check("specific_moment", (SELF, US),
          "a time anchor ('one night in March') followed by enough concrete scene to picture, "
          "before the story jumps to another period of life", _story(rules_story.specific_moment)),
    Check("sensory_detail", (SELF, US),
          "a word for something seen, heard, smelt, touched or tasted",
          _story(rules_story.sensory_detail)),
    Check("emotion", (SELF,),
          "a feeling named or shown in the body, in a clause about the teller (not 'she felt', "
          "not 'off sick', not in someone else's quoted words)", _story(rules_story.emotion)),
    Check("challenge", (SELF,),
          "two signs of difficulty, or one inside the told moment with feeling shown",
          _story(rules_turn.challenge)),
    Check("choice_point", (SELF,),
          "the teller deciding, or acting where something else was possible, no earlier than "
          "the first difficulty; not someone else's decision, not a bare 'I said no.'",
          _choice),
    Check("outcome", (SELF,),
          "what the teller learned, or what changed after the choice; time passing with no "
          "choice before it does not count", _story(rules_turn.outcome)),
    Check("told_values", (SELF,),
          "values named outright ('I believe in fairness') rather than shown",
          _story(rules_story.told_values), ABSENCE_WORDS),
    Check("resume", (SELF,), "two or more career steps, job titles or CV headings",
          _story(rules_story.resume), ABSENCE_WORDS),
    Check("too_many_moments", (SELF,), "three or more jumps to other times of life",
          _story(rules_story.too_many_moments), ABSENCE_WORDS),
    Check("experiential_us", (US,),
          "a moment the listeners lived together, not a category label",
          _story(rules_story.experiential_us)),
    Check("urgency", (NOW,),
          "a near date, harm to come or already done, or what waiting costs; not the ask's own "
          "deadline, not a negated one ('there is no deadline')", _story(rules_now.urgency)),
    Check("hope", (NOW,),
          "a way there: a plan with a date, a result here or elsewhere, help promised; a "
          "wish or a picture alone ('imagine ...') is not enough", _story(rules_now.hope)),
    Check("ask", (NOW,),
          "one sentence asking for one concrete action, counted by its action verbs", _ask),
    Check("linked_values", (ALL,),
          "each chosen value shown through its family of words in every story, and a "
          "concrete image that recurs across them (narrative_app.coach.links)", _linked),
    Check("long_sentences", (ALL,), "sentences over 25 words", _long),
    Check("jargon", (ALL,), "initials and jargon listeners cannot look up", _jargon),
    Check("length", (ALL,), "each story's estimated time against its target", _length),
)

BY_ID: dict[str, Check] = {c.id: c for c in CHECKS}

# The stable check ids, per story, in the order the coach shows them.
PART_CHECKS: dict[PartKind, tuple[str, ...]] = {
    kind: tuple(c.id for c in CHECKS if kind.value in c.parts) for kind in PART_ORDER
}
NARRATIVE_CHECKS: tuple[str, ...] = tuple(c.id for c in CHECKS if ALL in c.parts)
