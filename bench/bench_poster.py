"""Poster rendering: 200 different posters drawn cold, then the same 200 from the cache.

Run from the repository root: ``python bench/bench_poster.py`` (``make bench`` runs it).
Targets (issue 3): cold p95 ≤ 80 ms, cached p95 ≤ 5 ms. The cache is Django's LocMem cache,
so the cached figure is the key computation plus a local lookup, not a network round trip.

Every poster has its own title, price, link and photo (crops and tints of four generated
photo-like bases, saved as 800–1600 px JPEGs — the display renditions a shop keeps). PNG
originals decode far slower (Pillow cannot decode a PNG at reduced scale); a further 20 posters
with PNG photos are timed and printed on their own line, outside the recorded figures.
"""

from __future__ import annotations

import dataclasses
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kucun.settings")
os.environ.setdefault("SECRET_KEY", "bench-not-secret")
os.environ.pop("REDIS_URL", None)  # LocMem: measure our code, not a Redis round trip

import django  # noqa: E402

django.setup()

from _results import record  # noqa: E402
from django.core.cache import cache  # noqa: E402
from PIL import Image, ImageDraw, ImageFilter  # noqa: E402

from kucun.resellers.sharing import drawing  # noqa: E402
from kucun.resellers.sharing.cache import poster_png  # noqa: E402
from kucun.resellers.sharing.poster import TEMPLATES, PosterData, render_poster  # noqa: E402

N = 200
N_PNG = 20
COLD_TARGET_MS = 80.0
CACHED_TARGET_MS = 5.0

TITLES = [
    "夏季新款纯棉宽松短袖T恤女 ins潮流百搭上衣",
    "高腰阔腿牛仔裤 显瘦垂感 直筒拖地长裤",
    "100%桑蚕丝衬衫 通勤百搭 法式复古",
    "羊毛混纺针织开衫 秋冬款 温柔奶油色",
    "儿童防晒衣 UPF50+ 轻薄透气 男女童",
    "轻量跑步鞋 缓震回弹 透气网面 男女同款",
    "Relaxed cotton tee, oversize fit",
]
BANDS = ["库存充足", "仅剩少量", "即将售罄"]
SHOPS = ["小美的衣橱", "阿May的小店", "Lily's Closet", "橙子家·品牌特卖"]
BASE = 1800


def make_bases(rng: random.Random) -> list[Image.Image]:
    """Four photo-like images: soft shapes on a colour, with sensor-like grain (so they are as
    hard to compress as a real photo)."""
    bases = []
    for _ in range(4):
        colour = (rng.randrange(150, 240), rng.randrange(150, 240), rng.randrange(150, 240))
        im = Image.new("RGB", (BASE, BASE), colour)
        d = ImageDraw.Draw(im)
        for _ in range(14):
            x, y, r = rng.randrange(BASE), rng.randrange(BASE), rng.randrange(80, 500)
            fill = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
            d.ellipse((x - r, y - r, x + r, y + r), fill=fill)
        noise = Image.effect_noise((BASE, BASE), 24).convert("RGB")
        bases.append(Image.blend(im, noise, 0.12).filter(ImageFilter.GaussianBlur(0.6)))
    return bases


