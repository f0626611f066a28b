"""Packaging: render the app icon (narrative-coach.svg) to every PNG size, .ico and .icns.

Run from the repository root after changing the SVG:

    .venv/bin/python packaging/icons/make_icons.py

Writes (and overwrites):
- packaging/icons/png/narrative-coach-<size>.png for 16, 24, 32, 48, 64, 128, 256 and 512
  (the Linux hicolor theme sizes; the .desktop file and metainfo use them);
- packaging/icons/narrative-coach.ico (Windows: PyInstaller and Inno Setup);
- packaging/icons/narrative-coach.icns (macOS: the BUNDLE in the spec);
- narrative_app/resources/icons/ (the SVG and PNGs the running app uses as its window icon).

Only QtCore, QtGui and QtSvg from PySide6-Essentials are needed; .ico and .icns are written
here as PNG-in-container files, which every supported Windows and macOS reads.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SVG = HERE / "narrative-coach.svg"
PNG_DIR = HERE / "png"
RESOURCE_DIR = ROOT / "narrative_app" / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
APP_ICON_SIZES = (16, 32, 48, 64, 128, 256)  # what QIcon needs for title bars and task bars
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# .icns element types holding PNG data, by pixel size (the @2x types reuse larger renders).
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"ic11", 32), (b"ic12", 64), (b"ic07", 128),
    (b"ic13", 256), (b"ic08", 256), (b"ic14", 512), (b"ic09", 512),
)


def render(renderer: QSvgRenderer, size: int) -> bytes:
    """The icon at ``size`` x ``size`` pixels as PNG bytes (transparent background)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"could not encode the {size} px icon as PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG image per size (supported since Windows Vista)."""
    sizes = [s for s in ICO_SIZES if s in pngs]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding PNG elements (supported since OS X 10.7)."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"make_icons: {SVG} is not a valid SVG file.", file=sys.stderr)
        return 1
    pngs = {size: render(renderer, size) for size in SIZES}
    PNG_DIR.mkdir(exist_ok=True)
    RESOURCE_DIR.mkdir(parents=True, exist_ok=True)
    for size, blob in pngs.items():
        (PNG_DIR / f"narrative-coach-{size}.png").write_bytes(blob)
        if size in APP_ICON_SIZES:
            (RESOURCE_DIR / f"narrative-coach-{size}.png").write_bytes(blob)
    shutil.copyfile(SVG, RESOURCE_DIR / "narrative-coach.svg")
    (HERE / "narrative-coach.ico").write_bytes(ico_bytes(pngs))
    (HERE / "narrative-coach.icns").write_bytes(icns_bytes(pngs))
    print(f"make_icons: wrote {len(pngs)} PNG sizes, .ico and .icns from {SVG.name}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
