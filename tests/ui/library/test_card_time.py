"""The library card and the workspace agree on a narrative's estimated time (one estimate)."""

from __future__ import annotations

from narrative_app.domain import PartKind
from narrative_app.ui.library.card import length_text
from narrative_app.ui.workspace.budget_view import BudgetView


def test_the_sample_shows_the_same_time_on_its_card_and_in_the_workspace(store, controller,
                                                                          qtbot):
    [summary] = store.list()  # the sample: paragraph breaks and [pause] markers in each part
    assert controller.open_narrative(summary.id)
    view = BudgetView(controller)
    qtbot.addWidget(view)
    view.refresh()
    workspace_time = view.texts(None)[0].split(" of ")[0]
    assert workspace_time == "4:49"
    assert length_text(summary).startswith(f"About {workspace_time} (")


def test_the_card_follows_an_edit_with_pauses_and_breaks(store, controller, qtbot):
    [summary] = store.list()
    narrative = store.get(summary.id)
    for kind in (PartKind.SELF, PartKind.US, PartKind.NOW):
        narrative.parts[kind].draft = " ".join(["word"] * 125) + "\n\nmore [pause] words"
    store.save(narrative)
    [summary] = store.list()
    # 3 x 127 words at 125 a minute (182.88 s), plus a break and a pause in each part: 3:09.
    assert length_text(summary) == "About 3:09 (381 words)"