def make_photos(folder: Path, bases, rng: random.Random, count: int, fmt: str) -> list[str]:
    """``count`` distinct photos: a random crop of a base, scaled and tinted."""
    paths = []
    for i in range(count):
        w = rng.choice([800, 1000, 1080, 1200, 1600])
        h = rng.choice([w, w, w * 4 // 3])
        cw, ch = min(w, BASE), min(h, BASE)
        left = rng.randrange(0, BASE - cw + 1)
        photo = bases[i % len(bases)].crop((left, 0, left + cw, ch)).resize((w, h))
        tint = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        photo = Image.blend(photo, Image.new("RGB", (w, h), tint), 0.15)
        path = folder / f"{fmt.lower()}{i}.{fmt.lower()}"
        photo.save(path, fmt, **({"quality": 90} if fmt == "JPEG" else {"compress_level": 6}))
        paths.append(str(path))
    return paths


def make_avatars(folder: Path) -> list[str]:
    paths = []
    for i in range(2):
        path = folder / f"avatar{i}.jpg"
        Image.new("RGB", (400, 400), (200, 120 + 40 * i, 150)).save(path, quality=90)
        paths.append(str(path))
    return paths


def posters(photos: list[str], avatars: list[str], seed: int) -> list[PosterData]:
    rng = random.Random(seed)
    templates = sorted(TEMPLATES)
    out = []
    for i, photo in enumerate(photos):
        price = rng.randrange(2900, 99900)
        out.append(
            PosterData(
                title=f"{TITLES[i % len(TITLES)]} #{seed}-{i}",
                price_fen=price,
                tag_price_fen=price + rng.randrange(0, 60000),
                shop_name=SHOPS[i % len(SHOPS)],
                shop_avatar_path=[*avatars, None][i % 3],
                product_image_path=photo,
                link_url=f"https://kucun.example.com/s/{seed}{i:05d}{rng.randrange(10**6):06d}",
                ends_at_text=f"12月{1 + i % 28}日 20:00 结束",
                stock_band=BANDS[i % len(BANDS)],
                template=templates[i % len(templates)],
            )
        )
    assert len(set(out)) == len(photos)
    return out


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, -(-95 * len(ordered) // 100) - 1)]  # nearest rank


def timed(fn, items) -> tuple[list[float], list[float]]:
    """Wall-clock and process CPU milliseconds per call."""
    wall, cpu = [], []
    for item in items:
        start, start_cpu = time.perf_counter(), time.process_time()
        fn(item)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu


def line(label: str, values: list[float], target: float | None) -> str:
    med, high = statistics.median(values), p95(values)
    text = f"{label:<24} median {med:7.2f} ms   p95 {high:7.2f} ms"
    if target is None:
        return text
    verdict = "ok" if high <= target else "OVER TARGET"
    return f"{text}   target p95 ≤ {target:g} ms   p95/target {high / target:5.2f}   {verdict}"


def main() -> int:
    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bases = make_bases(rng)
        avatars = make_avatars(folder)
        data = posters(make_photos(folder, bases, rng, N, "JPEG"), avatars, seed=1)
        png_data = posters(make_photos(folder, bases, rng, N_PNG, "PNG"), avatars, seed=2)
        cache.clear()

        # Process start-up, paid once per web worker: opening the 16 MB font.
        start = time.perf_counter()
        drawing.font(34)
        font_ms = (time.perf_counter() - start) * 1000
        # One throw-away render so code paths are warm; its link (so its key) is not reused.
        render_poster(dataclasses.replace(data[0], link_url=data[0].link_url + "-warmup"))

        load = os.getloadavg()[0]
        cold, cold_cpu = timed(poster_png, data)  # every key is new: full render + cache.set
        cached, cached_cpu = timed(poster_png, data)  # same data again: key + cache.get only
        png_cold, _ = timed(poster_png, png_data)
        cache.clear()

    print(
        f"posters: {N} different (title, price, link, JPEG photo 800–1600 px; templates "
        f"{', '.join(sorted(TEMPLATES))}), 750×1334 PNG out"
    )
    print(f"font load, once per process: {font_ms:.1f} ms (not in the figures below)")
    print(line("cold (render + set)", cold, COLD_TARGET_MS))
    print(line("cached (key + get)", cached, CACHED_TARGET_MS))
    print(
        line(f"cold, PNG photos (n={N_PNG})", png_cold, None)
        + "   not recorded: keep JPEG renditions"
    )
    # Wall time includes waiting for a CPU; on a shared machine that is most of the p95.
    print(
        f"CPU per poster: cold median {statistics.median(cold_cpu):.2f} ms, "
        f"p95 {p95(cold_cpu):.2f} ms; cached p95 {p95(cached_cpu):.2f} ms; "
        f"load average {load:.2f} on {os.cpu_count()} CPUs at start"
    )
    record(poster_cold_p95_ms=p95(cold), poster_cached_p95_ms=p95(cached))
    return 0


if __name__ == "__main__":
    sys.exit(main())
