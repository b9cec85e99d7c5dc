"""The Word 分析报告 (analysis report) writer: plain inputs in, a .docx out, with python-docx.

Inputs are plain data, so any producer can feed it (views, the registry, a test): a `Report` of numbered
`Section`s, each a list of blocks — text paragraphs, `Picture`s (PNG bytes with a caption and the sentence that
reads the chart) and `Table`s (a DataFrame of text cells, already in the chart's unit).

Layout as Chinese offices write such reports (GB/T 9704 page and type sizes): A4, margins 3.7 / 3.5 / 2.8 /
2.6 cm; title 黑体 二号 (22 pt); first-level headings 一、二、三 in 黑体 三号 (16 pt); second-level （一）（二） in
楷体 三号; body 仿宋 三号 with a fixed 28 pt line and a two-character first-line indent; tables 宋体 五号
(10.5 pt); page numbers "— 1 —" at the foot. East Asian fonts are set through w:eastAsia on every style (Word
and WPS pick the East Asian font from there, not from w:ascii), Latin text in Times New Roman. The fonts are
named as office PCs have them; where they are missing (a Linux server rendering the PDF), export/pdf.py maps
them to the bundled Noto CJK fonts (NOTO_FALLBACK). Everything stays editable text: headings are Word headings
(they make the navigation pane), tables are Word tables, only charts are pictures.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

# Office font names (Windows: SimHei, FangSong, SimSun, KaiTi; WPS ships the same) and their Noto stand-ins.
HEI, FANGSONG, SONG, KAI = "黑体", "仿宋", "宋体", "楷体"
LATIN = "Times New Roman"
NOTO_FALLBACK = {
    HEI: "Noto Sans CJK SC",
    FANGSONG: "Noto Serif CJK SC",
    SONG: "Noto Serif CJK SC",
    KAI: "Noto Serif CJK SC",
    "SimHei": "Noto Sans CJK SC",
    "FangSong": "Noto Serif CJK SC",
    "SimSun": "Noto Serif CJK SC",
    "KaiTi": "Noto Serif CJK SC",
}
# GB/T 9704 type sizes: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt.
TITLE_PT, HEADING_PT, BODY_PT, CAPTION_PT, TABLE_PT, SMALL_PT = 22, 16, 16, 12, 10.5, 10.5
LINE_PT = 28  # fixed body line: 22 lines on a GB/T 9704 page
MARGINS_CM = {"top": 3.7, "bottom": 3.5, "left": 2.8, "right": 2.6}
A4_CM = (21.0, 29.7)
HEADER_FILL = "DCE6F2"
ZH_NUMERALS = "一二三四五六七八九十"


@dataclass
class Picture:
    """A chart as a PNG, its caption (the chart's title) and the sentence that reads it."""

    png: bytes
    caption: str
    sentence: str = ""
    source: str = ""


@dataclass
class Table:
    """A table of text cells (numbers already formatted in the chart's unit), with a caption and a note."""

    caption: str
    data: pd.DataFrame
    align_right: list[bool] | None = None
    note: str = ""
    bold_rows: list[int] = field(default_factory=list)
    widths: list[float] | None = None  # relative column widths; default: by the longest text in each column


@dataclass
class Subheading:
    text: str


Block = str | Picture | Table | Subheading


@dataclass
class Section:
    """A numbered section (一、二、 …): its heading and its blocks in order."""

    heading: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Report:
    """The whole report: title lines, sections, and the closing note on sources (plain inputs only)."""

    title: str
    subtitle: str = ""  # the federation's name, the meeting
    date: dt.date | None = None
    sections: list[Section] = field(default_factory=list)
    lang: str = "zh"
    author: str = ""
    footnote: str = ""  # over the page number on every page: the snapshot or 定稿 shown, 未审核


def chinese_date(day: dt.date) -> str:
    """2026年12月1日 (no leading zeros, as documents write it)."""
    return f"{day.year}年{day.month}月{day.day}日"


def section_number(i: int, lang: str = "zh") -> str:
    """一、 … 十、 十一、 (zh) or 1. (en) for the i-th section, counting from 1."""
    if lang == "en":
        return f"{i}. "
    if i <= 10:
        return ZH_NUMERALS[i - 1] + "、"
    tens, units = divmod(i, 10)
    return ("" if tens == 1 else ZH_NUMERALS[tens - 1]) + "十" + (ZH_NUMERALS[units - 1] if units else "") + "、"


def sub_number(i: int, lang: str = "zh") -> str:
    """（一） or (1) for the i-th subsection."""
    return f"({i}) " if lang == "en" else f"（{section_number(i)[:-1]}）"


def _set_fonts(rpr_owner, east_asia: str, latin: str = LATIN) -> None:
    """Latin and East Asian fonts on a style or run, dropping theme fonts that would override them."""
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)


