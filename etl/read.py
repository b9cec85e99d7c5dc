"""Read .xlsx / .xls / .csv files into sheets of raw cells, with cell positions kept for messages."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import python_calamine as pc

from etl.problems import Problem

# Sheets beyond this many rows are refused before their cells are read (a district sheet has tens of rows;
# the national benchmark has 3,000).
MAX_ROWS = 100_000
MAX_COLUMNS = 500
# An .xlsx is a zip: refuse before reading when it would unpack to more than this (a real 3,000-row sheet
# unpacks to a few MB), or when a part packs more than MAX_RATIO times (the mark of a zip bomb).
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
MAX_RATIO = 1000


@dataclass
class Sheet:
    """One sheet's cells from A1, rows of Python values ('' for empty)."""

    file_name: str
    name: str
    rows: list[list[object]]
    hidden: bool = False
    # (row, col) of formula cells saved without a computed value: calamine reads them as empty
    formula_cells: set[tuple[int, int]] = field(default_factory=set)

    def cell(self, row: int, col: int) -> object:
        r = self.rows[row] if row < len(self.rows) else []
        return r[col] if col < len(r) else ""


@dataclass
class Workbook:
    file_name: str
    sha256: str
    sheets: list[Sheet] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def col_letter(col: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    s = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        s = chr(65 + rem) + s
    return s


def cell_ref(row: int, col: int) -> str:
    """Zero-based row and column to an A1 reference."""
    return f"{col_letter(col)}{row + 1}"


def sniff_format(data: bytes) -> str:
    """What the bytes really are, whatever the file is called: xlsx, xls, ole_encrypted, html, text, empty."""
    if not data.strip():
        return "empty"
    if data[:4] == b"PK\x03\x04":
        return "xlsx"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        # An OLE file is an old .xls, or an encrypted (password-protected) .xlsx.
        return (
            "ole_encrypted"
            if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data
            else "xls"
        )
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml")) or b"<html" in head:
        return "html"
    return "text"


def _header_score(text: str) -> int:
    """How many cells of the first lines the catalogue recognises: tells GBK from Big5 when both decode."""
    from etl.catalog import load_catalog

    cat = load_catalog()
    cells = re.split(r"[,\t;|\n]", text[:2000])
    return sum(1 for c in cells if c.strip() and (cat.column_role(c) or cat.match_indicator(c)))


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode CSV bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK) or Big5,
    whichever yields headers the catalogue knows."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    decoded = []
    for enc in ("gb18030", "big5"):
        try:
            decoded.append((data.decode(enc), enc))
        except UnicodeDecodeError:
            continue
    if not decoded:
        raise UnicodeDecodeError("gb18030", data[:1], 0, 1, "neither UTF-8, GBK nor Big5")
    return max(decoded, key=lambda d: _header_score(d[0]))


# A single CSV field may be this long (characters); the whole upload is limited to 20 MB anyway.
csv.field_size_limit(32 * 1024 * 1024)


