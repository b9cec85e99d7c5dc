"""The 全委会 deck: a preset's views arranged as a meeting paper, with conclusion titles that read the data.

Slides, in order: the title slide (the federation, the meeting, a Chinese date, 2026年12月1日); the 目录; then
four sections, each opened by a divider — 一、主要指标完成情况 (the headline table, the city over the years),
二、各区县排名 (the preset's district rankings and tables), 三、同比变化 (本年, 上年, 增减, 增幅 of every headline
indicator, and the preset's side-by-side charts), 四、需要关注的问题 (for each headline indicator where more is bad
news, the districts where it rose, in its unit, fewer than 5 cases marked; then the points to watch in words).
The first section ends with 报告中的其他数字 (the figures of other periods, each with its period in words); a
last slide names the preset's charts left out for want of figures. Each chart slide is titled with the sentence
that reads it (narrative/); the view's own title moves to the line under it. Every slide's foot gives the source
in plain words (各区县2024年报表，截至2025年1月31日), the snapshot or 定稿 the deck shows and the 未审核
mark of the years its slides show (views/marks.py), and the page number: no batch numbers, file names or ISO dates. The title slide repeats the
snapshot or 定稿 under its date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from dataclasses import dataclass, field

import pandas as pd
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches

from etl.catalog import Metric, load_catalog
from export import deck as D
from export.analysis import plain_source, source_text
from export.cache import built_view
from export.images import images_available, view_png
from export.report import chinese_date, section_number
from narrative import attention_items
from narrative.tables import rises_table, yoy_table
from texts import t
from views import named
from views.catalog import get_chart, presets
from views.context import Context
from views.marks import years_shown
from views.spec import ChartSpec
from views.view import View

WORDS = {
    "title": {"zh": "{year}年{city}工会工作主要指标", "en": "{city}: trade union figures for {year}"},
    "federation": {"zh": "{city}总工会", "en": "{city} Federation of Trade Unions"},
    "toc": {"zh": "目录", "en": "Contents"},
    "s_headline": {"zh": "主要指标完成情况", "en": "Headline figures"},
    "s_ranking": {"zh": "各区县排名", "en": "District rankings"},
    "s_change": {"zh": "同比变化", "en": "Change on last year"},
    "s_attention": {"zh": "需要关注的问题", "en": "Points to watch"},
    "yoy_title": {"zh": "主要指标同比变化（{year}年与{prev}年）", "en": "Headline figures: {year} against {prev}"},
    "rises_title": {"zh": "{name}：{n}个区县比上年增加", "en": "{name}: up in {n} districts on {prev}"},
    "rises_none": {"zh": "{name}：各区县均未比上年增加", "en": "{name}: no district up on {prev}"},
    "attention_title": {"zh": "需要关注的问题", "en": "Points to watch"},
    "nothing": {
        "zh": "主要指标中未发现比上年不利的变化，也没有未完成的目标。",
        "en": "No headline figure moved the bad way on last year, and no target was missed.",
    },
    "nothing_to_compare": {
        "zh": "主要指标均无上年可比数据，暂不能判断变化。",
        "en": "No headline figure has a comparable figure for last year, so no change can be judged.",
    },
}
SECTIONS = ("s_headline", "s_ranking", "s_change", "s_attention")
# which section a view of the preset goes to, by its kind (views/named.py)
SECTION_OF_VIEW = {
    "headline": "s_headline",
    "target_attainment": "s_headline",
    "city_trend": "s_headline",
    "grouped": "s_change",
    "movers": "s_change",
}
MAX_ATTENTION = 9  # points to watch on one slide at 18 pt


def _w(key: str, lang: str, **kw: object) -> str:
    return WORDS[key]["en" if lang == "en" else "zh"].format(**kw)


@dataclass
class Page:
    """One slide to draw: its kind and what it shows."""

    kind: str  # title | toc | divider | view | table | text
    title: str = ""
    subtitle: str = ""
    view: View | None = None
    spec: ChartSpec | None = None
    lines: list[str] = field(default_factory=list)


@dataclass
class Facts:
    """The figures the sentences read: the city's overview, targets and each metric's districts."""

    overview: pd.DataFrame
    attainment: pd.DataFrame
    districts: dict[str, pd.DataFrame]

    def row(self, code: str):
        rows = self.overview[self.overview["metric_code"] == code]
        return None if rows.empty else rows.iloc[0]

    def target(self, code: str):
        rows = self.attainment[self.attainment["metric_code"] == code]
        return None if rows.empty else rows.iloc[0]


def facts(ctx: Context, metrics: list[Metric]) -> Facts:
    overview = ctx.query("city_overview", city=ctx.city, year=ctx.year)
    attainment = ctx.query("target_attainment", city=ctx.city, year=ctx.year)
    districts = {}
    if ctx.n_districts:
        for m in metrics:
            districts[m.code] = ctx.query("metric_by_district", city=ctx.city, year=ctx.year, metric=m.code)
    return Facts(overview, attainment, districts)


def _subtitle(ctx: Context) -> str:
    """City · year · districts, without "0 个区县" for a city known only from its federation's own figures."""
    if ctx.n_districts:
        return ctx.subtitle()
    return f"{ctx.city_label} · {t('when_year', ctx.lang, year=ctx.year)}"


