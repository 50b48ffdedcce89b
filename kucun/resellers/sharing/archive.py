"""A zip of share images, for "download all". Pure, no Django."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import PurePosixPath


def zip_images(
    files: list[tuple[str, bytes]], *, date_time: tuple[int, int, int, int, int, int] | None = None
) -> bytes:
    """A zip holding ``files`` (name, bytes) in order.

    Images are already compressed, so they are stored, not deflated. Names are reduced to a
    plain file name (no folders, no "..") and repeated names get "-2", "-3" before the
    extension, so unzipping on a phone never overwrites or escapes.
    """
    when = date_time or time.localtime()[:6]
    buf = io.BytesIO()
    used: set[str] = set()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_STORED) as zf:
        for index, (name, data) in enumerate(files, 1):
            info = zipfile.ZipInfo(_unique(_safe_name(name, index), used), date_time=when)
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buf.getvalue()


def _safe_name(name: str, index: int) -> str:
    base = PurePosixPath(name.replace("\\", "/")).name.strip().lstrip(".")
    return base or f"image-{index}"


def _unique(name: str, used: set[str]) -> str:
    candidate = name
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    n = 1
    while candidate.lower() in used:
        n += 1
        candidate = f"{stem}-{n}.{ext}" if ext else f"{stem}-{n}"
    used.add(candidate.lower())
    return candidate
