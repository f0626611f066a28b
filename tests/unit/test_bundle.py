"""The .narrative serialiser: exact round trips and clear errors for bad files."""

from __future__ import annotations

import json

import pytest

from narrative_app import bundle
from narrative_app.domain import PART_FIELDS, Narrative, PartKind, StoryPart
from narrative_app.errors import BundleError
from tests.content import same_content


def make_narrative() -> Narrative:
    n = Narrative(title="Why I stayed 🌙", audience="Ward teams", occasion="Away day",
                  preset="linked_5", pace_wpm=118, values=["Dignity", "Courage"])
    n.parts[PartKind.SELF] = StoryPart(
        PartKind.SELF,
        fields={"challenge": "Alone at 3 a.m.", "choice": "I stayed", "outcome": "She slept"},
        draft="It was “three” in the morning — [pause]\n\nمرحبا بالعالم שלום 你好",
        cues=["Ward 7, 3 a.m.", "I chose to stay"],
        target_seconds=120,
    )
    n.ask = "Will you join me on one night shift in March?"
    return n


def test_round_trip_is_exact():
    n = make_narrative()
    back = bundle.loads(bundle.dumps(n))
    assert same_content(back, n)
    assert back.ask == "Will you join me on one night shift in March?"
    assert back.parts[PartKind.SELF].draft.endswith("你好")


def test_round_trip_one_megabyte_part():
    n = make_narrative()
    n.parts[PartKind.NOW].draft = ("Ünïcode — words 🙂 " * 60_000)[:1_048_576]
    back = bundle.loads(bundle.dumps(n).encode("utf-8"))
    assert back.parts[PartKind.NOW].draft == n.parts[PartKind.NOW].draft


def test_every_field_present_after_round_trip():
    back = bundle.loads(bundle.dumps(Narrative()))
    for kind, keys in PART_FIELDS.items():
        assert tuple(back.parts[kind].fields) == keys


def test_bundle_is_documented_shape():
    data = json.loads(bundle.dumps(make_narrative()))
    assert data["format"] == "narrative"
    assert data["version"] == bundle.FORMAT_VERSION
    assert set(data["narrative"]["parts"]) == {"self", "us", "now"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"{not json", "not valid JSON"),
        (b'{"format": "something-else", "version": 1}', "not a Narrative Coach narrative"),
        (b'{"format": "narrative", "version": 99, "narrative": {}}', "newer version"),
        (b'{"format": "narrative", "version": "one"}', "no valid format version"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "not text"),
        (b'[1, 2, 3]', "not a Narrative Coach narrative"),
        (b'{"format": "narrative", "version": 1, "narrative": {"parts": {"self": 5}}}',
         "damaged"),
    ],
)
def test_bad_bundles_give_clear_errors(raw: bytes, expected: str):
    with pytest.raises(BundleError) as info:
        bundle.loads(raw)
    assert expected in str(info.value)


def test_missing_keys_read_leniently():
    n = bundle.loads('{"format": "narrative", "version": 1, "narrative": {"title": "Old"}}')
    assert n.title == "Old"
    assert n.parts[PartKind.US].draft == ""
