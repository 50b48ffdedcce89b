"""The import template a brand downloads: Chinese headers and two example rows."""

from __future__ import annotations

import csv
import io

from kucun.catalog.importing.columns import TEMPLATE_HEADERS

EXAMPLE_ROWS = [
    ["LY2401", "真丝印花连衣裙", "服装/女装/连衣裙", "桑蚕丝面料，收腰版型", "LY2401-RED-M",
     "红色", "M", "6901234567892", "599.00", "239.00", "CLOUD", "120"],
    ["LY2401", "真丝印花连衣裙", "服装/女装/连衣裙", "桑蚕丝面料，收腰版型", "LY2401-RED-L",
     "红色", "L", "6901234567908", "599.00", "239.00", "CLOUD", "80"],
]  # fmt: skip


def example_rows(warehouse_code: str = "") -> list[list[str]]:
    """The example lines, with one of the brand's own warehouse codes when it has one."""
    if not warehouse_code:
        return EXAMPLE_ROWS
    return [[*row[:-2], warehouse_code, row[-1]] for row in EXAMPLE_ROWS]


def template_csv(warehouse_code: str = "") -> bytes:
    """UTF-8 with a BOM, so Excel opens the Chinese headers correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(TEMPLATE_HEADERS)
    writer.writerows(example_rows(warehouse_code))
    return buffer.getvalue().encode("utf-8-sig")


def template_xlsx(warehouse_code: str = "") -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "商品导入"
    sheet.append(TEMPLATE_HEADERS)
    for row in example_rows(warehouse_code):
        sheet.append(row)
    for column in sheet.columns:
        # Codes and barcodes stay text, so Excel keeps leading zeros and long digits.
        for cell in column:
            cell.number_format = "@"
    for letter, width in zip(
        "ABCDEFGHIJKL", (12, 22, 20, 24, 18, 8, 8, 16, 10, 10, 10, 8), strict=True
    ):
        sheet.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
