"""Export: the lenient outline reader shared by the Markdown, text and Word importers.

A reader turns its file into a flat list of items (headings, lines, explicit cues and
metadata); this module decides which headings name a part ("Self", "Story of self",
"STORY OF NOW (1:45)"), which name a section of a part (``Cues`` or a field such as
``Challenge``), and builds a Narrative with a message for everything it had to guess.

The Markdown writer uses the same predicates to escape draft lines that would otherwise be
read back as structure, so export, import and export again give the same file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from narrative_app.domain import MAX_CHOSEN_VALUES, PART_ORDER, Narrative, PartKind
from narrative_app.method.framework import part_guide
from narrative_app.method.presets import CUSTOM, parse_duration, presets

CUES_SECTION = "cues"
META_KEYS = ("audience", "occasion", "ask", "next_step", "values", "pace")

HEADING_RE = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
BULLET_RE = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+(.*?)\s*$")
_ESCAPED_RE = re.compile(r"^( {0,3})\\(\\*#)")
_META_RE = re.compile(
    r"^\s*[*_]*\s*(audience|occasion|the ask|ask|next step|values|pace|date|timing|author|"
    r"prepared by)"
    r"\s*[*_]*\s*:\s*[*_]*\s*(.*?)\s*[*_]*\s*$",
    re.IGNORECASE,
)
_TIME_RE = re.compile(
    r"[\(\[]\s*(\d{1,3}:\d{2}|\d{1,4})\s*(s|sec|secs|seconds|m|min|mins|minutes)?\s*[\)\]]\s*$",
    re.IGNORECASE,
)
_PART_WORDS = {"self": PartKind.SELF, "us": PartKind.US, "now": PartKind.NOW}


@dataclass
class ImportResult:
    """A narrative read from a file, and what the reader had to guess, in plain words."""

    narrative: Narrative
    messages: list[str] = field(default_factory=list)
    # The text encoding the file was read in ("utf-8", or "cp1252" when it was not UTF-8;
    # a note saying so is then the first message).
    encoding: str = "utf-8"


@dataclass(frozen=True)
class Item:
    """One unit of an imported document, as its reader saw it."""

    kind: str  # "heading", "line", "cue" or "meta"
    text: str
    level: int = 0
    key: str = ""
    raw: str = ""  # a heading's line as written, kept when it turns out to be body text


def _normalise(text: str) -> str:
    text = re.sub(r"[*_`:.!]+", " ", text.lower())
    return " ".join(text.split())


def match_part(text: str) -> tuple[PartKind, int | None] | None:
    """The part a heading names, and the target time written after it, if any."""
    seconds: int | None = None
    found = _TIME_RE.search(text)
    if found:
        seconds = _duration(found.group(1), found.group(2) or "")
        text = text[: found.start()]
    words = _normalise(text)
    for prefix in ("the ", "a ", "my ", "our "):
        words = words.removeprefix(prefix)
    words = words.removeprefix("story of ").removesuffix(" story")
    kind = _PART_WORDS.get(words.strip())
    return (kind, seconds) if kind else None


def _duration(number: str, unit: str) -> int | None:
    if ":" in number:
        return parse_duration(number)
    value = int(number)
    return value * 60 if unit.lower().startswith("m") else value


def match_section(kind: PartKind, text: str) -> str | None:
    """``cues`` or the key of the part's field a sub-heading names, else None."""
    words = _normalise(text)
    if words in {"cues", "cue", "speaking cues"}:
        return CUES_SECTION
    for guide in part_guide(kind).fields:
        names = {_normalise(guide.label), _normalise(guide.key.replace("_", " "))}
        if guide.key == "ask":
            names |= {"ask", "the ask"}
        if words in names:
            return guide.key
    return None


def is_structure(line: str, kind: PartKind) -> bool:
    """True when a line inside a part would be read as a part or section heading."""
    found = HEADING_RE.match(line)
    if not found:
        return False
    text = found.group(2)
    return match_part(text) is not None or (
        len(found.group(1)) >= 2 and match_section(kind, text) is not None
    )