def _style(doc, name: str, east_asia: str, size: float, bold: bool = False, latin: str = LATIN):
    st = doc.styles[name]
    st.font.size = Pt(size)
    st.font.bold = bold
    st.font.italic = False
    st.font.color.rgb = RGBColor(0, 0, 0)
    _set_fonts(st.element, east_asia, latin)
    return st


def _setup(doc, lang: str, footnote: str = "") -> None:
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Cm(A4_CM[0]), Cm(A4_CM[1])
    sec.top_margin, sec.bottom_margin = Cm(MARGINS_CM["top"]), Cm(MARGINS_CM["bottom"])
    sec.left_margin, sec.right_margin = Cm(MARGINS_CM["left"]), Cm(MARGINS_CM["right"])
    sec.footer_distance = Cm(2.5)

    normal = _style(doc, "Normal", FANGSONG, BODY_PT)
    pf = normal.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(LINE_PT)
    pf.space_before = pf.space_after = Pt(0)
    # East Asian language of the text (hyphenation, line breaking, the proofing language in Word)
    lang_el = normal.element.get_or_add_rPr().find(qn("w:lang"))
    if lang_el is None:
        lang_el = OxmlElement("w:lang")
        normal.element.get_or_add_rPr().append(lang_el)
    lang_el.set(qn("w:val"), "en-US")
    lang_el.set(qn("w:eastAsia"), "zh-CN")

    title = _style(doc, "Title", HEI, TITLE_PT, latin="Arial")
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(6)
    title.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    ppr = title.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):  # the default template underlines the title
        ppr.remove(border)
    for name, font, latin in (("Heading 1", HEI, "Arial"), ("Heading 2", KAI, LATIN)):
        h = _style(doc, name, font, HEADING_PT, bold=False, latin=latin)
        h.paragraph_format.space_before = Pt(0)
        h.paragraph_format.space_after = Pt(0)
        h.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        h.paragraph_format.line_spacing = Pt(LINE_PT)
        h.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
        h.paragraph_format.keep_with_next = True
    cap = _style(doc, "Caption", HEI, CAPTION_PT, bold=False, latin="Arial")
    cap.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cap.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    cap.paragraph_format.space_before = Pt(3)
    cap.paragraph_format.space_after = Pt(6)
    _footer_page_number(sec, footnote)


def _footer_page_number(sec, footnote: str = "") -> None:
    """— 1 — centred at the foot of every page (a PAGE field, so Word renumbers it), under the footnote if any."""
    p = sec.footer.paragraphs[0]
    if footnote:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        note = p.add_run(footnote)
        note.font.size = Pt(SMALL_PT)
        _set_fonts(note._r, SONG)
        p = sec.footer.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("— ")
    run = p.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)
    p.add_run(" —")
    for r in p.runs:
        r.font.size = Pt(14)
        _set_fonts(r._r, SONG)


def _body(doc, text: str, indent: bool = True, size: float | None = None):
    p = doc.add_paragraph(text)
    if indent:
        p.paragraph_format.first_line_indent = Pt((size or BODY_PT) * 2)
    if size:
        for r in p.runs:
            r.font.size = Pt(size)
    return p


