"""The import columns: Chinese headers and English aliases, and a text row → ``SkuRow``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from kucun.catalog.importing.reader import FileProblem
from kucun.catalog.importing.rows import (
    RowError,
    SkuRow,
    price_to_fen,
    row_errors,
    split_category,
    whole_number,
)

# field → the header of the template (Chinese) and the other spellings accepted.
COLUMNS: dict[str, tuple[str, ...]] = {
    "product_code": ("商品编码", "商品编号", "款号", "货号", "product_code", "product", "spu"),
    "title": ("商品名称", "名称", "标题", "title", "product_name", "name"),
    "category": ("类目", "分类", "商品类目", "category"),
    "description": ("描述", "商品描述", "description"),
    "sku_code": ("SKU编码", "SKU", "规格编码", "sku_code"),
    "color": ("颜色", "color", "colour"),
    "size": ("尺码", "尺寸", "size"),
    "barcode": ("条码", "条形码", "barcode", "ean"),
    "tag_price": ("吊牌价", "标价", "tag_price"),
    "supply_price": ("供货价", "supply_price"),
    "warehouse": ("仓库编码", "仓库", "warehouse", "warehouse_code"),
    "stock": ("库存", "库存数量", "stock", "on_hand", "quantity"),
}
REQUIRED = ("product_code", "title", "sku_code", "tag_price", "supply_price")
TEMPLATE_HEADERS = [names[0] for names in COLUMNS.values()]


def normalise_header(text: str) -> str:
    """ "SKU 编码*", "Tag price (yuan)", "吊牌价（元）" → "sku编码", "tagprice", "吊牌价"."""
    text = re.sub(r"[(（].*?[)）]", "", text)
    return re.sub(r"[\s_\-*:：]", "", text).lower()


_ALIASES = {normalise_header(alias): name for name, aliases in COLUMNS.items() for alias in aliases}


@dataclass(frozen=True)
class HeaderMap:
    """Which cell index holds which field, and the brand's own header for each field."""

    index: dict[str, int]
    names: dict[str, str]
    labels: dict[str, str]  # every field: the brand's header, or the template's if absent

    def cell(self, cells: list[str], field: str) -> str:
        position = self.index.get(field)
        if position is None or position >= len(cells):
            return ""
        return cells[position].strip()


def map_headers(headers: list[str]) -> HeaderMap:
    """Match the header row to the fields; unknown, duplicate or missing columns stop the file."""
    index: dict[str, int] = {}
    names: dict[str, str] = {}
    unknown: list[str] = []
    duplicated: list[str] = []
    for position, header in enumerate(headers):
        if not header:
            continue
        field = _ALIASES.get(normalise_header(header))
        if field is None:
            unknown.append(header)
        elif field in index:
            duplicated.append(header)
        else:
            index[field] = position
            names[field] = header
    problems = []
    if unknown:
        problems.append(
            _("Unknown column(s): %(columns)s. Accepted columns: %(accepted)s.")
            % {"columns": "、".join(unknown), "accepted": "、".join(TEMPLATE_HEADERS)}
        )
    if duplicated:
        problems.append(
            _("Column(s) given twice: %(columns)s.") % {"columns": "、".join(duplicated)}
        )
    missing = [COLUMNS[field][0] for field in REQUIRED if field not in index]
    if missing:
        problems.append(
            _("Missing required column(s): %(columns)s.") % {"columns": "、".join(missing)}
        )
    if problems:
        raise FileProblem(" ".join(problems))
    labels = {field: names.get(field, aliases[0]) for field, aliases in COLUMNS.items()}
    return HeaderMap(index=index, names=names, labels=labels)


def parse_row(line: int, cells: list[str], headers: HeaderMap) -> SkuRow | list[RowError]:
    """One text row → a ``SkuRow``, or the reasons its cells can't be read."""

    def cell(field: str) -> str:
        return headers.cell(cells, field)

    def column(field: str) -> str:
        return headers.labels[field]

    errors: list[RowError] = []
    prices: dict[str, int] = {}
    for field in ("tag_price", "supply_price"):
        text = cell(field)
        if not text:
            message = _("%(column)s must not be empty.") % {"column": column(field)}
            errors.append(RowError(line, column(field), message))
            continue
        fen, problem = price_to_fen(text)
        if problem:
            message = _("%(column)s: %(problem)s") % {"column": column(field), "problem": problem}
            errors.append(RowError(line, column(field), message))
        else:
            prices[field] = fen
    if errors:
        # Placeholder prices that pass the price rules, so the other cells are still checked.
        prices = {"tag_price": 1, "supply_price": 1}
    stock: int | None = None
    if stock_text := cell("stock"):
        stock = whole_number(stock_text)
        if stock is None:
            message = _("%(column)s: %(value)s is not a whole number of units.") % {
                "column": column("stock"),
                "value": stock_text,
            }
            errors.append(RowError(line, column("stock"), message))
    category_text = cell("category")
    row = SkuRow(
        line=line,
        product_code=cell("product_code"),
        sku_code=cell("sku_code"),
        tag_price_fen=prices["tag_price"],
        supply_price_fen=prices["supply_price"],
        title=cell("title") or None,
        category=split_category(category_text) or None if category_text else None,
        description=cell("description") or None,
        color=cell("color"),
        size=cell("size"),
        barcode=cell("barcode"),
        warehouse=cell("warehouse"),
        stock=stock,
        columns=headers.labels,
    )
    errors.extend(row_errors(row))
    return errors or row
