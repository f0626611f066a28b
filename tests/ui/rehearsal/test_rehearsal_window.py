"""The rehearsal window: the keys a clicker sends, what the view shows, and the stored runs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from narrative_app.domain import Narrative, PartKind
from narrative_app.method.presets import apply_preset
from narrative_app.rehearsal.display import Mode, TimeStatus
from narrative_app.rehearsal.engine import Phase
from narrative_app.ui.rehearsal.stage import TextView
from narrative_app.ui.rehearsal.theme import status_colour
from narrative_app.ui.rehearsal.window import RehearsalWindow
from tests.ui.rehearsal.shown import finish_lines, stage_text

SELF_DRAFT = (
    "It was three in the morning on Ward 7. The call bell rang and nobody came.\n\n"
    "I chose to stay past my shift and sat with Mrs Khan until the light came up."
)


class FakeClock:
    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def narrative(controller) -> Narrative:
    n = Narrative(title="Why I stayed", pace_wpm=120)
    apply_preset(n, "linked_5")  # Self 2:00, Us 1:15, Now 1:45
    n.parts[PartKind.SELF].draft = SELF_DRAFT
    n.parts[PartKind.US].cues = ["The night shift we all know", "Nobody left early"]
    n.parts[PartKind.NOW].cues = ["Join the listening rota", "First shift on Monday"]
    narrative_id = controller.create_narrative(n)
    assert controller.open_narrative(narrative_id)
    return controller.current


class Asked:
    """Stands in for QMessageBox.question: records each text, answers ``answer``."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.answer = QMessageBox.StandardButton.Discard

    def __call__(self, _parent, _title, text, *_args, **_kwargs):
        self.texts.append(text)
        return self.answer


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Asked:
    """Closing questions are answered 'Discard' unless a test says otherwise."""
    fake = Asked()
    monkeypatch.setattr(QMessageBox, "question", fake)
    return fake


def open_window(qtbot, controller, narrative, clock, **kwargs) -> RehearsalWindow:
    window = RehearsalWindow(controller, narrative, clock=clock, **kwargs)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.isActiveWindow)
    return window


def press(qtbot, window: RehearsalWindow, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window, key, modifier)
    window.tick()


def test_a_whole_run_with_only_a_clicker_is_stored(qtbot, controller, narrative, clock, asked):
    window = open_window(qtbot, controller, narrative, clock)
    hud = window.hud
    assert hud.part_label.text() == "Story of Self"
    assert hud.timer_label.text() == "2:00"
    assert "Press Space or F5 to start" in hud.note_label.text()

    press(qtbot, window, Qt.Key.Key_F5)
    clock.advance(100)
    window.tick()
    assert hud.timer_label.text() == "0:20 left"
    assert hud.next_label.text() == "Next: Story of Us"

    press(qtbot, window, Qt.Key.Key_PageDown)
    assert hud.part_label.text() == "Story of Us"
    assert "The night shift we all know" in stage_text(window.stage)
    assert hud.ahead_label.text() == "0:20 ahead"
    clock.advance(70)
    press(qtbot, window, Qt.Key.Key_PageDown)
    assert hud.part_label.text() == "Story of Now"
    assert hud.next_label.text() == "Last part: Page Down ends the run"
    clock.advance(90)
    window.tick()
    assert hud.total_label.text().startswith("Total 4:20 of 5:00")

    press(qtbot, window, Qt.Key.Key_PageDown)  # next past the last part ends the run
    assert window.mode is Mode.FINISHED
    assert (window.finish_panel.heading.text()
            == "Run finished: 4:20 of 5:00, within time, 0:40 under")
    assert "Story of Us: 1:10 of 1:15" in finish_lines(window.finish_panel)
    assert controller.store.list_runs(narrative.id) == []

    press(qtbot, window, Qt.Key.Key_PageDown)  # keep it
    runs = controller.store.list_runs(narrative.id)
    assert len(runs) == 1
    assert [(s.part, round(s.seconds)) for s in runs[0].splits] == [
        (PartKind.SELF, 100), (PartKind.US, 70), (PartKind.NOW, 90)]
    assert runs[0].splits[0].words == 33
    assert runs[0].splits[0].target_seconds == 120
    assert runs[0].view == "cues"
    assert "Run kept" in window.finish_panel.question.text()

    press(qtbot, window, Qt.Key.Key_Escape)  # closes without asking: the run is decided
    assert not window.isVisible()
    assert asked.texts == []
    assert len(controller.store.list_runs(narrative.id)) == 1


