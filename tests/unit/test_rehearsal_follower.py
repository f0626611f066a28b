"""The voice follower: where in the sample's drafts the speaker is, as words are heard."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

from narrative_app import bundle
from narrative_app.domain import Narrative, PartKind
from narrative_app.paths import resource_path
from narrative_app.rehearsal.speech import WavFileSource, audio, listen
from narrative_app.rehearsal.speech.alignment import align
from narrative_app.rehearsal.speech.draft import DraftScript, build_script
from narrative_app.rehearsal.speech.follower import VoiceFollower
from narrative_app.rehearsal.speech.recogniser import Recogniser, knows
from tests.unit import speech_wavs as sw


@pytest.fixture(scope="module")
def sample() -> Narrative:
    return bundle.read_file(resource_path("sample", "sample.narrative"))


@pytest.fixture(scope="module")
def script(sample: Narrative) -> DraftScript:
    return build_script(sample, knows)


def units(script: DraftScript, start: int, stop: int) -> list[str]:
    """The recogniser's words for draft words start..stop-1."""
    return " ".join(w.text for w in script.words[start:stop] if w.text).split()


def test_it_moves_word_by_word_as_the_draft_is_read(script):
    follower = VoiceFollower(script)
    heard: list[str] = []
    places = []
    for word in units(script, 0, 40):
        heard.append(word)
        places.append(follower.feed(heard).word)
    assert places == sorted(places)
    assert places[-1] == 40
    assert places[1] == 2  # two words heard: it knows where the speaker is


def test_it_holds_during_an_ad_lib_and_picks_up_on_return(script):
    follower = VoiceFollower(script)
    heard = units(script, 0, 14)  # "It was a wet Tuesday ... social worker."
    place = follower.feed(heard).word
    assert place == 14
    # An ad-lib decoded with the draft's model comes out as draft words out of order.
    ad_lib = ["are", "easter", "go", "fourteen", "and", "was", "right", "was", "in", "they",
              "all", "a", "wet"]
    for word in ad_lib:
        heard.append(word)
        assert follower.feed(heard).word == place
    heard += units(script, 14, 24)  # back to the text: "The lift in Marsh Court..."
    assert follower.feed(heard).word == 24


def test_fillers_and_revised_words_are_handled(script):
    follower = VoiceFollower(script)
    assert follower.feed(["it", "um", "was", "a", "wed"]).word == 3
    # The recogniser revises "wed" to "wet" and hears more: the place follows.
    assert follower.feed(["it", "um", "was", "a", "wet", "tuesday"]).word == 5


def test_a_skipped_passage_is_found_again_after_a_few_words(script):
    follower = VoiceFollower(script)
    heard = units(script, 0, 10)
    follower.feed(heard)
    later = 60
    heard += units(script, later, later + 6)
    place = follower.feed(heard).word
    assert later + 4 <= place <= later + 6


def test_starting_the_next_part_moves_into_it(script):
    first_us = next(i for i, w in enumerate(script.words) if w.part is PartKind.US)
    follower = VoiceFollower(script)
    follower.reset_to(first_us - 8)
    heard = units(script, first_us - 8, first_us)
    assert follower.feed(heard).part is PartKind.SELF
    heard += units(script, first_us, first_us + 3)
    place = follower.feed(heard)
    assert place.part is PartKind.US and place.moved


@pytest.mark.skipif(sw.espeak() is None, reason="espeak-ng is not installed")
def test_following_a_spoken_paragraph_lags_under_0_7_seconds(sample, script, tmp_path, monkeypatch):
    paragraph = sw.paragraphs(sample.parts[PartKind.SELF].draft)[0]
    wav = sw.speak(paragraph, 150, tmp_path / "opening.wav")
    monkeypatch.setattr(audio, "CHUNK_SAMPLES", 1600)  # 0.1 s, as a microphone would
    source = WavFileSource(Path(wav))
    follower = VoiceFollower(script)
    reached: dict[int, float] = {}
    with Recogniser(script.lines()) as recogniser:
        for seconds, words in recogniser.partials(source):
            reached.setdefault(follower.feed(words).word, seconds)
    paragraph_words = sw.spoken_words(paragraph)
    assert abs(follower.place.word - paragraph_words) <= 3
    final_script, heard = listen(sample, source)
    alignment = align(final_script, heard)
    lags = []
    for k, index in enumerate(alignment.draft_index):
        if index is not None:
            moved = [s for w, s in reached.items() if w > index]
            if moved:
                lags.append(min(moved) - heard[k].end)
    assert len(lags) >= 0.8 * paragraph_words
    assert statistics.median(lags) < 0.7, statistics.median(lags)
