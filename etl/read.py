"""Read .xlsx / .xls / .csv files into sheets of raw cells, with cell positions kept for messages."""

from __future__ import annotations

import csv
import functools
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
# rows × columns of a sheet's used range: more is refused before any cell is read (a 3,000 × 60 sheet is 180,000;
# one cell at XFD99999 would make the reader allocate a 99,999 × 16,384 grid, 52 GB).
MAX_CELLS = 5_000_000
# An .xlsx is a zip: refuse before reading when it would unpack to more than this (a real 3,000-row sheet
# unpacks to a few MB), or when a part packs more than MAX_RATIO times (the mark of a zip bomb).
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
MAX_RATIO = 1000
# A file larger than this is refused before it is read (uploads stop at 20 MB; a sheet at the limits above fits).
MAX_FILE_BYTES = 100 * 1024 * 1024
# A CSV field longer than Excel's own cell limit (32,767 characters) is refused where it is met: no sheet holds one.
MAX_FIELD_CHARS = 32_767
# Distinct strings an .xlsx's shared-strings table may hold: no workbook within the limits needs more, and the
# reader builds them all (10 million took 767 MB) before any sheet is read.
MAX_SHARED_STRINGS = MAX_CELLS
# XML parts parsed whole (workbook.xml, .docx document.xml) may nest this deep: Word's tables in text boxes need
# tens; a million nested elements took 436 MB in workbook.xml and hung the report reader (quadratic walk).
MAX_XML_DEPTH = 200


class XmlTooDeep(ValueError):
    """An XML part nested deeper than MAX_XML_DEPTH: refused before its tree is built further."""


def parse_xml(xml: bytes, max_depth: int = MAX_XML_DEPTH):
    """The root Element of `xml`, built in 1 MB pieces and left as soon as it nests deeper than `max_depth`
    (XmlTooDeep); ElementTree.ParseError for broken XML, as ElementTree.fromstring."""
    from xml.etree import ElementTree

    parser = ElementTree.XMLPullParser(events=("start", "end"))
    depth, root = 0, None
    for at in range(0, max(len(xml), 1), 1 << 20):
        parser.feed(xml[at : at + (1 << 20)])
        for event, el in parser.read_events():
            if event == "start":
                depth += 1
                root = el if root is None else root
                if depth > max_depth:
                    raise XmlTooDeep(str(depth))
            else:
                depth -= 1
    parser.close()
    if root is None:
        raise ElementTree.ParseError("no element")
    return root


@dataclass
class Sheet:
    """One sheet's cells from A1, rows of Python values ('' for empty)."""

    file_name: str
    name: str
    rows: list[list[object]]
    hidden: bool = False
    # (row, col) of formula cells saved without a computed value: calamine reads them as empty
    formula_cells: set[tuple[int, int]] = field(default_factory=set)
    # merged ranges, zero-based and inclusive: (first row, first col, last row, last col); the value sits in the first
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    # a view with rows and columns swapped (a sheet with indicators down the side): cell(r, c) is the original (c, r)
    transposed: bool = False

    def ref(self, row: int, col: int) -> str:
        """The A1 reference of (row, col) in the sheet as the user sees it."""
        return cell_ref(col, row) if self.transposed else cell_ref(row, col)

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


@functools.lru_cache(maxsize=16384)
def col_letter(col: int) -> str:
    """0 → A, 25 → Z, 26 → AA (remembered: every cell of a yearly workbook asks, 150,000 times)."""
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
    head = data[:4096].lstrip().lower()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if b"urn:schemas-microsoft-com:office:spreadsheet" in head and b"<workbook" in head:
        return "xml2003"  # Excel's "XML Spreadsheet 2003", often named .xls
    if head.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml")) or b"<html" in head or b"<table" in head:
        return "html"
    return "text"