def test_page_up_goes_back_and_not_before_the_first_part(qtbot, controller, narrative, clock,
                                                         asked):
    window = open_window(qtbot, controller, narrative, clock)
    press(qtbot, window, Qt.Key.Key_F5)
    clock.advance(10)
    press(qtbot, window, Qt.Key.Key_PageUp)
    assert window.hud.part_label.text() == "Story of Self"
    assert "This is the first part." in window.hud.note_label.text()
    press(qtbot, window, Qt.Key.Key_PageDown)
    clock.advance(5)
    press(qtbot, window, Qt.Key.Key_PageUp)
    assert window.hud.part_label.text() == "Story of Self"
    clock.advance(5)
    assert window.engine.part_elapsed(0) == pytest.approx(15)
    assert window.engine.part_elapsed(1) == pytest.approx(5)


def test_b_blanks_the_screen_and_timing_goes_on(qtbot, controller, narrative, clock, asked):
    window = open_window(qtbot, controller, narrative, clock)
    press(qtbot, window, Qt.Key.Key_F5)
    press(qtbot, window, Qt.Key.Key_B)
    assert window.pages.currentWidget() is window.blank_page
    clock.advance(30)
    press(qtbot, window, Qt.Key.Key_PageDown)  # the first press only brings the notes back
    assert window.pages.currentWidget() is window.hud
    assert window.engine.index == 0
    assert window.engine.part_elapsed() == pytest.approx(30)
    press(qtbot, window, Qt.Key.Key_Period)
    assert window.blanked
    press(qtbot, window, Qt.Key.Key_B)
    assert not window.blanked


def colour_of(label) -> object:
    return label.palette().color(label.foregroundRole())


def test_timers_speak_one_colour_language_with_words(qtbot, controller, narrative, clock,
                                                     asked):
    """Within, just over and over, in words and in the same colours, on every timer."""
    window = open_window(qtbot, controller, narrative, clock)
    hud, palette = window.hud, window.palette()
    press(qtbot, window, Qt.Key.Key_Space)
    clock.advance(120)  # "0:00 left" is within: green, like "ahead" beside it
    window.tick()
    assert hud.timer_label.text() == "0:00 left"
    assert colour_of(hud.timer_label) == status_colour(palette, TimeStatus.WITHIN)
    assert hud.timer_label.accessibleName() == "Part timer: 0:00 left"
    press(qtbot, window, Qt.Key.Key_PageDown)
    clock.advance(55)
    window.tick()
    assert hud.ahead_label.text() == "on time"
    assert colour_of(hud.ahead_label) == colour_of(hud.timer_label)
    clock.advance(25)  # Us is 1:15: five seconds over is just over, in amber
    window.tick()
    assert hud.timer_label.text() == "just over, by 0:05"
    assert colour_of(hud.timer_label) == status_colour(palette, TimeStatus.CLOSE)
    assert hud.ahead_label.text() == "0:05 behind"
    assert colour_of(hud.ahead_label) == status_colour(palette, TimeStatus.CLOSE)
    assert hud.ahead_label.accessibleName() == "Ahead or behind: 0:05 behind"
    clock.advance(15)
    window.tick()
    assert hud.timer_label.text() == "over by 0:20"
    assert colour_of(hud.timer_label) == status_colour(palette, TimeStatus.OVER)
    assert status_colour(palette, TimeStatus.OVER) != status_colour(palette, TimeStatus.CLOSE)
    assert hud.total_label.accessibleName().startswith("Total time: Total 3:35 of 5:00")


