"""Tables for people: CSV (UTF-8 with BOM, so Excel on Chinese Windows opens it right) and XLSX.

Text that a spreadsheet would run as a formula (starting with =, +, -, @, or a tab/CR that hides one) is
neutralised: a leading ' in CSV, an explicit text cell with Excel's quote prefix in XLSX. Numbers, negative ones
included, stay numbers.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

# OWASP's list for CSV injection: these first characters make Excel, LibreOffice or Sheets read a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Sheet names: at most 31 characters, none of []:*?/\
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
HEADER_FILL = "DCE6F2"


def is_risky(value: object) -> bool:
    """A text cell a spreadsheet would evaluate as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_START)


def neutralise(value: object) -> object:
    """Text that looks like a formula gets a leading ' (shown as text, never run); anything else unchanged."""
    return "'" + value if is_risky(value) else value


def _is_text_column(s: pd.Series) -> bool:
    return not (
        pd.api.types.is_numeric_dtype(s) or pd.api.types.is_bool_dtype(s) or pd.api.types.is_datetime64_any_dtype(s)
    )


def table_csv(df: pd.DataFrame) -> bytes:
    """The table as CSV bytes: UTF-8 with BOM, header row, no index; formula-like text neutralised."""
    out = df.copy()
    out.columns = [str(neutralise(str(c))) for c in out.columns]
    for col in out.columns:
        if _is_text_column(out[col]):
            out[col] = out[col].map(neutralise)
    return out.to_csv(index=False).encode("utf-8-sig")


def _cell_value(v: object) -> object:
    """A value openpyxl writes as it is: missing → empty, numpy scalars → Python, lists → text."""
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):  # numpy scalar
        try:
            v = v.item()
        except (ValueError, AttributeError):
            pass
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, pd.Timestamp):
        v = v.to_pydatetime()
    if isinstance(v, dt.datetime) and v.tzinfo is not None:
        v = v.replace(tzinfo=None)  # Excel has no time zones; the store keeps UTC
    if isinstance(v, (list, tuple, dict, set)) or (hasattr(v, "tolist") and not isinstance(v, (str, bytes))):
        return str(v.tolist() if hasattr(v, "tolist") else v)
    return v


SOURCE_SHEET = "来源 Source"  # the second sheet of a table download: where its figures come from, what they are


def safe_sheet_name(name: str) -> str:
    """A sheet name Excel accepts: forbidden characters replaced, at most 31 characters, never empty."""
    cleaned = _BAD_SHEET_CHARS.sub("_", str(name)).strip("'") or "Sheet1"
    return cleaned[:31]


def table_xlsx(df: pd.DataFrame, sheet_name: str = "数据", source: str = "") -> bytes:
    """The table as an .xlsx workbook: a bold header row frozen at the top, text as text, numbers as numbers; with
    `source` (the view's source line: its batches, snapshot, 定稿, 未审核) on a second sheet, 来源, so that the
    data sheet stays one table to sort and filter."""
    wb = Workbook()
    ws = wb.active
    ws.title = safe_sheet_name(sheet_name)
    header_font = Font(bold=True)
    header_fill = PatternFill("solid", fgColor=HEADER_FILL)
    for j, name in enumerate(df.columns, start=1):
        cell = ws.cell(row=1, column=j)
        _write(cell, str(name))
        cell.font = header_font
        cell.fill = header_fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for i, row in enumerate(df.itertuples(index=False, name=None), start=2):
        for j, v in enumerate(row, start=1):
            _write(ws.cell(row=i, column=j), _cell_value(v))
    for j, name in enumerate(df.columns, start=1):
        width = max([_display_width(name), *(_display_width(v) for v in df.iloc[:200, j - 1])], default=8)
        ws.column_dimensions[get_column_letter(j)].width = min(max(width + 2, 8), 60)
    ws.freeze_panes = "A2"
    if source:
        notes = wb.create_sheet(SOURCE_SHEET)
        for i, part in enumerate(source.split(" · "), start=1):
            _write(notes.cell(row=i, column=1), part)
        notes.column_dimensions["A"].width = min(max(_display_width(x) for x in source.split(" · ")) + 2, 100)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _write(cell, value: object) -> None:
    if isinstance(value, str):
        cell.value = value
        # openpyxl stores any string starting with "=" as a formula: force text, and mark it with Excel's quote
        # prefix so that editing the cell in Excel keeps it text too.
        cell.data_type = "s"
        if is_risky(value):
            cell.quotePrefix = True
    else:
        cell.value = value


def _display_width(v: object) -> int:
    """Rough column width in Excel units: CJK characters count double."""
    s = "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in s)
