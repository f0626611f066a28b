"""Spell (build tool): turn SCOWL word lists into the compact ``<lang>.words.gz`` we ship.

Run once by a developer, never by the app: ``python -m narrative_app.spell.build_wordlist``.
The inputs are Debian's ``wbritish-small``/``wbritish``/``wbritish-large`` (and the
``wamerican-*`` equivalents), which are SCOWL sizes 35, 50 and 70. The output keeps each word
once, with the smallest size it appears in as its "tier" (0 common, 1 usual, 2 rarer), which
ranks suggestions. Format (UTF-8, gzip): a ``# narrative-coach wordlist 1 <lang>`` line, then
``#tier N`` lines each followed by that tier's words, one per line, sorted.
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path

from narrative_app.paths import resource_path

SOURCES = {
    "en_GB": ("british-english-small", "british-english", "british-english-large"),
    "en_US": ("american-english-small", "american-english", "american-english-large"),
}
HEADER = "# narrative-coach wordlist 1"


def read_words(path: Path) -> list[str]:
    words = path.read_text(encoding="utf-8").splitlines()
    return [w.strip() for w in words if w.strip() and not w.startswith("#")]


def build(language: str, dict_dir: Path, out_dir: Path) -> Path:
    seen: set[str] = set()
    lines = [f"{HEADER} {language}"]
    for tier, name in enumerate(SOURCES[language]):
        words = sorted(set(read_words(dict_dir / name)) - seen)
        seen.update(words)
        lines.append(f"#tier {tier}")
        lines.extend(words)
    out = out_dir / f"{language}.words.gz"
    data = ("\n".join(lines) + "\n").encode("utf-8")
    # mtime=0 keeps the file byte-for-byte reproducible.
    out.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dict-dir", type=Path, default=Path("/usr/share/dict"))
    parser.add_argument("--out-dir", type=Path, default=resource_path("spell"))
    parser.add_argument("languages", nargs="*", default=list(SOURCES))
    args = parser.parse_args()
    for language in args.languages:
        out = build(language, args.dict_dir, args.out_dir)
        print(f"{out}: {out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