def _no_values(view: View) -> bool:
    """A district chart or table whose every figure is missing (a ranking of one district without a value)."""
    data = view.data
    return data is not None and "value" in data and len(data) > 0 and data["value"].isna().all()


def conclusion(view: View) -> str:
    """The slide title that reads the chart: the view's sentence, else its own title."""
    return view.sentence or view.title


def meeting_pages(ctx: Context, preset: str, today: dt.date) -> tuple[list[Page], str, bool]:
    """The slides of the meeting deck, the plain source line, and whether the data are the sample."""
    lang, cat = ctx.lang, load_catalog()
    names = presets()[preset].charts
    charts = [get_chart(n) for n in names]
    headline = [m for m in cat.metrics.values() if m.headline]
    used = {c.metric.code: c.metric for c in charts if c.metric is not None}
    f = facts(ctx, list({**{m.code: m for m in headline}, **used}.values()))
    kinds, newest = plain_source(ctx.query, ctx.city, ctx.year, lang)

    sections: dict[str, list[Page]] = {k: [] for k in SECTIONS}
    missing: list[str] = []  # the preset's charts the city has no figures for that year: named on a last slide
    for c in charts:
        view = built_view(c, ctx)
        if not view.has_data or _no_values(view):
            missing.append(view.title)
            continue
        section = SECTION_OF_VIEW.get(c.view, "s_ranking")
        title = conclusion(view)
        subtitle = view.title if title != view.title else view.subtitle
        sections[section].append(Page("view", title, subtitle, view=view))

    # 报告中的其他数字: multi-year totals, each-year and part-year figures, with their periods; never in a chart
    others = named.other_figures(ctx, sources=False)  # the slide footer names the source
    if others.has_data:
        sections["s_headline"].extend(table_pages(others.title, others.notes[0], others.spec, lang))
    # the source in plain words, then the snapshot or 定稿 the deck shows and the 未审核 mark of the years its
    # slides show (views/marks.py)
    shown_views = [p.view.data for k in SECTIONS for p in sections[k] if p.view is not None]
    years = years_shown(ctx.year, [*shown_views, others.data, f.overview, *f.districts.values()])
    source = " · ".join(x for x in (source_text(kinds, newest, lang) if kinds else "", *ctx.marks_of(years)) if x)

    # 同比: every headline indicator with a city figure, at the top of its section
    shown = [m for m in headline if f.row(m.code) is not None]
    if shown:
        table = yoy_table(shown, f.overview, f.districts, year=ctx.year, lang=lang)
        title = _w("yoy_title", lang, year=ctx.year, prev=ctx.year - 1)
        spec = ChartSpec("table", title, "", source, table=table, align_right=[False, True, True, True, True, False])
        sections["s_change"].insert(0, Page("table", title, _subtitle(ctx), spec=spec))

    # where the bad-news-if-more indicators rose (disputes …)
    for m in headline:
        df = f.districts.get(m.code)
        if m.polarity != "lower" or df is None or df["change"].notna().sum() == 0:
            continue
        table = rises_table(m, df, lang)
        if len(table):
            title = _w("rises_title", lang, name=m.short_name(lang), n=len(table), prev=ctx.year - 1)
            spec = ChartSpec("table", title, "", source, table=table, align_right=[False, True, True, True, False])
            sections["s_attention"].append(Page("table", title, _subtitle(ctx), spec=spec))
        else:
            sections["s_attention"].append(
                Page("text", _w("rises_none", lang, name=m.short_name(lang), prev=ctx.year - 1), _subtitle(ctx))
            )
    watch = {m.code: f.districts[m.code] for m in headline if m.code in f.districts and m.polarity != "none"}
    items = attention_items(cat.metrics, f.overview, f.attainment, watch, year=ctx.year, lang=lang)
    compared = f.overview.loc[f.overview["headline"], "change"].notna().any() if len(f.overview) else False
    lines = [s.full for s in items[:MAX_ATTENTION]] or [_w("nothing" if compared else "nothing_to_compare", lang)]
    sections["s_attention"].append(Page("text", _w("attention_title", lang), _subtitle(ctx), lines=lines))

    kept = [k for k in SECTIONS if sections[k]]  # a section with nothing in it is neither listed nor opened
    heads = [section_number(i + 1, lang) + _w(k, lang) for i, k in enumerate(kept)]
    city = ctx.city_label
    date = chinese_date(today) if lang != "en" else f"{today.day} {today:%B %Y}"
    pages = [
        Page(
            "title",
            _w("title", lang, year=ctx.year, city=city),
            f"{_w('federation', lang, city=city)} · {t(presets()[preset].title_key, lang)}",
            lines=[date, *ctx.edition],  # the snapshot or 定稿 the deck shows, under its date
        ),
        Page("toc", _w("toc", lang), lines=heads),
    ]
    for key, head in zip(kept, heads, strict=True):
        pages.append(Page("divider", head))
        pages.extend(sections[key])
    if missing:  # say what is left out and why, rather than leave the reader to wonder
        left = named.left_out(ctx, missing)
        pages.extend(table_pages(left.title, left.subtitle, left.spec, lang))
    return pages, source, ctx.is_sample


