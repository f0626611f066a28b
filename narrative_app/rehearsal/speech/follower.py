"""Rehearsal speech: the voice follower, where in the draft the speaker is, word by word.

Layer: rehearsal (pure, Qt-free). Feed it the words heard so far (a recogniser's partial
hypothesis, growing as the speaker talks); it answers with the index of the next draft word
to say and the part it is in, for a teleprompter to scroll to. It moves only on evidence:

- near: the last ``LOCK`` heard words match ``LOCK`` consecutive draft words within
  ``AHEAD`` words of the current place (a slip or a skipped word or two is stepped over);
- far: while it has lost the thread, the last ``RELOCK`` heard words matching anywhere later
  in the draft move it there (the speaker skipped a passage, or came back after an ad-lib).

So it holds while the speaker ad-libs (their words do not run in the draft's order), picks up
when they return to the text, and moves into the next part when they start its opening.
Fillers are ignored. It never moves backwards: going back is the clicker's job.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from narrative_app.domain import PartKind
from narrative_app.rehearsal.speech.draft import DraftScript
from narrative_app.rehearsal.speech.recogniser import FILLERS

LOCK = 2
AHEAD = 12
RELOCK = 4


@dataclass(frozen=True)
class Place:
    word: int  # index into DraftScript.words of the next word to say (len(words) at the end)
    part: PartKind  # the part of the last word said
    moved: bool  # True when this update moved the place


class VoiceFollower:
    def __init__(self, script: DraftScript) -> None:
        self.script = script
        self._units: list[str] = []
        self._owner: list[int] = []
        for index, word in enumerate(script.words):
            for unit in word.text.split():
                self._units.append(unit)
                self._owner.append(index)
        self._next = 0  # index into _units
        self._heard: list[str] = []  # the content words of the last hypothesis fed

    @property
    def place(self) -> Place:
        return Place(self._word(), self._part(), moved=False)

    def feed(self, heard: Sequence[str]) -> Place:
        """Take the words heard so far (the whole growing list); return the place now.

        A recogniser revises its latest words as it hears more, so the words after the part
        that is unchanged since the last call are looked at again.
        """
        before = self._next
        words = [w for w in heard if w not in FILLERS]
        same = 0
        for old, new in zip(self._heard, words, strict=False):
            if old != new:
                break
            same += 1
        for end in range(max(same, LOCK - 1) + 1, len(words) + 1):
            self._step(words[max(0, end - RELOCK) : end])
        self._heard = words
        return Place(self._word(), self._part(), moved=self._next != before)

    def reset_to(self, word: int) -> None:
        """Put the place at draft word ``word`` (the clicker moved the text)."""
        self._next = next((k for k, o in enumerate(self._owner) if o >= word), len(self._units))

    def _step(self, recent: list[str]) -> None:
        # A run may overlap words already passed ("was a" when "was" was the last one): it
        # must only end after the current place.
        start = max(0, self._next - LOCK + 1)
        near = self._find(recent[-LOCK:], start, self._next + AHEAD + LOCK)
        if near is not None and near > self._next:
            self._next = near
            return
        if len(recent) >= RELOCK:
            far = self._find(recent[-RELOCK:], self._next, len(self._units))
            if far is not None:
                self._next = far

    def _find(self, tail: list[str], start: int, stop: int) -> int | None:
        """The unit index just after the first run of ``tail`` in units[start:stop]."""
        size = len(tail)
        if size < LOCK:
            return None
        units = self._units
        stop = min(stop, len(units))
        for k in range(start, stop - size + 1):
            if units[k : k + size] == tail:
                return k + size
        return None

    def _word(self) -> int:
        if self._next >= len(self._owner):
            return len(self.script.words)
        return self._owner[self._next]

    def _part(self) -> PartKind:
        """The part of the last word said: a part starts when its opening is heard."""
        if not self._owner:
            return PartKind.SELF
        index = self._owner[min(max(self._next - 1, 0), len(self._owner) - 1)]
        return self.script.words[index].part
