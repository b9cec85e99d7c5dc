"""What each `python -m export` command does; __main__ only parses arguments and calls these."""

from __future__ import annotations

import sys
from pathlib import Path

from etl import db
from etl.cycle import CycleRefused, apply_as_of
from export.analysis import report_file
from export.deck import preset_deck
from export.images import ImagesUnavailable, view_png, view_svg
from export.pdf import PdfUnavailable, to_pdf
from export.tables import table_csv, table_xlsx
from texts import t
from views.catalog import charts, get_chart, presets
from views.context import Context, ViewError, resolve

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
FORMATS = (".png", ".svg", ".csv", ".xlsx")


def cmd_list(lang: str) -> int:
    """Every chart name with its description, then the presets."""
    for c in charts():
        print(f"{c.name:32s} {c.label(lang)}")
    for name in presets():
        print(f"--preset {name:23s} {t('cli_deck', lang)}")
    return EXIT_OK


def _write(out: Path, data: bytes, lang: str) -> int:
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".part")
        tmp.write_bytes(data)
        tmp.replace(out)  # never a half-written file under the asked name
    except OSError as err:
        print(t("cli_cannot_write", lang, path=out, err=err.strerror or err), file=sys.stderr)
        return EXIT_FAILED
    print(t("cli_written", lang, path=out, size=len(data)))
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
        print(t("cli_bad_format", lang, suffix=path.suffix or out, formats=", ".join(FORMATS)), file=sys.stderr)
        return EXIT_USAGE
    try:
        chart = get_chart(name)
        with db.open_store(db_arg, read_only=True) as con:
            _as_of(con, as_of)
            ctx = Context.of(con, "", 0, lang)
            city, year = resolve(ctx.run, city, year)
            view = chart.build(Context.of(con, city, year, lang))
        if suffix == ".png":
            data = view_png(view, lang)
        elif suffix == ".svg":
            data = view_svg(view, lang)
        elif suffix == ".csv":
            data = table_csv(view.data)
        else:
            data = table_xlsx(view.data, sheet_name=chart.label(lang), source=view.source)
    except (ViewError, ImagesUnavailable, CycleRefused) as err:
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
    if path.suffix.lower() not in (".pptx", ".pdf"):
        print(t("cli_bad_deck", lang, path=out), file=sys.stderr)
        return EXIT_USAGE
    if preset not in presets():
        print(t("cli_bad_preset", lang, name=preset, known=", ".join(presets())), file=sys.stderr)
        return EXIT_USAGE
    try:
        with db.open_store(db_arg, read_only=True) as con:
            _as_of(con, as_of)
            data = preset_deck(con, preset, city, year, lang, pictures=pictures)
        if path.suffix.lower() == ".pdf":
            data = to_pdf(data, ".pptx")
    except (ViewError, ImagesUnavailable, PdfUnavailable, CycleRefused) as err:
        print(err.message(lang), file=sys.stderr)
        return EXIT_FAILED
    return _write(path, data, lang)


def cmd_report(
    out: str, city: str | None, year: int | None, db_arg: str | None, lang: str, as_of: int | None = None
) -> int:
    """The 分析报告 as .docx (or .pdf through LibreOffice): sections, charts, tables and the sentences that read them."""
    path = Path(out)
    if path.suffix.lower() not in (".docx", ".pdf"):
        print(t("cli_bad_report", lang, path=out), file=sys.stderr)
        return EXIT_USAGE
    try:
        with db.open_store(db_arg, read_only=True) as con:
            _as_of(con, as_of)
            city, year = resolve(Context.of(con, "", 0, lang).run, city, year)
            data = report_file(con, city, year, lang)
        if path.suffix.lower() == ".pdf":
            data = to_pdf(data, ".docx")
    except (ViewError, ImagesUnavailable, PdfUnavailable, CycleRefused) as err:
        print(err.message(lang), file=sys.stderr)
        return EXIT_FAILED
    return _write(path, data, lang)
