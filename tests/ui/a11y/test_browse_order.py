"""UI accessibility: the order a screen reader browses the welcome and library page (the
QAccessible tree that AT-SPI hands to Orca, child by child) follows the visual order, top to
bottom and left to right (WCAG 1.3.2, 2.4.3)."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QRect
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QApplication


def _shown(iface: QAccessibleInterface) -> bool:
    return (iface.isValid() and not iface.state().invisible and not iface.state().offscreen
            and iface.rect().width() > 0 and iface.rect().height() > 0)


def _label(iface: QAccessibleInterface) -> str:
    return f"{iface.role().name} {iface.text(QAccessible.Text.Name)[:40]!r}"


def _before(first: QRect, second: QRect) -> bool:
    """False when ``second`` is plainly seen before ``first``: wholly above it (and not the
    top of a column further right), or beside it on the same line and wholly to its left."""
    if second.bottom() < first.top() and second.left() <= first.right():
        return False
    same_line = second.top() <= first.bottom() and first.top() <= second.bottom()
    return not (same_line and second.right() < first.left())


def out_of_order(root: QAccessibleInterface, path: str = "") -> list[str]:
    """Every pair of sibling elements the tree gives in an order that differs from the eye's."""
    found: list[str] = []
    children = [root.child(i) for i in range(root.childCount())]
    shown = [c for c in children if c is not None and _shown(c)]
    here = f"{path} > {_label(root)}" if path else _label(root)
    for first, second in pairwise(shown):
        if not _before(first.rect(), second.rect()):
            found.append(f"{here}: {_label(second)} {second.rect().getRect()} is read after "
                         f"{_label(first)} {first.rect().getRect()}")
    for child in shown:
        found.extend(out_of_order(child, here))
    return found


def browse(root: QAccessibleInterface) -> list[str]:
    """The names a screen reader meets, in browse order (depth first)."""
    names: list[str] = []
    for i in range(root.childCount()):
        child = root.child(i)
        if child is None or not _shown(child):
            continue
        name = child.text(QAccessible.Text.Name)
        if name:
            names.append(name)
        names.extend(browse(child))
    return names


def _settle(qtbot, window) -> QAccessibleInterface:
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    return QAccessible.queryAccessibleInterface(window.library)


def test_the_welcome_is_read_first_and_in_visual_order(main_window, qtbot) -> None:
    assert main_window.welcome is not None
    page = _settle(qtbot, main_window)
    names = browse(page)
    first_library = names.index("New narrative")
    assert names.index("Welcome") < first_library  # the banner above is read first
    assert names.index("Start my own") < first_library
    problems = out_of_order(page)
    assert not problems, "\n".join(problems)


def test_the_library_with_cards_is_read_in_visual_order(main_window, qtbot) -> None:
    main_window.library.add_example()
    main_window.dismiss_welcome()
    page = _settle(qtbot, main_window)
    names = browse(page)
    assert names.index("New narrative") < names.index("Search narratives")
    problems = out_of_order(page)
    assert not problems, "\n".join(problems)


def test_the_empty_library_is_read_in_visual_order(main_window, qtbot) -> None:
    main_window.dismiss_welcome()
    for narrative in main_window.controller.store.list():
        main_window.controller.store.trash(narrative.id)
    main_window.library.refresh()
    page = _settle(qtbot, main_window)
    problems = out_of_order(page)
    assert not problems, "\n".join(problems)


def test_the_workspace_is_read_navigation_page_coach(main_window, qtbot) -> None:
    """Every pane of every page in the order seen: the menus, then navigation, the page
    and the coach; on a story page its guide, draft and cues; the budget's rows left to
    right."""
    main_window.library.add_example()
    narrative_id = main_window.library.selected_id()
    found = []
    for key in ("purpose", "values", "self", "link", "rehearse", "export"):
        assert main_window.open_narrative(narrative_id, key)
        _settle(qtbot, main_window)
        root = QAccessible.queryAccessibleInterface(main_window.workspace)
        found += [f"{key}: {problem}" for problem in out_of_order(root)]
    window = QAccessible.queryAccessibleInterface(main_window)
    roles = [window.child(i).role() for i in range(window.childCount())]
    assert roles.index(QAccessible.Role.MenuBar) == 0
    assert not found, "\n".join(found)


def test_the_guide_is_read_contents_then_text(main_window, qtbot) -> None:
    from narrative_app.ui.dialogs.help import HelpDialog

    dialog = HelpDialog(main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    problems = out_of_order(QAccessible.queryAccessibleInterface(dialog))
    assert not problems, "\n".join(problems)