def _header_score(text: str) -> int:
    """How many cells of the first lines the catalogue recognises: tells GBK from Big5 when both decode."""
    from etl.catalog import load_catalog

    cat = load_catalog()
    cells = re.split(r"[,\t;|\n]", text[:2000])
    return sum(1 for c in cells if c.strip() and (cat.column_role(c) or cat.match_indicator(c)))


def decode_csv(data: bytes) -> tuple[str, str]:
    """Decode CSV bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK) or Big5,
    whichever yields headers the catalogue knows."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:4096]:  # NULs in text: UTF-16 without its BOM (some export tools), if its headers say so
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text and _header_score(text) > 0:
                return text, enc
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


csv.field_size_limit(MAX_FIELD_CHARS)


class FieldTooLong(ValueError):
    """A CSV field beyond MAX_FIELD_CHARS, on line `line`."""

    def __init__(self, line: int):
        super().__init__(str(line))
        self.line = line


def _lines(text: str):
    """The text's lines with their line ends, one at a time (io.StringIO would copy it four bytes a character)."""
    start, n = 0, len(text)
    while start < n:
        end = text.find("\n", start)
        end = n if end < 0 else end + 1
        yield text[start:end]
        start = end


def _widest_line(text: str, delimiter: str) -> int:
    """Fields in the widest line, counted in place (no list of lines: a 100 MB line is not copied)."""
    widest, start = 0, 0
    while True:
        end = text.find("\n", start)
        widest = max(widest, text.count(delimiter, start, len(text) if end < 0 else end) + 1)
        if end < 0:
            return widest
        start = end + 1


class TooLarge(ValueError):
    """A sheet beyond MAX_ROWS, MAX_COLUMNS or MAX_CELLS: refused before its cells are built."""

    def __init__(self, rows: int, cols: int, at_least: bool = False):
        super().__init__(f"{rows} × {cols}")
        # at_least: the reading stopped once past the limits, so rows × cols is a lower bound, not the extent
        self.rows, self.cols, self.at_least = rows, cols, at_least

    @property
    def range(self) -> str:
        return f"A1:{cell_ref(max(self.rows, 1) - 1, max(self.cols, 1) - 1)}"


def check_extent(rows: int, cols: int, at_least: bool = False) -> None:
    """Raise TooLarge when a used range of `rows` × `cols` is beyond the limits (`at_least`: counted only so far)."""
    if rows > MAX_ROWS or cols > MAX_COLUMNS or rows * cols > MAX_CELLS:
        raise TooLarge(rows, cols, at_least)


def read_csv_text(text: str, file_name: str) -> Sheet:
    """The CSV's cells; TooLarge, before a row list is built, when it has too many lines or fields in a line."""
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    # Bounds from the raw text first (a line of 2,000,000 commas must not become 2,000,000 cells); quoted
    # delimiters can only make these counts larger than the real ones, never smaller.
    n_lines = text.count("\n") + 1
    widest = _widest_line(text, delimiter)
    reader = csv.reader(_lines(text), delimiter=delimiter)
    try:
        if n_lines > MAX_ROWS or widest > MAX_COLUMNS:
            rows_seen: list[list[str]] = []
            for row in reader:  # exact counts, stopping at the first excess
                if len(row) > MAX_COLUMNS or len(rows_seen) >= MAX_ROWS:
                    raise TooLarge(len(rows_seen) + 1, len(row), at_least=True)  # counted up to here
                rows_seen.append(row)
            rows = rows_seen
        else:
            rows = [list(r) for r in reader]
    except csv.Error as err:
        if "field limit" in str(err):
            raise FieldTooLong(reader.line_num) from None
        raise
    check_extent(len(rows), max((len(r) for r in rows), default=0))
    return Sheet(file_name=file_name, name=Path(file_name).stem, rows=rows)


