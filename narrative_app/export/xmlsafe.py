"""Export: make text safe for XML 1.0 and UTF-8 files, changing nothing a reader would see.

Word documents are XML, and XML 1.0 forbids most C0 control characters, lone surrogates and
U+FFFE/U+FFFF. They are dropped; everything else (curly quotes, em dashes, emoji, accents,
non-Latin scripts, tabs and line breaks) is kept exactly as written.
"""

from __future__ import annotations

import re

# Characters XML 1.0 does not allow: C0 controls except tab, LF and CR; surrogates; U+FFFE/F.
_FORBIDDEN_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """The text without the characters XML 1.0 forbids; every other character unchanged."""
    return _FORBIDDEN_RE.sub("", text)


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so every writer sees one kind of line break."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def clean_text(text: str) -> str:
    """XML-safe text with LF line breaks: what every writer puts in a file."""
    return xml_safe(normalise_newlines(text))


def one_line(text: str) -> str:
    """Clean text on a single line (for titles, metadata and cues)."""
    return " ".join(clean_text(text).split("\n")).strip()
