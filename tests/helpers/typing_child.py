"""Test helper: the real story page typed into steadily (10 keys a second) until killed.

Usage: python typing_child.py DATA_DIR

Opens the store's first narrative (creating one if there is none) in the controller and a
Story of Self page, offscreen, then types one letter every 0.1 s into the draft editor with
QTest, exactly as a user's keystrokes arrive. After each key it prints the draft's length and
flushes, so the parent knows how much had been typed when it killed the process.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from narrative_app.domain import Narrative, PartKind  # noqa: E402
from narrative_app.models import NarrativeStore  # noqa: E402

LETTERS = "abcdefghij"


def main() -> None:
    app = QApplication([])
    app.setApplicationName("narrative-typing-child")
    from narrative_app.ui.app_context import AppContext
    from narrative_app.ui.controller import NarrativeController
    from narrative_app.ui.editor.story_page import StoryPage

    store = NarrativeStore.open(Path(sys.argv[1]), create_sample=False)
    controller = NarrativeController(store)
    narrative_id = store.create(Narrative(title="Typing"))
    controller.open_narrative(narrative_id)
    page = StoryPage(controller, PartKind.SELF, AppContext())
    page.resize(900, 700)
    page.show()
    page.editor.setFocus()
    print(f"id {narrative_id}", flush=True)

    def type_one() -> None:
        length = len(page.editor.text())
        QTest.keyClicks(page.editor, LETTERS[length % len(LETTERS)])
        print(len(page.editor.text()), flush=True)

    timer = QTimer()
    timer.setInterval(100)
    timer.timeout.connect(type_one)
    timer.start()
    app.exec()


if __name__ == "__main__":
    main()