def _html_charset(data: bytes) -> list[str]:
    m = re.search(rb"""charset\s*=\s*["']?([A-Za-z0-9_-]+)""", data[:4096], re.IGNORECASE)
    declared = m.group(1).decode("ascii").lower() if m else ""
    if declared in ("gbk", "gb2312", "gb18030", "x-gbk"):
        declared = "gb18030"  # a superset: offices' systems say gb2312 and write GBK
    return [e for e in (declared, "utf-8", "gb18030", "big5") if e]


def _put(grid: dict[tuple[int, int], object], r: int, c: int, value: object) -> None:
    grid[(r, c)] = value


def _grid_rows(grid: dict[tuple[int, int], object], n_rows: int, n_cols: int) -> list[list[object]]:
    rows = [[""] * n_cols for _ in range(n_rows)]
    for (r, c), v in grid.items():
        rows[r][c] = v
    return rows


def read_html_tables(data: bytes, file_name: str) -> list[Sheet]:
    """An office system's "Excel" export that is an HTML page: each <table> a sheet, colspan/rowspan as merges."""
    import lxml.html

    text = None
    for enc in _html_charset(data):
        try:
            text = data.decode(enc)
            break
        except (UnicodeDecodeError, LookupError):
            continue
    if text is None:
        raise UnicodeDecodeError("utf-8", data[:1], 0, 1, "not UTF-8, GBK or Big5")
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)  # lxml refuses a str with an encoding declaration
    doc = lxml.html.document_fromstring(text)
    sheets = []
    for t_index, table in enumerate(doc.iter("table")):
        if any(anc.tag == "table" for anc in table.iterancestors()):
            continue  # a table inside a cell is part of that cell's text
        grid: dict[tuple[int, int], object] = {}
        taken: set[tuple[int, int]] = set()
        merged = []
        r = 0
        width = 0
        for tr in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
            c = 0
            for td in tr.xpath("./td|./th"):
                while (r, c) in taken:
                    c += 1
                try:
                    cs = max(1, int(td.get("colspan") or 1))
                    rs = max(1, int(td.get("rowspan") or 1))
                except ValueError:
                    cs = rs = 1
                check_extent(r + rs, c + cs, at_least=True)
                _put(grid, r, c, re.sub(r"\s+", " ", td.text_content()).strip())
                for dr in range(rs):
                    for dc in range(cs):
                        taken.add((r + dr, c + dc))
                if cs > 1 or rs > 1:
                    merged.append((r, c, r + rs - 1, c + cs - 1))
                c += cs
            width = max(width, c, max((cc + 1 for rr, cc in taken if rr == r), default=0))
            r += 1
            check_extent(r, width, at_least=True)
        n_rows = max([r] + [rr + 1 for rr, _ in taken])
        if not grid:
            continue
        caption = table.find("caption")
        name = caption.text_content().strip() if caption is not None and caption.text_content().strip() else ""
        sheets.append(Sheet(file_name, name or f"表{t_index + 1}", _grid_rows(grid, n_rows, width), merged=merged))
    return sheets


_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"