@lru_cache(maxsize=16)
def _cell_parts(right: bool, bold: bool, fill: str | None):
    """The cell-properties fill, paragraph properties and run properties of a table cell of one kind, built once
    per process through python-docx and copied into every cell of the kind (a 60-row table in a few ms instead of a
    second). The elements are never changed, only copied."""
    doc = Document()
    cell = doc.add_table(rows=1, cols=1).rows[0].cells[0]
    p = cell.paragraphs[0]
    p.paragraph_format.first_line_indent = Pt(0)
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT if right else WD_ALIGN_PARAGRAPH.LEFT
    run = p.add_run("")
    run.font.size = Pt(TABLE_PT)
    run.font.bold = bold
    _set_fonts(run._r, HEI if bold else SONG)
    shd = None
    if fill:
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), fill)
    return shd, p._p.pPr, run._r.rPr


def _fill_cell(tc, text: str, width: int, parts) -> None:
    """One cell (`tc`, as python-docx made it: tcPr with its width, one empty paragraph) given its text."""
    shd, ppr, rpr = parts
    tc_pr = tc.get_or_add_tcPr()
    tc_w = tc_pr.get_or_add_tcW()
    tc_w.type, tc_w.w = "dxa", width
    if shd is not None:
        tc_pr.append(copy.deepcopy(shd))
    p = tc.p_lst[0]
    p.insert(0, copy.deepcopy(ppr))
    r = OxmlElement("w:r")
    r.append(copy.deepcopy(rpr))
    t = OxmlElement("w:t")
    t.text = text
    if text != text.strip():
        t.set(qn("xml:space"), "preserve")
    r.append(t)
    p.append(r)


# Width of a Latin character or digit in half-ems: 1.0 in Times New Roman; 1.4 leaves room for DejaVu Serif,
# which LibreOffice takes where Times New Roman is missing (digits 0.64 em wide).
LATIN_HALF_EMS = 1.4


