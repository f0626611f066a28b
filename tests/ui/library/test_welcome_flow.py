"""First run: the welcome above the library, its two ways in, and that it does not come back."""

from __future__ import annotations

from PySide6.QtCore import Qt

from narrative_app.domain import PartKind


def test_first_launch_shows_welcome_and_the_sample_card(main_window, store, qtbot) -> None:
    welcome = main_window.welcome
    assert welcome is not None and welcome.isVisible()
    assert [card.title_label.text() for card in welcome.cards] == [
        "Story of Self", "Story of Us", "Story of Now"]
    sample = store.list()[0]
    assert main_window.library.card(sample.id) is not None
    assert main_window.library.card(sample.id).isVisible()


def test_look_at_the_example_opens_the_sample(main_window, store, qtbot) -> None:
    sample = store.get(store.list()[0].id)
    qtbot.mouseClick(main_window.welcome.example_button, Qt.MouseButton.LeftButton)
    assert main_window.in_workspace()
    assert main_window.controller.current.id == sample.id
    assert main_window.controller.current.parts[PartKind.SELF].draft == sample.parts[
        PartKind.SELF].draft
    assert main_window.welcome is None


def test_start_my_own_creates_a_narrative_and_welcome_is_gone_next_time(
    main_window, controller, store, qtbot
) -> None:
    before = len(store.list())
    qtbot.mouseClick(main_window.welcome.start_button, Qt.MouseButton.LeftButton)
    assert len(store.list()) == before + 1
    assert main_window.workspace.current_key() == "purpose"

    from narrative_app.ui.main_window import MainWindow

    again = MainWindow(controller)
    qtbot.addWidget(again)
    assert again.welcome is None
    again._quitting_anyway = True


def test_hiding_the_welcome_keeps_it_hidden(main_window, controller, qtbot) -> None:
    qtbot.mouseClick(main_window.welcome.dismiss_button, Qt.MouseButton.LeftButton)
    assert main_window.welcome is None
    assert not main_window.in_workspace()
    from narrative_app.ui.main_window import MainWindow

    again = MainWindow(controller)
    qtbot.addWidget(again)
    assert again.welcome is None
    again._quitting_anyway = True


def _mnemonic(text: str) -> str:
    index = text.replace("&&", "").find("&")
    return text.replace("&&", "")[index + 1].lower() if index >= 0 else ""


def test_welcome_mnemonics_do_not_clash_with_the_menu_bar(main_window, qtbot) -> None:
    menus = {_mnemonic(action.text()) for action in main_window.menuBar().actions()}
    welcome = main_window.welcome
    buttons = [welcome.example_button, welcome.start_button, welcome.dismiss_button]
    letters = [_mnemonic(button.text()) for button in buttons]
    assert all(letters) and not set(letters) & menus
    qtbot.keyClick(main_window, letters[0], Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(main_window.in_workspace, timeout=2000)  # Alt+X opened the example
