"""Render the app icon's SVG into the PNGs, the Windows .ico and the macOS .icns (`make icons`).

    .venv/bin/python packaging/icons/render.py

The source is ui/resources/icons/leadplanner.svg. The PNGs (16 to 512 pixels) go beside it:
the app sets them as its window icon and `install-desktop` puts them in the icon theme. The
.ico and .icns go here, for PyInstaller's Windows executable and macOS bundle. Both formats
hold PNGs, written here without any tool but Qt; the results are committed, so a build needs
nothing but the repository.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "ui" / "resources" / "icons" / "leadplanner.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = {b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256, b"ic09": 512, b"ic10": 1024}


def render(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    QSvgRenderer(str(SOURCE)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon whose images are PNGs (read by Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    entries, images = b"", b""
    offset = 6 + 16 * len(pngs)
    for size, png in pngs.items():
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(images))
        images += png
    return header + entries + images


def icns(pngs: dict[bytes, bytes]) -> bytes:
    """A macOS icon family whose members are PNGs."""
    body = b"".join(kind + struct.pack(">I", 8 + len(png)) + png for kind, png in pngs.items())
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    rendered = {size: render(size) for size in sorted({*PNG_SIZES, *ICNS_TYPES.values()})}
    for size in PNG_SIZES:
        (SOURCE.parent / f"leadplanner-{size}.png").write_bytes(rendered[size])
    here = Path(__file__).resolve().parent
    (here / "leadplanner.ico").write_bytes(ico({size: rendered[size] for size in ICO_SIZES}))
    (here / "leadplanner.icns").write_bytes(icns({kind: rendered[size] for kind, size in ICNS_TYPES.items()}))
    print(f"rendered {SOURCE.name}: PNGs {', '.join(map(str, PNG_SIZES))}; leadplanner.ico; leadplanner.icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
