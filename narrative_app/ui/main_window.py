"""UI: the main window: library and workspace, menus and shortcuts, and the restored session."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from narrative_app import APP_NAME
from narrative_app.errors import NarrativeAppError
from narrative_app.ui.app_context import AppContext
from narrative_app.ui.main_menus import add_table_keys, build_menus
from narrative_app.ui.settings import Settings
from narrative_app.ui.widgets.reflow import not_a_tab_stop, scroll_when_small
from narrative_app.ui.window_size import default_size, minimum_for_screen
from narrative_app.ui.workspace.navigation import PAGE_KEYS

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from narrative_app.ui.controller import NarrativeController
    from narrative_app.ui.library.page import LibraryPage
    from narrative_app.ui.settings import AppSettings
    from narrative_app.ui.workspace.workspace import SaveIndicator, Workspace

# Start-up paints this window before anything else (issue 8): the library, the workspace,
# the save indicator and the domain are imported when first built, after that first paint.
DEFAULT_PRESET = "linked_5"


class MainWindow(QMainWindow):
    """One window: the library (home) or the workspace of the open narrative."""

    def __init__(self, controller: NarrativeController, parent: QWidget | None = None, *,
                 defer_library: bool = False, context: AppContext | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.context = context or AppContext()  # zoom, editor font, focus rings
        self.setObjectName("MainWindow")
        self.setMinimumSize(minimum_for_screen())
        self._quitting_anyway = False
        # The workspace is built on first use; at start-up the app paints the window first,
        # then builds and lists the library (defer_library, see ui/app.py).
        self._library: LibraryPage | None = None
        self._workspace: Workspace | None = None
        self.stack = QStackedWidget()
        # Scrolls only when the window is smaller than the pages can shrink (200% text).
        self._fit = scroll_when_small(self.stack, self, leave_tab_order=False)
        self.setCentralWidget(self._fit)
        self.welcome: QWidget | None = None
        self.save_indicator: SaveIndicator | None = None  # added with the library
        self.actions_by_name: dict[str, QAction] = build_menus(self)

        controller.metaChanged.connect(self._update_title)
        controller.narrativeOpened.connect(self._update_title)
        self.stack.currentChanged.connect(self._view_changed)
        self._view_changed()
        if not defer_library:  # the app defers them until after the first paint (ui/app.py)
            self.after_first_paint()
            _ = self.library

    def after_first_paint(self) -> None:
        """What the first frame does not wait for (ui/app.py calls it just after it)."""
        not_a_tab_stop(self._fit)
        add_table_keys(self.actions_by_name)
        self.context.track_focus(self)  # visible focus on every control, in every window

    # ---------------------------------------------------------------- views
    @property
    def library(self) -> LibraryPage:
        """The library (home), with the first-run welcome above it."""
        if self._library is None:
            from narrative_app.ui.library.page import LibraryPage

            self._ensure_save_indicator()
            self._library = LibraryPage(self.controller)
            self._library.openRequested.connect(self.open_narrative)
            self._library.newRequested.connect(self.new_narrative)
            self.stack.insertWidget(0, self._library)
            self._add_welcome_if_first_run()
        return self._library

    def _ensure_save_indicator(self) -> None:
        """The save status in the status bar, whichever view is built first (a restored
        session opens straight into a narrative, without the library)."""
        if self.save_indicator is None:  # built after the first paint: ~10 ms kept off it
            from narrative_app.ui.workspace.workspace import SaveIndicator

            self.save_indicator = SaveIndicator(self.controller)
            self.statusBar().addPermanentWidget(self.save_indicator)
            self.statusBar().setSizeGripEnabled(True)

    @property
    def workspace(self) -> Workspace:
        """The narrative's pages; built on first use so the library shows without waiting."""
        if self._workspace is None:
            from narrative_app.ui.workspace.workspace import Workspace

            self._ensure_save_indicator()
            self._workspace = Workspace(self.controller, self.context)
            self._workspace.libraryRequested.connect(self.show_library)
            self._workspace.focusModeExited.connect(partial(self.set_focus_mode, False))
            self.stack.addWidget(self._workspace)
        return self._workspace

    def in_workspace(self) -> bool:
        return self._workspace is not None and self.stack.currentWidget() is self._workspace

    def show_library(self) -> None:
        self.controller.save_now()
        self.set_focus_mode(False)
        self.stack.setCurrentWidget(self.library)
        self.library.refresh()
        current = self.controller.current
        if current is not None and current.id is not None:
            self.library.select(current.id)
        self.library.list.setFocus()

    def open_narrative(self, narrative_id: int, page: str = "self") -> bool:
        workspace = self.workspace  # built before the narrative opens, so its pages hear it
        try:
            if not self.controller.open_narrative(narrative_id):
                self._info(self.controller.save_state[1])
                return False
        except NarrativeAppError as error:
            self._info(str(error))
            return False
        self.stack.setCurrentWidget(workspace)
        workspace.show_page(page if page in PAGE_KEYS else "self")
        workspace.focus_page()  # not the "Library" button, where a stray Space goes back
        return True

    def new_narrative(self) -> None:
        from narrative_app.domain import Narrative
        from narrative_app.method.presets import apply_preset
        narrative = Narrative(title=self.tr("Untitled narrative"), pace_wpm=Settings().pace_wpm)
        apply_preset(narrative, DEFAULT_PRESET)
        try:
            narrative_id = self.controller.create_narrative(narrative)
        except NarrativeAppError as error:
            self._info(str(error))
            return
        if self.open_narrative(narrative_id, "purpose"):
            self.workspace.start_setup()

    # -------------------------------------------------------------- welcome
    def _add_welcome_if_first_run(self) -> None:
        """On first launch the library opens with a welcome above the sample; once either
        way in is taken (or it is hidden) it does not come back."""
        from narrative_app.ui.library.welcome import WelcomePage
        if Settings().welcome_seen:
            return
        welcome = WelcomePage(compact=True)
        welcome.exampleRequested.connect(self._welcome_example)
        welcome.startRequested.connect(self._welcome_start)
        welcome.dismissRequested.connect(self.dismiss_welcome)
        self.library.insert_banner(welcome)
        self.welcome = welcome

    def dismiss_welcome(self) -> None:
        Settings().mark_welcome_seen()
        if self.welcome is not None:
            self.welcome.hide()
            self.welcome.deleteLater()
            self.welcome = None

    def show_welcome(self) -> None:
        """Help > Show the welcome: the library with the welcome above it again."""
        Settings().mark_welcome_seen(False)
        self.show_library()
        if self.welcome is None:
            self._add_welcome_if_first_run()
        if self.welcome is not None:
            self.welcome.show()
            self.welcome.setFocus()

    def _welcome_example(self) -> None:
        self.dismiss_welcome()
        sample_id = self.library.transfer.sample_id()
        if sample_id is None:
            self.library.add_example()
            sample_id = self.library.selected_id()
        if sample_id is not None:
            self.open_narrative(sample_id, "self")

    def _welcome_start(self) -> None:
        self.dismiss_welcome()
        self.new_narrative()

    def _view_changed(self, _index: int = 0) -> None:
        in_workspace = self.in_workspace()
        for name in ("save", "save_version", "versions", "rehearse", "find", "focus_mode",
                     "zoom_in", "zoom_out", "zoom_reset", "side_column"):
            action = self.actions_by_name.get(name)
            if action is not None:
                action.setEnabled(in_workspace)
        for key in PAGE_KEYS:
            self.actions_by_name[f"page_{key}"].setEnabled(in_workspace)
        self._update_title()

    def _update_title(self, _narrative_id: int | None = None) -> None:
        narrative = self.controller.current
        if self.in_workspace() and narrative is not None:
            self.setWindowTitle(f"{APP_NAME} - {narrative.title}")
        else:
            self.setWindowTitle(APP_NAME)

    # -------------------------------------------------------------- actions
    def save(self) -> None:
        if self.controller.save_now():
            self.statusBar().showMessage(self.tr("Saved"), 2000)

    def show_versions(self) -> None:
        if self.controller.current is None:
            return
        from narrative_app.ui.dialogs.versions import VersionsDialog

        self.controller.save_now()
        VersionsDialog(self.controller, self).exec()

    def import_file(self) -> None:
        self.show_library()
        self.library.import_with_dialog()

    def export(self) -> None:
        if self.in_workspace():
            self.workspace.export_page.export()
        else:
            narrative_id = self.library.selected_id()
            if narrative_id is not None and not self.library.showing_trash:
                self.library.export(narrative_id)

    def rehearse(self) -> None:
        if self.in_workspace():
            self.workspace.show_page("rehearse")
            self.workspace.rehearse_page.start_rehearsal()

    def go_to_page(self, key: str) -> None:
        if self.in_workspace():
            self.workspace.show_page(key)
            self.workspace.focus_page()

    def find_text(self) -> None:
        if self.in_workspace():
            if not self.workspace.show_find():
                self.statusBar().showMessage(self.tr("Find works on Self, Us and Now"), 3000)
        else:
            self.library.focus_search()

    def edit_action(self, name: str) -> None:
        """Undo, redo, cut, copy, paste and select all go to the focused text field."""
        widget = QApplication.focusWidget()
        if name == "undo" and not self.in_workspace() and self.library.undo_button.isVisible():
            self.library.undo_trash()
            return
        from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit

        if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
            method = {"select_all": "selectAll"}.get(name, name)
            getattr(widget, method)()

    def zoom(self, direction: int) -> None:
        if direction > 0:
            self.workspace.zoom_in()
        elif direction < 0:
            self.workspace.zoom_out()
        else:
            self.workspace.zoom_reset()

    def set_focus_mode(self, on: bool) -> None:
        if on and not self.in_workspace():
            on = False
        if self._workspace is not None:
            self._workspace.set_focus_mode(on)
        self.statusBar().setVisible(True)
        action = self.actions_by_name.get("focus_mode")
        if action is not None and action.isChecked() != on:
            action.blockSignals(True)
            action.setChecked(on)
            action.blockSignals(False)

    def set_side_column(self, on: bool) -> None:
        self.workspace.set_side_wanted(on)

    def _show_dialog(self, dialog: QDialog) -> None:
        dialog.exec()
        dialog.deleteLater()

    def show_guide(self) -> None:
        from narrative_app.ui.dialogs.help import HelpDialog

        self._show_dialog(HelpDialog(self))

    def show_settings(self) -> None:
        from narrative_app.ui.dialogs.settings import SettingsDialog
        dialog = SettingsDialog(Settings(), self, data_dir=self.context.spell.data_dir)
        dialog.settingsApplied.connect(self._settings_applied)
        self._show_dialog(dialog)

    def _settings_applied(self, settings: AppSettings) -> None:
        """Theme, editor font, spell check and backups take effect at once."""
        from narrative_app.ui.apply_settings import apply_settings

        apply_settings(settings, self.context, self.controller)

    def show_shortcuts(self) -> None:
        from narrative_app.ui.dialogs.help import ShortcutsDialog

        self._show_dialog(ShortcutsDialog(self))

    def show_about(self) -> None:
        from narrative_app.ui.dialogs.about import AboutDialog

        self._show_dialog(AboutDialog(self.controller.data_dir, self))

    def _info(self, text: str) -> None:
        from narrative_app.ui.message_boxes import inform

        inform(self, APP_NAME, text)
    # -------------------------------------------------------------- session
    def restore_session(self) -> None:
        """Window size and layout, then the narrative and page that were open last time."""
        self.restore_geometry()
        self.restore_last_narrative()

    def restore_geometry(self) -> None:
        """Window size and layout as they were last time (or the default size)."""
        geometry, state = Settings().window_geometry()
        if geometry is not None and self.restoreGeometry(geometry):
            if state is not None:
                self.restoreState(state)
        else:
            self.resize(default_size())

    def restore_last_narrative(self) -> None:
        """The narrative and page open last time, else the library."""
        narrative_id, page = Settings().last_session()
        if narrative_id and self._is_live(narrative_id):
            self.open_narrative(narrative_id, page)
        else:
            self.stack.setCurrentWidget(self.library)

    def _is_live(self, narrative_id: int) -> bool:
        try:
            return self.controller.narrative(narrative_id).trashed_at is None
        except NarrativeAppError:
            return False

    def save_session(self) -> None:
        settings = Settings()
        settings.set_window_geometry(self.saveGeometry(), self.saveState())
        narrative = self.controller.current
        if self.in_workspace() and narrative is not None and narrative.id is not None:
            settings.set_last_session(narrative.id, self.workspace.current_key())
        else:
            settings.set_last_session(0)
        if self._workspace is not None:
            self._workspace.save_layout()
        settings.sync()

    # --------------------------------------------------------------- events
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            self.controller.save_now()  # switching to another window is a moment to save
        elif event.type() == QEvent.Type.PaletteChange:
            self._restyle_for_palette()

    def _restyle_for_palette(self) -> None:
        """Style sheets resolve palette(...) once, when set: after a switch to dark (or back)
        set them again, so cards and accent buttons take the new colours too."""
        for widget in self.findChildren(QWidget):
            sheet = widget.styleSheet()
            if "palette(" in sheet:
                widget.setStyleSheet("")
                widget.setStyleSheet(sheet)

    def close_without_asking(self) -> None:
        """Close even if the latest changes could not be saved (a signal or session end)."""
        self._quitting_anyway = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.controller.save_now() and not self._quitting_anyway:
            from narrative_app.ui.message_boxes import quit_losing_changes

            if not quit_losing_changes(self, self.controller.save_state[1]):
                event.ignore()
                return
            self._quitting_anyway = True
        self.save_session()
        event.accept()