def read_xml2003(data: bytes, file_name: str) -> list[Sheet]:
    """Excel's XML Spreadsheet 2003 (often named .xls): worksheets, ss:Index gaps, MergeAcross/MergeDown."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    root = etree.fromstring(data, parser)
    sheets = []
    for ws in root.iter(f"{_SS}Worksheet"):
        grid: dict[tuple[int, int], object] = {}
        merged = []
        hidden = False
        opts = ws.find("{urn:schemas-microsoft-com:office:excel}WorksheetOptions")
        if opts is not None and opts.find("{urn:schemas-microsoft-com:office:excel}Visible") is not None:
            hidden = True
        r = -1
        n_rows = width = 0
        for row in ws.iter(f"{_SS}Row"):
            r = int(row.get(f"{_SS}Index", r + 2)) - 1
            c = -1
            for cell in row.iter(f"{_SS}Cell"):
                c = int(cell.get(f"{_SS}Index", c + 2)) - 1
                across = int(cell.get(f"{_SS}MergeAcross", 0))
                down = int(cell.get(f"{_SS}MergeDown", 0))
                check_extent(r + down + 1, c + across + 1, at_least=True)
                d = cell.find(f"{_SS}Data")
                value: object = ""
                if d is not None:
                    txt = "".join(d.itertext())
                    if d.get(f"{_SS}Type") == "Number":
                        try:
                            value = float(txt)
                        except ValueError:
                            value = txt
                    else:
                        value = txt
                grid[(r, c)] = value
                if across or down:
                    merged.append((r, c, r + down, c + across))
                width = max(width, c + across + 1)
                n_rows = max(n_rows, r + down + 1)
                c += across
            check_extent(n_rows, width, at_least=True)
        sheets.append(
            Sheet(
                file_name,
                ws.get(f"{_SS}Name") or f"Sheet{len(sheets) + 1}",
                _grid_rows(grid, n_rows, width),
                hidden,
                merged=merged,
            )
        )
    return sheets


def read_workbook(source: Path | bytes, file_name: str | None = None) -> Workbook:
    """Every sheet of a file as raw cells; problems (in place of a traceback) when the file cannot be read."""
    import hashlib

    name = file_name or ("upload" if isinstance(source, (bytes, bytearray)) else Path(source).name)
    size = len(source) if isinstance(source, (bytes, bytearray)) else Path(source).stat().st_size
    if size > MAX_FILE_BYTES:  # refused unread
        big = Workbook(file_name=name, sha256="")
        params = {"size": f"{size:,}", "limit": MAX_FILE_BYTES // 2**20, "limit_bytes": f"{MAX_FILE_BYTES:,}"}
        big.problems.append(Problem("error", "file_too_big", name, params=params))
        return big
    data = bytes(source) if isinstance(source, (bytes, bytearray)) else Path(source).read_bytes()
    wb = Workbook(file_name=name, sha256=hashlib.sha256(data).hexdigest())
    kind = sniff_format(data)
    ext = Path(name).suffix.lower()

    def fail(code: str, sheet: str | None = None, **params: object) -> Workbook:
        wb.problems.append(Problem("error", code, name, sheet, params=params))
        return wb

    def too_large(err: TooLarge, sheet: str | None) -> Workbook:
        return fail(
            "sheet_too_large_at_least" if err.at_least else "sheet_too_large",
            sheet,
            range=err.range,
            rows=err.rows,
            cols=err.cols,
            max_rows=MAX_ROWS,
            max_cols=MAX_COLUMNS,
            max_cells=MAX_CELLS,
        )

    if ext not in (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".csv", ".txt", ".htm", ".html"):
        return fail("file_extension", ext=ext or "—")
    if kind == "empty":
        return fail("file_empty")
    if kind in ("html", "xml2003"):
        try:
            sheets = read_html_tables(data, name) if kind == "html" else read_xml2003(data, name)
        except TooLarge as err:
            return too_large(err, None)
        except Exception as err:  # lxml and decoding raise several types for broken pages
            return fail("file_damaged", detail=type(err).__name__)
        wb.notes.append(f"format:{kind}")
        if not sheets:
            return fail("file_is_html") if kind == "html" else fail("file_damaged", detail="XML")
        wb.sheets.extend(sheets)
        return wb
    if kind == "ole_encrypted":
        return fail("file_encrypted")
    if kind == "text":
        if ext in (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"):
            wb.notes.append("text_named_as_excel")
        try:
            text, encoding = decode_csv(data)
        except UnicodeDecodeError:
            return fail("csv_encoding")
        if "\x00" in text:
            return fail("csv_nul")
        wb.notes.append(f"encoding:{encoding}")
        try:
            wb.sheets.append(read_csv_text(text, name))
        except TooLarge as err:
            return too_large(err, Path(name).stem)
        except FieldTooLong as err:
            return fail("csv_field_too_long", Path(name).stem, line=err.line, limit=f"{MAX_FIELD_CHARS:,}")
        except csv.Error as err:
            return fail("file_damaged", Path(name).stem, detail=f"CSV: {err}"[:80])
        return wb
    formulas: dict[str, set[tuple[int, int]]] = {}
    extents: dict[str, tuple[int, int]] = {}
    if kind == "xlsx":
        refused, formulas, extents = inspect_xlsx(data)
        if refused:
            limits = {"limit": MAX_UNPACKED_BYTES // (1024 * 1024), "max_strings": f"{MAX_SHARED_STRINGS:,}"}
            return fail(refused, detail="zip", depth=MAX_XML_DEPTH, **limits)
        for sheet_name, (n_rows, n_cols, at_least) in extents.items():
            try:
                check_extent(n_rows, n_cols, at_least)
            except TooLarge as err:
                too_large(err, sheet_name)
        if not extents and ext == ".ods":
            try:
                extents = ods_extents(data)
            except Exception as err:  # a damaged content.xml: lxml raises several types
                return fail("file_damaged", detail=type(err).__name__)
        for sheet_name, (n_rows, n_cols, at_least) in extents.items() if ext == ".ods" else ():
            try:
                check_extent(n_rows, n_cols, at_least)
            except TooLarge as err:
                too_large(err, sheet_name)
        if wb.problems:  # calamine would build the whole grid in memory before any check could run
            return wb
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
            try:
                check_extent(sheet.total_height, sheet.total_width)
            except TooLarge as err:
                too_large(err, meta.name)
                continue
            rows = sheet.to_python(skip_empty_area=False)
            merged = [(a[0], a[1], b[0], b[1]) for a, b in (sheet.merged_cell_ranges or [])]
        except Exception as err:
            wb.problems.append(Problem("error", "file_damaged", name, meta.name, params={"detail": type(err).__name__}))
            continue
        cells_with_formulas = formulas.get(meta.name, set())
        last_formula_row = max((r for r, _ in cells_with_formulas), default=-1)
        while len(rows) > last_formula_row + 1 and all(c == "" or c is None for c in rows[-1]):
            rows.pop()
        while len(rows) <= last_formula_row:  # formula cells without a value may lie past what calamine returns
            rows.append([])
        wb.sheets.append(Sheet(name, meta.name, rows, hidden, cells_with_formulas, merged))
    return wb


_CELL_XML = re.compile(rb"<c\b([^>]*)>(.*?)</c>", re.DOTALL)
_REF = re.compile(rb'\br="([A-Z]+)([0-9]+)"')
_ANY_REF = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3})([0-9]+)"')
_ROW_REF = re.compile(rb'<row\b[^>]*?\br="([0-9]+)"')
_DIMENSION = re.compile(rb'<dimension\b[^>]*?\bref="([^"]+)"')


def _cell_index(letters: bytes, digits: bytes) -> tuple[int, int]:
    col = 0
    for ch in letters:
        col = col * 26 + (ch - 64)
    return int(digits) - 1, col - 1


def _rows_in(xml: bytes) -> int:
    return xml.count(b"<row") - xml.count(b"<rowBreaks") + xml.count(b":row ") + xml.count(b":row>")


def _cells_in(xml: bytes) -> int:
    return xml.count(b"<c ") + xml.count(b"<c>") + xml.count(b":c ") + xml.count(b":c>")


def _count_at_most(stream, tag: bytes, limit: int) -> int:
    """How often `tag` occurs in the stream, read in 4 MB chunks and left once past `limit`."""
    count, tail = 0, b""
    while chunk := stream.read(4 * 1024 * 1024):
        buf = tail + chunk
        count += buf.count(tag) - tail.count(tag)  # a tag split between chunks is counted once
        if count > limit:
            break
        tail = buf[-len(tag) :]
    return count


def _element_extent(stream) -> tuple[int, int]:
    """Rows × columns a sheet's XML needs by its row and cell elements alone (rows and cells may leave out
    their r="…", each then following the one before). Read in chunks and left as soon as it is beyond the limits
    (a 700 KB file can hold ten million rows): then it is what was counted so far, a lower bound."""
    rows = cells = 0
    tail = b""
    while chunk := stream.read(4 * 1024 * 1024):
        buf = tail + chunk
        rows += _rows_in(buf) - _rows_in(tail)  # a tag split between chunks is counted once
        cells += _cells_in(buf) - _cells_in(tail)
        if rows > MAX_ROWS or cells > MAX_CELLS:
            break
        tail = buf[-16:]
    return rows, (-(-cells // rows) if rows else 0)


def _extent(xml: bytes, elements: tuple[int, int] = (0, 0)) -> tuple[int, int]:
    """Rows × columns a sheet's XML spans: its <dimension>, its farthest cell and row, and what its row and cell
    elements need (`elements`), whichever is larger."""
    rows, cols = elements
    dim = _DIMENSION.search(xml)
    if dim:
        last = dim.group(1).split(b":")[-1]
        m = re.fullmatch(rb"\$?([A-Z]{1,3})\$?([0-9]+)", last)
        if m:
            r, c = _cell_index(m.group(1), m.group(2))
            rows, cols = max(rows, r + 1), max(cols, c + 1)
    # Every cell's reference, matched in C; the few distinct column letters are converted once each.
    if refs := _ANY_REF.findall(xml):
        rows = max(rows, max(int(digits) for _, digits in refs))
        cols = max(cols, max(_cell_index(letters, b"1")[1] for letters in {letters for letters, _ in refs}) + 1)
    if row_refs := _ROW_REF.findall(xml):
        rows = max(rows, max(map(int, row_refs)))
    return rows, cols


_ODS_T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
# Row and cell elements an .ods table within the limits can need, styled empty ones (not repeated) included.
_ODS_MAX_ROW_ELEMENTS = MAX_ROWS + 10_000
_ODS_MAX_CELL_ELEMENTS = 20 * MAX_COLUMNS
_ODS_O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def ods_extents(data: bytes) -> dict[str, tuple[int, int, bool]]:
    """Rows × columns each table of an .ods spans up to its last non-empty cell, counting repeated rows and
    cells (LibreOffice writes the empty rest of a sheet as one row repeated a million times: not counted), and
    whether that is only a lower bound.

    The reading stops at the first table beyond the limits, or with more row or cell elements than a sheet
    within them can need (a 1 MB file can unpack to 300 MB of rows): that table's extent is then at least
    what was seen (marked True), and beyond the limits. So the work is bounded by the limits, not by the file."""
    import zipfile

    from lxml import etree

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        if "content.xml" not in zf.namelist():
            return {}
        stream = zf.open("content.xml")
    except (zipfile.BadZipFile, OSError, ValueError):
        return {}
    out: dict[str, tuple[int, int, bool]] = {}
    table = ""
    rows_seen = last_row = last_col = row_elements = col = row_last = cell_elements = row_repeat = 0
    for event, el in etree.iterparse(stream, events=("start", "end"), resolve_entities=False, huge_tree=False):
        if event == "start":
            if el.tag == f"{_ODS_T}table":
                table = el.get(f"{_ODS_T}name") or str(len(out) + 1)
                rows_seen = last_row = last_col = row_elements = 0
            elif el.tag == f"{_ODS_T}table-row":
                col = row_last = cell_elements = 0
                row_repeat = int(el.get(f"{_ODS_T}number-rows-repeated", 1))
            continue
        if el.tag in (f"{_ODS_T}table-cell", f"{_ODS_T}covered-table-cell"):
            n_cols = int(el.get(f"{_ODS_T}number-columns-repeated", 1))
            if el.get(f"{_ODS_O}value-type") or len(el):
                row_last = col + n_cols
            col += n_cols
            cell_elements += 1
            el.clear()
            if cell_elements > _ODS_MAX_CELL_ELEMENTS or row_last > MAX_COLUMNS:
                out[table] = (max(last_row, rows_seen + row_repeat), max(row_last, cell_elements), True)
                return out
        elif el.tag == f"{_ODS_T}table-row":
            n_rows = int(el.get(f"{_ODS_T}number-rows-repeated", 1))
            if row_last:
                last_row, last_col = rows_seen + n_rows, max(last_col, row_last)
            rows_seen += n_rows
            row_elements += 1
            el.clear()
            while el.getprevious() is not None:  # rows already counted: keep memory flat
                del el.getparent()[0]
            if row_elements > _ODS_MAX_ROW_ELEMENTS or last_row > MAX_ROWS or last_row * last_col > MAX_CELLS:
                out[table] = (max(last_row, row_elements), max(last_col, 1), True)
                return out
        elif el.tag == f"{_ODS_T}table":
            out[table] = (last_row, last_col, False)
            el.clear()
    return out


def inspect_xlsx(
    data: bytes,
) -> tuple[str | None, dict[str, set[tuple[int, int]]], dict[str, tuple[int, int, bool]]]:
    """Look inside an .xlsx zip before reading it: a problem code if it is a zip bomb or broken; for each
    sheet name the cells holding a formula with no saved result, and the rows × columns its cells span (with
    True where that is only a lower bound: counting stopped past the limits)."""
    import zipfile
    from xml.etree import ElementTree

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return "file_damaged", {}, {}
    if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES or any(
        i.compress_size and i.file_size / i.compress_size > MAX_RATIO for i in infos
    ):
        return "file_too_large_unpacked", {}, {}
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names:
        return ("file_is_word" if "word/document.xml" in names else None), {}, {}
    for part in names:
        if part.lower().endswith("sharedstrings.xml"):
            with zf.open(part) as stream:
                if _count_at_most(stream, b"<si", MAX_SHARED_STRINGS) > MAX_SHARED_STRINGS:
                    return "shared_strings_too_many", {}, {}
    try:
        ns = {
            "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
            "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            "p": "http://schemas.openxmlformats.org/package/2006/relationships",
        }
        book = parse_xml(zf.read("xl/workbook.xml"))
        rels = parse_xml(zf.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target", "") for r in rels.findall("p:Relationship", ns)}
        found: dict[str, set[tuple[int, int]]] = {}
        extents: dict[str, tuple[int, int, bool]] = {}
        for sh in book.findall("m:sheets/m:sheet", ns):
            target = targets.get(sh.get(f"{{{ns['r']}}}id"), "")
            path = target.lstrip("/") if target.startswith("/") else "xl/" + target
            if path not in names:
                continue
            cells = set()
            with zf.open(path) as stream:
                elements = _element_extent(stream)
            try:
                check_extent(*elements)
            except TooLarge:
                extents[sh.get("name")] = (*elements, True)  # refused for its size: neither read whole nor searched
                continue
            xml = zf.read(path)
            extents[sh.get("name")] = (*_extent(xml, elements), False)
            for m in _CELL_XML.finditer(xml) if b"<f" in xml else ():  # most sheets hold no formula at all
                body = m.group(2)
                if b"<f" in body and (b"<v>" not in body or b"<v></v>" in body):
                    ref = _REF.search(m.group(1))
                    if ref:
                        cells.add(_cell_index(ref.group(1), ref.group(2)))
            if cells:
                found[sh.get("name")] = cells
        return None, found, extents
    except XmlTooDeep:
        return "xml_too_deep", {}, {}
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile):
        return None, {}, {}  # unusual packaging: calamine will say whether it can read the cells


YEAR_IN_NAME = re.compile(r"(?<!\d)(19[89]\d|20\d\d)(?!\d)")


def year_in_name(text: str) -> int | None:
    """A single four-digit year in a sheet or file name (2015年, 示例市_2016 …), or None if none or several."""
    years = set(YEAR_IN_NAME.findall(text))
    return int(years.pop()) if len(years) == 1 else None