def test_the_finish_screen_judges_the_whole_in_one_colour(qtbot, controller, narrative,
                                                          clock, asked):
    window = open_window(qtbot, controller, narrative, clock)
    press(qtbot, window, Qt.Key.Key_F5)
    clock.advance(120)
    press(qtbot, window, Qt.Key.Key_PageDown)
    clock.advance(75)
    press(qtbot, window, Qt.Key.Key_PageDown)
    clock.advance(94)
    press(qtbot, window, Qt.Key.Key_PageDown)  # 4:49 of 5:00
    hud, palette = window.hud, window.palette()
    assert hud.timer_label.text() == "4:49"
    assert hud.ahead_label.text() == "within time, 0:11 under"
    within = status_colour(palette, TimeStatus.WITHIN)
    assert colour_of(hud.timer_label) == colour_of(hud.ahead_label) == within
    panel = window.finish_panel
    assert colour_of(panel.heading) == within
    assert "Story of Self: 2:00 of 2:00, within time" in finish_lines(panel)
    assert "Runs shorter than 0:30 are usually false starts" in panel.rule.text()
    for key in ("slower", "faster", "mirror", "less", "more"):
        assert not hud.controls.buttons[key].isVisible(), key
    assert not hud.view_box.isVisible()


def test_space_pauses_and_paused_time_does_not_count(qtbot, controller, narrative, clock, asked):
    window = open_window(qtbot, controller, narrative, clock)
    press(qtbot, window, Qt.Key.Key_Space)
    clock.advance(20)
    press(qtbot, window, Qt.Key.Key_Space)
    assert window.engine.phase is Phase.PAUSED
    assert "Paused" in window.hud.note_label.text()
    clock.advance(300)
    window.tick()
    assert window.hud.timer_label.text() == "1:40 left"
    press(qtbot, window, Qt.Key.Key_Space)
    clock.advance(10)
    window.tick()
    assert window.hud.timer_label.text() == "1:30 left"


def test_escape_on_a_short_run_asks_and_delete_does_not_keep_it(qtbot, controller, narrative,
                                                               clock, asked):
    window = open_window(qtbot, controller, narrative, clock)
    press(qtbot, window, Qt.Key.Key_F5)
    clock.advance(4)
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.mode is Mode.FINISHED
    assert (window.finish_panel.question.text()
            == "That run lasted only 0:04, under 0:30. Keep it anyway?")
    press(qtbot, window, Qt.Key.Key_Delete)
    assert window.finish_panel.question.text() == "Run not kept."
    assert controller.store.list_runs(narrative.id) == []
    press(qtbot, window, Qt.Key.Key_F5)  # rehearse again
    assert window.mode is Mode.TELLING
    assert window.engine.phase is Phase.READY


def test_closing_mid_run_offers_to_keep_it(qtbot, controller, narrative, clock, asked):
    window = open_window(qtbot, controller, narrative, clock)
    press(qtbot, window, Qt.Key.Key_F5)
    clock.advance(45)
    window.tick()
    asked.answer = QMessageBox.StandardButton.Cancel
    window.close()
    assert window.isVisible()
    assert asked.texts == ["Keep this run before closing? It lasted 0:45."]
    assert window.engine.phase is Phase.RUNNING  # cancelling carries on
    clock.advance(15)
    asked.answer = QMessageBox.StandardButton.Save
    window.close()
    assert not window.isVisible()
    runs = controller.store.list_runs(narrative.id)
    assert len(runs) == 1
    assert runs[0].total_seconds == pytest.approx(60)


def test_closing_mid_run_and_discarding_keeps_nothing(qtbot, controller, narrative, clock, asked):
    window = open_window(qtbot, controller, narrative, clock)
    press(qtbot, window, Qt.Key.Key_F5)
    clock.advance(30)
    window.close()
    assert not window.isVisible()
    assert controller.store.list_runs(narrative.id) == []


