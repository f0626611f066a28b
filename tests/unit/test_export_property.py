"""Export: no export fails on arbitrary Unicode, and the Word text survives it (hypothesis)."""

from __future__ import annotations

import io

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from narrative_app.bundle import loads
from narrative_app.domain import Narrative, PartKind, StoryPart
from narrative_app.export import render_export
from narrative_app.export.markdown import markdown_to_narrative
from narrative_app.export.xmlsafe import xml_safe

texts = st.text(max_size=60)
many = st.lists(texts, max_size=4)


@st.composite
def narratives(draw) -> Narrative:
    parts = {
        kind: StoryPart(
            kind,
            fields={"challenge": draw(texts), "ask": draw(texts), "shared_value": draw(texts)},
            draft=draw(st.text(max_size=200)),
            cues=draw(many),
            target_seconds=draw(st.integers(0, 900)),
        )
        for kind in PartKind
    }
    return Narrative(
        title=draw(texts),
        audience=draw(texts),
        occasion=draw(texts),
        values=draw(many),
        pace_wpm=draw(st.integers(60, 250)),
        parts=parts,
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(narratives(), st.sampled_from(["notes", "cards", "briefing"]))
def test_exports_never_fail_on_arbitrary_unicode(narrative: Narrative, layout: str):
    for fmt in ("md", "txt", "narrative"):
        data = render_export(narrative, fmt)
        assert data.decode("utf-8")
    data = render_export(narrative, "docx", layout=layout)
    document = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in document.paragraphs)
    ask = " ".join(xml_safe(narrative.ask).replace("\r", "\n").split("\n")).strip()
    if ask:
        assert ask in text
    assert loads(render_export(narrative, "narrative")).parts == narrative.parts
    markdown_to_narrative(render_export(narrative, "md").decode("utf-8"))


@settings(max_examples=30, deadline=None)
@given(st.text(max_size=400))
def test_markdown_reader_never_fails(text: str):
    result = markdown_to_narrative(text)
    assert isinstance(result.messages, list)
