"""Scripts: build the sample narrative shown to newcomers and write it as a `.narrative` bundle.

The sample is built in Python and written with the one serialiser (narrative_app.bundle), so the
file in resources/sample/ is always a valid bundle. All wording is Narrative Coach's own.

Run from the repository root:  python scripts/make_sample.py  (add --check to verify only)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))  # also when loaded from a test

from _generated import write_or_check  # noqa: E402

from narrative_app import bundle  # noqa: E402
from narrative_app.domain import Narrative, PartKind, StoryPart  # noqa: E402
from narrative_app.method.presets import apply_preset  # noqa: E402

OUTPUT = ROOT / "narrative_app" / "resources" / "sample" / "sample.narrative"

SELF_DRAFT = """\
It was a wet Tuesday in February, my second month as a social worker. The lift in Marsh Court \
was broken again, so I climbed fourteen floors with a folder of forms under my coat. The flat \
smelt of damp and burnt toast. Kerry opened the door, looked at my lanyard and said, *"You'll be \
gone by Easter. They all are."* I felt my face go hot, because she was right: she had met six \
social workers in two years. Her son, Jayden, was seven. He was lining up toy cars along the \
windowsill and would not look at me.

I had forty-five minutes and a form with thirty questions. [pause] I could have worked through \
it, ticked the boxes and been out on time. Instead I put the folder down, sat on the \
carpet and asked Jayden which car was the fastest. Before I left, I told Kerry I would come back \
every Tuesday at ten.

I kept that promise for two years. Some weeks it meant writing up my notes at ten at night. But \
by the summer, when things went wrong at home, Kerry trusted me enough to ring me before anyone \
rang the police. And Jayden started keeping the fastest car for me.

That flat taught me something I have never unlearned: families do not open the door to a \
service. They open it to a person who keeps coming back.
"""

US_DRAFT = """\
Most of you were here on the Thursday in November when the river came up through the office \
floor. By nine the duty room was ankle-deep, the phones were dead and the files were piled on \
the desks. Nobody waited to be told what to do. Priya set up the duty desk in the library with a \
borrowed laptop. Sam and Dev split the visit list between their cars. Somebody found a flask and \
kept the tea going until dark. [pause]

By six o'clock every family on that day's list had heard from one of us, and not one of them was \
passed to a stranger. Nobody asked whose case it was. We never do, when it matters. That is who \
we are: when the building lets us down, we still turn up for the families who trust us, and we \
turn up together.
"""

NOW_DRAFT = """\
But now it is not the building letting families down. This year, one in three \
children we work with has had three or more social workers. Each new face means another first \
visit, another form, a little less trust, and another child telling their worst day to a \
stranger. [pause] \
We say every family deserves someone who comes back. For too many of them, that is no longer \
true.

If nothing changes, by next spring more families will stop opening the door, and we will lose \
good colleagues who came into this work to care for families, not to hand them over.

It does not have to be like that. Picture a child in Northfield, a year from now, who has had \
one social worker and one named back-up, and both know her name, her school and her \
favourite car. From January the director has agreed a twelve-month pilot here: smaller \
caseloads, and every family paired with a second worker who knows them.

It only works if we fill the back-up list ourselves. So here is my ask. Before you leave this \
room today, will you write your name on the board by the door, to be the named back-up for one \
family from January?
"""


def build_sample() -> Narrative:
    """The complete sample narrative: purpose, values, all fields, drafts and cues."""
    narrative = Narrative(
        title="Someone who comes back",
        audience="Northfield children's social work and family support team (about 40 people)",
        occasion="Team away day: launching the named back-up worker pilot",
        values=["Reliability", "Trust", "Solidarity"],
        next_step=(
            "Sam pairs each name on the board with a family by Friday 19 December; the pilot "
            "starts on Monday 5 January. Questions to Sam or to me."
        ),
        parts={
            PartKind.SELF: StoryPart(
                kind=PartKind.SELF,
                fields={
                    "challenge": (
                        "Two months into the job, I climbed fourteen floors to meet a mother who "
                        "had seen six social workers in two years and told me I would be gone by "
                        "Easter. I had forty-five minutes and a thirty-question form."
                    ),
                    "choice": (
                        "I could have worked through the form and left on time. Instead I put it "
                        "down, sat on the floor with her son, and promised to come back every "
                        "Tuesday at ten."
                    ),
                    "outcome": (
                        "I kept the promise for two years. By the summer she trusted me enough to "
                        "ring me before anyone rang the police. I learned that families open the "
                        "door to a person who keeps coming back, not to a service."
                    ),
                },
                draft=SELF_DRAFT,
                cues=[
                    "Marsh Court: fourteen floors, damp and burnt toast",
                    "\u201cGone by Easter. They all are.\u201d",
                    "Folder down, on the carpet: which car is fastest?",
                    "Every Tuesday at ten, for two years",
                    "A person who keeps coming back",
                ],
            ),
            PartKind.US: StoryPart(
                kind=PartKind.US,
                fields={
                    "shared_moment": (
                        "The Thursday in November when the river flooded the office: we ran the "
                        "duty desk from the library, split the visits between our cars, and every "
                        "family on the list heard from one of us by six."
                    ),
                    "shared_value": (
                        "When the system lets us down, we still turn up for families, and we turn "
                        "up together."
                    ),
                },
                draft=US_DRAFT,
                cues=[
                    "The flood Thursday in November",
                    "Duty desk in the library, visits shared between cars",
                    "Every family heard from us by six",
                    "Nobody asks whose case it is",
                ],
            ),
            PartKind.NOW: StoryPart(
                kind=PartKind.NOW,
                fields={
                    "urgent_challenge": (
                        "One in three children we work with has had three or more social workers "
                        "this year."
                    ),
                    "value_gap": (
                        "We say every family deserves someone who comes back; for too many of "
                        "them that is no longer true."
                    ),
                    "cost_of_inaction": (
                        "By next spring more families will stop opening the door, children will "
                        "keep retelling their worst days to strangers, and we will lose colleagues "
                        "who came into this work to care for families."
                    ),
                    "hopeful_picture": (
                        "A year from now, a child in Northfield has had one social worker and one "
                        "named back-up, and both know her name, her school and her favourite car."
                    ),
                    "strategy": (
                        "A twelve-month pilot from January, agreed by the director: smaller "
                        "caseloads, and every family paired with a named back-up worker who "
                        "already knows them, so nobody starts again from nothing."
                    ),
                    "ask": (
                        "Before you leave today, will you write your name on the board by the "
                        "door to be the named back-up worker for one family from January?"
                    ),
                    "source_of_courage": (
                        "The flood Thursday: I have seen this team run a whole duty service from "
                        "a library and two cars."
                    ),
                },
                draft=NOW_DRAFT,
                cues=[
                    "One in three children: three or more workers this year",
                    "Cost: families stop opening the door",
                    "Picture: one worker, one back-up, a year from now",
                    "January pilot: smaller caseloads, paired workers",
                    "Ask: your name on the board by the door",
                ],
            ),
        },
    )
    apply_preset(narrative, "linked_5")
    return narrative


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = bundle.dumps(build_sample()) + "\n"
    return write_or_check(OUTPUT, text, "make_sample.py", args, ROOT)


if __name__ == "__main__":
    raise SystemExit(main())
