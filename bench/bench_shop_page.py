"""Shop-page throughput: a reseller shop of 200 products against a minimal Django view.

Run from the repository root: ``python bench/bench_shop_page.py`` (``make bench`` runs it).
Needs PostgreSQL: ``DATABASE_URL`` (default ``postgres://postgres@127.0.0.1:5432/kucun_bench``;
the database is created if missing, then migrated). The script builds (or reuses) a shop with
200 shelved products, starts gunicorn with the production settings (DEBUG off, SECRET_KEY set,
ALLOWED_HOSTS=127.0.0.1, secure cookies off — plain HTTP on loopback) and sync workers, then
loads ``/healthz`` (the reference: a minimal view returning a fixed JSON body) and ``/s/<code>/``
with 8 concurrent keep-alive clients for ~10 s each. Prints requests/s of both and the ratio
(target ≥ 0.3) and records ``shop_page_rps`` and ``shop_page_ratio``. It also times the tracked
link ``/l/<code>`` (counted visit + redirect, every request a new visitor: the worst case).
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/kucun_bench"
DATABASE_URL = os.environ.get("DATABASE_URL") or DEFAULT_DB
if not DATABASE_URL.startswith(("postgres://", "postgresql://")):
    DATABASE_URL = DEFAULT_DB  # the figure is only meaningful on the production database

SHOP_CODE = "bench200"
PRODUCTS = 200
SIZES = ("S", "M", "L")
CLIENTS = 8
DURATION = float(os.environ.get("BENCH_SECONDS", "10"))
TARGET_RATIO = 0.3
WORKERS = max(2, min(4, os.cpu_count() or 2))

SERVER_ENV = {
    "DJANGO_SETTINGS_MODULE": "kucun.settings",
    "DATABASE_URL": DATABASE_URL,
    "DEBUG": "0",
    "SECRET_KEY": "bench-shop-page-not-a-secret-" + "x" * 24,
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_COOKIES": "0",
    "LOG_LEVEL": "WARNING",
    "KUCUN_TASKS": "sync",
}
os.environ.update({k: v for k, v in SERVER_ENV.items()})
os.environ.pop("REDIS_URL", None)


def ensure_database(url: str) -> None:
    """CREATE DATABASE when it does not exist yet (connecting to the server's 'postgres' db)."""
    import psycopg

    parts = urlparse(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}")


def setup_django() -> None:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


def build_shop() -> str:
    """A reseller with 200 products on her shelf (two live campaigns: one shelved whole, one
    product by product), a few markup overrides; reused while its campaigns are on."""
    from django.core.files.storage import storages
    from django.db import transaction
    from django.utils import timezone
    from PIL import Image

    from kucun.campaigns.models import Campaign, CampaignItem, CampaignState
    from kucun.catalog.models import SKU, Brand, BrandStatus, Category, Product, ProductImage
    from kucun.core.models import Role, User
    from kucun.inventory.models import MoveKind, StockItem, StockMove, Warehouse
    from kucun.resellers.models import MarkupRule, Reseller, ShelfItem

    now = timezone.now()
    reseller = Reseller.objects.filter(shop_code=SHOP_CODE).first()
    if reseller is not None:
        shelved = ShelfItem.objects.filter(
            reseller=reseller, campaign__ends_at__gt=now + timedelta(hours=1)
        )
        if shelved.exists():
            return SHOP_CODE

    storage = storages["default"]
    image_name = "products/bench-shop.jpg"
    if not storage.exists(image_name):
        import io

        buf = io.BytesIO()
        Image.new("RGB", (600, 600), (220, 180, 170)).save(buf, "JPEG")
        from django.core.files.base import ContentFile

        image_name = storage.save(image_name, ContentFile(buf.getvalue()))

    with transaction.atomic():
        brand, _ = Brand.objects.get_or_create(
            slug="bench-brand", defaults={"name": "基准品牌", "status": BrandStatus.APPROVED}
        )
        category, _ = Category.objects.get_or_create(name="基准类目", parent=None)
        warehouse, _ = Warehouse.objects.get_or_create(
            brand=brand, code="BENCH", defaults={"name": "基准仓"}
        )
        user = User.objects.filter(username="bench-reseller").first()
        if user is None:
            user = User.objects.create_user(
                username="bench-reseller", password="bench-pass-2026", role=Role.RESELLER
            )
        reseller, _ = Reseller.objects.get_or_create(
            user=user,
            defaults={
                "shop_name": "基准小店",
                "shop_code": SHOP_CODE,
                "markup_kind": "percent",
                "markup_value": 1000,
                "rounding": "x9.9",
            },
        )
        ShelfItem.objects.filter(reseller=reseller).delete()
        MarkupRule.objects.filter(reseller=reseller).delete()

        stamp = f"{int(time.time())}"
        campaigns = []
        for half in range(2):
            campaigns.append(
                Campaign.objects.create(
                    brand=brand,
                    title=f"基准档期 {stamp}-{half}",
                    starts_at=now - timedelta(hours=1),
                    ends_at=now + timedelta(hours=47),
                    state=CampaignState.LIVE,
                )
            )
        products = Product.objects.bulk_create(
            [
                Product(
                    brand=brand,
                    category=category,
                    code=f"B{stamp}-{i:03d}",
                    title=f"基准商品 {i:03d} 纯棉宽松短袖T恤",
                )
                for i in range(PRODUCTS)
            ]
        )
        ProductImage.objects.bulk_create(
            [ProductImage(product=p, image=image_name, position=0) for p in products]
        )
        skus = SKU.objects.bulk_create(
            [
                SKU(
                    product=p,
                    brand=brand,
                    code=f"{p.code}-{size}",
                    size=size,
                    color="白色",
                    tag_price_fen=19900 + (i % 7) * 1000,
                    supply_price_fen=3000,
                )
                for i, p in enumerate(products)
                for size in SIZES
            ]
        )
        quantity = 50
        stock = StockItem.objects.bulk_create(
            [
                StockItem(sku=sku, warehouse=warehouse, on_hand=quantity, allocated=quantity)
                for sku in skus
            ]
        )
        StockMove.objects.bulk_create(
            [
                StockMove(stock_item=item, kind=kind, **delta, reference="bench")
                for item in stock
                for kind, delta in (
                    (MoveKind.RECEIPT, {"on_hand_delta": quantity}),
                    (MoveKind.ALLOCATE, {"allocated_delta": quantity}),
                )
            ]
        )
        per_product = {p.pk: i for i, p in enumerate(products)}
        CampaignItem.objects.bulk_create(
            [
                CampaignItem(
                    campaign=campaigns[0]
                    if per_product[sku.product_id] < PRODUCTS // 2
                    else campaigns[1],
                    sku=sku,
                    warehouse=warehouse,
                    quantity=quantity,
                    available=quantity - (per_product[sku.product_id] % 11),
                    platform_price_fen=5900 + (per_product[sku.product_id] % 9) * 500,
                )
                for sku in skus
            ]
        )
        ShelfItem.objects.create(reseller=reseller, campaign=campaigns[0])
        ShelfItem.objects.bulk_create(
            [
                ShelfItem(reseller=reseller, campaign=campaigns[1], product=p)
                for p in products[PRODUCTS // 2 :]
            ]
        )
        MarkupRule.objects.create(
            reseller=reseller, campaign=campaigns[1], kind="amount", value=800
        )
        MarkupRule.objects.bulk_create(
            [
                MarkupRule(reseller=reseller, product=p, kind="percent", value=2500)
                for p in products[:5]
            ]
        )
    print(f"built shop {SHOP_CODE}: {PRODUCTS} products in 2 campaigns")
    return SHOP_CODE


def a_share_code() -> str:
    from kucun.resellers.models import Reseller
    from kucun.resellers.services import share_get_or_create

    reseller = Reseller.objects.get(shop_code=SHOP_CODE)
    campaign_id = reseller.shelf_items.order_by("id").values_list("campaign_id", flat=True)[0]
    return share_get_or_create(reseller=reseller, campaign_id=campaign_id, channel="link").code


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, **extra_env: str) -> subprocess.Popen:
    env = {**os.environ, **SERVER_ENV, **extra_env, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "kucun.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
            "--worker-class",
            "sync",
            "--keep-alive",
            "5",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("gunicorn exited at start")
        try:
            status, _ = fetch(port, "/healthz")
            if status == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    stop_server(proc)
    raise RuntimeError("gunicorn did not answer /healthz within 30 s")


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)


def fetch(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def load(port: int, path: str, seconds: float, *, ok: int = 200) -> float:
    """Requests/s of ``path`` from CLIENTS threads, each on its own keep-alive connection."""
    counts = [0] * CLIENTS
    errors = [0] * CLIENTS
    stop = threading.Event()

    def client(n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while not stop.is_set():
            try:
                conn.request("GET", path, headers={"Connection": "keep-alive"})
                response = conn.getresponse()
                response.read()
                if response.status == ok:
                    counts[n] += 1
                else:
                    errors[n] += 1
                if response.will_close:
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            except (OSError, http.client.HTTPException):
                errors[n] += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.close()

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(CLIENTS)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join(timeout=15)
    elapsed = time.perf_counter() - start
    if sum(errors):
        print(f"  {path}: {sum(errors)} errors")
    return sum(counts) / elapsed


def main() -> int:
    from _results import record

    try:
        ensure_database(DATABASE_URL)
    except Exception as exc:  # no server: say so plainly instead of a traceback
        print(f"PostgreSQL is not reachable at {DATABASE_URL}: {exc}")
        return 1
    setup_django()
    shop_code = build_shop()
    share_code = a_share_code()
    from django.db import connections

    connections.close_all()

    port = free_port()
    proc = start_server(port)
    try:
        shop_path = f"/s/{shop_code}/"
        status, body = fetch(port, shop_path)
        shown = body.count(b"data-product=")
        if status != 200 or shown != PRODUCTS:
            print(f"shop page answered {status} with {shown} products (expected {PRODUCTS})")
            return 1
        print(
            f"shop page: {len(body) // 1024} KiB, {shown} products; "
            f"{WORKERS} sync workers, {CLIENTS} clients, {DURATION:.0f} s per path"
        )
        load(port, "/healthz", 1.0)  # warm both paths in every worker
        load(port, shop_path, 1.0)
        # The machine may be shared: the reference runs half before and half after the shop
        # page, so a load change during the run biases neither side.
        before = load(port, "/healthz", DURATION / 2)
        shop = load(port, shop_path, DURATION)
        after = load(port, "/healthz", DURATION / 2)
        reference = (before + after) / 2
        link = load(port, f"/l/{share_code}", min(DURATION, 5.0), ok=302)
    finally:
        stop_server(proc)

    # The same page with its caches off: what a shop costs when every request renders it
    # (a first visit after a change). Printed for honesty; the target is on the figure above.
    port = free_port()
    proc = start_server(port, RESELLER_SHOP_CACHE_SECONDS="0")
    try:
        load(port, shop_path, 1.0)
        uncached = load(port, shop_path, DURATION / 2)
    finally:
        stop_server(proc)

    ratio = shop / reference if reference else 0.0
    verdict = "ok" if ratio >= TARGET_RATIO else "BELOW TARGET"
    print(
        f"reference /healthz (minimal view)  : {reference:8.1f} req/s "
        f"(before {before:.1f}, after {after:.1f})"
    )
    print(f"shop page /s/{shop_code}/ (200 items): {shop:8.1f} req/s")
    print(f"ratio shop/reference              : {ratio:8.3f}  (target ≥ {TARGET_RATIO}) {verdict}")
    print(
        f"shop page with its caches off      : {uncached:8.1f} req/s "
        f"({uncached / reference:.3f} × reference)"
    )
    print(
        f"tracked link /l/<code> (new visitor each time, counted + redirect): {link:8.1f} req/s "
        f"({link / reference:.2f} × reference)"
    )
    record(
        shop_page_rps=shop,
        shop_page_ratio=ratio,
        shop_page_uncached_rps=uncached,
        link_redirect_rps=link,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
