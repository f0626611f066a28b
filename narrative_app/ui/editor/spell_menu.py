"""UI: spelling suggestions, "Add to dictionary" and "Ignore" in an editor's context menu.

``add_spelling_actions(menu, editor, pos)`` puts them at the top of a context menu for the
misspelt word under ``pos``; it works for ``QPlainTextEdit``, ``QTextEdit`` and ``QLineEdit``.
``install_spell_menu(editor)`` does the whole job for an editor without a context menu of its
own. A chosen suggestion replaces the word as one undoable edit, like typing it.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QFont, QTextCursor
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit, QTextEdit, QWidget

from narrative_app.spell import word_at
from narrative_app.ui.editor.spell_highlighter import SpellCheckService
from narrative_app.ui.message_boxes import warn

MAX_SUGGESTIONS = 5
TextEditor = QPlainTextEdit | QTextEdit | QLineEdit


def _tr(text: str) -> str:
    return QCoreApplication.translate("SpellMenu", text)


def _utf16(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def _python_index(text: str, utf16_index: int) -> int:
    """A Qt (UTF-16) position in ``text`` as a Python string index."""
    if len(text.encode("utf-16-le")) // 2 == len(text):
        return utf16_index
    count = 0
    for index, ch in enumerate(text):
        if count >= utf16_index:
            return index
        count += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def misspelt_word_at(editor: TextEditor, pos: QPoint,
                     service: SpellCheckService) -> tuple[int, int, str] | None:
    """``(start, end, word)`` in document (UTF-16) positions of the misspelt word at ``pos``.

    ``pos`` is where the user clicked, in viewport coordinates for text edits (as
    ``customContextMenuRequested`` and ``QContextMenuEvent.pos()`` give them) and in widget
    coordinates for a line edit.
    """
    if not service.active:
        return None
    if isinstance(editor, QLineEdit):
        text, offset = editor.text(), 0
        clicked = editor.cursorPositionAt(pos)
    else:
        cursor = editor.cursorForPosition(pos)
        block = cursor.block()
        text, offset = block.text(), block.position()
        clicked = cursor.positionInBlock()
    found = word_at(text, _python_index(text, clicked))
    if found is None or service.checker.check(found[2]):
        return None
    start, end, word = found
    return offset + _utf16(text, start), offset + _utf16(text, end), word


class _SpellActions(QObject):
    """Holds what the menu's actions need; a child of the menu, so it goes with it."""

    def __init__(self, menu: QMenu, editor: TextEditor, span: tuple[int, int, str],
                 service: SpellCheckService) -> None:
        super().__init__(menu)
        self.editor = editor
        self.start, self.end, self.word = span
        self.service = service

    def replace(self, suggestion: str) -> None:
        editor = self.editor
        if isinstance(editor, QLineEdit):
            editor.setSelection(self.start, self.end - self.start)
            editor.insert(suggestion)
            return
        cursor = QTextCursor(editor.document())
        cursor.setPosition(self.start)
        cursor.setPosition(self.end, QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText() != self.word:
            return  # the text changed under the menu: do nothing rather than the wrong thing
        cursor.insertText(suggestion)
        editor.setTextCursor(cursor)

    def add_to_dictionary(self) -> None:
        problem = self.service.add_to_dictionary(self.word)
        if problem:
            warn(self.editor, _tr("Personal dictionary"), problem)

    def ignore(self) -> None:
        self.service.ignore(self.word)


def add_spelling_actions(menu: QMenu, editor: TextEditor, pos: QPoint,
                         service: SpellCheckService) -> bool:
    """Put suggestions, "Add to dictionary" and "Ignore" first in ``menu`` if the word at
    ``pos`` is misspelt; returns whether it did."""
    span = misspelt_word_at(editor, pos, service)
    if span is None:
        return False
    handler = _SpellActions(menu, editor, span, service)
    first = menu.actions()[0] if menu.actions() else None
    actions: list[QAction] = []
    suggestions = service.suggestions(span[2])[:MAX_SUGGESTIONS]
    for suggestion in suggestions:
        action = QAction(suggestion, menu)
        font = QFont(action.font())
        font.setBold(True)
        action.setFont(font)
        action.triggered.connect(partial(handler.replace, suggestion))
        actions.append(action)
    if not suggestions:
        none = QAction(_tr("No suggestions"), menu)
        none.setEnabled(False)
        actions.append(none)
    add = QAction(_tr("Add “{word}” to dictionary").format(word=span[2]), menu)
    add.triggered.connect(handler.add_to_dictionary)
    ignore = QAction(_tr("Ignore “{word}”").format(word=span[2]), menu)
    ignore.setToolTip(_tr("Accept this word until you close the app"))
    ignore.triggered.connect(handler.ignore)
    actions += [_separator(menu), add, ignore]
    if first is not None:
        actions.append(_separator(menu))
        menu.insertActions(first, actions)
    else:
        menu.addActions(actions)
    return True


def _separator(menu: QMenu) -> QAction:
    action = QAction(menu)
    action.setSeparator(True)
    return action


class SpellContextMenu(QObject):
    """The editor's standard context menu with the spelling actions on top."""

    def __init__(self, editor: TextEditor, service: SpellCheckService) -> None:
        super().__init__(editor)
        self.editor = editor
        self.service = service
        editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        editor.customContextMenuRequested.connect(self.show_menu)

    def build_menu(self, pos: QPoint) -> QMenu:
        editor = self.editor
        if isinstance(editor, QLineEdit):
            menu = editor.createStandardContextMenu()
        else:
            menu = editor.createStandardContextMenu(pos)
        add_spelling_actions(menu, editor, pos, self.service)
        return menu

    def show_menu(self, pos: QPoint) -> None:
        menu = self.build_menu(pos)
        target: QWidget = self.editor if isinstance(self.editor, QLineEdit) \
            else self.editor.viewport()
        menu.exec(target.mapToGlobal(pos))
        menu.deleteLater()


def install_spell_menu(editor: TextEditor,
                       service: SpellCheckService | None) -> SpellContextMenu | None:
    """Give ``editor`` a context menu with spelling suggestions (replaces its default menu);
    with no ``service`` it keeps its own menu."""
    return SpellContextMenu(editor, service) if service is not None else None
