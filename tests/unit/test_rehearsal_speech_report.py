"""The spoken-rehearsal report from heard words with known timings (no audio needed)."""

from __future__ import annotations

from narrative_app.domain import Narrative, PartKind, StoryPart
from narrative_app.rehearsal.speech.alignment import align
from narrative_app.rehearsal.speech.draft import build_script, spoken_form
from narrative_app.rehearsal.speech.recogniser import HeardWord, knows
from narrative_app.rehearsal.speech.report import build_report

SELF = "I grew up by the river. My father fixed boats for a living.\n\nHe never missed a day."
US = "We all know this town. We keep each other afloat."
NOW = "The yard closes in May. Will you sign the letter to the council tonight?"


def narrative(ask: str = "Will you sign the letter to the council tonight?") -> Narrative:
    n = Narrative(
        parts={
            PartKind.SELF: StoryPart(PartKind.SELF, draft=SELF),
            PartKind.US: StoryPart(PartKind.US, draft=US),
            PartKind.NOW: StoryPart(PartKind.NOW, draft=NOW),
        }
    )
    n.ask = ask
    return n


def say(text: str, start: float = 0.0, step: float = 0.4, gap_after: dict | None = None):
    """Heard words, one every ``step`` seconds, with extra silence after some word indexes."""
    words, t = [], start
    for i, word in enumerate(text.lower().replace(".", "").replace("?", "").split()):
        words.append(HeardWord(word, t, t + step * 0.8))
        t += step + (gap_after or {}).get(i, 0.0)
    return words


def report_for(n: Narrative, heard: list[HeardWord]):
    script = build_script(n, knows)
    return build_report(script, align(script, heard), 60.0)


def test_spoken_forms_split_compounds_and_leave_out_what_cannot_be_heard():
    assert spoken_form("windowsill", knows) == "window sill"
    assert spoken_form("ankle-deep", knows) == "ankle deep"
    assert spoken_form("You’ll", knows) == "you'll"
    assert spoken_form("Priya", knows) == ""
    assert spoken_form("2026", knows) == ""


def test_a_word_perfect_telling_with_fillers_and_a_pause():
    text = f"{SELF} {US} um {NOW}".replace("\n\n", " ")
    heard = say(text, start=1.0, gap_after={5: 1.5})  # a pause after "river"
    report = report_for(narrative(), heard)
    assert [p.coverage for p in report.parts] == [1.0, 1.0, 1.0]
    assert report.overall.skipped == [] and report.overall.added == 0
    assert report.part("us").fillers == 1 and report.overall.fillers == 1
    self_part = report.part("self")
    assert self_part.pauses == 1 and self_part.longest_pause == 1.5 + 0.4 * 0.2
    assert self_part.words == 18
    assert abs(self_part.wpm - 18 / (self_part.seconds / 60)) < 0.1
    assert report.ask_said and report.ask_as_written


def test_a_skipped_sentence_is_listed_and_lowers_coverage():
    text = "I grew up by the river. He never missed a day. " + US + " " + NOW
    report = report_for(narrative(), say(text))
    part = report.part(PartKind.SELF)
    assert part.skipped == ["My father fixed boats for a living."]
    assert part.coverage == round(11 / 18, 3)


def test_an_ask_with_words_added_is_said_but_not_as_written():
    text = f"{SELF} {US} The yard closes in May. Will you please sign the letter to the council"
    report = report_for(narrative(), say(text.replace("\n\n", " ")))
    assert report.ask_said and not report.ask_as_written


def test_an_ask_that_is_only_in_the_purpose_is_looked_for_in_what_was_said():
    n = narrative(ask="Join the rota for the flood wardens")
    script = build_script(n, knows)
    assert script.ask_sentence is None and script.ask_words[:2] == ("join", "the")
    said = report_for(n, say(f"{SELF} join the rota for the flood wardens".replace("\n\n", " ")))
    assert said.ask == "join the rota for the flood wardens"
    assert said.ask_said and said.ask_as_written
    unsaid = report_for(n, say(SELF.replace("\n\n", " ")))
    assert not unsaid.ask_said


def test_nothing_heard_gives_an_empty_report_not_an_error():
    report = report_for(narrative(), [])
    assert report.overall.words == 0 and report.overall.wpm == 0
    assert len(report.overall.skipped) == 7
    assert not report.ask_said
