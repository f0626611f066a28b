"""Text: the one sentence and clause reader (abbreviations, quotes, clauses, offsets)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from narrative_app.text.sentences import (
    clause_facts,
    quoted_spans,
    split_clauses,
    split_sentences,
    words_of,
)


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_abbreviations_do_not_end_a_sentence():
    text = (
        "I said no. At 3 a.m. on a Tuesday, Dr. Patel rang. It was 3 a.m. The ward was quiet, "
        "e.g. no alarms. Room No. 4 was empty. J. Smith came in."
    )
    assert texts(text) == [
        "I said no.",
        "At 3 a.m. on a Tuesday, Dr. Patel rang.",
        "It was 3 a.m.",
        "The ward was quiet, e.g. no alarms.",
        "Room No. 4 was empty.",
        "J. Smith came in.",
    ]


def test_closing_quotes_stay_with_their_sentence_and_blank_lines_split():
    text = 'She said, “You’ll be gone by Easter.” Then she shut the door\n\nNew paragraph'
    assert texts(text) == [
        "She said, “You’ll be gone by Easter.”",
        "Then she shut the door",
        "New paragraph",
    ]
    assert [text[a:b] for a, b in quoted_spans(text)] == ["“You’ll be gone by Easter.”"]


def test_clauses_split_at_punctuation_and_joining_words():
    text = "By next spring, if we keep going like this, we will lose half the team but nobody asks."
    clauses = [text[c.start : c.end] for c in split_clauses(text)]
    assert clauses == [
        "By next spring",
        "if we keep going like this",
        "we will lose half the team",
        "but nobody asks.",
    ]


def test_clause_facts_read_subject_negation_and_mood():
    facts = clause_facts(words_of("I didn't decide anything that day"))
    assert (facts.subject, facts.negated, facts.hedged) == ("teller", True, False)
    facts = clause_facts(words_of("she could have rung the registrar"))
    assert (facts.subject, facts.negated, facts.hedged) == ("other", False, True)
    assert clause_facts(words_of("we will open on Monday")).future


@given(st.text(alphabet=st.sampled_from(list("ab .!?\n“”\"'e.g3 DrNo")), max_size=80))
def test_sentences_are_in_order_inside_the_text_and_never_empty(text: str):
    last = 0
    for sentence in split_sentences(text):
        assert last <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end].strip() == text[sentence.start : sentence.end]
        assert sentence.words > 0
        last = sentence.end
