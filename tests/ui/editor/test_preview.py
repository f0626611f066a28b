"""The draft preview: Markdown rendered, user HTML shown as text, nothing loaded or followed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument

from narrative_app.domain import Narrative, PartKind
from narrative_app.method.presets import apply_preset
from narrative_app.ui.app_context import AppContext
from narrative_app.ui.editor.preview import MarkdownPreview, render_html
from narrative_app.ui.editor.story_page import StoryPage


@pytest.fixture
def page(controller, qtbot) -> StoryPage:
    narrative = Narrative(title="Preview")
    apply_preset(narrative, "linked_5")
    controller.open_narrative(controller.create_narrative(narrative))
    story = StoryPage(controller, PartKind.SELF, AppContext())
    qtbot.addWidget(story)
    story.resize(900, 700)
    story.show()
    qtbot.waitExposed(story)
    return story


def test_script_typed_by_a_user_is_shown_as_text(page, qtbot):
    page.editor.setFocus()
    qtbot.keyClicks(page.editor, "<script>alert(1)</script>")
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.preview
    assert page.preview.toPlainText().strip() == "<script>alert(1)</script>"
    rendered = page.preview.toHtml().lower()
    assert "<script" not in rendered
    assert "&lt;script&gt;" in rendered
    assert "<script" not in render_html("<script>alert(1)</script>")


def test_markdown_is_rendered(page):
    page.editor.set_text("# Ward 7\n\nI was *alone*. [pause]")
    page.set_preview(True)
    html = page.preview.toHtml()
    assert "Ward 7" in page.preview.toPlainText()
    assert "font-style:italic" in html.replace(" ", "")
    assert "[pause]" in page.preview.toPlainText()
    page.set_preview(False)
    assert page.stack.currentWidget() is page.editor
    assert page.write_button.isChecked()


@pytest.mark.parametrize(
    "source",
    [
        "![a photo](http://example.com/tracker.png)",
        "![local](file:///etc/passwd)",
        '<img src="http://example.com/x.png">',
        "<iframe src='http://example.com'></iframe>",
    ],
)
def test_images_and_remote_or_local_resources_are_never_loaded(qtbot, monkeypatch, source):
    requested: list[str] = []
    original = MarkdownPreview.loadResource

    def spy(self, kind, url):
        requested.append(url.toString())
        return original(self, kind, url)

    monkeypatch.setattr(MarkdownPreview, "loadResource", spy)
    preview = MarkdownPreview()
    qtbot.addWidget(preview)
    preview.show()
    preview.set_markdown(source)
    preview.grab()  # lay out and paint: it must ask for nothing
    assert requested == []
    assert "<img" not in render_html(source)
    assert "<iframe" not in render_html(source)
    # Even if Qt asked, the answer would be nothing at all.
    for url in ("http://example.com/x.png", "file:///etc/passwd"):
        assert original(preview, QTextDocument.ResourceType.ImageResource.value, QUrl(url)) is None


def test_links_are_never_followed(qtbot):
    preview = MarkdownPreview()
    qtbot.addWidget(preview)
    preview.set_markdown("[click me](http://example.com) and [local](file:///etc/passwd)")
    before = preview.toPlainText()
    assert not preview.openLinks()
    assert not preview.openExternalLinks()
    preview.setSource(QUrl("http://example.com"))
    preview.setSource(QUrl("file:///etc/passwd"))
    assert preview.toPlainText() == before
    assert preview.source().isEmpty()


def test_empty_draft_shows_a_kind_hint(qtbot):
    preview = MarkdownPreview()
    qtbot.addWidget(preview)
    preview.set_markdown("   \n")
    assert "Nothing to preview yet" in preview.toPlainText()
