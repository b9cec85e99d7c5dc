"""The 分析报告 of one city and year, assembled from the store: the views of views/named.py, the sentences of
narrative/, the tables people copy numbers from, written by export/report.py (and to PDF by export/pdf.py).

What goes in is chosen from the catalogue, never by name: the themes in their order, each theme's headline
indicators (a ranking chart each, with the sentence that reads it) and the city figure over the years of its
first headline indicator; the 同比 table of every indicator of the theme; the district ranking of each theme's
first headline indicator; the problems to watch (bad news by polarity, missed targets, the districts that moved
most the bad way); the source in plain words.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from etl.catalog import Metric, load_catalog
from export.cache import Memo, cached_runner, store_key
from export.images import figure_png
from export.report import Picture, Report, Section, Subheading, Table, chinese_date, report_docx
from narrative import attention_items, city_sentence, ranking_clause, trend_sentence
from narrative.sentences import STOP, join_clauses
from narrative.tables import ranking_grid, yoy_table
from views import named
from views.context import Context
from views.marks import page_words, snapshot_words, years_shown
from views.view import View

# Layout pixels of a chart in the report: 1100 px over the 15.6 cm text width makes the export's 20 px font
# about 8 pt on paper (1600 px, as on slides, would print it at 5.5 pt); scale 2 gives 2200 px, 360 dpi.
PICTURE_WIDTH, PICTURE_HEIGHT, PICTURE_SCALE = 1100, 620, 2.0

WORDS = {
    "title": {
        "zh": "{year}年{city}工会工作主要指标分析报告",
        "en": "{city}: trade union figures for {year}, an analysis",
    },
    "federation": {"zh": "{city}总工会", "en": "{city} Federation of Trade Unions"},
    "overview": {"zh": "总体情况", "en": "Overview"},
    "ranking": {"zh": "各区县排名", "en": "District rankings"},
    "attention": {"zh": "需要关注的问题", "en": "Points to watch"},
    "sources": {"zh": "数据来源与说明", "en": "Sources and notes"},
    "intro": {
        "zh": "本报告依据{source}，分析{city}{n}个区县{year}年工会工作主要指标，并与{prev}年比较。",
        "en": "This report reads the {year} figures of the {n} districts of {city} ({source}) and compares them "
        "with {prev}.",
    },
    "intro_city": {
        "zh": "本报告依据{source}，分析{city}{year}年工会工作主要指标，并与{prev}年比较。",
        "en": "This report reads the {year} figures of {city} ({source}) and compares them with {prev}.",
    },
    "intro_alone": {
        "zh": "本报告依据{source}，分析{city}{n}个区县{year}年工会工作主要指标（{prev}年无可比数据）。",
        "en": "This report reads the {year} figures of the {n} districts of {city} ({source}); {prev} has no "
        "figures to compare.",
    },
    "intro_city_alone": {
        "zh": "本报告依据{source}，分析{city}{year}年工会工作主要指标（{prev}年无可比数据）。",
        "en": "This report reads the {year} figures of {city} ({source}); {prev} has no figures to compare.",
    },
    "headline_table": {"zh": "{year}年主要指标", "en": "Headline figures, {year}"},
    "theme_table": {"zh": "{theme}各项指标同比", "en": "{theme}: every indicator against {prev}"},
    "ranking_table": {"zh": "{year}年各区县主要指标（括号内为名次）", "en": "Key figures by district, {year} (rank)"},
    "ranking_note": {
        "zh": "名次按指标方向排列（纠纷等越少越好的指标，数值小者在前）；事件不足5起的区县不列名次。",
        "en": "Ranks follow each indicator's direction (for disputes, fewer is better); districts resting on "
        "fewer than 5 cases get no rank.",
    },
    "nothing": {
        "zh": "主要指标中未发现比上年不利的变化，也没有未完成的目标。",
        "en": "No headline figure moved the bad way on last year, and no target was missed.",
    },
    "nothing_to_compare": {
        "zh": "主要指标均无上年可比数据，暂不能判断变化。",
        "en": "No headline figure has a comparable figure for last year, so no change can be judged.",
    },
    "source_kind_spreadsheet": {"zh": "各区县{year}年报表", "en": "district returns for {year}"},
    "source_kind_sample": {"zh": "示例数据（虚构的{year}年报表）", "en": "sample data (fictional returns for {year})"},
    "source_kind_report": {"zh": "{year}年工作报告", "en": "work reports for {year}"},
    "source_kind_correction": {"zh": "经核实的更正", "en": "checked corrections"},
    "as_of": {"zh": "截至{date}", "en": "as of {date}"},
    "source_line": {"zh": "数据来源：{kinds}，{as_of}。", "en": "Source: {kinds}, {as_of}."},
    "snapshot": {
        "zh": "本报告使用截至{date} {time}已提交的全部数据；此后的导入或更正不在其中。",
        "en": "This report uses every figure committed to the store by {time} on {date}; later loads or "
        "corrections are not in it.",
    },
    "methods": {
        "zh": "全市数字的计算方法：比率按各区县分子、分母合并计算（无分子分母时取各区县比率的平均值）；"
        "件数、人数和金额为报送区县之和，未全部报送时注明报送区县数；市总工会自报数优先。"
        "带“约”“超过”“近”的数字沿用报送时的限定词。",
        "en": "How city figures are made: rates are pooled from the districts' numerators and denominators (else "
        "the mean of the district rates); counts and money are the sum of the districts that reported, with their "
        "number where some did not; a city federation's own figure comes first. Figures marked about, more than "
        "or nearly keep the qualifier they were reported with.",
    },
    "made": {"zh": "本报告由工会数据看板于{date}生成。", "en": "Made by the trade union dashboard on {date}."},
    "edition": {"zh": "本报告所用数字：{marks}", "en": "The figures of this report: {marks}"},
    "left_out": {
        "zh": "{city}{year}年没有以下指标的数字，本报告未含：{names}。",
        "en": "{city} has no {year} figures for these indicators, so they are not in this report: {names}.",
    },
}


def _w(key: str, lang: str, **kw: object) -> str:
    return WORDS[key]["en" if lang == "en" else "zh"].format(**kw)


def _date(day: dt.date, lang: str) -> str:
    return f"{day.day} {day:%B %Y}" if lang == "en" else chinese_date(day)


def _local(ts: object) -> dt.datetime:
    """A UTC time from the store in the deployment's time zone (Asia/Shanghai unless set: etl.cycle), as the
    snapshot and 定稿 times beside it are."""
    from etl.cycle import display_timezone

    t = pd.Timestamp(ts)
    utc = t.tz_localize("UTC") if t.tzinfo is None else t
    return utc.to_pydatetime().astimezone(display_timezone())


def plain_source(query, city: str, year: int, lang: str = "zh") -> tuple[str, dt.datetime]:
    """What the figures are, in words, without file names or batch numbers (各区县2024年报表), and when the newest
    of them was loaded (local time); `source_text` joins the two as 各区县2024年报表，截至2025年1月31日."""
    src = query("source_summary", city=city, year=year)  # query(name, **params): a view context's runner
    if src.empty:
        return "", dt.datetime.now().astimezone()
    order = ["sample", "spreadsheet", "report", "correction"]
    kinds = [k for k in order if k in set(src["kind"])] + [k for k in src["kind"] if k not in order]
    words = [_w(f"source_kind_{k}", lang, year=year) for k in kinds if f"source_kind_{k}" in WORDS]
    return ("、" if lang != "en" else ", ").join(words), _local(src["as_of"].max())


def source_text(kinds: str, newest: dt.datetime, lang: str = "zh") -> str:
    return kinds + ("，" if lang != "en" else ", ") + _w("as_of", lang, date=_date(newest.date(), lang))


PICTURES = Memo(64)  # (png, title) of the report's charts, per store version, city, year, language and source


def _png(view: View, lang: str, source: str) -> bytes:
    """The view's chart for the report: its title and subtitle, the source in plain words."""
    return figure_png(
        view.figure,
        PICTURE_WIDTH,
        PICTURE_HEIGHT,
        PICTURE_SCALE,
        title=view.title,
        subtitle=view.subtitle,
        source=source,
        lang=lang,
    )


