"""Values card sort and the Link page, as a user would use them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from narrative_app.coach.report import build_report
from narrative_app.domain import Narrative, PartKind
from narrative_app.method.presets import apply_preset
from narrative_app.ui.workspace import values_page
from narrative_app.ui.workspace.link_page import LinkPage
from narrative_app.ui.workspace.values_page import ValuesPage, load_values


@pytest.fixture
def opened(controller):
    narrative = Narrative(title="Values")
    apply_preset(narrative, "linked_5")
    narrative.parts[PartKind.SELF].draft = (
        "I cared for her. Her dignity mattered.\n\nCaring is a choice."
    )
    narrative.parts[PartKind.US].draft = "We all care. The car park was full."
    narrative.parts[PartKind.NOW].draft = "Dignities are at stake. Courage now."
    controller.open_narrative(controller.create_narrative(narrative))
    return controller


@pytest.fixture
def page(opened, qtbot) -> ValuesPage:
    widget = ValuesPage(opened)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


def _tick(page: ValuesPage, name: str, qtbot) -> None:
    check = page.checks[name]
    check.setFocus()
    qtbot.keyClick(check, Qt.Key.Key_Space)


def test_about_forty_values_of_our_own_are_offered():
    cards, problem = load_values()
    assert problem == ""
    assert 35 <= len(cards) <= 50
    assert all(card.description for card in cards)


def test_choosing_values_saves_them_in_order(page, opened, qtbot):
    for name in ("Dignity", "Courage", "Care"):
        _tick(page, name, qtbot)
    assert opened.current.values == ["Dignity", "Courage", "Care"]
    assert page.ranked.item(0).text().endswith("Dignity")
    assert page.ranked.item(0).font().bold()  # top three in bold
    _tick(page, "Courage", qtbot)  # untick
    assert opened.current.values == ["Dignity", "Care"]
    qtbot.waitUntil(lambda: not opened.dirty, timeout=3000)
    assert opened.store.get(opened.current.id).values == ["Dignity", "Care"]


def test_at_most_five_values(page, opened, qtbot):
    names = [card.name for card in page.cards[:6]]
    for name in names:
        _tick(page, name, qtbot)
    assert opened.current.values == names[:5]
    assert not page.checks[names[5]].isChecked()
    assert not page.checks[names[5]].isEnabled()
    assert "Five chosen" in page.count_label.text()


def test_ranking_moves_values_up_and_down(page, opened, qtbot):
    for name in ("Dignity", "Courage", "Care", "Hope"):
        _tick(page, name, qtbot)
    page.ranked.setCurrentRow(3)
    qtbot.mouseClick(page.up_button, Qt.MouseButton.LeftButton)
    assert opened.current.values == ["Dignity", "Courage", "Hope", "Care"]
    assert page.ranked.currentRow() == 2
    page.ranked.setCurrentRow(0)
    qtbot.mouseClick(page.down_button, Qt.MouseButton.LeftButton)
    assert opened.current.values == ["Courage", "Dignity", "Hope", "Care"]
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert opened.current.values == ["Courage", "Hope", "Care"]
    assert not page.checks["Dignity"].isChecked()


def test_a_missing_values_file_is_said_and_chosen_values_are_kept(opened, qtbot, monkeypatch):
    opened.set_meta(values=["Dignity", "Our own value"])

    def missing(*_parts):
        raise FileNotFoundError("values.toml")

    monkeypatch.setattr(values_page, "read_resource_text", missing)
    page = ValuesPage(opened)
    qtbot.addWidget(page)
    assert page.problem_label.text() == (
        "The list of values could not be read; the values you chose are kept."
    )
    assert page.ranked.count() == 2
    assert opened.current.values == ["Dignity", "Our own value"]


def test_link_page_highlights_chosen_values_in_all_three_stories(opened, qtbot):
    opened.set_meta(values=["Care", "Dignity"])
    page = LinkPage(opened)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert page.counts[PartKind.SELF] == {"Care": 2, "Dignity": 1}
    assert page.counts[PartKind.US] == {"Care": 1, "Dignity": 0}  # "car park" is not care
    assert page.counts[PartKind.NOW] == {"Care": 0, "Dignity": 1}
    html = page.views[PartKind.US].toHtml()
    assert "underline" in html  # marked by more than colour
    assert page.views[PartKind.SELF].isReadOnly()
    assert "Care" in page.summary.text()
    assert page.views[PartKind.SELF].toPlainText().startswith("I cared for her.")


def test_link_page_and_the_coach_read_the_same_measure(opened, qtbot):
    # Reliability is never named: it shows through its family ("turned up", "every week").
    opened.set_meta(values=["Reliability"])
    opened.set_draft(PartKind.SELF, "She turned up at the shelter every week, in the rain.")
    opened.set_draft(PartKind.US, "We all turned up that night, soaked, at the shelter.")
    opened.set_draft(PartKind.NOW, "If we keep our word, the shelter stays open every week.")
    page = LinkPage(opened)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert all(page.counts[kind]["Reliability"] >= 1 for kind in PartKind)
    assert "shelter" in page.summary.text()
    finding = build_report(opened.current).finding("linked_values", "all")
    assert finding.status == "ok"
    assert page.measure.linked


def test_link_page_follows_edits_and_escapes_html(opened, qtbot):
    opened.set_meta(values=["Hope"])
    page = LinkPage(opened)
    qtbot.addWidget(page)
    page.show()
    opened.set_draft(PartKind.US, "<b>Hope</b> is <script>x</script>")
    qtbot.waitUntil(lambda: page.counts[PartKind.US] == {"Hope": 1}, timeout=2000)
    assert "<script>x</script>" in page.views[PartKind.US].toPlainText()
