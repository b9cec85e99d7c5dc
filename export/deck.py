"""PowerPoint decks (python-pptx): a title slide, then one chart or table per slide, 16:9.

Charts are NATIVE PowerPoint charts (the numbers travel inside the file as an embedded workbook, so a staff
member can restyle or correct them in PowerPoint): clustered columns for rankings with the target as its own
line series, lines for trends. Tables (headline figures, rankings, the districts × years grid) are native tables.
`pictures=True` puts the PNG of each chart on its slide instead. Every slide carries its source line, and the
speaker notes repeat it.

Slides are drawn on the blank layout with our own text boxes: the default template is 4:3, and widening it to
16:9 leaves its title placeholders where the 4:3 layout put them.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import math
from collections.abc import Iterable

import duckdb
import pandas as pd
from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_MARKER_STYLE,
    XL_TICK_LABEL_POSITION,
)
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from export.cache import cached_runner, store_key
from export.images import images_available, view_png
from texts import t
from views import named
from views.catalog import get_chart, presets
from views.context import Context, _lang, resolve
from views.marks import snapshot_words
from views.spec import ChartSpec, Series, is_dark
from views.view import View

SLIDE_W, SLIDE_H = Emu(12_192_000), Emu(6_858_000)  # 16:9, exactly PowerPoint's "Widescreen" (13.333 × 7.5 in)
MARGIN = Inches(0.5)
CONTENT_TOP, CONTENT_BOTTOM = Inches(1.45), Inches(6.85)
FONT = "Microsoft YaHei"  # Latin and East Asian text; PowerPoint and LibreOffice fall back to a CJK font if absent
INK, GREY, ACCENT, SAMPLE = "222222", "666666", "0072B2", "E69F00"
GRID = "E3E3E3"
ALT_ROW = "F2F6FA"
TABLE_ROWS_PER_SLIDE = 20  # more rows than this continue on the next slide, so the text stays ≥ 11 pt
BLANK_LAYOUT = 6


def preset_views(ctx: Context, preset: str) -> list[View]:
    """The views of a preset (charts.csv's `presets` column) for the context, leaving out those without any
    figure that year (or with nothing to compare) and naming them on a last slide; the city's figures of other
    periods up to that year follow as a table."""
    views = [get_chart(name).build(ctx) for name in presets()[preset].charts]
    kept = [v for v in views if v.has_data]
    others = named.other_figures(ctx, sources=False)  # the slide footer names the source
    if others.has_data:  # multi-year, each-year, part-year figures: their own table, never in an annual chart
        kept.append(others)
    missing = [v.title for v in views if not v.has_data]
    if missing:  # say what is left out and why, rather than leave the reader to wonder
        kept.append(named.left_out(ctx, missing))
    return kept


def preset_deck(
    con: duckdb.DuckDBPyConnection,
    preset: str = "annual",
    city: str | None = None,
    year: int | None = None,
    lang: str = "zh",
    pictures: bool = False,
    exported: dt.date | None = None,
) -> bytes:
    """The preset's deck as .pptx bytes (default: the first city with data, its latest year), laid out as a
    meeting paper by export/meeting.py (title, 目录, sections, conclusion titles)."""
    query = cached_runner(con)  # each query once per store version, shared with the report (export/cache.py)
    city, year = resolve(query, city, year)
    # the snapshot the connection shows (--as-of), in words, as Context.of gives it: on the title slide and footers
    ctx = Context(query, city, year, _lang(lang), version=store_key(con) or "", snapshot=snapshot_words(con, lang))
    from export.meeting import meeting_deck  # the preset as a meeting paper: sections, conclusion titles

    return meeting_deck(ctx, preset, pictures=pictures, today=exported)


def preset_chart_deck(
    con: duckdb.DuckDBPyConnection,
    preset: str = "annual",
    city: str | None = None,
    year: int | None = None,
    lang: str = "zh",
    pictures: bool = False,
    exported: dt.date | None = None,
) -> bytes:
    """The preset's charts one per slide after a title slide, as a basket deck is laid out (no sections)."""
    ctx = Context.of(con, city or "", year or 0, lang)
    city, year = resolve(ctx.run, city, year)
    ctx = Context.of(con, city, year, lang)
    return build_deck(
        preset_views(ctx, preset),
        t("deck_title", lang, city=ctx.city_label),
        f"{t(presets()[preset].title_key, lang)} · {t('deck_subtitle', lang, city=ctx.city_label, year=year)}",
        lang,
        pictures=pictures,
        sample=ctx.is_sample,
        exported=exported,
    )


# The deck ---------------------------------------------------------------------------------------------------


def build_deck(
    items: Iterable[View],
    title: str,
    subtitle: str,
    lang: str = "zh",
    pictures: bool = False,
    *,
    sample: bool = False,
    exported: dt.date | None = None,
) -> bytes:
    """A 16:9 deck as .pptx bytes: a title slide, then each item on its own slide(s).

    Charts are native (editable) PowerPoint charts unless `pictures` is set; tables are always native. A view
    whose shape has no native equivalent (no spec) goes in as a picture, or as a table where images cannot be
    made here.
    """
    day = (exported or dt.date.today()).isoformat()
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    _title_slide(prs, title, subtitle, lang, sample, day)
    pages: list[tuple[View, ChartSpec | None, pd.DataFrame | None, int]] = []
    for item in items:
        spec = item.spec
        if spec is not None and spec.kind == "table" and spec.table is not None and len(spec.table):
            chunks = range(0, len(spec.table), TABLE_ROWS_PER_SLIDE)
            for n, start in enumerate(chunks):
                pages.append((item, spec, spec.table.iloc[start : start + TABLE_ROWS_PER_SLIDE], n))
        else:
            pages.append((item, spec, None, 0))
    total = len(pages) + 1
    for number, (item, spec, rows, part) in enumerate(pages, start=2):
        slide = prs.slides.add_slide(prs.slide_layouts[BLANK_LAYOUT])
        if spec is not None and spec.kind == "table":
            _header(
                slide,
                spec.title + (f"（{part + 1}）" if part and lang == "zh" else f" ({part + 1})" if part else ""),
                spec.subtitle,
            )
            _table(slide, spec, rows, part * TABLE_ROWS_PER_SLIDE)
            _footer(slide, spec.source, day, number, total, lang)
            _notes(slide, spec, day, lang)
        elif spec is not None and not pictures:
            _header(slide, spec.title, spec.subtitle)
            _chart(slide, spec, lang)
            _footer(slide, spec.source, day, number, total, lang)
            _notes(slide, spec, day, lang)
        elif item.figure is not None and images_available():
            png = view_png(item, lang=lang, exported=dt.date.fromisoformat(day))
            # The picture carries its title, subtitle, source and date; it fills the slide (both are 16:9).
            width = SLIDE_W - 2 * Inches(0.3)
            slide.shapes.add_picture(io.BytesIO(png), Inches(0.3), (SLIDE_H - width * 9 // 16) // 2, width=width)
            _page_number(slide, number, total)
            _notes(slide, spec or ChartSpec("table", item.title, item.subtitle, item.source), day, lang)
        else:  # no native shape and no images here: the numbers as a table
            fallback = _data_spec(item)
            _header(slide, fallback.title, fallback.subtitle)
            _table(slide, fallback, fallback.table.iloc[:TABLE_ROWS_PER_SLIDE], 0)
            _footer(slide, fallback.source, day, number, total, lang)
            _notes(slide, fallback, day, lang)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def _data_spec(item: View) -> ChartSpec:
    data = item.data if item.data is not None else pd.DataFrame()
    shown = (
        data.map(lambda v: "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v)) if len(data) else data
    )
    return ChartSpec("table", item.title, item.subtitle, item.source, table=shown)


# Slide parts ------------------------------------------------------------------------------------------------


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def _style_font(font, size: float | None = None, bold: bool | None = None, colour: str | None = None) -> None:
    font.name = FONT
    if size:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if colour:
        font.color.rgb = _rgb(colour)
    # python-pptx sets only the Latin typeface; Chinese text takes the East Asian one.
    rpr = font._rPr  # noqa: SLF001 (no public API for <a:ea>)
    for tag in ("a:ea", "a:cs"):
        el = rpr.find(qn(tag))
        if el is None:
            el = etree.SubElement(rpr, qn(tag))
        el.set("typeface", FONT)


def _textbox(slide, left, top, width, height, words: str, size: float, colour: str = INK, bold: bool = False,
             align=PP_ALIGN.LEFT, anchor=MSO_ANCHOR.TOP, wrap: bool = True):  # fmt: skip
    box = slide.shapes.add_textbox(left, top, width, height)
    tf = box.text_frame
    tf.word_wrap = wrap
    tf.vertical_anchor = anchor
    tf.margin_left = tf.margin_right = Inches(0.02)
    tf.margin_top = tf.margin_bottom = Inches(0.02)
    for n, line in enumerate(words.split("\n")):
        p = tf.paragraphs[0] if n == 0 else tf.add_paragraph()
        p.alignment = align
        run = p.add_run()
        run.text = line
        _style_font(run.font, size, bold, colour)
    return box


def _accent(slide) -> None:
    bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, SLIDE_W, Inches(0.09))
    bar.fill.solid()
    bar.fill.fore_color.rgb = _rgb(ACCENT)
    bar.line.fill.background()


def _header(slide, title: str, subtitle: str) -> None:
    _accent(slide)
    _textbox(slide, MARGIN, Inches(0.3), SLIDE_W - 2 * MARGIN, Inches(0.62), title, 26, INK, True,
             anchor=MSO_ANCHOR.MIDDLE)  # fmt: skip
    if subtitle:
        _textbox(slide, MARGIN, Inches(0.92), SLIDE_W - 2 * MARGIN, Inches(0.4), subtitle, 15, GREY)


def _footer(slide, source: str, day: str, number: int, total: int, lang: str) -> None:
    top = Inches(6.98)
    _textbox(slide, MARGIN, top, Inches(10.3), Inches(0.4), source, 10.5, GREY, anchor=MSO_ANCHOR.MIDDLE)
    _textbox(slide, SLIDE_W - MARGIN - Inches(2.4), top, Inches(2.4), Inches(0.4),
             f"{t('exported', lang, date=day)}   {t('slide_of', lang, n=number, m=total)}", 10.5, GREY,
             align=PP_ALIGN.RIGHT, anchor=MSO_ANCHOR.MIDDLE)  # fmt: skip


def _page_number(slide, number: int, total: int) -> None:
    _textbox(slide, SLIDE_W - Inches(1.3), Inches(7.1), Inches(1.0), Inches(0.3), f"{number} / {total}", 10, GREY,
             align=PP_ALIGN.RIGHT)  # fmt: skip


def _notes(slide, spec: ChartSpec, day: str, lang: str) -> None:
    lines = [spec.title, spec.subtitle, t("notes_source", lang, source=spec.source or "—"),
             t("exported", lang, date=day), spec.notes]  # fmt: skip
    slide.notes_slide.notes_text_frame.text = "\n".join(x for x in lines if x)


def _title_slide(prs, title: str, subtitle: str, lang: str, sample: bool, day: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[BLANK_LAYOUT])
    band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, Inches(0.35), SLIDE_H)
    band.fill.solid()
    band.fill.fore_color.rgb = _rgb(ACCENT)
    band.line.fill.background()
    left, width = Inches(1.1), SLIDE_W - Inches(2.2)
    _textbox(slide, left, Inches(2.3), width, Inches(1.3), title, 40, INK, True, anchor=MSO_ANCHOR.BOTTOM)
    _textbox(slide, left, Inches(3.75), width, Inches(0.7), subtitle, 22, GREY)
    _textbox(slide, left, Inches(4.5), width, Inches(0.5), t("exported", lang, date=day), 16, GREY)
    if sample:
        badge = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, left, Inches(5.3), Inches(1.9), Inches(0.5))
        badge.fill.solid()
        badge.fill.fore_color.rgb = _rgb(SAMPLE)
        badge.line.fill.background()
        tf = badge.text_frame
        tf.text = t("sample_badge", lang)
        _style_font(tf.paragraphs[0].runs[0].font, 16, True, "FFFFFF")
        tf.paragraphs[0].alignment = PP_ALIGN.CENTER
    slide.notes_slide.notes_text_frame.text = "\n".join(
        [title, subtitle, t("exported", lang, date=day)] + ([t("sample_badge", lang)] if sample else [])
    )


# Native charts ----------------------------------------------------------------------------------------------


def _chart(slide, spec: ChartSpec, lang: str) -> None:
    data = CategoryChartData(number_format=spec.number_format)
    data.categories = spec.categories
    series = list(spec.series) + ([spec.target] if spec.target else [])
    for s in series:
        data.add_series(s.name, s.values)
    kind = {
        "bar": XL_CHART_TYPE.COLUMN_CLUSTERED,
        "hbar": XL_CHART_TYPE.BAR_CLUSTERED,
        "line": XL_CHART_TYPE.LINE_MARKERS,
    }[spec.kind]
    custom_legend = bool(spec.legend)
    top = CONTENT_TOP + (Inches(0.35) if custom_legend else 0)
    frame = slide.shapes.add_chart(kind, MARGIN, top, SLIDE_W - 2 * MARGIN, CONTENT_BOTTOM - top, data)
    chart = frame.chart
    if spec.target is not None and spec.kind == "bar":
        _target_as_line(chart)
    _style_chart(chart, spec, custom_legend, CONTENT_BOTTOM - top)
    if custom_legend:
        _legend_box(slide, spec)


def _target_as_line(chart) -> None:
    """Move the last series (the target) out of the column chart into a line chart on the same axes."""
    plot_area = chart._chartSpace.chart.plotArea  # noqa: SLF001 (python-pptx has no combo charts)
    bar = plot_area.find(qn("c:barChart"))
    ser = bar.findall(qn("c:ser"))[-1]
    ax_ids = [el.get("val") for el in bar.findall(qn("c:axId"))]
    line = etree.SubElement(plot_area, qn("c:lineChart"))
    bar.addnext(line)
    etree.SubElement(line, qn("c:grouping")).set("val", "standard")
    etree.SubElement(line, qn("c:varyColors")).set("val", "0")
    bar.remove(ser)
    for tag in ("c:invertIfNegative", "c:pictureOptions", "c:shape"):  # not allowed in a line series
        for el in ser.findall(qn(tag)):
            ser.remove(el)
    anchor = ser.find(qn("c:spPr")) if ser.find(qn("c:spPr")) is not None else ser.find(qn("c:tx"))
    marker = etree.Element(qn("c:marker"))
    etree.SubElement(marker, qn("c:symbol")).set("val", "none")
    anchor.addnext(marker)
    etree.SubElement(ser, qn("c:smooth")).set("val", "0")
    line.append(ser)
    etree.SubElement(line, qn("c:marker")).set("val", "1")
    for ax in ax_ids:
        etree.SubElement(line, qn("c:axId")).set("val", ax)


def axis_bounds(values: list[float]) -> tuple[float, float]:
    """A value axis that frames `values` on round steps (about five of them): 57.7–96.7 → (50, 100); 0 stays 0."""
    low, high = min(values), max(values)
    span = (high - low) or abs(high) or 1.0
    raw = span / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    bottom = math.floor(low / step) * step
    top = math.ceil(high / step) * step
    if low == high:
        bottom -= 2 * step  # a flat line sits inside the frame, not on its floor
    if low >= 0 > bottom:
        bottom = 0.0
    if top == high:
        top += step  # room for the labels above the highest point
    return float(bottom), float(top)


def _all_series(chart) -> list:
    return [s for plot in chart.plots for s in plot.series]


def _style_chart(chart, spec: ChartSpec, custom_legend: bool, chart_height: int) -> None:
    chart.font.size = Pt(12)
    chart.font.name = FONT
    chart.font.color.rgb = _rgb(INK)
    chart.has_title = False
    many = len(spec.categories) > 24
    if spec.kind in ("bar", "hbar"):
        chart.plots[0].gap_width = 60 if len(spec.series) == 1 else 80
        if len(spec.series) > 1:
            chart.plots[0].overlap = -5
    value_axis, category_axis = chart.value_axis, chart.category_axis
    value_axis.has_major_gridlines = True
    value_axis.major_gridlines.format.line.color.rgb = _rgb(GRID)
    value_axis.format.line.fill.background()
    value_axis.tick_labels.number_format = spec.number_format
    value_axis.tick_labels.number_format_is_linked = False
    value_axis.tick_labels.font.size = Pt(12)
    shown_values = [v for s in spec.series for v in s.values if v is not None]
    if spec.kind in ("bar", "hbar") and min(shown_values, default=0) >= 0:
        value_axis.minimum_scale = 0  # bars start at zero, as on screen (changes below zero keep their own floor)
    if spec.unit.strip() == "%" and shown_values and max(shown_values) <= 100:
        value_axis.maximum_scale = 100  # a rate axis ends at 100 %, not at PowerPoint's rounded-up 120 %
    if spec.kind == "line" and shown_values:
        low, high = axis_bounds(
            shown_values + [v for v in (spec.target.values if spec.target else []) if v is not None]
        )
        value_axis.minimum_scale = low  # lines start near their data, as on screen, not at zero
        if spec.unit.strip() != "%" or high < 100:
            value_axis.maximum_scale = high
    if spec.unit and spec.unit != "%":
        value_axis.has_title = True
        value_axis.axis_title.text_frame.text = spec.unit
        _style_font(value_axis.axis_title.text_frame.paragraphs[0].runs[0].font, 12, False, GREY)
    category_axis.tick_labels.font.size = Pt(category_font_size(spec, chart_height))
    category_axis.format.line.color.rgb = _rgb("BBBBBB")
    _every_category_labelled(category_axis)
    if spec.kind == "hbar":
        _first_category_on_top(category_axis, value_axis)
    for s, shown in zip(_all_series(chart), list(spec.series) + ([spec.target] if spec.target else []), strict=True):
        _style_series(s, shown, spec, many)
    chart.has_legend = not custom_legend and (len(spec.series) > 1 or spec.target is not None)
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(12)


def category_font_size(spec: ChartSpec, chart_height: int) -> float:
    """The category labels' size in points: 12 pt where they have room; on a horizontal bar chart each label
    gets its row of the plot (about 80 % of the chart's height) and at most 80 % of that row (a CJK line needs 1.25 × its size), never under 7 pt,
    so 16 districts stay at 12 pt and 40 indicators shrink rather than lose every second name."""
    n = max(len(spec.categories), 1)
    if spec.kind != "hbar":
        return 10.0 if n > 24 else 12.0
    row_pt = chart_height / 12_700 * 0.8 / n  # EMU → pt
    return float(max(7, min(12, math.floor(row_pt * 0.8 * 2) / 2)))


def _every_category_labelled(axis) -> None:
    """Name every category: LibreOffice otherwise drops every second label once they are close (PowerPoint and WPS
    shrink them). c:tickLblSkip and c:tickMarkSkip = 1, in their schema place (before c:noMultiLvlLbl)."""
    ax = axis._element  # noqa: SLF001 (python-pptx has no API for the skips)
    for tag in ("c:tickLblSkip", "c:tickMarkSkip"):
        for el in ax.findall(qn(tag)):
            ax.remove(el)
    anchor = ax.find(qn("c:noMultiLvlLbl"))
    for tag in ("c:tickLblSkip", "c:tickMarkSkip"):
        el = etree.Element(qn(tag))
        el.set("val", "1")
        if anchor is not None:
            anchor.addprevious(el)
        else:
            ax.append(el)


def _first_category_on_top(axis, value_axis) -> None:
    """A horizontal bar chart reads top-down like the screen: the first category on top (c:orientation maxMin on the
    category axis), the value axis still along the bottom (c:crosses max in c:valAx: it meets the category axis at
    its last category, which maxMin puts at the bottom) and the names at the left edge even where bars go below
    zero (c:tickLblPos low). PowerPoint, WPS and LibreOffice read these three the same way."""
    axis.reverse_order = True
    # python-pptx's `crosses` exists on the value axis only and writes the category axis's element (where the
    # category axis meets the values); the value axis's own crossing is written here.
    val_ax = value_axis._element  # noqa: SLF001
    crosses = val_ax.find(qn("c:crosses"))
    if crosses is None:
        for el in val_ax.findall(qn("c:crossesAt")):
            val_ax.remove(el)
        crosses = etree.Element(qn("c:crosses"))
        val_ax.find(qn("c:crossAx")).addnext(crosses)
    crosses.set("val", "max")
    axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW


def _style_series(s, shown: Series, spec: ChartSpec, many: bool) -> None:
    is_bar = s.__class__.__name__ in ("BarSeries",)
    if is_bar:
        fill = s.format.fill
        fill.solid()
        fill.fore_color.rgb = _rgb(shown.color or ACCENT)
        s.invert_if_negative = False
        if shown.point_colors:
            for i, colour in enumerate(shown.point_colors):
                if colour and colour != (shown.color or ACCENT):
                    point = s.points[i].format.fill
                    point.solid()
                    point.fore_color.rgb = _rgb(colour)
    else:
        line = s.format.line
        if shown.markers_only:
            line.fill.background()
            s.marker.style = XL_MARKER_STYLE.DASH
            s.marker.size = 24 if len(spec.categories) <= 20 else 12
            s.marker.format.fill.solid()
            s.marker.format.fill.fore_color.rgb = _rgb(shown.color or ACCENT)
            s.marker.format.line.color.rgb = _rgb(shown.color or ACCENT)
        else:
            line.color.rgb = _rgb(shown.color or ACCENT)
            line.width = Pt(shown.width_pt)
            if shown.dashed:
                line.dash_style = MSO_LINE_DASH_STYLE.DASH
            if spec.target is shown or shown.dashed:
                s.marker.style = XL_MARKER_STYLE.NONE
            else:
                s.marker.style = XL_MARKER_STYLE.CIRCLE
                s.marker.size = 7
                s.marker.format.fill.solid()
                s.marker.format.fill.fore_color.rgb = _rgb(shown.color or ACCENT)
                s.marker.format.line.color.rgb = _rgb(shown.color or ACCENT)
        s.smooth = False
    if shown.labels and not (many and is_bar and len(spec.series) > 1):
        labels = s.data_labels
        labels.show_value = True
        # The unit after each number where the labels have room; on crowded charts it stays in the title and axis.
        roomy = len(spec.series) == 1 and len(spec.categories) <= 12
        labels.number_format = spec.label_format if roomy else spec.number_format
        labels.number_format_is_linked = False
        longest = max((len(f"{v:,.0f}") for v in shown.values if v is not None), default=0)
        crowded = many or (len(spec.categories) > 12 and longest >= 6)  # 16 labels like 509,034 would touch
        labels.font.size = Pt(9 if crowded else 11 if len(spec.series) > 1 else 12)
        labels.font.color.rgb = _rgb(INK)
        labels.position = XL_LABEL_POSITION.OUTSIDE_END if is_bar else XL_LABEL_POSITION.ABOVE


def _legend_box(slide, spec: ChartSpec) -> None:
    """The colours a single-series chart gives its bars (达到目标 / 未达目标 …) and the target line, as a key."""
    box = slide.shapes.add_textbox(MARGIN, CONTENT_TOP, SLIDE_W - 2 * MARGIN, Inches(0.35))
    tf = box.text_frame
    tf.margin_left = Inches(0.02)
    p = tf.paragraphs[0]
    p.alignment = PP_ALIGN.RIGHT
    entries = [(colour, "■ ", words) for colour, words in spec.legend]
    if spec.target is not None:
        entries.append((spec.target.color or ACCENT, "▬ " if spec.target.markers_only else "┅ ", spec.target.name))
    for n, (colour, mark, words) in enumerate(entries):
        key = p.add_run()
        key.text = ("    " if n else "") + mark
        _style_font(key.font, 14, True, colour.lstrip("#"))
        label = p.add_run()
        label.text = words
        _style_font(label.font, 12, False, INK)


# Native tables ----------------------------------------------------------------------------------------------


def _width_units(v: object) -> int:
    s = str(v)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in s)


