"""Rehearsing aloud in the window: a WAV (espeak-ng) stands in for the microphone.

The source plays the WAV through ``PacedSource`` on the listening worker; the tests wait on
what the user sees (the teleprompter's place, the part heading, the finish screen's words)
with ``qtbot.waitUntil``, and check the stored run's speech report and its recording.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from narrative_app import bundle
from narrative_app.domain import Narrative, PartKind
from narrative_app.paths import resource_path
from narrative_app.rehearsal.speech import WavFileSource
from narrative_app.rehearsal.speech.live import PacedSource
from narrative_app.ui.rehearsal.stage import TextView
from narrative_app.ui.rehearsal.window import RehearsalWindow
from tests.unit import speech_wavs as sw

pytestmark = pytest.mark.skipif(sw.espeak() is None, reason="espeak-ng is not installed")


class StillClock:
    """The rehearsal clock stands still, so only the voice can move the teleprompter."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def sample_wavs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    n = bundle.read_file(resource_path("sample", "sample.narrative"))
    root = tmp_path_factory.mktemp("listening")
    self_paras = sw.paragraphs(n.parts[PartKind.SELF].draft)
    us_paras = sw.paragraphs(n.parts[PartKind.US].draft)
    drafts = [p.draft for p in n.parts.values()]
    return {
        # the opening of Self, then straight into the opening of Us
        "self_then_us": sw.speak(sw.join_parts(self_paras[0], us_paras[0]), 150,
                                 root / "self_then_us.wav"),
        "full": sw.speak(sw.join_parts(*drafts), 150, root / "full.wav"),
    }


@pytest.fixture
def sample(controller) -> Narrative:
    narrative = bundle.read_file(resource_path("sample", "sample.narrative"))
    narrative_id = controller.create_narrative(narrative)
    assert controller.open_narrative(narrative_id)
    return controller.current


def _window(qtbot, controller, narrative, wav: Path, *, speed: float,
            view: TextView = TextView.TELEPROMPTER) -> RehearsalWindow:
    window = RehearsalWindow(
        controller, narrative, clock=StillClock(), countdown=False, view=view, listen=True,
        audio=lambda: PacedSource(WavFileSource(wav), speed=speed))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def test_listening_is_off_until_turned_on(qtbot, controller, sample):
    window = RehearsalWindow(controller, sample, clock=StillClock(), countdown=False)
    qtbot.addWidget(window)
    assert not window.voice.enabled
    assert not window.commands["listen"].isChecked()
    window.on_start()
    assert not window.voice.badge.isVisibleTo(window)
    window.close()


def test_the_teleprompter_follows_the_voice_and_moves_on_to_us(qtbot, controller, sample,
                                                               sample_wavs):
    window = _window(qtbot, controller, sample, sample_wavs["self_then_us"], speed=3.0)
    teleprompter = window.stage.teleprompter
    window.on_start()
    assert window.voice.badge.isVisible()
    assert "Listening" in window.voice.badge.text()
    assert teleprompter.progress() == 0.0
    qtbot.waitUntil(lambda: teleprompter.progress() > 0.05, timeout=30000)
    assert window.engine.current.kind is PartKind.SELF  # moved by the voice, not the clock
    qtbot.waitUntil(lambda: window.engine.current.kind is PartKind.US, timeout=60000)
    assert window.hud.part_label.text().upper().startswith("STORY OF US")
    assert teleprompter.text().startswith("Most of you were here")
    qtbot.waitUntil(lambda: teleprompter.progress() > 0.05, timeout=30000)
    window.on_escape()
    qtbot.waitUntil(lambda: window.voice.report is not None, timeout=60000)
    window.keep_run()
    window.close()


