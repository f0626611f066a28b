"""Export: hostile imports are refused fast and in one line: huge or lying .docx packages,
too many paragraphs, drafts over the limits, FIFOs, devices and folders (issue 12)."""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from narrative_app import bundle, limits
from narrative_app.errors import BadInputError, NotRegularFileError, TooLargeError
from narrative_app.export import write_export
from narrative_app.export.importers import cp1252_note, import_file
from tests.content import same_content
from tests.unit.export_fixtures import FIXED_DAY, sample

ROOT = Path(__file__).resolve().parents[2]
FAST = 1.0  # seconds: "well under a second" on a shared, loaded machine


def _our_docx(tmp_path: Path) -> bytes:
    path = write_export(sample(), "docx", tmp_path / "ok.docx", today=FIXED_DAY)
    return path.read_bytes()


def _with_member(raw: bytes, name: str, data: bytes | None = None, *, stream: object = None
                 ) -> bytes:
    """A copy of a .docx package with one member replaced (or added)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(
        out, "w", zipfile.ZIP_DEFLATED, compresslevel=1
    ) as dst:
        for info in src.infolist():
            if info.filename != name:
                dst.writestr(info, src.read(info))
        if stream is not None:
            with dst.open(name, "w", force_zip64=True) as handle:
                for chunk in stream:  # type: ignore[attr-defined]
                    handle.write(chunk)
        else:
            dst.writestr(name, data or b"")
    return out.getvalue()


def _body(paragraphs: bytes) -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body>" + paragraphs + b"</w:body></w:document>"
    )


def _refused_fast(path: Path, needle: str) -> str:
    start = time.perf_counter()
    with pytest.raises(BadInputError) as info:
        import_file(path)
    elapsed = time.perf_counter() - start
    message = str(info.value)
    assert needle in message
    assert "\n" not in message
    assert elapsed < FAST, f"took {elapsed:.2f} s"
    return message


def test_a_small_docx_that_unpacks_to_99_mb_is_refused_fast(tmp_path: Path):
    raw = _our_docx(tmp_path)
    filler = b"<w:p><w:r><w:t>" + b"a" * 1000 + b"</w:t></w:r></w:p>"
    huge = _with_member(raw, "word/document.xml", _body(filler * 99_000))
    path = tmp_path / "bomb.docx"
    path.write_bytes(huge)
    assert path.stat().st_size < limits.MAX_IMPORT_BYTES
    message = _refused_fast(path, "too large to import once unpacked")
    assert f"{limits.MAX_DOCX_MEMBER_BYTES // limits.MB} MB" in message


def test_a_huge_styles_part_is_refused_fast(tmp_path: Path):
    raw = _our_docx(tmp_path)
    chunks = (b" " * (1024 * 1024) for _ in range(120))  # 120 MB of spaces, streamed
    path = tmp_path / "styles.docx"
    path.write_bytes(_with_member(raw, "word/styles.xml", stream=chunks))
    _refused_fast(path, "too large to import once unpacked")


def test_three_million_paragraphs_are_refused_fast(tmp_path: Path):
    raw = _our_docx(tmp_path)
    body = _body(b"<w:p/>" * 3_000_000)  # 18 MB: under the member limit, far over paragraphs
    assert len(body) < limits.MAX_DOCX_MEMBER_BYTES
    path = tmp_path / "paragraphs.docx"
    path.write_bytes(_with_member(raw, "word/document.xml", body))
    message = _refused_fast(path, "too many paragraphs")
    assert f"{limits.MAX_DOCX_PARAGRAPHS:,}" in message


def test_a_docx_whose_headers_lie_about_sizes_is_refused_fast(tmp_path: Path):
    raw = _our_docx(tmp_path)
    filler = b"<w:p><w:r><w:t>" + b"b" * 1000 + b"</w:t></w:r></w:p>"
    packed = bytearray(_with_member(raw, "word/document.xml", _body(filler * 40_000)))
    # Claim 1 KB unpacked for every member, in the local headers and the central directory.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (found := packed.find(signature, start)) >= 0:
            packed[found + offset : found + offset + 4] = struct.pack("<I", 1024)
            start = found + 4
    path = tmp_path / "liar.docx"
    path.write_bytes(bytes(packed))
    _refused_fast(path, "not a Word document")


def test_our_own_docx_still_imports(tmp_path: Path):
    path = tmp_path / "fine.docx"
    path.write_bytes(_our_docx(tmp_path))
    assert import_file(path).narrative.ask == sample().ask


def test_a_draft_over_the_part_limit_is_refused_with_the_limit(tmp_path: Path):
    words = " ".join(["word"] * (limits.MAX_PART_WORDS + 10))
    path = tmp_path / "long.md"
    path.write_text(f"# Long\n\n## Story of Self\n\n{words}\n", encoding="utf-8")
    with pytest.raises(TooLargeError) as info:
        import_file(path)
    message = str(info.value)
    assert f"{limits.MAX_PART_WORDS:,} words" in message
    assert "Story of Self" in message


def test_a_narrative_over_the_total_limit_is_refused(tmp_path: Path):
    block = "x" * (limits.MAX_PART_CHARS - 10)  # each story just under its own limit
    text = "# Big\n\n" + "".join(f"## Story of {p}\n\n{block}\n\n" for p in ("Self", "Us", "Now"))
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TooLargeError) as info:
        import_file(path)
    assert f"{limits.MAX_NARRATIVE_CHARS:,}" in str(info.value)


def test_a_bundle_over_the_limits_is_refused_too(tmp_path: Path):
    narrative = sample()
    narrative.parts[next(iter(narrative.parts))].draft = "word " * (limits.MAX_PART_WORDS + 1)
    path = tmp_path / "long.narrative"
    path.write_text(bundle.dumps(narrative), encoding="utf-8")
    with pytest.raises(TooLargeError):
        import_file(path)


def test_the_bundle_size_limit_is_the_import_limit_and_the_docs_say_so():
    assert bundle.MAX_BUNDLE_BYTES == limits.MAX_IMPORT_BYTES
    with pytest.raises(BadInputError) as info:
        bundle.loads(b" " * (limits.MAX_IMPORT_BYTES + 1))
    assert f"{limits.MAX_IMPORT_BYTES // limits.MB} MB" in str(info.value)
    docs = (ROOT / "docs" / "file-formats.md").read_text(encoding="utf-8")
    assert f"larger than {limits.MAX_IMPORT_BYTES // limits.MB} MB" in docs
    assert "64 MB" not in docs


def test_a_windows_1252_file_says_how_it_was_read(tmp_path: Path):
    path = tmp_path / "old.md"
    path.write_bytes("# Caf\u00e9\n\n## Story of Self\n\nIt\u2019s na\u00efve.\n".encode("cp1252"))
    result = import_file(path)
    assert result.narrative.title == "Caf\u00e9"
    assert result.encoding == "cp1252"
    assert result.messages[0] == cp1252_note("old.md")
    assert "Windows-1252" in result.messages[0]
    utf8 = tmp_path / "new.md"
    utf8.write_text("# Caf\u00e9\n\n## Story of Self\n\nFine.\n", encoding="utf-8")
    assert import_file(utf8).encoding == "utf-8"
    assert not any("Windows-1252" in m for m in import_file(utf8).messages)


# --- only regular files ---------------------------------------------------------------------


def _import_in_child(path: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run the real command in a child with a timeout and a memory cap: a hang or a runaway
    read fails the test instead of taking the machine down."""
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))\n"
        "from narrative_app.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    env = {**os.environ, "NARRATIVE_APP_DATA_DIR": str(tmp_path / "child-data"),
           "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", code, "import", str(path)],
        capture_output=True, text=True, timeout=60, env=env, cwd=ROOT, check=False,
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path):
    fifo = tmp_path / "fifo.md"
    os.mkfifo(fifo)
    try:
        result = _import_in_child(fifo, tmp_path)
    except subprocess.TimeoutExpired:
        pytest.fail("importing a FIFO hung")
    assert result.returncode == 2, result.stderr
    assert "not a regular file (it is a pipe)" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_symlink_to_dev_zero_is_refused(tmp_path: Path):
    link = tmp_path / "zero.md"
    link.symlink_to("/dev/zero")
    try:
        result = _import_in_child(link, tmp_path)
    except subprocess.TimeoutExpired:
        pytest.fail("importing /dev/zero did not stop")
    assert result.returncode == 2, result.stderr
    assert "device" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_special_files_are_refused_in_process(tmp_path: Path):
    fifo = tmp_path / "pipe.narrative"
    os.mkfifo(fifo)
    with pytest.raises(NotRegularFileError, match="pipe"):
        import_file(fifo)
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    with pytest.raises(NotRegularFileError, match="is a folder"):
        import_file(folder)
    if Path("/dev/null").exists():
        link = tmp_path / "null.txt"
        link.symlink_to("/dev/null")
        with pytest.raises(NotRegularFileError, match="device"):
            import_file(link)


def test_import_file_gives_the_same_results_from_worker_threads(tmp_path: Path):
    from concurrent.futures import ThreadPoolExecutor

    docx_path = tmp_path / "ours.docx"
    docx_path.write_bytes(_our_docx(tmp_path))
    md_path = tmp_path / "ours.md"
    write_export(sample(), "md", md_path, today=FIXED_DAY)
    paths = [docx_path, md_path] * 4
    alone = [import_file(p).narrative for p in paths]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = [r.narrative for r in pool.map(import_file, paths)]
    assert [same_content(n, m) for n, m in zip(alone, together, strict=True)] == [True] * 8
