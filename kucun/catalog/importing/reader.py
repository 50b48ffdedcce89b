"""Read an uploaded CSV or XLSX into a header and rows of text, numbered as Excel shows them.

CSV may be UTF-8 (with or without BOM, as Excel's "CSV UTF-8" writes it), UTF-16 (Excel's
"Unicode text") or GBK/GB18030 (what Chinese Excel writes as plain "CSV").
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import IO

from django.utils.translation import gettext as _

MAX_IMPORT_BYTES = 10 * 1024 * 1024
MAX_IMPORT_ROWS = 20_000
EXTENSIONS = (".csv", ".xlsx")


class FileProblem(Exception):
    """The file as a whole can't be imported; the message says why, for the brand."""


@dataclass(frozen=True)
class Table:
    headers: list[str]
    # (line as Excel numbers it — the header is line 1 —, cells as text)
    rows: list[tuple[int, list[str]]]


def extension_of(name: str) -> str:
    lowered = name.lower()
    for extension in (*EXTENSIONS, ".xls", ".xlsm"):
        if lowered.endswith(extension):
            return extension
    return ""


def check_file_name(name: str) -> None:
    extension = extension_of(name)
    if extension in (".xls", ".xlsm"):
        raise FileProblem(
            _("Old or macro Excel files (.xls, .xlsm) can't be read: save the sheet as .xlsx.")
        )
    if extension not in EXTENSIONS:
        raise FileProblem(_("Only .csv and .xlsx files can be imported."))


def read_table(stream: IO[bytes], name: str) -> Table:
    """The file's first sheet as text; blank rows are skipped but keep their line numbers."""
    check_file_name(name)
    data = stream.read(MAX_IMPORT_BYTES + 1)
    if len(data) > MAX_IMPORT_BYTES:
        raise FileProblem(
            _("The file is larger than %(mb)s MB; split it into several files.")
            % {"mb": MAX_IMPORT_BYTES // (1024 * 1024)}
        )
    if not data.strip():
        raise FileProblem(_("The file is empty."))
    rows = _xlsx_rows(data) if extension_of(name) == ".xlsx" else _csv_rows(data)
    return _table(rows)


def _table(rows: list[list[str]]) -> Table:
    numbered = [(line, cells) for line, cells in enumerate(rows, start=1) if any(cells)]
    if not numbered:
        raise FileProblem(_("The file is empty."))
    header_line, headers = numbered[0]
    if header_line != 1:
        raise FileProblem(_("The first line must be the header row with the column names."))
    body = numbered[1:]
    if not body:
        raise FileProblem(_("The file has a header but no rows to import."))
    if len(body) > MAX_IMPORT_ROWS:
        raise FileProblem(
            _("The file has %(rows)s rows; at most %(max)s can be imported at once.")
            % {"rows": len(body), "max": MAX_IMPORT_ROWS}
        )
    return Table(headers=headers, rows=body)


def decode_csv(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise FileProblem(
            _("The file is not text in UTF-8 or GBK: save it from Excel as CSV or as .xlsx.")
        ) from None


def _csv_rows(data: bytes) -> list[list[str]]:
    text = decode_csv(data)
    if "\x00" in text:
        raise FileProblem(_("This does not look like a CSV file."))
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", "\t", ";"), key=first_line.count)
    try:
        return [
            [cell.strip() for cell in row]
            for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        ]
    except csv.Error as exc:
        raise FileProblem(_("The CSV file is malformed: %(reason)s") % {"reason": exc}) from None


def _xlsx_rows(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        raise FileProblem(_("The file is not a valid Excel .xlsx workbook.")) from None
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for values in sheet.iter_rows(values_only=True):
            rows.append([cell_text(value) for value in values])
            if len(rows) > MAX_IMPORT_ROWS + 1000:
                break  # _table reports the size; don't read a runaway sheet to the end
        return [_trim(row) for row in rows]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        raise FileProblem(_("The file is not a valid Excel .xlsx workbook.")) from None
    finally:
        workbook.close()


def _trim(cells: list[str]) -> list[str]:
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return cells[:end]


def cell_text(value: object) -> str:
    """What the brand sees in the cell: 10001.0 → "10001", 19.9 → "19.9", None → ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return str(Decimal(repr(value)))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value).strip()
