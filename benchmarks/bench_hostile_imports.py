"""Benchmark: hostile imports are refused fast (issue 12, items 8 to 10; target under 1 s).

Builds each case the hostile tester used in a temporary folder, then times
``import_file`` refusing it: a 277 KB .docx whose document.xml unpacks to 99 MB, a 1 GB
styles.xml, 3 million empty paragraphs, a .docx whose zip headers lie about sizes, a 19 MB
Markdown draft, and a FIFO with no writer. ``python benchmarks/bench_hostile_imports.py``
prints each time (building the 1 GB case takes a few seconds; it is not timed).
"""

from __future__ import annotations

import io
import os
import struct
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from narrative_app.bundle import read_file
from narrative_app.errors import BadInputError
from narrative_app.export import render_export
from narrative_app.export.importers import import_file
from narrative_app.paths import resource_path

LIMIT_SECONDS = 1.0
MB = 1024 * 1024


def _package(base: bytes, name: str, chunks: Iterator[bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(
        out, "w", zipfile.ZIP_DEFLATED, compresslevel=9
    ) as dst:
        for info in src.infolist():
            if info.filename != name:
                dst.writestr(info, src.read(info))
        with dst.open(name, "w", force_zip64=True) as handle:
            for chunk in chunks:
                handle.write(chunk)
    return out.getvalue()


def _body(paragraph: bytes, count: int, per_chunk: int = 10_000) -> Iterator[bytes]:
    yield (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
           b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
    for start in range(0, count, per_chunk):
        yield paragraph * min(per_chunk, count - start)
    yield b"</w:body></w:document>"


def _lie_about_sizes(raw: bytes) -> bytes:
    packed = bytearray(raw)
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (found := packed.find(signature, start)) >= 0:
            packed[found + offset : found + offset + 4] = struct.pack("<I", 1024)
            start = found + 4
    return bytes(packed)


def build_cases(folder: Path) -> dict[str, Path]:
    """name -> path of each hostile file."""
    base = render_export(read_file(resource_path("sample", "sample.narrative")), "docx")
    text_run = b"<w:p><w:r><w:t>" + b"a" * 1000 + b"</w:t></w:r></w:p>"
    files = {
        "docx: document.xml unpacks to 99 MB": _package(
            base, "word/document.xml", _body(text_run, 99 * 1024)),
        "docx: styles.xml unpacks to 1 GB": _package(
            base, "word/styles.xml", (b" " * MB for _ in range(1024))),
        "docx: 3 million paragraphs": _package(
            base, "word/document.xml", _body(b"<w:p/>", 3_000_000)),
        "docx: zip headers lie about sizes": _lie_about_sizes(_package(
            base, "word/document.xml", _body(text_run, 40_000))),
    }
    paths = {}
    for name, data in files.items():
        path = folder / f"case{len(paths)}.docx"
        path.write_bytes(data)
        paths[f"{name} ({len(data) / 1024:.0f} KB file)"] = path
    markdown = folder / "big.md"
    paragraph = "A sentence of words that goes on and on. " * 25 + "\n\n"
    markdown.write_text("# Big\n\n## Story of Self\n\n" + paragraph * 18_000, encoding="utf-8")
    paths[f"md: {markdown.stat().st_size / MB:.0f} MB draft"] = markdown
    if hasattr(os, "mkfifo"):
        fifo = folder / "fifo.md"
        os.mkfifo(fifo)
        paths["md: a FIFO with no writer"] = fifo
    return paths


def _refusal_seconds(path: Path) -> Callable[[], float]:
    def once() -> float:
        start = time.perf_counter()
        try:
            import_file(path)
        except BadInputError:
            return time.perf_counter() - start
        raise AssertionError(f"{path.name} was imported")

    return once


def run(repeats: int = 3) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in build_cases(Path(tmp)).items():
            timed = _refusal_seconds(path)
            rows.append({
                "figure": f"Refuse hostile import, {name}",
                "target": "< 1 s",
                "samples": [timed() for _ in range(repeats)],
                "limit": LIMIT_SECONDS,
                "stat": "median",
            })
    return rows


if __name__ == "__main__":
    import statistics

    for row in run():
        print(f"{row['figure']}: median {statistics.median(row['samples']) * 1000:.0f} ms")
