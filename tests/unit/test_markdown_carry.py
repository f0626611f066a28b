"""Export: what the Markdown round trip carries (multi-line cues, whole) and what it does
not, as docs/file-formats.md says (hypothesis where that is simple)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from narrative_app.domain import Narrative, PartKind
from narrative_app.export import render_export
from narrative_app.export.markdown import markdown_to_narrative


def _markdown(narrative: Narrative) -> str:
    """The Markdown export, as the CLI and the Export dialog make it."""
    return render_export(narrative, "md").decode("utf-8")

ROOT = Path(__file__).resolve().parents[2]

# Printable text with the characters Markdown treats specially, and line breaks.
_chars = st.characters(
    blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Co", "Cn"), blacklist_characters="\ufeff"
) | st.sampled_from(list("\\-#*+•1. )"))
_lines = st.text(_chars, max_size=20)
cue_texts = st.lists(_lines, min_size=1, max_size=4).map("\n".join)


def _carried(cue: str) -> str:
    """What the file formats document says a cue keeps: each line trimmed, blank lines at
    either end dropped."""
    lines = [line.strip() for line in cue.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def _round_trip(narrative: Narrative) -> Narrative:
    return markdown_to_narrative(_markdown(narrative)).narrative


def test_a_multi_line_cue_comes_back_whole():
    narrative = Narrative(title="Cues")
    part = narrative.parts[PartKind.US]
    part.draft = "We were there."
    part.cues = ["Marsh Court:\nfourteen floors", "plain", "a\n\nb", "C:\\", "- one\n- two"]
    back = _round_trip(narrative)
    assert back.parts[PartKind.US].cues == part.cues
    text = _markdown(narrative)
    assert "- Marsh Court:\\\n    fourteen floors\n" in text


def test_a_wrapped_bullet_without_a_backslash_is_one_line():
    text = "# T\n\n## Story of Self\n\nDraft.\n\n### Cues\n\n- Marsh Court:\n  fourteen floors\n"
    cues = markdown_to_narrative(text).narrative.parts[PartKind.SELF].cues
    assert cues == ["Marsh Court: fourteen floors"]


@settings(max_examples=60, deadline=None)
@given(st.lists(cue_texts, min_size=1, max_size=5))
def test_cues_survive_the_round_trip_as_documented(cues: list[str]):
    narrative = Narrative(title="Cues")
    narrative.parts[PartKind.NOW].draft = "Now."
    narrative.parts[PartKind.NOW].cues = cues
    expected = [c for c in (_carried(cue) for cue in cues) if c]
    assert _round_trip(narrative).parts[PartKind.NOW].cues == expected


def test_what_markdown_cannot_carry_is_dropped_and_documented():
    narrative = Narrative(title="Odd")
    part = narrative.parts[PartKind.SELF]
    part.draft = "Bell\x07 here\ufffe.\r\nNext line   \n"
    back = _round_trip(narrative).parts[PartKind.SELF].draft
    assert back == "Bell here.\nNext line"
    docs = (ROOT / "docs" / "file-formats.md").read_text(encoding="utf-8")
    section = docs.split("### What Markdown does not carry", 1)[1]
    for needle in ("Control characters", "U+FFFE", "trailing newline", "end of a line"):
        assert needle in section
