"""The normalised shape of one product/SKU/stock line, and the rules every line must follow.

A file row and an API item both become a ``SkuRow``; the checks here are shared by the file
import, the API and the product/SKU forms, so a rule is written once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from kucun.core.money import format_fen, parse_yuan

# Field lengths of the catalogue models: a value that would not fit is an input error here,
# never a database error later.
MAX_CODE = 64
MAX_TITLE = 120
MAX_VARIANT = 40
MAX_BARCODE = 64
MAX_CATEGORY_NAME = 40
MAX_CATEGORY_DEPTH = 5
MAX_WAREHOUSE_CODE = 32
MAX_PRICE_FEN = 10_000_000_000  # 100 million yuan: anything above is a typo
MAX_STOCK = 1_000_000_000
CATEGORY_SEPARATORS = ("/", "／", ">", "＞")


@dataclass(frozen=True, slots=True)
class RowError:
    """A problem with one line (``line`` None: the file or request as a whole)."""

    line: int | None
    column: str
    message: str

    def as_dict(self) -> dict:
        return {"line": self.line, "column": self.column, "message": self.message}


@dataclass(frozen=True, slots=True)
class SkuRow:
    """One SKU of one product, optionally with its stock level in one warehouse.

    Product fields left empty (``title``, ``category``, ``description`` = None) keep what the
    product already has; ``stock`` None leaves stock alone.
    """

    line: int
    product_code: str
    sku_code: str
    tag_price_fen: int
    supply_price_fen: int
    title: str | None = None
    category: tuple[str, ...] | None = None
    description: str | None = None
    color: str = ""
    size: str = ""
    barcode: str = ""
    attributes: dict | None = None
    warehouse: str = ""
    stock: int | None = None
    columns: dict[str, str] = field(default_factory=dict, compare=False)

    def column(self, name: str) -> str:
        """The column name as the caller wrote it (file header or API field)."""
        return self.columns.get(name, name)

    def sku_values(self) -> tuple:
        return (
            self.product_code,
            self.color,
            self.size,
            self.barcode,
            self.tag_price_fen,
            self.supply_price_fen,
        )


def split_category(text: str) -> tuple[str, ...]:
    """ "服装 / 女装 / 连衣裙" (or with ／ or >) → ("服装", "女装", "连衣裙")."""
    parts = [text]
    for separator in CATEGORY_SEPARATORS:
        parts = [piece for part in parts for piece in part.split(separator)]
    return tuple(part.strip() for part in parts if part.strip())


def price_to_fen(value: str) -> tuple[int | None, str | None]:
    """Yuan text → (fen, None), or (None, the reason it is not a price)."""
    try:
        return parse_yuan(value), None
    except ValueError:
        pass
    text = value.strip().replace(",", "").strip("¥￥元 ")
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = None
    if number is not None and number.is_finite():
        return None, _("%(value)s has more than two decimals.") % {"value": value}
    return None, _("%(value)s is not an amount in yuan (e.g. 199.00).") % {"value": value}


def whole_number(value: str) -> int | None:
    """ "12", "12.0" (what Excel may give) → 12; anything else → None."""
    try:
        number = Decimal(value.strip().replace(",", ""))
    except InvalidOperation:
        return None
    if not number.is_finite() or number != number.to_integral_value():
        return None
    return int(number)


def length_error(text: str, max_length: int, column: str) -> str | None:
    if len(text) > max_length:
        return _("%(column)s is longer than %(max)s characters.") % {
            "column": column,
            "max": max_length,
        }
    return None


def price_errors(
    *, tag_price_fen: int, supply_price_fen: int, tag_column: str, supply_column: str
) -> list[tuple[str, str]]:
    """The price rules: both above zero, sane, and supply price not above tag price."""
    problems: list[tuple[str, str]] = []
    for column, fen in ((tag_column, tag_price_fen), (supply_column, supply_price_fen)):
        if fen <= 0:
            problems.append(
                (column, _("%(column)s must be greater than zero.") % {"column": column})
            )
        elif fen > MAX_PRICE_FEN:
            problems.append((column, _("%(column)s is implausibly high.") % {"column": column}))
    if not problems and supply_price_fen > tag_price_fen:
        problems.append(
            (
                supply_column,
                _("Supply price %(supply)s is higher than tag price %(tag)s.")
                % {"supply": format_fen(supply_price_fen), "tag": format_fen(tag_price_fen)},
            )
        )
    return problems


def category_errors(path: tuple[str, ...], column: str) -> list[str]:
    problems = []
    if len(path) > MAX_CATEGORY_DEPTH:
        problems.append(
            _("%(column)s has more than %(max)s levels.")
            % {"column": column, "max": MAX_CATEGORY_DEPTH}
        )
    for name in path:
        if len(name) > MAX_CATEGORY_NAME:
            problems.append(
                _("Category name %(name)s is longer than %(max)s characters.")
                % {"name": name, "max": MAX_CATEGORY_NAME}
            )
    return problems


def row_errors(row: SkuRow) -> list[RowError]:
    """Rules a line must follow on its own, before it is compared with others or the database."""
    found: list[RowError] = []

    def add(name: str, message: str) -> None:
        found.append(RowError(row.line, row.column(name), message))

    for name, value, max_length in (
        ("product_code", row.product_code, MAX_CODE),
        ("sku_code", row.sku_code, MAX_CODE),
    ):
        if not value:
            add(name, _("%(column)s must not be empty.") % {"column": row.column(name)})
        elif problem := length_error(value, max_length, row.column(name)):
            add(name, problem)
    for name, value, max_length in (
        ("title", row.title or "", MAX_TITLE),
        ("color", row.color, MAX_VARIANT),
        ("size", row.size, MAX_VARIANT),
        ("barcode", row.barcode, MAX_BARCODE),
        ("warehouse", row.warehouse, MAX_WAREHOUSE_CODE),
    ):
        if problem := length_error(value, max_length, row.column(name)):
            add(name, problem)
    if row.category:
        for problem in category_errors(row.category, row.column("category")):
            add("category", problem)
    for column, problem in price_errors(
        tag_price_fen=row.tag_price_fen,
        supply_price_fen=row.supply_price_fen,
        tag_column=row.column("tag_price"),
        supply_column=row.column("supply_price"),
    ):
        found.append(RowError(row.line, column, problem))
    if row.stock is not None:
        if row.stock < 0:
            add("stock", _("%(column)s cannot be negative.") % {"column": row.column("stock")})
        elif row.stock > MAX_STOCK:
            add("stock", _("%(column)s is implausibly high.") % {"column": row.column("stock")})
        if not row.warehouse:
            add("warehouse", _("Give the warehouse code for the stock."))
    return found