def test_part_without_cues_falls_back_to_the_draft_and_says_so(qtbot, controller, narrative,
                                                               clock, asked):
    window = open_window(qtbot, controller, narrative, clock)
    # The stand-in cues are the editor's suggestions for the same draft (one cue suggester).
    assert stage_text(window.stage).splitlines()[0] == "It was three in the morning on Ward 7"
    assert "No cues for this part yet" in window.hud.note_label.text()


def test_zoom_changes_type_but_never_timing(qtbot, controller, narrative, clock, asked):
    window = open_window(qtbot, controller, narrative, clock)
    press(qtbot, window, Qt.Key.Key_F5)
    clock.advance(12)
    before = window.stage.text_view.font().pixelSize()
    press(qtbot, window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.stage.text_view.font().pixelSize() > before
    assert window.engine.part_elapsed() == pytest.approx(12)
    assert window.hud.timer_label.text() == "1:48 left"
    press(qtbot, window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.stage.zoom == pytest.approx(1.15)


def test_views_ladder_and_teleprompter(qtbot, controller, narrative, clock, asked):
    window = open_window(qtbot, controller, narrative, clock)
    press(qtbot, window, Qt.Key.Key_V)
    assert window.stage.view is TextView.FULL
    assert "sat with Mrs Khan until the light came up" in stage_text(window.stage)
    press(qtbot, window, Qt.Key.Key_L)  # into the memorise ladder, step 1
    assert window.stage.view is TextView.MEMORISE
    press(qtbot, window, Qt.Key.Key_L)
    assert "step 2 of 4: first line of each paragraph" in window.hud.note_label.text()
    assert "The call bell rang" not in stage_text(window.stage)
    press(qtbot, window, Qt.Key.Key_L)
    press(qtbot, window, Qt.Key.Key_L)
    assert "headings only" in window.hud.note_label.text()
    assert stage_text(window.stage) == "Tell this part from memory."

    window.set_view(TextView.TELEPROMPTER)
    prompter = window.stage.teleprompter
    assert prompter.wpm == 120
    press(qtbot, window, Qt.Key.Key_Up)  # faster, not previous part
    assert prompter.wpm == 125
    assert "125 words per minute" in window.hud.note_label.text()
    press(qtbot, window, Qt.Key.Key_Down)
    press(qtbot, window, Qt.Key.Key_Down)
    assert prompter.wpm == 115
    press(qtbot, window, Qt.Key.Key_F5)
    clock.advance(6)  # 6 s at 115 wpm is 11.5 of the 33 words
    window.tick()
    assert prompter.progress() * 33 == pytest.approx(11.5, abs=0.5)
    press(qtbot, window, Qt.Key.Key_Space)
    clock.advance(60)
    window.tick()
    assert prompter.progress() * 33 == pytest.approx(11.5, abs=0.5)  # paused: no scrolling
    press(qtbot, window, Qt.Key.Key_M)
    assert prompter.mirrored
    assert window.engine.index == 0


def test_countdown_before_the_run(qtbot, controller, narrative, clock, asked):
    window = open_window(qtbot, controller, narrative, clock, countdown=True)
    press(qtbot, window, Qt.Key.Key_F5)
    assert window.hud.timer_label.text() == "Starting in 3"
    clock.advance(2.5)
    window.tick()
    assert window.hud.timer_label.text() == "Starting in 1"
    clock.advance(1.5)
    window.tick()
    assert window.engine.phase is Phase.RUNNING
    assert window.hud.timer_label.text() == "1:59 left"


def test_peer_practice_keeps_the_feedback_card_with_the_run(qtbot, controller, narrative, clock,
                                                            asked):
    window = open_window(qtbot, controller, narrative, clock, peer=True)
    assert window.hud.total_label.text() == "Total 0:00 of 2:00"
    press(qtbot, window, Qt.Key.Key_F5)
    clock.advance(125)
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.mode is Mode.FEEDBACK
    assert window.hud.part_label.text() == "Feedback"
    assert window.hud.timer_label.text() == "3:00 left"
    done = window.hud.controls.buttons["next"]
    assert done.text() == "Feedback done (PgDown)"
    assert done.accessibleName().startswith("Feedback done")
    window.feedback_card.fields["clearest_picture"].setText("The call bell at 3 a.m.")
    window.feedback_card.fields["could_say_yes"].setText("Yes, Monday works")
    clock.advance(200)
    window.tick()
    assert window.hud.timer_label.text() == "just over, by 0:20"
    press(qtbot, window, Qt.Key.Key_PageDown)  # feedback done
    assert window.mode is Mode.FINISHED
    press(qtbot, window, Qt.Key.Key_PageDown)  # keep
    (run,) = controller.store.list_runs(narrative.id)
    assert run.view == "peer"
    assert run.total_seconds == pytest.approx(125)
    assert run.feedback == {"clearest_picture": "The call bell at 3 a.m.",
                            "could_say_yes": "Yes, Monday works"}
    assert sum(s.target_seconds for s in run.splits) == 120
    assert all(s.words == 0 for s in run.splits)  # a peer telling does not set the pace


def test_every_action_has_a_visible_button(qtbot, controller, narrative, clock, asked):
    window = open_window(qtbot, controller, narrative, clock)
    buttons = window.hud.controls.buttons
    for key in ("toggle", "previous", "next", "blank", "full", "end", "zoom_in", "zoom_out"):
        assert buttons[key].isVisible(), key
    buttons["toggle"].click()
    assert window.engine.phase is Phase.RUNNING
    assert buttons["toggle"].text() == "Pause (Space)"
    buttons["next"].click()
    assert window.hud.part_label.text() == "Story of Us"
    buttons["blank"].click()
    assert window.blanked


def test_countdown_and_peer_practice_are_chosen_before_the_run(qtbot, controller, narrative,
                                                              clock, asked):
    window = open_window(qtbot, controller, narrative, clock)
    buttons = window.hud.controls.buttons
    assert buttons["countdown"].isVisible() and buttons["peer"].isVisible()
    press(qtbot, window, Qt.Key.Key_P)
    assert window.peer
    assert window.hud.total_label.text() == "Total 0:00 of 2:00"
    press(qtbot, window, Qt.Key.Key_C)
    assert window.countdown
    press(qtbot, window, Qt.Key.Key_F5)
    assert window.engine.phase is Phase.COUNTDOWN
    assert not buttons["peer"].isVisible()
    press(qtbot, window, Qt.Key.Key_P)  # too late: the run has started
    assert window.peer
    assert window.commands["peer"].isChecked()
    assert "Change this before the run starts." in window.hud.note_label.text()


def test_the_next_rehearsal_opens_as_the_last_one_closed(qtbot, controller, narrative, clock,
                                                         asked):
    window = open_window(qtbot, controller, narrative, clock)
    press(qtbot, window, Qt.Key.Key_T)  # light colours
    press(qtbot, window, Qt.Key.Key_V)  # full text
    press(qtbot, window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    window.close()
    again = open_window(qtbot, controller, narrative, clock)
    assert again.theme.value == "light"
    assert again.stage.view is TextView.FULL
    assert again.stage.zoom == pytest.approx(1.15)
    assert again.hud.controls.buttons["theme"].isVisible()


def test_an_empty_narrative_still_times_a_telling_from_memory(qtbot, controller, clock, asked):
    narrative_id = controller.create_narrative(Narrative(title="Blank page"))
    assert controller.open_narrative(narrative_id)
    window = open_window(qtbot, controller, controller.current, clock)
    assert [p.kind for p in window.engine.plan] == [PartKind.SELF, PartKind.US, PartKind.NOW]
    assert stage_text(window.stage) == "Nothing written for this part yet: tell it from memory."
    press(qtbot, window, Qt.Key.Key_F5)
    clock.advance(42)
    window.tick()
    assert window.hud.timer_label.text() == "0:42"  # no target: it counts up
    assert window.hud.ahead_label.text() == ""
    assert window.hud.total_label.text().startswith("Total 0:42")
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.finish_panel.heading.text() == "Run finished: 0:42"
    assert "Story of Self: 0:42" in finish_lines(window.finish_panel)
