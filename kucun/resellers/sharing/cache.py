"""Posters from Django's cache: drawn again only when something on them changed.

The key is a hash of everything the poster shows — texts, prices, stock band, template,
language, each image's identity (path, modification time, size) — and TEMPLATE_VERSION, so a
changed price, stock band or template is a new key and an old poster is never served.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict

from django.core.cache import cache

from kucun.resellers.sharing import poster

# Campaigns run 48–72 h; a poster left unused that long is not worth the memory.
POSTER_TTL_SECONDS = 72 * 3600


def poster_cache_key(data: poster.PosterData) -> str:
    """A stable key for the poster ``data`` would draw (also usable as an HTTP ETag)."""
    fields = asdict(data)
    fields["shop_avatar_path"] = _file_identity(data.shop_avatar_path)
    fields["product_image_path"] = _file_identity(data.product_image_path)
    payload = json.dumps(
        [poster.TEMPLATE_VERSION, fields], sort_keys=True, ensure_ascii=False, default=str
    )
    digest = hashlib.sha256(payload.encode()).hexdigest()[:40]
    return f"kucun:poster:v{poster.TEMPLATE_VERSION}:{digest}"


def poster_png(data: poster.PosterData) -> bytes:
    """The poster's PNG: from the cache when unchanged, else drawn now and cached."""
    key = poster_cache_key(data)
    png = cache.get(key)
    if png is None:
        png = poster.render_poster(data)
        cache.set(key, png, POSTER_TTL_SECONDS)
    return png


def _file_identity(path: str | None) -> list | None:
    """(path, mtime, size): a replaced image is a new poster even under the same name."""
    if not path:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return [path, None, None]
    return [path, st.st_mtime_ns, st.st_size]
