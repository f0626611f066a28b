"""Benchmarks: spell check costs on the keystroke path and for a whole draft.

Figures: re-checking the paragraph being edited (a keystroke that makes a new, uncached word:
the highlighter's pass over that paragraph, timed with a cold word cache, which is worse
than typing, where only the new word is uncached), and checking a
5,000-word draft in the background (every chunk of the QTimer re-check, cold word cache).
Also shown, without a limit: loading the dictionary (done in a background thread).
Run: ``python -m benchmarks.bench_spell`` or ``python benchmarks/bench_spell.py``.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QTextEdit

from benchmarks.common import fmt, summarise, time_calls
from narrative_app.spell import SpellChecker, wordlist
from narrative_app.ui.editor.spell_highlighter import SpellCheckService
from narrative_app.ui.editor.spell_underline import SpellCheckHighlighter

PARAGRAPH = (
    "When I started as a carer for my mother I recieve little help, and the programme "
    "our organisation ran for paediatric carers felt out of reach. I organised a group "
    "of neighbours at the centre; we travelled together to every meeting of the council "
    "and asked for one thing: a named person to call when things went wrong. Amara, "
    "who chaired it, said the NHS and the GP practice would listen if we spoke as one. "
    "Six months later the ICB funded a pilot and forty families now have that number. "
)


def _draft(words: int = 5000) -> str:
    per = len(PARAGRAPH.split())
    return "\n\n".join([PARAGRAPH.strip()] * (words // per + 1))


def run(repeats: int = 20) -> list[dict[str, Any]]:
    app = QApplication.instance() or QApplication([])
    with TemporaryDirectory() as tmp:
        load_samples = []
        for _ in range(max(3, repeats // 5)):
            checker = SpellChecker("en_GB", Path(tmp))
            wordlist._cache.clear()  # a cold read, as at start-up
            start = time.perf_counter()
            checker.load()
            load_samples.append(time.perf_counter() - start)

        service = SpellCheckService(Path(tmp))
        service.ensure_loading()
        service.wait_until_loaded(30)
        service._on_loaded()  # no event loop here: deliver the "loaded" news by hand

        # --- one keystroke that makes a new word in a 120-word paragraph of a long draft
        editor = QTextEdit()  # the draft editor is a QTextEdit too
        editor.resize(800, 600)
        document = editor.document()
        highlighter = SpellCheckHighlighter(document, service)
        app.processEvents()  # Qt's first, delayed rehighlight; until then it waits
        editor.setPlainText(_draft())
        _finish_background(highlighter)
        block = document.findBlockByNumber(2)
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        counter = iter(range(10**6))
        paragraph_samples: list[float] = []
        keystroke_samples: list[float] = []
        for index in range(max(repeats * 10, 50) + 3):
            highlighter.spell._pass_spent = 0.0  # each keystroke is its own event-loop pass
            word = f" {_letters(next(counter))}"  # a word never seen before
            start = time.perf_counter()
            cursor.insertText(word)
            typed = time.perf_counter() - start
            # The spell part alone, cold: no word of the paragraph cached (worse than typing).
            # Signals are held as during typing, when Qt highlights inside the edit itself.
            service.checker.clear_cache()
            blocked = document.blockSignals(True)
            highlighter.spell._pass_spent = 0.0
            start = time.perf_counter()
            highlighter.rehighlightBlock(cursor.block())
            elapsed = time.perf_counter() - start
            document.blockSignals(blocked)
            highlighter.spell._pass_spent = 0.0
            for _ in word:  # keep the paragraph at its usual ~120 words
                cursor.deletePreviousChar()
            if index >= 3:  # warm-up
                paragraph_samples.append(elapsed)
                keystroke_samples.append(typed)
        if _underlines(cursor.block()) != 2:  # "recieve" and "Amara"
            raise RuntimeError("the keystrokes were not spell-checked: the figure is void")

        # --- the whole 5,000-word draft, checked in the background after opening
        def whole_draft() -> None:
            service.checker.clear_cache()
            highlighter.spell.recheck()
            _finish_background(highlighter)

        draft_samples = time_calls(whole_draft, repeats, warmup=1)
        if _underlines(document.lastBlock()) != 2:  # "recieve" and "Amara", last paragraph
            raise RuntimeError("the draft was not spell-checked: the figure is void")
    return [
        {"figure": "Spell: re-check the edited paragraph (cold cache)", "target": "< 2 ms",
         "samples": paragraph_samples, "limit": 0.002, "stat": "p99"},
        {"figure": "Spell: a keystroke in a 5,000-word QTextEdit, all included",
         "target": "(info)", "samples": keystroke_samples, "stat": "p99"},
        {"figure": "Spell: check a 5,000-word draft in the background", "target": "< 500 ms",
         "samples": draft_samples, "limit": 0.5, "stat": "median"},
        {"figure": "Spell: load the en_GB dictionary (background thread)", "target": "(info)",
         "samples": load_samples, "stat": "median"},
    ]


def _underlines(block: Any) -> int:
    wavy = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    return sum(1 for item in block.layout().formats() if item.format.underlineStyle() == wavy)


def _letters(number: int) -> str:
    """A made-up word for ``number`` ("zqaaab"): letters only, so it is checked."""
    word = ""
    for _ in range(4):
        number, digit = divmod(number, 26)
        word = chr(ord("a") + digit) + word
    return "zq" + word


def _finish_background(highlighter: Any) -> None:
    """Run the re-check's timer ticks back to back (what the event loop would do)."""
    while highlighter.spell.checking:
        highlighter.spell._check_next_chunk()


if __name__ == "__main__":
    for row in run():
        s = summarise(row)
        met = {True: "met", False: "NOT MET", None: ""}[s["ok"]]
        print(f"{s['figure']}: {s['stat']} {fmt(s['value'], s['unit'])} "
              f"(target {s['target']}, {s['n']} runs) {met}")
