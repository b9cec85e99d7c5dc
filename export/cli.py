"""What each `python -m export` command does; __main__ only parses arguments and calls these."""

from __future__ import annotations

import sys
from pathlib import Path

from etl import db
from etl.cycle import CycleRefused, apply_as_of
from export.deck import PRESETS, preset_deck
from export.images import ImagesUnavailable, figure_png, figure_svg
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
        "bad_deck": "幻灯片文件须以 .pptx 结尾：{path}",
        "bad_preset": "没有名为“{name}”的预设。可用的预设：{known}",
        "cannot_write": "无法写入 {path}：{err}",
    },
    "en": {
        "written": "Wrote {path} ({size:,} bytes)",
        "bad_format": "Unsupported file type {suffix!r}: charts export as {formats}; decks as .pptx.",
        "bad_deck": "The deck file must end in .pptx: {path}",
        "bad_preset": "No preset called {name!r}. Presets: {known}",
        "cannot_write": "Cannot write {path}: {err}",
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


def _as_of(con, as_of: int | None) -> None:
    """--as-of ID: this connection shows the store as at snapshot ID (etl.cycle), for every query after it."""
    if as_of is not None:
        apply_as_of(con, as_of)


def cmd_chart(
    name: str, out: str, city: str | None, year: int | None, db_arg: str | None, lang: str, as_of: int | None = None
) -> int:
    """One named chart as PNG/SVG (laid out for a slide) or the numbers behind it as CSV/XLSX."""
    path = Path(out)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        print(say(lang, "bad_format", suffix=path.suffix or out, formats=", ".join(FORMATS)), file=sys.stderr)
        return EXIT_USAGE
    try:
        entry = get_chart(name)
        with db.open_store(db_arg, read_only=True) as con:
            _as_of(con, as_of)
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
    except (ExportError, ImagesUnavailable, CycleRefused) as err:
        print(err.message(lang), file=sys.stderr)
        return EXIT_FAILED
    return _write(path, data, lang)


def cmd_deck(
    out: str,
    preset: str,
    city: str | None,
    year: int | None,
    db_arg: str | None,
    lang: str,
    pictures: bool,
    as_of: int | None = None,
) -> int:
    """A preset's deck as .pptx: native charts (or pictures with --pictures)."""
    path = Path(out)
    if path.suffix.lower() != ".pptx":
        print(say(lang, "bad_deck", path=out), file=sys.stderr)
        return EXIT_USAGE
    if preset not in PRESETS:
        print(say(lang, "bad_preset", name=preset, known=", ".join(PRESETS)), file=sys.stderr)
        return EXIT_USAGE
    try:
        with db.open_store(db_arg, read_only=True) as con:
            _as_of(con, as_of)
            city, year = _city_year(con, city, year)
            data = preset_deck(con, preset, city, year, lang, pictures=pictures)
    except (ExportError, ImagesUnavailable, CycleRefused) as err:
        print(err.message(lang), file=sys.stderr)
        return EXIT_FAILED
    return _write(path, data, lang)
