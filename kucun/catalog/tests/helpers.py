"""Build import files in tests the way a brand's Excel would save them."""

from __future__ import annotations

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile

from kucun.catalog.importing.columns import TEMPLATE_HEADERS
from kucun.catalog.models import ImportJob
from kucun.catalog.services import import_create

HEADERS = TEMPLATE_HEADERS  # 商品编码 … 库存


def row(
    product="P1",
    title="纯棉T恤",
    category="服装/男装/T恤",
    description="",
    sku="P1-W-M",
    color="白色",
    size="M",
    barcode="",
    tag="199.00",
    supply="80.00",
    warehouse="",
    stock="",
) -> list[str]:
    return [product, title, category, description, sku, color, size, barcode, tag, supply,
            warehouse, stock]  # fmt: skip


def csv_bytes(rows: list[list[str]], headers=HEADERS, encoding: str = "utf-8-sig") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows: list[list], headers=HEADERS) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(headers))
    for values in rows:
        sheet.append(values)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def run_import(brand, user, content: bytes, name: str = "products.csv") -> ImportJob:
    """Upload like the page does and let the job run (tests run jobs synchronously)."""
    from django.db import transaction

    with transaction.atomic():
        job = import_create(
            brand=brand, upload=SimpleUploadedFile(name, content), actor=user, language="zh-hans"
        )
    # In a test transaction on_commit never fires; run the job the way the worker would.
    from kucun.catalog.services import import_run

    import_run(job_id=job.pk)
    job.refresh_from_db()
    return job