def build_report(
    con: duckdb.DuckDBPyConnection,
    city: str,
    year: int,
    lang: str = "zh",
    *,
    today: dt.date | None = None,
    pictures: bool = True,
) -> Report:
    """The report's content (a plain `Report`) for `city` and `year`. `pictures=False` leaves the charts out
    (for a quick look at the words and tables, or where Chromium is missing)."""
    lang = "en" if lang == "en" else "zh"
    cat = load_catalog()
    query = cached_runner(con)  # each query once per store version, shared with the deck (export/cache.py)
    ctx = Context(query, city, int(year), lang, snapshot=snapshot_words(con, lang))  # --as-of: said as such
    city_label = ctx.city_label
    today = today or dt.date.today()
    kinds, newest = plain_source(ctx.query, city, year, lang)

    overview = query("city_overview", city=city, year=year)
    attainment = query("target_attainment", city=city, year=year)
    att = attainment.set_index("metric_code", drop=False)
    rows = overview.set_index("metric_code", drop=False)
    n_districts = ctx.n_districts
    shown = [cat.metrics[c] for c in overview["metric_code"] if c in cat.metrics]
    # every metric's district values in one query (the qualifiers of the city figures); the headline ones also
    # with their changes and ranks, for the sentences, the ranking table and the points to watch
    districts: dict[str, pd.DataFrame] = {}
    if n_districts:
        long = query("metrics_by_district", city=city, year=year, metrics=[m.code for m in shown])
        districts = {str(code): g for code, g in long.groupby("metric_code", sort=False)}
        for m in shown:
            if m.headline:
                districts[m.code] = query("metric_by_district", city=city, year=year, metric=m.code)

    # the federation's own figures keep their own qualifier (超过2,000万元)
    own = query("city_own_qualifiers", city=city, year=year)
    own_q = {
        str(r["metric_code"]): str(r["qualifier"])
        for r in own.to_dict("records")
        if r["metric_code"] in rows.index and rows.loc[r["metric_code"], "method"] == "reported"
    }

    said: dict[str, object] = {}

    def sentence(m: Metric):
        """The metric's city sentence, made once (the overview and its theme section both say it)."""
        if m.code not in said:
            said[m.code] = _city_sentence(m)
        return said[m.code]

    def _city_sentence(m: Metric):
        return city_sentence(
            m,
            rows.loc[m.code],
            year=year,
            lang=lang,
            attainment=att.loc[m.code] if m.code in att.index else None,
            districts=districts.get(m.code),
            qualifier=own_q.get(m.code),
        )

    headline = [m for m in shown if m.headline]
    # each theme with figures: its metrics and the headline ones among them (else its first); the first of those is
    # its key indicator, drawn over the years where it has more than one year up to this one
    themed = []
    for theme in cat.themes.values():
        ms = [m for m in shown if m.theme == theme.code]
        if ms:
            themed.append((theme, ms, [m for m in ms if m.headline] or ms[:1]))
    trends = {
        heads[0].code: named.upto(ctx, query("city_metric_trend", city=city, metric=heads[0].code))
        for _, _, heads in themed
    }
    drawn = [df for df in trends.values() if pictures and df["year"].nunique() > 1]
    others = named.other_figures(ctx)  # multi-year, each-year, part-year figures, each with its period in words
    # under every table and chart: the source in plain words, the snapshot or 定稿 shown, and the 未审核 mark of
    # the years the report shows (views/marks.py)
    years = years_shown(year, [overview, *districts.values(), others.data, *drawn])
    marks = ctx.marks_of(years)
    source = " · ".join([source_text(kinds, newest, lang), *marks])
    sections: list[Section] = []
    store = store_key(con)

    def picture(builder, m: Metric) -> tuple[bytes, str]:
        """A chart's picture and title; drawn once per store version (the view is not even built again)."""

        def make() -> tuple[bytes, str]:
            view = builder(ctx, m)
            return _png(view, lang, source), view.title

        if store is None:
            return make()
        return PICTURES.get((store, builder.__name__, m.code, city, int(year), lang, source), make)

    # 一、总体情况
    compared = bool(len(overview)) and overview.loc[overview["headline"], "change"].notna().any()
    intro = _w(
        ("intro" if n_districts > 1 else "intro_city") + ("" if compared else "_alone"),
        lang,
        source=kinds,
        city=city_label,
        n=n_districts,
        year=year,
        prev=year - 1,
    )
    para = (
        " ".join([intro] + [sentence(m).full for m in headline])
        if lang == "en"
        else intro + "".join(sentence(m).full for m in headline)
    )
    blocks: list = [para]
    if headline:
        blocks.append(
            Table(
                _w("headline_table", lang, year=year),
                yoy_table(headline, overview, districts, year=year, lang=lang, qualifiers=own_q),
                [False, True, True, True, True, False],
                source,
            )
        )
    if others.has_data:
        blocks.append(
            Table(
                others.title,
                others.table,
                list(others.spec.align_right),
                ("" if lang != "en" else " ").join(others.notes),
            )
        )
    sections.append(Section(_w("overview", lang), blocks))

    # a section per theme
    key_metrics: list[Metric] = []
    for theme, ms, heads in themed:
        key = heads[0]
        key_metrics.append(key)
        blocks = []
        # the theme's first headline indicator drawn (ranking and the years); the others in words and the table
        for m in heads:
            blocks.append(Subheading(m.short_name(lang)))
            s = sentence(m)
            ranked = m is key and n_districts and m.code in districts and districts[m.code]["value"].notna().any()
            if pictures and ranked:
                png, title = picture(named.ranking, m)
                blocks.append(Picture(png, title, s.full, source))
            else:
                blocks.append(s.full)
            if m is key:
                trend = trends[m.code]
                if pictures and trend["year"].nunique() > 1:
                    png, title = picture(named.city_trend, m)
                    said_trend = trend_sentence(m, trend, year=year, lang=lang)
                    blocks.append(Picture(png, title, said_trend.full, source))
        others = [m for m in ms if m not in heads]
        if others:
            text = [sentence(m) for m in others]
            joined = join_clauses([x.clauses[0] for x in text if x.clauses], lang)
            if joined:
                blocks.append(joined + STOP[lang])
        blocks.append(
            Table(
                _w("theme_table", lang, theme=theme.name(lang), prev=year - 1),
                yoy_table(ms, overview, districts, year=year, lang=lang, qualifiers=own_q),
                [False, True, True, True, True, False],
                source,
            )
        )
        sections.append(Section(theme.name(lang), blocks))

    # 各区县排名 (where districts have figures of their own)
    if any(districts[m.code]["value"].notna().any() for m in key_metrics if m.code in districts):
        grid = ranking_grid(key_metrics, districts, lang)
        blocks = []
        for m in key_metrics:
            clause = ranking_clause(m, districts[m.code], lang)
            if clause:
                blocks.append(
                    f"{m.short_name(lang)}：{clause}。" if lang != "en" else f"{m.short_name(lang)}: {clause}."
                )
        blocks.append(
            Table(
                _w("ranking_table", lang, year=year),
                grid,
                [False] + [True] * (grid.shape[1] - 1),
                _w("ranking_note", lang),
            )
        )
        sections.append(Section(_w("ranking", lang), blocks))

    # 需要关注的问题
    watch = {m.code: districts[m.code] for m in headline if m.code in districts and m.polarity != "none"}
    items = attention_items(cat.metrics, overview, attainment, watch, year=year, lang=lang)
    blocks = [f"{i}. {s.full}" for i, s in enumerate(items, start=1)]
    blocks = blocks or [_w("nothing" if compared else "nothing_to_compare", lang)]
    sections.append(Section(_w("attention", lang), blocks))

    # 数据来源与说明
    blocks = [
        _w("source_line", lang, kinds=kinds, as_of=_w("as_of", lang, date=_date(newest.date(), lang))),
        _w("snapshot", lang, date=_date(newest.date(), lang), time=f"{newest:%H:%M}"),
    ]
    if stamp := page_words(ctx, years=years):  # which snapshot or 定稿 these are, and what is 未审核
        blocks.append(_w("edition", lang, marks=stamp))
    absent = [m.short_name(lang) for m in cat.metrics.values() if m.headline and m.code not in rows.index]
    if absent:  # what the report leaves out, said rather than left to be wondered about
        names = ("、" if lang != "en" else ", ").join(absent)
        blocks.append(_w("left_out", lang, city=city_label, year=year, names=names))
    blocks += [_w("methods", lang), _w("made", lang, date=_date(today, lang))]
    sections.append(Section(_w("sources", lang), blocks))

    federation = _w("federation", lang, city=city_label)
    return Report(
        title=_w("title", lang, year=year, city=city_label),
        subtitle=federation,
        date=today,
        sections=sections,
        lang=lang,
        author=federation,
        footnote=" · ".join(marks),  # at the foot of every page, over the page number
    )


def report_file(
    con: duckdb.DuckDBPyConnection, city: str, year: int, lang: str = "zh", *, today: dt.date | None = None
) -> bytes:
    """The report as .docx bytes."""
    return report_docx(build_report(con, city, year, lang, today=today))