def escape_line(line: str, kind: PartKind) -> str:
    """Escape a body line so it is not read back as structure (one extra backslash)."""
    bare = _ESCAPED_RE.sub(r"\1\2", line) if _ESCAPED_RE.match(line) else line
    while _ESCAPED_RE.match(bare):
        bare = _ESCAPED_RE.sub(r"\1\2", bare)
    if is_structure(bare, kind):
        spaces = len(line) - len(line.lstrip(" "))
        return line[:spaces] + "\\" + line[spaces:]
    return line


def unescape_line(line: str, kind: PartKind) -> str:
    """The inverse of escape_line."""
    if not _ESCAPED_RE.match(line):
        return line
    bare = line
    while _ESCAPED_RE.match(bare):
        bare = _ESCAPED_RE.sub(r"\1\2", bare)
    return _ESCAPED_RE.sub(r"\1\2", line) if is_structure(bare, kind) else line


def meta_line(line: str) -> tuple[str, str] | None:
    """('ask', 'Sign up...') for a header line such as 'Ask: Sign up...'."""
    found = _META_RE.match(line)
    if not found:
        return None
    key = found.group(1).lower()
    key = {"the ask": "ask", "next step": "next_step"}.get(key, key)
    return key, found.group(2).strip()


class _Builder:
    def __init__(self, fallback_title: str, *, quiet_title: bool = False) -> None:
        self.fallback_title = fallback_title
        self.quiet_title = quiet_title
        self.title = ""
        self.meta: dict[str, str] = {}
        self.preamble: list[str] = []
        self.drafts: dict[PartKind, list[str]] = {k: [] for k in PART_ORDER}
        self.fields: dict[PartKind, dict[str, list[str]]] = {k: {} for k in PART_ORDER}
        self.cues: dict[PartKind, list[str]] = {k: [] for k in PART_ORDER}
        self.targets: dict[PartKind, int] = {}
        self.seen: list[PartKind] = []
        self.part: PartKind | None = None
        self.section = "draft"
        self.messages: list[str] = []

    def feed(self, item: Item) -> None:
        if item.kind == "meta":
            self.meta[item.key] = item.text
        elif item.kind == "heading":
            self._heading(item)
        elif item.kind == "cue":
            if self.part is None:
                self.part = PartKind.SELF
            self.cues[self.part].append(item.text)
        else:
            self._line(item.text)

    def _heading(self, item: Item) -> None:
        part = match_part(item.text)
        if part:
            kind, seconds = part
            if kind in self.seen and self.drafts[kind]:
                self.drafts[kind].append("")  # a part named twice: continue after a break
            self.part, self.section = kind, "draft"
            if kind not in self.seen:
                self.seen.append(kind)
            if seconds is not None:
                self.targets[kind] = seconds
            return
        if self.part is None and not self.title and item.level <= 1:
            self.title = item.text.strip()
            return
        if self.part is not None and item.level >= 2:
            section = match_section(self.part, item.text)
            if section:
                self.section = section
                return
        self._line(item.raw or item.text, raw=True)

    def _line(self, line: str, *, raw: bool = False) -> None:
        if self.part is None:
            meta = meta_line(line)
            if meta:
                self.meta.setdefault(meta[0], meta[1])
            else:
                self.preamble.append(line)
            return
        kind = self.part
        text = line if raw else unescape_line(line, kind)
        if self.section == "draft":
            self.drafts[kind].append(text)
        elif self.section == CUES_SECTION:
            self._cue_line(kind, line, text)
        else:
            self.fields[kind].setdefault(self.section, []).append(text)

    def _cue_line(self, kind: PartKind, line: str, text: str) -> None:
        """A bullet starts a cue; an indented line continues it. After a hard line break (a
        backslash at the end of the line) the cue goes on on a new line; otherwise a wrapped
        bullet is joined with a space, as Markdown reads it."""
        cues = self.cues[kind]
        bullet = BULLET_RE.match(line)
        if cues and cues[-1].endswith("\\") and line[:1].isspace():
            cues[-1] = cues[-1][:-1] + "\n" + line.strip()
        elif bullet:
            cues.append(bullet.group(1))
        elif line.strip() and line[:1].isspace() and cues:
            cues[-1] += " " + line.strip()
        elif line.strip():
            self.drafts[kind].append(text)

    def build(self) -> ImportResult:
        preamble = _trim(self.preamble)
        if not self.seen:
            self.drafts[PartKind.SELF] = self.preamble
            if preamble.strip():
                self.messages.append(
                    "No Story of Self, Us or Now headings were found, so all the text went into "
                    "the Story of Self draft; move it to the other parts as you need."
                )
        elif preamble.strip():
            self.drafts[PartKind.SELF][:0] = [*preamble.split("\n"), ""]
            self.messages.append(
                "Text before the first part heading was added to the start of the Story of Self."
            )
        title = self.title
        if not title:
            title = self.fallback_title or "Untitled narrative"
            if not self.quiet_title:
                self.messages.append(
                    f"No title heading was found, so the narrative is called '{title}'."
                )
        narrative = Narrative(title=title)
        narrative.audience = self.meta.get("audience", "")
        narrative.occasion = self.meta.get("occasion", "")
        self._apply_values(narrative)
        self._apply_pace(narrative)
        for kind in PART_ORDER:
            part = narrative.parts[kind]
            part.draft = _trim(self.drafts[kind])
            part.cues = [c.strip() for c in self.cues[kind] if c.strip()]
            for key, lines in self.fields[kind].items():
                part.fields[key] = _trim(lines)
            part.target_seconds = self.targets.get(kind, 0)
        if self.meta.get("ask"):
            narrative.ask = self.meta["ask"]
        # A briefing prints who to tell under "How to say yes", the rest under "What happens next".
        narrative.next_step = " ".join(
            text for text in (self.meta.get("next_step", ""), self.meta.get("next_step_who", ""))
            if text
        )
        narrative.preset = _preset_for(narrative)
        return ImportResult(narrative, self.messages)

    def _apply_values(self, narrative: Narrative) -> None:
        raw = self.meta.get("values", "")
        if not raw:
            return
        values = [v.strip() for v in raw.split(";" if ";" in raw else ",") if v.strip()]
        if len(values) > MAX_CHOSEN_VALUES:
            self.messages.append(
                f"Only the first {MAX_CHOSEN_VALUES} values were kept "
                f"({len(values) - MAX_CHOSEN_VALUES} more were left out)."
            )
        narrative.values = values[:MAX_CHOSEN_VALUES]

    def _apply_pace(self, narrative: Narrative) -> None:
        raw = self.meta.get("pace", "")
        found = re.search(r"\d{2,3}", raw)
        if found and 60 <= int(found.group()) <= 250:
            narrative.pace_wpm = int(found.group())
        elif raw:
            self.messages.append(
                f"The pace '{raw}' was not understood, so the usual "
                f"{narrative.pace_wpm} words per minute is used."
            )


def _trim(lines: list[str]) -> str:
    lines = [line.rstrip() for line in lines]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


def _preset_for(narrative: Narrative) -> str:
    targets = {kind: narrative.parts[kind].target_seconds for kind in PART_ORDER}
    return next((p.id for p in presets() if p.targets == targets), CUSTOM)


def build_narrative(
    items: list[Item], *, fallback_title: str = "", title_is_known: bool = False
) -> ImportResult:
    """A narrative from a reader's items, with a message for everything guessed.

    ``title_is_known``: the fallback title is the document's own (Word's title property), so
    using it is not a guess worth a message.
    """
    builder = _Builder(fallback_title, quiet_title=title_is_known)
    for item in items:
        builder.feed(item)
    return builder.build()
