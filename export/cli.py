"""What each `python -m export` command does; __main__ only parses arguments and calls these."""

from __future__ import annotations

import sys
from pathlib import Path

from etl import db
from export.analysis import report_file
from export.deck import PRESETS, preset_deck
from export.images import ImagesUnavailable, figure_png, figure_svg
from export.pdf import PdfUnavailable, to_pdf
from export.registry import (
    Context,
    ExportError,
    chart_names,
    check_year,
    default_city_year,
    get_chart,
    latest_year,
)
from export.tables import table_csv, table_xlsx

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
FORMATS = (".png", ".svg", ".csv", ".xlsx")

TEXT = {
    "zh": {
        "written": "已写入 {path}（{size:,} 字节）",
        "bad_format": "不支持的文件类型“{suffix}”：图表可导出为 {formats}；幻灯片请用 .pptx。",
        "bad_deck": "幻灯片文件须以 .pptx 或 .pdf 结尾：{path}",
        "bad_preset": "没有名为“{name}”的预设。可用的预设：{known}",
        "cannot_write": "无法写入 {path}：{err}",
        "bad_report": "分析报告文件须以 .docx 或 .pdf 结尾：{path}",
    },
    "en": {
        "written": "Wrote {path} ({size:,} bytes)",
        "bad_format": "Unsupported file type {suffix!r}: charts export as {formats}; decks as .pptx.",
        "bad_deck": "The deck file must end in .pptx or .pdf: {path}",
        "bad_preset": "No preset called {name!r}. Presets: {known}",
        "cannot_write": "Cannot write {path}: {err}",
        "bad_report": "The report file must end in .docx or .pdf: {path}",
    },
}


def say(lang: str, key: str, **kw: object) -> str:
    return TEXT["en" if lang == "en" else "zh"][key].format(**kw)


def cmd_list(lang: str) -> int:
    """Every chart name with its title, then the presets."""
    for name in chart_names():
        print(f"{name:32s} {get_chart(name).title(lang)}")
    for p in PRESETS.values():
        print(f"--preset {p.name:23s} {'deck' if lang == 'en' else '幻灯片'}")
    return EXIT_OK


def _city_year(con, city: str | None, year: int | None) -> tuple[str, int]:
    if city is None:
        city, latest = default_city_year(con)
    else:
        _ = Context(con, city, 0).city_row  # ExportError naming the cities with figures
        latest = latest_year(con, city)
    year = latest if year is None else int(year)
    check_year(con, city, year)
    return city, year


def _write(out: Path, data: bytes, lang: str) -> int:
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".part")
        tmp.write_bytes(data)
        tmp.replace(out)  # never a half-written file under the asked name
    except OSError as err:
        print(say(lang, "cannot_write", path=out, err=err.strerror or err), file=sys.stderr)
        return EXIT_FAILED
    print(say(lang, "written", path=out, size=len(data)))
    return EXIT_OK


def cmd_chart(name: str, out: str, city: str | None, year: int | None, db_arg: str | None, lang: str) -> int:
    """One named chart as PNG/SVG (laid out for a slide) or the numbers behind it as CSV/XLSX."""
    path = Path(out)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        print(say(lang, "bad_format", suffix=path.suffix or out, formats=", ".join(FORMATS)), file=sys.stderr)
        return EXIT_USAGE
    try:
        entry = get_chart(name)
        with db.open_store(db_arg, read_only=True) as con:
            city, year = _city_year(con, city, year)
            built = entry.build(con, city, year, lang)
        if suffix == ".png":
            data = figure_png(built.figure, subtitle=built.spec.subtitle, lang=lang)
        elif suffix == ".svg":
            data = figure_svg(built.figure, subtitle=built.spec.subtitle, lang=lang)
        elif suffix == ".csv":
            data = table_csv(built.data)
        else:
            data = table_xlsx(built.data, sheet_name=entry.title(lang))
    except (ExportError, ImagesUnavailable) as err:
        print(err.message(lang), file=sys.stderr)
        return EXIT_FAILED
    return _write(path, data, lang)


def cmd_deck(
    out: str, preset: str, city: str | None, year: int | None, db_arg: str | None, lang: str, pictures: bool
) -> int:
    """A preset's deck as .pptx: native charts (or pictures with --pictures)."""
    path = Path(out)
    if path.suffix.lower() not in (".pptx", ".pdf"):
        print(say(lang, "bad_deck", path=out), file=sys.stderr)
        return EXIT_USAGE
    if preset not in PRESETS:
        print(say(lang, "bad_preset", name=preset, known=", ".join(PRESETS)), file=sys.stderr)
        return EXIT_USAGE
    try:
        with db.open_store(db_arg, read_only=True) as con:
            city, year = _city_year(con, city, year)
            data = preset_deck(con, preset, city, year, lang, pictures=pictures)
        if path.suffix.lower() == ".pdf":
            data = to_pdf(data, ".pptx")
    except (ExportError, ImagesUnavailable, PdfUnavailable) as err:
        print(err.message(lang), file=sys.stderr)
        return EXIT_FAILED
    return _write(path, data, lang)


def cmd_report(out: str, city: str | None, year: int | None, db_arg: str | None, lang: str) -> int:
    """The 分析报告 as .docx (or .pdf through LibreOffice): sections, charts, tables and the sentences that read them."""
    path = Path(out)
    if path.suffix.lower() not in (".docx", ".pdf"):
        print(say(lang, "bad_report", path=out), file=sys.stderr)
        return EXIT_USAGE
    try:
        with db.open_store(db_arg, read_only=True) as con:
            city, year = _city_year(con, city, year)
            data = report_file(con, city, year, lang)
        if path.suffix.lower() == ".pdf":
            data = to_pdf(data, ".docx")
    except (ExportError, ImagesUnavailable, PdfUnavailable) as err:
        print(err.message(lang), file=sys.stderr)
        return EXIT_FAILED
    return _write(path, data, lang)
