"""UI: the rehearsal view's text area, showing the current part as cues, full text, a rung of
the memorise ladder or a teleprompter.

Cues and short rungs are set in the largest type that fits the space; full text in a
comfortable reading size. Text zoom multiplies that size and never touches the timing. The
text sits in a read-only ``QTextBrowser`` so screen readers can read it.
"""

from __future__ import annotations

import enum
import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QFrame, QStackedWidget, QTextBrowser, QWidget

from narrative_app.domain import PartKind, StoryPart
from narrative_app.rehearsal.views import (
    Block,
    BlockKind,
    CueSource,
    LadderStep,
    blocks,
    cue_view,
    ladder_blocks,
    plain_text,
)
from narrative_app.ui.rehearsal.teleprompter import Teleprompter
from narrative_app.ui.rehearsal.theme import accent, css, muted

MIN_ZOOM = 0.5
MAX_ZOOM = 3.0
ZOOM_STEP = 1.15
INDENT_EM = 1.1  # the hanging indent of a cue, in multiples of the type size


class TextView(enum.StrEnum):
    CUES = "cues"
    FULL = "full"
    MEMORISE = "memorise"
    TELEPROMPTER = "teleprompter"


def fit_pixel_size(html_text: str, font: QFont, width: float, height: float, *,
                   low: int, high: int) -> int:
    """The largest pixel size in [low, high] at which the HTML fits the box (else ``low``)."""
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setTextWidth(max(50.0, width))
    doc.setHtml(html_text)
    trial = QFont(font)

    def fits(size: int) -> bool:
        trial.setPixelSize(size)
        doc.setDefaultFont(trial)
        doc.setIndentWidth(size * INDENT_EM)
        return doc.size().height() <= height

    if fits(high):
        return high
    best = low
    while low <= high:
        mid = (low + high) // 2
        if fits(mid):
            best, low = mid, mid + 1
        else:
            high = mid - 1
    return best


