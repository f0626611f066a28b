"""Export: Markdown and plain-text writers, the Markdown reader and write_export."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from narrative_app.domain import PART_ORDER, Narrative, PartKind
from narrative_app.errors import BadInputError
from narrative_app.export import render_export, write_export
from narrative_app.export.markdown import markdown_to_narrative
from narrative_app.export.text import text_to_narrative
from tests.unit.export_fixtures import FIXED_DAY, sample, tricky


def _markdown(narrative: Narrative) -> str:
    """The Markdown export, as the CLI and the Export dialog make it."""
    return render_export(narrative, "md").decode("utf-8")


@pytest.mark.parametrize("make", [sample, tricky])
def test_markdown_round_trip_gives_the_same_file(make):
    original = make()
    first = _markdown(original)
    result = markdown_to_narrative(first)
    assert result.messages == []
    assert _markdown(result.narrative) == first
    back = result.narrative
    assert back.title == original.title
    assert back.ask == original.ask
    assert back.values == original.values
    assert back.pace_wpm == original.pace_wpm
    for kind in PART_ORDER:
        assert back.parts[kind].draft == original.parts[kind].draft.strip("\n")
        assert back.parts[kind].cues == original.parts[kind].cues
        assert back.parts[kind].fields == {
            k: v.strip() for k, v in original.parts[kind].fields.items()
        }
        assert back.parts[kind].target_seconds == original.parts[kind].target_seconds


def test_markdown_follows_the_convention():
    text = _markdown(sample())
    lines = text.splitlines()
    assert lines[0] == "# Someone who comes back"
    assert any(line.startswith("Ask: Before you leave today") for line in lines)
    assert "Values: Reliability, Trust, Solidarity" in lines
    assert "## Story of Self (2:00)" in lines
    assert "## Story of Us (1:15)" in lines
    assert "## Story of Now (1:45)" in lines
    assert lines.count("### Cues") == 3
    assert "### The ask" not in lines  # the ask is written once, on the Ask: line
    assert text.endswith(".\n") and not text.endswith("\n\n")


def test_structure_lookalikes_in_a_draft_are_escaped():
    text = _markdown(tricky())
    assert "\n\\## Story of Now\n" in text
    assert "\n\\### Cues\n" in text
    assert "\n\\\\## Story of Us\n" in text
    assert "\n## Not a part heading\n" in text  # not structure: left alone


def test_headings_are_matched_leniently():
    text = (
        "# My talk\n\nAudience: Governors\n**Ask:** Vote yes\nValues: Care; Courage, really\n\n"
        "# self (1:30)\nI grew up here.\n\n"
        "## STORY OF US [2 min]\nWe all did.\n\n### cues\n* one\n* two\n  continued\n\n"
        "### Shared value\nLoyalty\n\n"
        "### Story of now ###\nNow or never.\n"
    )
    result = markdown_to_narrative(text)
    n = result.narrative
    assert result.messages == []
    assert (n.title, n.audience, n.ask) == ("My talk", "Governors", "Vote yes")
    assert n.values == ["Care", "Courage, really"]
    assert n.parts[PartKind.SELF].draft == "I grew up here."
    assert n.parts[PartKind.SELF].target_seconds == 90
    assert n.parts[PartKind.US].target_seconds == 120
    assert n.parts[PartKind.US].cues == ["one", "two continued"]
    assert n.parts[PartKind.US].fields["shared_value"] == "Loyalty"
    assert n.parts[PartKind.NOW].draft == "Now or never."
    assert n.preset == "custom"


def test_targets_matching_a_preset_select_it():
    assert markdown_to_narrative(_markdown(sample())).narrative.preset == "linked_5"


def test_plain_markdown_goes_into_the_self_draft_with_a_message():
    result = markdown_to_narrative("# Notes\n\nJust a speech.\n\n## Intro\n\nMore.\n")
    n = result.narrative
    assert n.title == "Notes"
    assert n.parts[PartKind.SELF].draft == "Just a speech.\n\n## Intro\n\nMore."
    assert n.parts[PartKind.US].draft == ""
    assert any("Story of Self draft" in m for m in result.messages)


def test_missing_title_uses_the_fallback_and_says_so():
    result = markdown_to_narrative("## Self\nHello\n", fallback_title="my speech")
    assert result.narrative.title == "my speech"
    assert any("my speech" in m for m in result.messages)


def test_text_before_the_first_part_is_kept_with_a_message():
    result = markdown_to_narrative("# T\n\nIntro words.\n\n## Self\nStory.\n")
    assert result.narrative.parts[PartKind.SELF].draft == "Intro words.\n\nStory."
    assert any("before the first part" in m for m in result.messages)


@pytest.mark.parametrize("layout", ["notes", "cards", "briefing"])
def test_text_export_shows_every_part_and_the_ask(layout):
    text = render_export(sample(), "txt", layout=layout, today=FIXED_DAY).decode("utf-8")
    n = sample()
    assert n.ask in text
    if layout != "briefing":
        for kind in PART_ORDER:
            assert kind.title.upper() in text
            assert n.parts[kind].cues[0] in text
    else:
        assert "WHY NOW" in text and "HOW TO SAY YES" in text
        assert "TIMING" not in text and "5:00" not in text  # timings are the speaker's


def test_text_notes_read_back_into_the_right_parts():
    text = render_export(sample(), "txt", today=FIXED_DAY).decode("utf-8")
    assert "Date: 14 March 2025" in text
    back = text_to_narrative(text).narrative
    original = sample()
    assert back.title == original.title
    assert back.ask == original.ask
    for kind in PART_ORDER:
        assert back.parts[kind].cues == original.parts[kind].cues
        assert back.parts[kind].target_seconds == original.parts[kind].target_seconds
        first = original.parts[kind].draft.split("\n\n")[0]
        assert back.parts[kind].draft.split("\n\n")[0] == first


def test_write_export_writes_each_format(tmp_path: Path):
    n = sample()
    for fmt in ("md", "txt", "narrative"):
        path = write_export(n, fmt, tmp_path / f"out.{fmt}")
        assert path.read_bytes() == render_export(n, fmt)
    assert (tmp_path / "out.md").read_text("utf-8").startswith("# Someone who comes back\n")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"fmt": "odt"}, "Unknown export format 'odt'"),
        ({"fmt": "md", "layout": "poster"}, "Unknown layout 'poster'"),
        ({"fmt": "docx", "paper": "A3"}, "Unknown paper size 'A3'"),
    ],
)
def test_bad_options_are_refused_clearly(tmp_path: Path, kwargs, needle):
    fmt = kwargs.pop("fmt")
    with pytest.raises(BadInputError) as info:
        write_export(sample(), fmt, tmp_path / "x.out", **kwargs)
    assert needle in str(info.value)
    assert "\n" not in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_refused(tmp_path: Path):
    with pytest.raises(BadInputError, match="does not exist"):
        write_export(sample(), "md", tmp_path / "nope" / "x.md")


def test_a_failed_write_leaves_nothing_half_written(tmp_path: Path, monkeypatch):
    target = tmp_path / "notes.md"
    target.write_text("old content", encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(BadInputError, match="No space left on device"):
        write_export(sample(), "md", target)
    assert target.read_text(encoding="utf-8") == "old content"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.md"]


def test_the_apps_own_sample_round_trips_through_markdown():
    from narrative_app.bundle import read_file
    from narrative_app.paths import resource_path

    live = read_file(resource_path("sample", "sample.narrative"))
    first = _markdown(live)
    assert _markdown(markdown_to_narrative(first).narrative) == first
