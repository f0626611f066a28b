"""The one Markdown block reader: block types, inline normalisation, pauses, safety."""

from __future__ import annotations

from narrative_app.text.markdown import BlockType, inline_spans, inline_text, read_blocks


def test_headings_keep_their_level_and_escaped_hashes_are_text():
    found = read_blocks("## Ward 7\n\n\\## Not a heading")
    assert (found[0].type, found[0].level, found[0].text) == (BlockType.HEADING, 2, "Ward 7")
    assert (found[1].type, found[1].text) == (BlockType.PARAGRAPH, "## Not a heading")


def test_soft_line_breaks_join_a_paragraph_and_indented_text_is_not_code():
    found = read_blocks("One line\nand the next.\n\n    Indented words.")
    assert [b.text for b in found] == ["One line and the next.", "Indented words."]
    assert all(b.type is BlockType.PARAGRAPH for b in found)


def test_dot_bullets_nest_like_dash_bullets():
    found = read_blocks("• top\n  • inner\n- next")
    assert [(b.type, b.level, b.text) for b in found] == [
        (BlockType.BULLET, 1, "top"),
        (BlockType.BULLET, 2, "inner"),
        (BlockType.BULLET, 1, "next"),
    ]


def test_numbered_items_keep_their_numbers():
    found = read_blocks("3. three\n4. four")
    assert [(b.number, b.text) for b in found] == [(3, "three"), (4, "four")]


def test_pause_markers_are_typed_spans_and_left_out_of_spoken_text():
    (block,) = read_blocks("I stayed. [ Pause ] She slept.")
    assert [s.pause for s in block.spans] == [False, True, False]
    assert block.text == "I stayed. [pause] She slept."
    assert block.spoken == "I stayed. She slept."


def test_emphasis_is_a_flag_and_links_images_code_and_html_are_text():
    spans = inline_spans("**Ward 7**, *3 a.m.*, [link](http://x.org) ![photo](p.png) `x` <b>")
    assert (spans[0].text, spans[0].bold) == ("Ward 7", True)
    assert (spans[2].text, spans[2].italic) == ("3 a.m.", True)
    assert inline_text("[link](http://x.org) ![photo](p.png) `x` <b> ~~old~~") == (
        "link photo x <b> old"
    )


def test_line_ranges_point_into_the_draft():
    found = read_blocks("# Title\n\nFirst\nparagraph\n\n- item")
    assert [b.lines for b in found] == [(0, 1), (2, 4), (5, 6)]