def _table(slide, spec: ChartSpec, rows: pd.DataFrame, offset: int) -> None:
    columns = [str(c) for c in rows.columns]
    n_rows = len(rows) + 1
    avail_w = SLIDE_W - 2 * MARGIN
    avail_h = CONTENT_BOTTOM - CONTENT_TOP
    row_h = min(Inches(0.42), Emu(int(avail_h / n_rows)))
    size = 14 if n_rows <= 11 else 12 if n_rows <= 17 else 11
    shape = slide.shapes.add_table(n_rows, len(columns), MARGIN, CONTENT_TOP, avail_w, row_h * n_rows)
    table = shape.table
    # The table style's banding and header colours are replaced by explicit fills below.
    table.first_row = True
    table.horz_banding = False
    weights = [
        max([_width_units(c), *(_width_units(v) for v in rows.iloc[:, j])], default=4) + 3
        for j, c in enumerate(columns)
    ]
    total = sum(weights)
    widths = [int(avail_w * w / total) for w in weights]
    widths[-1] = int(avail_w) - sum(widths[:-1])
    for j, w in enumerate(widths):
        table.columns[j].width = Emu(w)
    for i in range(n_rows):
        table.rows[i].height = row_h
    right = spec.align_right or [False] * len(columns)
    for j, name in enumerate(columns):
        _cell(table.cell(0, j), name, size, True, "FFFFFF", ACCENT, right[j] if j < len(right) else False)
    styled: dict[tuple, object] = {}  # a styled cell of each look, copied into the cells of that look
    colours = spec.cell_colors or []
    for i, row in enumerate(rows.itertuples(index=False, name=None), start=1):
        base = ALT_ROW if i % 2 == 0 else "FFFFFF"
        fills = colours[offset + i - 1] if offset + i - 1 < len(colours) else []
        for j, v in enumerate(row):
            fill = (fills[j] if j < len(fills) else None) or base
            fill = fill.lstrip("#")
            ink = "FFFFFF" if is_dark("#" + fill) else INK
            shown = "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v)
            look = (ink, fill, right[j] if j < len(right) else False)
            if look in styled:
                _copy_cell(table.cell(i, j), styled[look], shown)
            else:
                _cell(table.cell(i, j), shown, size, False, *look)
                styled[look] = table.cell(i, j)._tc  # noqa: SLF001


def _copy_cell(cell, like, words: str) -> None:
    """`cell` styled as the table cell element `like` (its fill, margins, anchor, paragraph and run), saying
    `words`: a copy of the XML, as python-pptx's property setters would write it, in a fraction of their time."""
    tc = cell._tc  # noqa: SLF001
    for child in list(tc):
        tc.remove(child)
    for child in like:
        tc.append(copy.deepcopy(child))
    tc.find(".//" + qn("a:t")).text = words


def _cell(cell, words: str, size: float, bold: bool, ink: str, fill: str, right: bool) -> None:
    cell.fill.solid()
    cell.fill.fore_color.rgb = _rgb(fill)
    cell.margin_left = cell.margin_right = Inches(0.08)
    cell.margin_top = cell.margin_bottom = Inches(0.02)
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    tf = cell.text_frame
    tf.word_wrap = True
    p = tf.paragraphs[0]
    p.alignment = PP_ALIGN.RIGHT if right else PP_ALIGN.LEFT
    run = p.add_run()
    run.text = words
    _style_font(run.font, size, bold, ink)


def copy_items(items: list[View]) -> list[View]:
    """Independent copies (a basket kept in a session must not change under a deck being built)."""
    return [copy.deepcopy(x) for x in items]