def table_pages(title: str, subtitle: str, spec: ChartSpec, lang: str) -> list[Page]:
    """A table on as many slides as its rows need (D.TABLE_ROWS_PER_SLIDE each), the later ones titled（续）."""
    rows = D.TABLE_ROWS_PER_SLIDE
    out = []
    for start in range(0, len(spec.table), rows):
        part = dataclasses.replace(
            spec,
            table=spec.table.iloc[start : start + rows],
            cell_colors=spec.cell_colors[start : start + rows] if spec.cell_colors else None,
        )
        shown = title if not start else title + (" (continued)" if lang == "en" else "（续）")
        out.append(Page("table", shown, subtitle, spec=part))
    return out


TITLE_SIZES = (22, 20, 18, 16)  # pt: a conclusion title shrinks until it fits its two lines
TITLE_LINE_UNITS_22PT = 70  # width units (a CJK character 2, anything else 1.15) on one title line at 22 pt, bold


def title_size(title: str) -> int:
    """The largest size at which the title takes at most two lines of the 12.3-inch title box (English
    conclusions run to 150 characters and took three lines at 22 pt, over the line under them)."""
    units = sum(2 if ord(ch) > 0x2E80 else 1.15 for ch in title)
    for size in TITLE_SIZES:
        if units <= 2 * TITLE_LINE_UNITS_22PT * 22 / size:
            return size
    return TITLE_SIZES[-1]


def _header(slide, title: str, subtitle: str) -> None:
    """A conclusion title may take two lines: 22 pt (smaller for long ones) in a taller box, the view's own title
    under it."""
    D._accent(slide)
    D._textbox(slide, D.MARGIN, Inches(0.2), D.SLIDE_W - 2 * D.MARGIN, Inches(0.85), title, title_size(title),
               D.INK, True, anchor=MSO_ANCHOR.MIDDLE)  # fmt: skip
    if subtitle:
        D._textbox(slide, D.MARGIN, Inches(1.06), D.SLIDE_W - 2 * D.MARGIN, Inches(0.35), subtitle, 13, D.GREY)


def _footer(slide, source: str, number: int, total: int) -> None:
    top = Inches(6.98)
    D._textbox(slide, D.MARGIN, top, Inches(10.8), Inches(0.4), source, 10.5, D.GREY, anchor=MSO_ANCHOR.MIDDLE)
    D._textbox(slide, D.SLIDE_W - D.MARGIN - Inches(1.5), top, Inches(1.5), Inches(0.4), f"{number} / {total}",
               10.5, D.GREY, align=PP_ALIGN.RIGHT, anchor=MSO_ANCHOR.MIDDLE)  # fmt: skip


