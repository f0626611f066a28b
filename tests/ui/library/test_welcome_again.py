"""The welcome can be shown again from Help, and "Hide this welcome" looks like a button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QStyleOptionButton

from narrative_app.ui.main_window import MainWindow


def test_help_show_the_welcome_brings_it_back_after_the_example(main_window, qtbot) -> None:
    qtbot.mouseClick(main_window.welcome.example_button, Qt.MouseButton.LeftButton)
    assert main_window.welcome is None
    action = main_window.actions_by_name["show_welcome"]
    assert action.text() == "Show the &welcome"
    help_menu = next(a.menu() for a in main_window.menuBar().actions() if a.text() == "&Help")
    assert action in help_menu.actions()
    action.trigger()
    assert main_window.stack.currentWidget() is main_window.library
    qtbot.waitUntil(lambda: main_window.welcome is not None and main_window.welcome.isVisible())


def test_shown_again_it_stays_until_hidden_again(main_window, controller, qtbot) -> None:
    qtbot.mouseClick(main_window.welcome.dismiss_button, Qt.MouseButton.LeftButton)
    main_window.actions_by_name["show_welcome"].trigger()
    again = MainWindow(controller)  # a relaunch before it is hidden again: still there
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.welcome is not None and again.welcome.isVisible())
    again._quitting_anyway = True


def test_hide_this_welcome_is_a_raised_button_that_takes_focus(main_window, qtbot) -> None:
    button = main_window.welcome.dismiss_button
    assert button.text() == "Hi&de this welcome"
    assert not button.isFlat()  # drawn as a button in the palette's colours, not plain text
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert "Show the welcome" in button.toolTip()
    option = QStyleOptionButton()
    button.initStyleOption(option)
    assert not option.features & QStyleOptionButton.ButtonFeature.Flat
    image = button.grab().toImage()
    centre_row = image.height() // 2
    window = button.palette().color(QPalette.ColorRole.Window).name()
    edge = {image.pixelColor(x, centre_row).name() for x in range(4)}
    assert edge != {window}  # a visible button edge, not text on the bare window