def read_csv_text(text: str, file_name: str) -> Sheet:
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    rows = [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    return Sheet(file_name=file_name, name=Path(file_name).stem, rows=rows)


def read_workbook(source: Path | bytes, file_name: str | None = None) -> Workbook:
    """Every sheet of a file as raw cells; problems (in place of a traceback) when the file cannot be read."""
    import hashlib

    if isinstance(source, (bytes, bytearray)):
        data = bytes(source)
        name = file_name or "upload"
    else:
        data = Path(source).read_bytes()
        name = file_name or Path(source).name
    wb = Workbook(file_name=name, sha256=hashlib.sha256(data).hexdigest())
    kind = sniff_format(data)
    ext = Path(name).suffix.lower()

    def fail(code: str, **params: object) -> Workbook:
        wb.problems.append(Problem("error", code, name, params=params))
        return wb

    if ext not in (".xlsx", ".xlsm", ".xls", ".csv", ".txt"):
        return fail("file_extension", ext=ext or "—")
    if kind == "empty":
        return fail("file_empty")
    if kind == "html":
        return fail("file_is_html")
    if kind == "ole_encrypted":
        return fail("file_encrypted")
    if kind == "text":
        if ext in (".xlsx", ".xlsm", ".xls"):
            wb.notes.append("text_named_as_excel")
        try:
            text, encoding = decode_text(data)
        except UnicodeDecodeError:
            return fail("csv_encoding")
        if "\x00" in text:
            return fail("csv_encoding")
        wb.notes.append(f"encoding:{encoding}")
        wb.sheets.append(read_csv_text(text, name))
        return wb
    formulas: dict[str, set[tuple[int, int]]] = {}
    if kind == "xlsx":
        refused, formulas = inspect_xlsx(data)
        if refused:
            return fail(refused, limit=MAX_UNPACKED_BYTES // (1024 * 1024), detail="zip")
    try:
        book = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except pc.PasswordError:
        return fail("file_encrypted")
    except Exception as err:  # calamine raises several types for damaged files
        return fail("file_damaged", detail=type(err).__name__)
    for meta in book.sheets_metadata:
        if meta.typ != pc.SheetTypeEnum.WorkSheet:
            continue
        hidden = meta.visible != pc.SheetVisibleEnum.Visible
        try:
            sheet = book.get_sheet_by_name(meta.name)
            if sheet.total_height > MAX_ROWS:
                wb.problems.append(
                    Problem(
                        "error",
                        "sheet_too_many_rows",
                        name,
                        meta.name,
                        params={"rows": sheet.total_height, "limit": MAX_ROWS},
                    )
                )
                continue
            rows = sheet.to_python(skip_empty_area=False)
        except Exception as err:
            wb.problems.append(Problem("error", "file_damaged", name, meta.name, params={"detail": type(err).__name__}))
            continue
        if rows and max(len(r) for r in rows) > MAX_COLUMNS:
            rows = [r[:MAX_COLUMNS] for r in rows]
        cells_with_formulas = formulas.get(meta.name, set())
        last_formula_row = max((r for r, _ in cells_with_formulas), default=-1)
        while len(rows) > last_formula_row + 1 and all(c == "" or c is None for c in rows[-1]):
            rows.pop()
        while len(rows) <= last_formula_row:  # formula cells without a value may lie past what calamine returns
            rows.append([])
        wb.sheets.append(Sheet(name, meta.name, rows, hidden, cells_with_formulas))
    return wb


_CELL_XML = re.compile(rb"<c\b([^>]*)>(.*?)</c>", re.DOTALL)
_REF = re.compile(rb'\br="([A-Z]+)([0-9]+)"')


def _cell_index(letters: bytes, digits: bytes) -> tuple[int, int]:
    col = 0
    for ch in letters:
        col = col * 26 + (ch - 64)
    return int(digits) - 1, col - 1


def inspect_xlsx(data: bytes) -> tuple[str | None, dict[str, set[tuple[int, int]]]]:
    """Look inside an .xlsx zip before reading it: a problem code if it is a zip bomb or broken, and for each
    sheet name the cells holding a formula with no saved result."""
    import zipfile
    from xml.etree import ElementTree

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return "file_damaged", {}
    if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES or any(
        i.compress_size and i.file_size / i.compress_size > MAX_RATIO for i in infos
    ):
        return "file_too_large_unpacked", {}
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names:
        return None, {}
    try:
        ns = {
            "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
            "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            "p": "http://schemas.openxmlformats.org/package/2006/relationships",
        }
        book = ElementTree.fromstring(zf.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target", "") for r in rels.findall("p:Relationship", ns)}
        found: dict[str, set[tuple[int, int]]] = {}
        for sh in book.findall("m:sheets/m:sheet", ns):
            target = targets.get(sh.get(f"{{{ns['r']}}}id"), "")
            path = target.lstrip("/") if target.startswith("/") else "xl/" + target
            if path not in names:
                continue
            cells = set()
            for m in _CELL_XML.finditer(zf.read(path)):
                body = m.group(2)
                if b"<f" in body and (b"<v>" not in body or b"<v></v>" in body):
                    ref = _REF.search(m.group(1))
                    if ref:
                        cells.add(_cell_index(ref.group(1), ref.group(2)))
            if cells:
                found[sh.get("name")] = cells
        return None, found
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile):
        return None, {}  # unusual packaging: calamine will say whether it can read the cells


YEAR_IN_NAME = re.compile(r"(?<!\d)(19[89]\d|20\d\d)(?!\d)")


def year_in_name(text: str) -> int | None:
    """A single four-digit year in a sheet or file name (2015年, 示例市_2016 …), or None if none or several."""
    years = set(YEAR_IN_NAME.findall(text))
    return int(years.pop()) if len(years) == 1 else None