class RehearsalStage(QStackedWidget):
    """Shows one part in the chosen view; tells the window what it is showing via ``note``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text_view = QTextBrowser(self)
        self.text_view.setFrameShape(QFrame.Shape.NoFrame)
        self.text_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.text_view.setOpenLinks(False)
        self.text_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.text_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.text_view.document().setDocumentMargin(0)
        # The text sits on the window colour; Base is kept for the answer boxes elsewhere.
        self.text_view.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        self.teleprompter = Teleprompter(self)
        self.addWidget(self.text_view)
        self.addWidget(self.teleprompter)
        self.view = TextView.CUES
        self.ladder_step = LadderStep.FULL
        self.zoom = 1.0
        self.note = ""
        self.fitted_pixel_size = 0
        self._part: StoryPart | None = None
        self._title = ""
        self._html = ""
        self._fit = True

    # -- settings ---------------------------------------------------------------------------
    def show_part(self, part: StoryPart | None, title: str) -> None:
        self._part = part
        self._title = title
        self.redraw()

    def follow_voice(self, kind: PartKind, share: float) -> None:
        """The speaker's voice reached ``share`` of part ``kind``: move the text there, in the
        teleprompter and the full text (other views fit on the screen and stay still)."""
        if self._part is None or self._part.kind is not kind:
            return
        if self.view is TextView.TELEPROMPTER:
            self.teleprompter.follow(share)
        elif self.view is TextView.FULL:
            bar = self.text_view.verticalScrollBar()
            # the line being said sits about a third of the way down
            target = round(share * (bar.maximum() + bar.pageStep()) - bar.pageStep() / 3)
            if target > bar.value():
                bar.setValue(min(bar.maximum(), target))

    def set_view(self, view: TextView) -> None:
        self.view = TextView(view)
        self.redraw()

    def set_ladder_step(self, step: LadderStep) -> None:
        self.ladder_step = LadderStep(max(0, min(int(step), len(LadderStep) - 1)))
        self.redraw()

    def cycle_view(self) -> None:
        views = list(TextView)
        self.set_view(views[(views.index(self.view) + 1) % len(views)])

    def ladder_down(self) -> None:
        """L: into the memorise ladder, then one step fewer words."""
        if self.view is not TextView.MEMORISE:
            self.set_view(TextView.MEMORISE)
        else:
            self.set_ladder_step(LadderStep(min(int(self.ladder_step) + 1, 3)))

    def ladder_up(self) -> None:
        self.set_ladder_step(LadderStep(max(int(self.ladder_step) - 1, 0)))

    def slower(self) -> None:
        self.teleprompter.slower()
        self.redraw()

    def faster(self) -> None:
        self.teleprompter.faster()
        self.redraw()

    def set_zoom(self, zoom: float) -> None:
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self._apply_size()

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / ZOOM_STEP)

    # -- rendering --------------------------------------------------------------------------
    def _block_html(self, items: list[Block]) -> str:
        colour = css(accent(self.palette()))
        rows = []
        for block in items:
            text = html.escape(block.text)
            if block.kind is BlockKind.HEADING:
                rows.append(self._p(text, f"color:{colour}; font-weight:600;"))
            elif block.kind is BlockKind.ITEM:
                # A list item, so wrapped lines hang under the text rather than the bullet.
                rows.append('<ul style="margin-top:0; margin-bottom:0; margin-left:0; '
                            '-qt-list-indent:1;">'
                            '<li style="margin-top:0; margin-bottom:0.35em; line-height:118%;">'
                            f"{text}</li></ul>")
            else:
                rows.append(self._p(text))
        return "".join(rows)

    @staticmethod
    def _p(text: str, style: str = "") -> str:
        return (f'<p style="margin-top:0; margin-bottom:0.35em; line-height:118%; {style}">'
                f"{text}</p>")

    def _message_html(self, message: str) -> str:
        colour = css(muted(self.palette()))
        return self._p(html.escape(message), f"color:{colour};")

    def redraw(self) -> None:
        part = self._part
        self._fit = True
        if self.view is TextView.TELEPROMPTER:
            self._render_teleprompter()
            return
        self.setCurrentWidget(self.text_view)
        if part is None:
            self._html, self.note = "", ""
        elif self.view is TextView.CUES:
            self._render_cues(part)
        elif self.view is TextView.FULL:
            self._render_full(part)
        else:
            self._render_ladder(part)
        self.text_view.setHtml(self._html)
        self.text_view.setAccessibleName(self.tr("{part}: {view}").format(
            part=self._title, view=self.view_name(self.view)))
        self._apply_size()

    def _render_cues(self, part: StoryPart) -> None:
        view = cue_view(part)
        if view.source is CueSource.EMPTY:
            self._html = self._message_html(self.tr("Nothing written for this part yet: "
                                                    "tell it from memory."))
            self.note = ""
            return
        self._html = self._block_html([Block(BlockKind.ITEM, line) for line in view.lines])
        self.note = (
            self.tr("No cues for this part yet: showing the first lines of the draft.")
            if view.source is CueSource.DRAFT
            else ""
        )

    def _render_full(self, part: StoryPart) -> None:
        items = blocks(part.draft)
        self._fit = False
        if not items:
            self._html = self._message_html(self.tr("No draft for this part yet: "
                                                    "tell it from your cues or memory."))
            self.note = ""
            return
        self._html = self._block_html(items)
        self.note = ""

    def _render_ladder(self, part: StoryPart) -> None:
        step = self.ladder_step
        self._fit = step in (LadderStep.KEY_WORDS, LadderStep.HEADINGS)
        items = ladder_blocks(part, step)
        self.note = self.tr("Memorise, step {n} of {count}: {name}").format(
            n=int(step) + 1, count=len(LadderStep), name=self.ladder_name(step))
        if not items:
            self._fit = True
            message = (self.tr("Tell this part from memory.") if part.draft.strip()
                       else self.tr("No draft for this part yet: tell it from memory."))
            self._html = self._message_html(message)
            return
        self._html = self._block_html(items)

    def _render_teleprompter(self) -> None:
        self.setCurrentWidget(self.teleprompter)
        text = plain_text(self._part.draft) if self._part else ""
        if not text:
            text = self.tr("No draft for this part yet: tell it from your cues or memory.")
        if text != self.teleprompter.text():
            self.teleprompter.set_text(text)
        self.note = self.tr("Teleprompter: {wpm} words per minute (Up and Down change it)").format(
            wpm=round(self.teleprompter.wpm))
        self._apply_size()

    def _sizes(self) -> tuple[int, int]:
        """Smallest and largest type for the current view, from the height of the stage."""
        height = max(200, self.height())
        if self.view is TextView.TELEPROMPTER:
            size = round(height / 11)
            return size, size
        if self._fit:
            return round(height / 16), round(height / 6.5)
        return round(height / 19), round(height / 12)

    def _apply_size(self) -> None:
        low, high = self._sizes()
        font = QFont(self.font())
        font.setWeight(QFont.Weight.Medium)
        if self.view is TextView.TELEPROMPTER:
            size = high
        else:
            width = self.text_view.viewport().width() - 4
            size = fit_pixel_size(self._html, font, width, self.height() * 0.96, low=low,
                                  high=high)
        self.fitted_pixel_size = size
        font.setPixelSize(max(8, round(size * self.zoom)))
        if self.view is TextView.TELEPROMPTER:
            self.teleprompter.set_text_font(font)
        else:
            self.text_view.document().setDefaultFont(font)
            self.text_view.document().setIndentWidth(font.pixelSize() * INDENT_EM)
            self.text_view.setFont(font)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_size()

    # -- names ------------------------------------------------------------------------------
    def view_name(self, view: TextView) -> str:
        return {
            TextView.CUES: self.tr("Cues"),
            TextView.FULL: self.tr("Full text"),
            TextView.MEMORISE: self.tr("Memorise"),
            TextView.TELEPROMPTER: self.tr("Teleprompter"),
        }[view]

    def ladder_name(self, step: LadderStep) -> str:
        return {
            LadderStep.FULL: self.tr("full text"),
            LadderStep.FIRST_LINES: self.tr("first line of each paragraph"),
            LadderStep.KEY_WORDS: self.tr("key words"),
            LadderStep.HEADINGS: self.tr("headings only"),
        }[step]