def text_width(text: str) -> float:
    """Width of a text in half-em units: a CJK character or a full-width sign counts 2, anything else 1.4."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else LATIN_HALF_EMS for ch in text)


def _longest_unbreakable(text: str) -> float:
    """Width (half-ems) of the longest piece a line cannot break inside: a word, or one CJK character."""
    longest = run = 0.0
    for ch in text + " ":
        if ch.isspace() or unicodedata.east_asian_width(ch) in "WF":
            longest = max(longest, run, 2 if not ch.isspace() else 0)
            run = 0.0
        else:
            run += LATIN_HALF_EMS
    return longest


def column_widths(data: pd.DataFrame, total_cm: float, right: list[bool] | None = None) -> list[float]:
    """Column widths in cm filling `total_cm`, as a browser's table layout does: every column gets at least its
    longest unbreakable piece (number columns, right-aligned, their longest figure with its unit, so figures never
    wrap), and the room left goes to the columns in proportion to what they would need on one line."""
    right = right or [False] + [True] * (data.shape[1] - 1)
    half_em_cm = TABLE_PT / 2 / 28.35
    pad = 0.5  # the cell's left and right padding, cm
    natural, minimum = [], []
    for col, is_number in zip(data.columns, right, strict=True):
        texts = [str(v) for v in data[col].tolist()]
        full = max([text_width(x) for x in texts] + [text_width(str(col)) / 2, 2])
        piece = max([_longest_unbreakable(x) for x in [*texts, str(col)]] + [2])
        # a figure with its unit (3,150.5万元) stays on one line; "27,038 person-times" may break at its space
        token = max([text_width(w) for x in texts for w in x.split()] + [2])
        natural.append(full * half_em_cm + pad)
        minimum.append((max(token, piece) if is_number else piece) * half_em_cm + pad)
    if sum(natural) <= total_cm:  # everything fits on one line: share the rest out alike
        extra = (total_cm - sum(natural)) / len(natural)
        return [n + extra for n in natural]
    if sum(minimum) >= total_cm:  # not even the minimum fits: shrink the minimums alike
        return [m * total_cm / sum(minimum) for m in minimum]
    room = total_cm - sum(minimum)
    want = [n - m for n, m in zip(natural, minimum, strict=True)]
    return [m + room * w / sum(want) for m, w in zip(minimum, want, strict=True)]


def _table(doc, t: Table, number: int, lang: str, width_cm: float) -> None:
    label = f"表{number} " if lang != "en" else f"Table {number}. "
    doc.add_paragraph(label + t.caption, style="Caption").paragraph_format.keep_with_next = True
    data = t.data
    cols = [str(c) for c in data.columns]
    right = t.align_right or [False] + [True] * (len(cols) - 1)
    table = doc.add_table(rows=1, cols=len(cols))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    if t.widths:
        widths = [width_cm * x / sum(t.widths) for x in t.widths]
    else:
        widths = column_widths(data, width_cm, right)
    for _ in range(len(data)):
        table.add_row()
    header = table.rows[0]
    tr_pr = header._tr.get_or_add_trPr()  # the header row repeats on every page the table spans
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    twips = [Cm(w).twips for w in widths]  # Word reads the cells' widths, LibreOffice the grid's
    for col, w in zip(table.columns, widths, strict=True):
        col.width = Cm(w)
    rows = table._tbl.tr_lst
    for tc, name, r, w in zip(rows[0].tc_lst, cols, right, twips, strict=True):
        _fill_cell(tc, name, w, _cell_parts(r, True, HEADER_FILL))
    for i, (tr, row) in enumerate(zip(rows[1:], data.itertuples(index=False), strict=True)):
        for tc, value, r, w in zip(tr.tc_lst, row, right, twips, strict=True):
            empty = value is None or (isinstance(value, float) and pd.isna(value))
            _fill_cell(tc, "" if empty else str(value), w, _cell_parts(r, i in t.bold_rows, None))
    if t.note:
        p = _body(doc, t.note, indent=False, size=SMALL_PT)
        p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        p.paragraph_format.space_after = Pt(6)
    else:
        doc.add_paragraph().paragraph_format.line_spacing = Pt(10)


def _picture(doc, pic: Picture, number: int, lang: str, width_cm: float) -> None:
    doc.add_picture(io.BytesIO(pic.png), width=Cm(width_cm))
    holder = doc.paragraphs[-1]
    holder.alignment = WD_ALIGN_PARAGRAPH.CENTER
    holder.paragraph_format.first_line_indent = Pt(0)
    holder.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    holder.paragraph_format.keep_with_next = True
    label = f"图{number} " if lang != "en" else f"Figure {number}. "
    doc.add_paragraph(label + pic.caption, style="Caption")
    if pic.sentence:
        _body(doc, pic.sentence)


def report_docx(report: Report) -> bytes:
    """The report as .docx bytes."""
    doc = Document()
    lang = report.lang
    _setup(doc, lang, report.footnote)
    props = doc.core_properties
    props.title = report.title
    props.author = report.author or report.subtitle
    props.language = "en-US" if lang == "en" else "zh-CN"
    if report.date:
        props.created = dt.datetime.combine(report.date, dt.time(0, 0))

    doc.add_paragraph(report.title, style="Title")
    for line in (report.subtitle, chinese_date(report.date) if report.date and lang != "en" else None):
        if line:
            p = doc.add_paragraph(line)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for r in p.runs:
                _set_fonts(r._r, KAI)
    if report.date and lang == "en":
        p = doc.add_paragraph(f"{report.date:%d %B %Y}".lstrip("0"))
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph()

    width = A4_CM[0] - MARGINS_CM["left"] - MARGINS_CM["right"]
    figures = tables = 0
    for i, sec in enumerate(report.sections, start=1):
        doc.add_heading(section_number(i, lang) + sec.heading, level=1)
        sub = 0
        for block in sec.blocks:
            if isinstance(block, Subheading):
                sub += 1
                doc.add_heading(sub_number(sub, lang) + block.text, level=2)
            elif isinstance(block, Picture):
                figures += 1
                _picture(doc, block, figures, lang, width)
            elif isinstance(block, Table):
                tables += 1
                _table(doc, block, tables, lang, width)
            elif block:
                _body(doc, str(block))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
