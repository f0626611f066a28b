"""Export: what the one-page team briefing says, chosen from the drafts by what each
sentence does.

Layer: export (Qt-free). A team member keeps this page, so it is written from what the speaker
says out loud (the drafts), never from the structured fields (the speaker's shorthand):
- why now: the urgency (the sentences with the coach's urgency evidence, a figure scoring
  higher) and the hope (the picture of success, and the plan: the coach's hope evidence or a
  plan word such as "pilot" or "from January"), never the ask itself;
- what we share: the shared moment (the Story of Us's first sentence) and what it says about
  us (its closing paragraph);
- why it matters to the speaker: the Story of Self's closing lesson;
- how to say yes: when and where, read from the ask, and who to tell, read from the Purpose
  page's "How to say yes" field (its sentences that name someone to tell, ask or contact);
- what happens next: the rest of that field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from narrative_app.coach.text import prepared
from narrative_app.text.markdown import Block, BlockType, read_blocks
from narrative_app.text.sentences import sentences

LINE_LIMIT = 240
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_ASKING_RE = re.compile(
    r"\?|\b(?:will you|would you|can you|could you|my ask|i(?:'m|’m| am) asking)\b", re.I
)
_FIGURE_RE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|half|third|quarter|"
    r"hundred|thousand|million|per cent)\b",
    re.I,
)
_PLAN_RE = re.compile(
    rf"\b(?:plan|pilot|strategy|agreed|funded|funding|launch(?:es|ing)?|starting|"
    rf"from (?:{_MONTHS})|we will|we’ll|we'll)\b",
    re.I,
)
_WHEN_RE = re.compile(
    rf"\b(?:before (?:you|we) leave(?: [\w’' ]*?)?(?= today| tonight|,|\?|$)(?: today| tonight)?"
    rf"|by (?:the end of )?(?:{_DAYS}|{_MONTHS}|\d{{1,2}} (?:{_MONTHS})|tomorrow|tonight|"
    rf"next \w+|this \w+)|on (?:{_DAYS})(?: \d{{1,2}} (?:{_MONTHS}))?|"
    rf"(?:this|next) (?:week|month|term|{_DAYS})|today|tonight|tomorrow|"
    rf"at \d{{1,2}}(?:[:.]\d{{2}})?\s*(?:a\.?m\.?|p\.?m\.?)?(?=\W|$))",
    re.I,
)
_WHERE_RE = re.compile(
    r"\b(?:on|in|at|into|onto) the (?!(?:end|start|way|day|time)\b)[\w’' -]{2,40}?"
    r"(?=\s+(?:to|for|from|and|so|before|by \d|today|tonight)\b|[,.;?!]|$)",
    re.I,
)


# A sentence that says who to tell: "Tell Sam", "Questions to Sam or me", an email address.
_WHO_RE = re.compile(
    r"\b(?i:tell|ask|contact|e-?mail|ring|phone|call|text|message|see|speak to|talk to|"
    r"reply to|write to|sign up with|get in touch with|questions (?:to|for)|names (?:to|with)|"
    r"let)\s+(?:(?i:me|us|your|our)\b|[A-Z])"  # ... and then a person: "me", "Sam"
    r"|[\w.+-]+@[\w-]+\.\w"  # an email address
    r"|\b0\d{3,4} ?\d{3} ?\d{3,4}\b|\bextension \d"  # a telephone number
)


@dataclass(frozen=True)
class BriefingText:
    """The briefing's extracts, each a short paragraph (empty when the draft is)."""

    urgency: str = ""
    hope: str = ""
    shared: tuple[str, ...] = ()
    lesson: str = ""
    when: str = ""
    where: str = ""
    who: str = ""
    then: str = ""  # what happens next


def clip(text: str) -> str:
    if len(text) <= LINE_LIMIT:
        return text
    cut = text[: LINE_LIMIT - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def _prose(draft: str) -> list[Block]:
    return [b for b in read_blocks(draft) if b.type is not BlockType.HEADING]


def _sentences(blocks: list[Block]) -> list[str]:
    return [s for block in blocks for s in sentences(block.spoken)]


def _urgency_score(sentence: str) -> int:
    draft = prepared(sentence)
    hits = len(draft.hits("urgency")) + len(draft.hits("urgency_cost"))
    if not hits or draft.hits("hope_vision"):
        return 0
    return hits + (2 if _FIGURE_RE.search(sentence) else 0) + (1 if len(sentence.split()) >= 10
                                                                else 0)


def why_now(draft: str) -> tuple[str, str]:
    """(the urgency, the hope with its plan) from the Story of Now's draft."""
    found = [s for s in _sentences(_prose(draft)) if not _ASKING_RE.search(s)]
    scored = sorted(
        ((score, i) for i, s in enumerate(found) if (score := _urgency_score(s)) > 1),
        key=lambda pair: (-pair[0], pair[1]),
    )
    urgent = sorted(i for _score, i in scored[:2])
    picture = next(
        (i for i, s in enumerate(found) if i not in urgent and prepared(s).hits("hope_vision")),
        None,
    )
    plan = next(
        (
            i for i, s in enumerate(found)
            if i not in urgent and i != picture
            and (prepared(s).hits("hope") or _PLAN_RE.search(s))
        ),
        None,
    )
    if picture is None:
        picture = next(
            (i for i, s in enumerate(found) if i not in urgent and i != plan
             and prepared(s).hits("hope_belief")),
            None,
        )
    hopeful = sorted(i for i in (picture, plan) if i is not None)
    return (
        " ".join(clip(found[i]) for i in urgent),
        " ".join(clip(found[i]) for i in hopeful),
    )


def what_we_share(draft: str) -> tuple[str, ...]:
    """The shared moment and what it says about us, from the Story of Us's draft."""
    blocks = _prose(draft)
    if not blocks:
        return ()
    first = sentences(blocks[0].spoken)
    last = sentences(blocks[-1].spoken)
    lines = [clip(first[0])] if first else []
    if len(blocks) > 1 and last:
        ending = last[:1] if len(last) == 1 else [last[0], last[-1]]
        lines.append(" ".join(clip(s) for s in ending))
    elif len(first) > 1:
        lines.append(clip(first[-1]))
    return tuple(lines)


def lesson(draft: str) -> str:
    """The Story of Self's closing lesson: its last paragraph, at most two sentences."""
    blocks = _prose(draft)
    if len(blocks) < 2:
        return ""
    return " ".join(clip(s) for s in sentences(blocks[-1].spoken)[-2:])


def say_yes(ask: str) -> tuple[str, str]:
    """(when, where) the ask names, each "" when it does not."""
    when = _WHEN_RE.search(ask)
    where = _WHERE_RE.search(ask)
    return (
        _capital(when.group().strip()) if when else "",
        _capital(where.group().strip()) if where else "",
    )


def who_and_then(next_step: str) -> tuple[str, str]:
    """(who to tell, what happens next) from the "How to say yes" field: the sentences that
    name someone to tell, ask or contact, and the rest, each in the order written."""
    found = sentences(" ".join(next_step.split()))
    who = [s for s in found if _WHO_RE.search(s)]
    return " ".join(who), " ".join(s for s in found if s not in who)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def briefing_text(
    self_draft: str, us_draft: str, now_draft: str, ask: str, next_step: str = ""
) -> BriefingText:
    urgency, hope = why_now(now_draft)
    when, where = say_yes(ask)
    who, then = who_and_then(next_step)
    return BriefingText(
        urgency=urgency,
        hope=hope,
        shared=what_we_share(us_draft),
        lesson=lesson(self_draft),
        when=when,
        where=where,
        who=who,
        then=then,
    )
