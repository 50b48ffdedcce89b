"""Load the demo data once; running it again changes nothing.

``make run`` calls it every time, so each step checks whether its data is already there.
``make demo-reset`` deletes the database and media to start again.
"""

import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from kucun.core.demo.data import (
    BRAND_USERNAME,
    DEMO_PASSWORD,
    OPERATOR_USERNAME,
    RESELLER_PHONE,
    RESELLER_SHOP_CODE,
)
from kucun.core.demo.loader import DemoContext, demo_load

BASE_URL = "http://127.0.0.1:8000"


class Command(BaseCommand):
    help = "Load the Kucun demo data (brands, products, stock, campaigns, one login per role) once."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--scale",
            type=int,
            default=100,
            help="Percent of the full demo's products to make (the tests load fewer); default 100.",
        )
        parser.add_argument("--base-url", default=BASE_URL, help="Where the demo is served.")

    def handle(self, *args, scale: int, base_url: str, **options) -> None:
        started = time.perf_counter()
        self.stdout.write("Kucun demo data:")
        ctx = DemoContext(now=timezone.now(), scale=max(1, min(scale, 100)), log=self.stdout.write)
        results = demo_load(ctx=ctx)
        if any(result.ran for result in results):
            elapsed = time.perf_counter() - started
            self.stdout.write(self.style.SUCCESS(f"  loaded in {elapsed:.1f}s"))
        else:
            self.stdout.write("  already loaded, nothing changed (make demo-reset starts over)")
        self.stdout.write(self._logins(base_url.rstrip("/")))

    def _logins(self, url: str) -> str:
        # ASCII columns first: Chinese characters are two columns wide in a terminal.
        rows = [
            (OPERATOR_USERNAME, "operator 平台运营", f"{url}/ops/review/  {url}/admin/"),
            (BRAND_USERNAME, "brand 品牌 栖木衣舍", f"{url}/brand/  {url}/brand/campaigns/"),
            (RESELLER_PHONE, "reseller 店主", f"{url}/r/  {url}/r/shares/"),
        ]
        lines = [
            "",
            f"Kucun demo: {url}/   API docs: {url}/api/docs",
            f"Demo logins, password {DEMO_PASSWORD} for all:",
        ]
        lines += [f"  {login:<13} {where:<70} {role}" for login, role, where in rows]
        lines.append("  Other brands log in as brand_<slug> (brand_puxu, brand_jibu, ...).")
        lines.append(
            "  Shoppers need no account: they open a reseller's shared link or her shop, "
            f"e.g. {url}/s/{RESELLER_SHOP_CODE}/"
        )
        return "\n".join(lines)