def _band(slide, width) -> None:
    band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, width, D.SLIDE_H)
    band.fill.solid()
    band.fill.fore_color.rgb = D._rgb(D.ACCENT)
    band.line.fill.background()


def meeting_deck(
    ctx: Context, preset: str = "annual", *, pictures: bool = False, today: dt.date | None = None
) -> bytes:
    """The meeting deck of `preset` for the context, as .pptx bytes."""
    today = today or dt.date.today()
    lang = ctx.lang
    pages, source, sample = meeting_pages(ctx, preset, today)
    prs = Presentation()
    prs.slide_width, prs.slide_height = D.SLIDE_W, D.SLIDE_H
    total = len(pages)
    left, width = Inches(1.1), D.SLIDE_W - Inches(2.2)
    for number, page in enumerate(pages, start=1):
        slide = prs.slides.add_slide(prs.slide_layouts[D.BLANK_LAYOUT])
        notes = [page.title, page.subtitle, *page.lines]
        if page.kind == "title":
            _band(slide, Inches(0.35))
            D._textbox(slide, left, Inches(2.0), width, Inches(1.4), page.title, 40, D.INK, True,
                       anchor=MSO_ANCHOR.BOTTOM)  # fmt: skip
            D._textbox(slide, left, Inches(3.6), width, Inches(0.7), page.subtitle, 24, D.GREY)
            D._textbox(slide, left, Inches(4.4), width, Inches(0.6), "\n".join(page.lines), 20, D.GREY)
            if sample:
                D._textbox(slide, left, Inches(5.3), width, Inches(0.5), t("sample_badge", lang), 16, D.SAMPLE, True)
            if source:
                D._textbox(slide, left, Inches(6.5), width, Inches(0.4), source, 12, D.GREY)
        elif page.kind == "toc":
            D._accent(slide)
            D._textbox(slide, D.MARGIN, Inches(0.5), width, Inches(0.9), page.title, 32, D.INK, True)
            D._textbox(slide, Inches(1.6), Inches(1.8), width, Inches(4.2), "\n".join(page.lines), 26, D.INK)
            _footer(slide, source, number, total)
        elif page.kind == "divider":
            _band(slide, Inches(0.35))
            D._textbox(slide, left, Inches(2.8), width, Inches(1.2), page.title, 40, D.ACCENT, True,
                       anchor=MSO_ANCHOR.MIDDLE)  # fmt: skip
            _footer(slide, source, number, total)
        elif page.kind == "table":
            _header(slide, page.title, page.subtitle)
            D._table(slide, page.spec, page.spec.table.iloc[: D.TABLE_ROWS_PER_SLIDE], 0)
            _footer(slide, source, number, total)
        elif page.kind == "text":
            _header(slide, page.title, page.subtitle)
            if page.lines:
                D._textbox(slide, D.MARGIN, D.CONTENT_TOP, D.SLIDE_W - 2 * D.MARGIN, D.CONTENT_BOTTOM - D.CONTENT_TOP,
                           "\n".join(page.lines), 18, D.INK)  # fmt: skip
            _footer(slide, source, number, total)
        else:
            view = page.view
            spec = view.spec
            if spec is not None and spec.kind == "table" and spec.table is not None:
                _header(slide, page.title, page.subtitle)
                D._table(slide, spec, spec.table.iloc[: D.TABLE_ROWS_PER_SLIDE], 0)
            elif spec is not None and not pictures:
                _header(slide, page.title, page.subtitle)
                D._chart(slide, spec, lang)
            elif view.figure is not None and images_available():
                _header(slide, page.title, page.subtitle)
                # the picture's own source line in the deck's plain words (no batch numbers), as on every footer
                png = view_png(dataclasses.replace(view, source=source or view.source), lang=lang, exported=today)
                height = D.CONTENT_BOTTOM - D.CONTENT_TOP
                pic_w = height * 16 // 9
                slide.shapes.add_picture(io.BytesIO(png), (D.SLIDE_W - pic_w) // 2, D.CONTENT_TOP, height=height)
            else:
                fallback = D._data_spec(view)
                _header(slide, page.title, page.subtitle)
                D._table(slide, fallback, fallback.table.iloc[: D.TABLE_ROWS_PER_SLIDE], 0)
            _footer(slide, source, number, total)
            if spec is not None and spec.notes:
                notes.append(spec.notes)
        notes.append(t("notes_source", lang, source=source or "—"))
        slide.notes_slide.notes_text_frame.text = "\n".join(x for x in notes if x)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()
