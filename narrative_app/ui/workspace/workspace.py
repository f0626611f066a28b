"""UI: the workspace: navigator, the page stack and the coach/time column beside it.

Pages written by other modules are imported when the workspace is built, not at start-up, so
the first paint stays quick. A page that fails to build is a bug and fails its test.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from narrative_app.domain import PartKind
from narrative_app.ui.widgets.access import announce, browse_in_order
from narrative_app.ui.widgets.reflow import apply_ui_zoom
from narrative_app.ui.workspace.navigation import NAV_ITEMS, PAGE_KEYS

if TYPE_CHECKING:
    from narrative_app.ui.app_context import AppContext
    from narrative_app.ui.controller import NarrativeController
    from narrative_app.ui.editor.story_page import StoryPage
    from narrative_app.ui.workspace.feature_pages import ExportPage, RehearsePage

STORY_KEYS = {"self": PartKind.SELF, "us": PartKind.US, "now": PartKind.NOW}
SIDE_MIN_WIDTH = 1100  # below this the coach/time column folds away before the text shrinks
REPORT_DELAY_MS = 800
NAV_STYLE = """
QListWidget { background: transparent; border: none; outline: none; }
QListWidget::item { padding: 6px 10px; border-radius: 5px; color: palette(window-text); }
QListWidget::item:hover { background: palette(midlight); }
QListWidget::item:selected { background: palette(highlight); color: palette(highlighted-text); }
QListWidget::item:selected:focus { border: 1px solid palette(text); }
"""


class SaveIndicator(QLabel):
    """The quiet status: "Saved" small and grey; "Not saved: <reason>" in the normal text."""

    def __init__(self, controller: NarrativeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleDescription(self.tr("Save status"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._failed = False
        self.setContentsMargins(8, 0, 8, 0)
        controller.saveStateChanged.connect(self.show_state)
        self.show_state(*controller.save_state)

    def show_state(self, state: str, message: str) -> None:
        failed = state == "failed"
        self.setText(message or (self.tr("Saved") if state == "saved" else ""))
        # The value itself is what a screen reader hears ("Saved", "Not saved: ..."); a
        # failure, and saving again after one, are announced (ordinary saves stay quiet).
        self.setAccessibleName(self.text() or self.tr("Save status"))
        if (failed and not self._failed) or (state == "saved" and self._failed):
            announce(self, self.text(), assertive=failed)
        if failed or state == "saved":
            self._failed = failed
        self.setForegroundRole(QPalette.ColorRole.WindowText if failed
                               else QPalette.ColorRole.PlaceholderText)
        font = self.font()
        font.setBold(failed)
        self.setFont(font)
        self.setToolTip(self.tr("Your text is kept here and saving is retried every few "
                                "seconds. Press Ctrl+S to try now.") if failed else
                        self.tr("Everything you write is saved as you go."))


class Workspace(QWidget):
    """Where a narrative is written: Purpose, Values, Self, Us, Now, Link, Rehearse, Export."""

    libraryRequested = Signal()
    pageChanged = Signal(str)
    focusModeExited = Signal()  # Esc left focus mode (the window unticks its action)

    def __init__(self, controller: NarrativeController, context: AppContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.context = context
        self.focus_mode = False
        self.side_wanted = True
        self.pages: dict[str, QWidget] = {}
        self.story_pages: dict[PartKind, StoryPage] = {}
        self._build_nav()
        self._build_pages()
        self._build_side()
        self._build_splitter()
        self._report_timer = QTimer(self)
        self._report_timer.setSingleShot(True)
        self._report_timer.setInterval(REPORT_DELAY_MS)
        self._report_timer.timeout.connect(self.update_report)
        controller.narrativeOpened.connect(self._narrative_opened)
        controller.narrativeChanged.connect(self._schedule_report)
        controller.metaChanged.connect(self._update_title)
        controller.runsChanged.connect(self._schedule_report)
        self.restore_layout()
        self.show_page("purpose")
        # Ctrl++ / Ctrl+- scale the whole workspace's text, not only the editors.
        self._zoom = context.zoom
        self._zoom.changed.connect(self._apply_zoom)
        self._apply_zoom(self._zoom.steps)

    # ------------------------------------------------------------ building
    def _build_nav(self) -> None:
        """The left column: back to the library, the narrative's title and the sections."""
        self.back_button = QPushButton(self.tr("‹ Library"))
        self.back_button.setFlat(True)
        self.back_button.setToolTip(self.tr("Back to all your narratives (Ctrl+L)"))
        self.back_button.clicked.connect(self.libraryRequested)
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Sections"))
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        self.nav.setStyleSheet(NAV_STYLE)
        for index, entry in enumerate(NAV_ITEMS):
            item = QListWidgetItem()
            if entry is None:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            else:
                key, label = entry
                item.setText(self.tr(label))
                item.setData(Qt.ItemDataRole.UserRole, key)
                number = PAGE_KEYS.index(key) + 1
                item.setToolTip(self.tr("{page} (Ctrl+{n})").format(page=self.tr(label), n=number))
            self.nav.insertItem(index, item)
        self.nav.currentItemChanged.connect(self._nav_changed)
        self.nav_panel = QWidget()
        nav_box = QVBoxLayout(self.nav_panel)
        nav_box.setContentsMargins(8, 10, 4, 8)
        nav_box.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        nav_box.addWidget(self.title_label)
        nav_box.addSpacing(6)
        nav_box.addWidget(self.nav, 1)
        self.nav_panel.setMinimumWidth(150)
        self.nav_panel.setMaximumWidth(260)

    def _build_pages(self) -> None:
        self.stack = QStackedWidget()
        from narrative_app.ui.workspace.purpose_page import PurposePage

        self.purpose_page = PurposePage(self.controller, spell=self.context.spell)
        self.purpose_page.setupFinished.connect(self._setup_finished)
        self.purpose_page.nextRequested.connect(self._purpose_next)
        for key in PAGE_KEYS:
            page = self.purpose_page if key == "purpose" else self._build_page(key)
            self.pages[key] = page
            self.stack.addWidget(page)

    def _build_side(self) -> None:
        """The right column: the coach's findings and the time budget."""
        from narrative_app.ui.workspace.budget_view import BudgetView
        from narrative_app.ui.workspace.coach_panel import CoachPanel

        self.coach_panel = CoachPanel()
        self.coach_panel.spanActivated.connect(self._span_activated)
        self.budget_view = BudgetView(self.controller)
        self.side = QWidget()
        side_box = QVBoxLayout(self.side)
        side_box.setContentsMargins(4, 10, 10, 8)
        side_box.addWidget(self.coach_panel, 1)
        side_box.addWidget(self.budget_view, 0)
        self.side.setMinimumWidth(240)
        self.side.setMaximumWidth(380)

    def _build_splitter(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.nav_panel)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([180, 800, 300])
        browse_in_order(self.splitter)  # read navigation, page, coach: as seen
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    # ------------------------------------------------------------ page set-up
    def _build_page(self, key: str) -> QWidget:
        # Imported here, not at the top, so the first paint does not wait for every page.
        if key in STORY_KEYS:
            from narrative_app.ui.editor.story_page import StoryPage

            story = StoryPage(self.controller, STORY_KEYS[key], self.context)
            self.story_pages[story.kind] = story
            return story
        if key == "values":
            from narrative_app.ui.workspace.values_page import ValuesPage

            return ValuesPage(self.controller)
        if key == "link":
            from narrative_app.ui.workspace.link_page import LinkPage

            return LinkPage(self.controller)
        from narrative_app.ui.workspace.feature_pages import ExportPage, RehearsePage

        if key == "rehearse":
            self.rehearse_page: RehearsePage = RehearsePage(self.controller)
            return self.rehearse_page
        self.export_page: ExportPage = ExportPage(self.controller)
        return self.export_page

    # ------------------------------------------------------------ navigation
    def show_page(self, key: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.nav.setCurrentRow(row)
                return

    def focus_page(self) -> None:
        """Put the keyboard where the page's work is: a story's draft, the Purpose title."""
        page = self.story_page()
        if page is not None:
            page.editor.setFocus()
        elif self.current_key() == "purpose":
            self.purpose_page.title_edit.setFocus()

    def current_key(self) -> str:
        item = self.nav.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else "purpose"

    def current_part(self) -> PartKind | None:
        return STORY_KEYS.get(self.current_key())

    def story_page(self, kind: PartKind | None = None) -> StoryPage | None:
        """The story page of ``kind`` (default: the one showing); None off the stories."""
        kind = kind or self.current_part()
        return None if kind is None else self.story_pages.get(kind)

    def _nav_changed(self, current: QListWidgetItem | None,
                     _previous: QListWidgetItem | None) -> None:
        if current is None:
            return
        key = current.data(Qt.ItemDataRole.UserRole)
        if key is None:
            return
        # Switching part is a natural moment to save.
        self.controller.save_now()
        self.stack.setCurrentWidget(self.pages[key])
        if key != "purpose" and self.purpose_page.setup_mode:
            self.purpose_page.set_setup_mode(False)
        self._update_side()
        self.update_report()  # the coach follows the page at once
        self.pageChanged.emit(key)

    def start_setup(self) -> None:
        """A brand-new narrative: the Purpose page as a short, skippable set-up."""
        self.purpose_page.set_setup_mode(True)
        self.show_page("purpose")
        self.purpose_page.focus_first()

    def _setup_finished(self) -> None:
        self.purpose_page.set_setup_mode(False)
        self.show_page("self")
        page = self.story_page(PartKind.SELF)
        if page is not None:
            page.editor.setFocus()  # the user can start typing the story straight away

    def _purpose_next(self) -> None:
        self.show_page("values")

    def _narrative_opened(self, _narrative_id: int) -> None:
        self._update_title()
        self._schedule_report()

    def _update_title(self, _narrative_id: int | None = None) -> None:
        narrative = self.controller.current
        self.title_label.setText(narrative.title if narrative else "")

    # ------------------------------------------------------------ side column
    def set_side_wanted(self, wanted: bool) -> None:
        self.side_wanted = wanted
        self._update_side()

    def _update_side(self) -> None:
        show = self.side_wanted and not self.focus_mode and self.width() >= SIDE_MIN_WIDTH
        self.side.setVisible(show)

    def _apply_zoom(self, steps: int) -> None:
        apply_ui_zoom(self, steps)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_side()

    def _schedule_report(self, *_args: object) -> None:
        self._report_timer.start()

    def update_report(self) -> None:
        """Rebuild the coach report for the open narrative (debounced after typing)."""
        narrative = self.controller.current
        if narrative is None:
            return
        try:
            from narrative_app.coach.report import build_report

            report = build_report(narrative, self.controller.effective_pace())
        except Exception:  # the coach is optional: a failure must never cost the writing
            return
        self.coach_panel.set_report(report, self.current_part())

    def _span_activated(self, part: str, start: int, end: int) -> None:
        try:
            kind = PartKind(part)
        except ValueError:
            return
        self.show_page(kind.value)
        page = self.story_page(kind)
        if page is not None:
            page.highlight_span(start, end)

    # ---------------------------------------------------------- view actions
    def set_focus_mode(self, on: bool) -> None:
        """Hide everything but the draft (on a story page; Self if none is showing)."""
        if on and self.current_part() is None:
            self.show_page("self")
        self.focus_mode = on
        self.nav_panel.setVisible(not on)
        self._update_side()
        for kind in STORY_KEYS.values():
            page = self.story_page(kind)
            if page is not None:
                page.set_focus_mode(on)
        if on:
            self.focus_page()  # the keyboard goes to the draft on show, whatever came before

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.focus_mode and event.key() == Qt.Key.Key_Escape:
            self.set_focus_mode(False)
            self.focusModeExited.emit()
            return
        super().keyPressEvent(event)

    # One zoom for the whole workspace: every story page and the panels follow it.
    def zoom_in(self) -> None:
        self._zoom.set_steps(self._zoom.steps + 1)

    def zoom_out(self) -> None:
        self._zoom.set_steps(self._zoom.steps - 1)

    def zoom_reset(self) -> None:
        self._zoom.set_steps(0)

    def show_find(self) -> bool:
        """Open the find bar of the story on show; False on a page without a draft."""
        page = self.story_page()
        if page is None:
            return False
        page.show_find()
        return True

    # ---------------------------------------------------------------- layout
    def save_layout(self) -> None:
        from narrative_app.ui.settings import Settings

        Settings().set_splitter_state(self.splitter.saveState())

    def restore_layout(self) -> None:
        from narrative_app.ui.settings import Settings

        state = Settings().splitter_state()
        if state is not None:
            self.splitter.restoreState(state)
