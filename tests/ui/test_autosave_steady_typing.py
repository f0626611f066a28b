"""Autosave under steady typing: the database never lags the draft by more than about 1.2 s.

Keys are typed into the real story page's draft editor on a timer (10 a second, for 5 s) and
the database is read on its own connection (not through the controller) every 50 ms.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from PySide6.QtCore import QTimer

from narrative_app.domain import Narrative, PartKind
from narrative_app.method.presets import apply_preset
from narrative_app.ui.app_context import AppContext
from narrative_app.ui.editor.story_page import StoryPage

TYPE_MS = 100
TYPING_SECONDS = 5.0
LAG_LIMIT = 1.2


def stored_draft(db: Path, narrative_id: int) -> str:
    conn = sqlite3.connect(db)
    try:
        row = conn.execute("SELECT draft FROM parts WHERE kind = 'self' AND narrative_id = ?",
                           (narrative_id,)).fetchone()
    finally:
        conn.close()
    return row[0] if row else ""


def test_steady_typing_reaches_the_database_within_a_second(controller, store, qtbot) -> None:
    narrative = Narrative(title="Steady")
    apply_preset(narrative, "linked_5")
    nid = controller.create_narrative(narrative)
    controller.open_narrative(nid)
    page = StoryPage(controller, PartKind.SELF, AppContext())
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    qtbot.waitExposed(page)
    page.editor.setFocus()
    db = Path(store.data_dir) / "narratives.db"

    typed: list[tuple[float, int]] = []  # (when, draft length after that key)
    worst = [0.0]
    started = time.monotonic()

    def type_one() -> None:
        qtbot.keyClicks(page.editor, "abcdefghij"[len(typed) % 10])
        typed.append((time.monotonic(), len(page.editor.text())))

    def sample() -> None:
        now = time.monotonic()
        saved = len(stored_draft(db, nid))
        # The oldest keystroke not yet in the database: how long it has been waiting.
        for when, length in typed:
            if length > saved:
                worst[0] = max(worst[0], now - when)
                break

    typer, sampler = QTimer(), QTimer()
    typer.setInterval(TYPE_MS)
    typer.timeout.connect(type_one)
    sampler.setInterval(50)
    sampler.timeout.connect(sample)
    typer.start()
    sampler.start()
    try:
        qtbot.waitUntil(lambda: time.monotonic() - started >= TYPING_SECONDS,
                        timeout=int(TYPING_SECONDS * 1000) + 5000)
    finally:
        typer.stop()
        sampler.stop()
    assert len(typed) >= 30  # the typing really was continuous
    assert worst[0] <= LAG_LIMIT, f"the database lagged the draft by {worst[0]:.2f} s"
    qtbot.waitUntil(lambda: len(stored_draft(db, nid)) == len(page.editor.text()), timeout=3000)
    assert stored_draft(db, nid) == page.editor.text()


def test_a_slow_typist_is_saved_too(controller, store, qtbot) -> None:
    """One key every 0.6 s (under the 0.7 s debounce) is still saved within a second."""
    narrative = Narrative(title="Slow")
    nid = controller.create_narrative(narrative)
    controller.open_narrative(nid)
    page = StoryPage(controller, PartKind.SELF, AppContext())
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    db = Path(store.data_dir) / "narratives.db"
    typer = QTimer()
    typer.setInterval(600)
    keys = [0]

    def type_one() -> None:
        keys[0] += 1
        qtbot.keyClicks(page.editor, "x")

    typer.timeout.connect(type_one)
    typer.start()
    try:
        qtbot.waitUntil(lambda: keys[0] >= 1, timeout=3000)
        first = time.monotonic()
        qtbot.waitUntil(lambda: stored_draft(db, nid) != "", timeout=4000)
        assert time.monotonic() - first <= LAG_LIMIT
        assert keys[0] < 4  # saved while the typing went on, not after it stopped
    finally:
        typer.stop()
