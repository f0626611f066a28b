"""Coach panel lines wrap fully at any panel width: no suggestion is cut off or elided."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics

from narrative_app.bundle import read_file
from narrative_app.coach.report import build_report
from narrative_app.domain import PartKind
from narrative_app.paths import resource_path
from narrative_app.ui.workspace.coach_panel import CoachPanel


def _clipped(panel: CoachPanel) -> list[str]:
    """Items whose text needs more height (wrapped at the row's width) than the row has."""
    view = panel._list
    out = []
    for row in range(view.count()):
        item = view.item(row)
        rect = view.visualItemRect(item)
        metrics = QFontMetrics(item.font())
        text_width = rect.width() - 8  # the style's text margins
        needed = metrics.boundingRect(QRect(0, 0, text_width, 10_000),
                                      int(Qt.TextFlag.TextWordWrap), item.text()).height()
        if needed > rect.height() or metrics.horizontalAdvance(item.text().split()[-1]) > \
                rect.width():
            out.append(item.text())
    return out


@pytest.mark.parametrize(("width", "part"), [(230, PartKind.SELF), (300, PartKind.SELF),
                                             (420, PartKind.SELF), (290, None)])
def test_every_coach_line_is_shown_whole_after_the_panel_is_resized(qtbot, width, part):
    sample = read_file(resource_path("sample", "sample.narrative"))
    panel = CoachPanel()
    qtbot.addWidget(panel)
    panel.resize(420, 480)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_report(build_report(sample, 125), part)  # None: the whole narrative, scrolling
    long_lines = [i.text() for i in panel.items() if len(i.text()) > 40]
    assert long_lines  # "4 sentences run over 25 words. Try breaking where you would ..."
    panel.resize(width, 480)  # the user narrows the panel (or a relaunch restores it)
    qtbot.waitUntil(lambda: panel._list.viewport().width() < width)
    qtbot.waitUntil(lambda: not _clipped(panel), timeout=2000)