def test_a_listened_run_shows_the_speech_report_and_keeps_it(qtbot, controller, sample,
                                                             sample_wavs):
    window = _window(qtbot, controller, sample, sample_wavs["full"], speed=0,
                     view=TextView.FULL)
    window.on_start()
    qtbot.waitUntil(lambda: window.voice.report is not None, timeout=120000)
    window.on_escape()  # the end of the run; the report is already in
    speech = window.finish_panel.speech
    assert speech.isVisible()
    text = speech.accessibleName()  # the table's words, as a screen reader hears them
    assert "<table" in speech.text() and "Story of Now" in speech.text()
    for part in ("Overall", "Story of Self", "Story of Us", "Story of Now"):
        assert part in text
    assert "a minute (your pace 125;" in text
    assert "The ask: said as written." in text
    assert "% of the draft said" in text
    assert window.keep_run()
    runs = controller.store.list_runs(sample.id)
    assert len(runs) == 1
    report = runs[0].speech
    assert [p["part"] for p in report["parts"]] == ["self", "us", "now"]
    assert report["ask"]["as_written"] is True
    assert 120 <= report["overall"]["wpm"] <= 180
    assert report["overall"]["coverage"] > 0.8
    heard = {s.part: (s.seconds, s.words) for s in runs[0].splits}
    said = next(p for p in report["parts"] if p["part"] == "self")
    assert heard[PartKind.SELF] == (said["seconds"], said["words"])
    # the measured pace is now the heard one, not draft words over key presses
    assert controller.store.measured_pace(sample.id) == pytest.approx(
        report["overall"]["words"] * 60 / sum(p["seconds"] for p in report["parts"]), abs=1)
    assert controller.recordings().has(runs[0].id)
    window.close()


def test_keeping_before_the_report_waits_for_it(qtbot, controller, sample, sample_wavs):
    window = _window(qtbot, controller, sample, sample_wavs["self_then_us"], speed=1.0)
    window.on_start()
    qtbot.waitUntil(lambda: window.voice.listener.heard_seconds > 1.0, timeout=30000)
    window.on_escape()
    assert "Working out what the app heard" in window.finish_panel.speech.text()
    assert window.keep_run()  # deferred
    qtbot.waitUntil(lambda: window.saved_run_id is not None, timeout=60000)
    run = controller.store.list_runs(sample.id)[0]
    assert run.speech["overall"]["words"] > 0
    assert "Run kept" in window.finish_panel.question.text()
    window.close()


def test_no_microphone_says_so_and_rehearses_as_today(qtbot, controller, sample, monkeypatch):
    from narrative_app.rehearsal.speech.audio import MicrophoneSource

    monkeypatch.setattr(MicrophoneSource, "available", staticmethod(
        lambda: (False, "No microphone was found. You can still rehearse without listening.")))
    window = RehearsalWindow(controller, sample, clock=StillClock(), countdown=False)
    qtbot.addWidget(window)
    window.commands["listen"].trigger()
    assert not window.voice.enabled
    assert not window.commands["listen"].isChecked()
    assert "No microphone was found" in window.hud.note_label.text()
    window.on_start()
    assert not window.voice.badge.isVisibleTo(window)
    window.close()


class RefusedSource:
    """A microphone the computer will not open (permission refused)."""

    def chunks(self):
        from narrative_app.rehearsal.speech.audio import MicrophoneUnavailableError

        raise MicrophoneUnavailableError("The microphone could not be opened (access denied).")
        yield b""  # pragma: no cover - makes this a generator


def test_a_refused_microphone_says_so_and_the_run_carries_on(qtbot, controller, sample):
    window = RehearsalWindow(controller, sample, clock=StillClock(), countdown=False,
                             listen=True, audio=RefusedSource)
    qtbot.addWidget(window)
    window.show()
    window.on_start()
    qtbot.waitUntil(lambda: "Not listening" in window.hud.note_label.text(), timeout=10000)
    assert "access denied" in window.hud.note_label.text()
    assert not window.voice.badge.isVisible()
    window.on_escape()
    assert not window.finish_panel.speech.isVisible()
    assert window.keep_run()
    assert controller.store.list_runs(sample.id)[0].speech == {}
    window.close()
