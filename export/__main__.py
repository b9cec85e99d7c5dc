"""python -m export: parse arguments and call export.cli; bad requests end in a message, never a traceback."""

from __future__ import annotations

import argparse
import os
import sys

from etl.db import StoreBusy, StoreMissing
from export import cli


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", help="DuckDB file (default: $UNION_DB or data/union.duckdb)")
    common.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of the charts and messages")
    where = argparse.ArgumentParser(add_help=False)
    where.add_argument("--city", help="city, e.g. 示例市 (default: the first with data)")
    where.add_argument("--year", type=int, help="year (default: the city's latest)")
    where.add_argument("--as-of", type=int, metavar="ID", help="the figures as at snapshot ID (python -m etl snapshot)")
    p = argparse.ArgumentParser(prog="python -m export", description="工会数据看板 chart and deck export")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("list", parents=[common], help="the chart names and presets")
    ch = sub.add_parser("chart", parents=[common, where], help="one chart as PNG/SVG, or its numbers as CSV/XLSX")
    ch.add_argument("name", help="a chart name from `python -m export list`")
    ch.add_argument("out", metavar="OUT.png|OUT.svg|OUT.csv|OUT.xlsx")
    dk = sub.add_parser("deck", parents=[common, where], help="a PowerPoint deck (.pptx)")
    dk.add_argument("out", metavar="OUT.pptx|OUT.pdf")
    dk.add_argument("--preset", default="annual", help="which slides (default: annual, 年度全委会)")
    dk.add_argument("--pictures", action="store_true", help="PNG pictures instead of native charts")
    rp = sub.add_parser("report", parents=[common, where], help="the Word analysis report (.docx, or .pdf)")
    rp.add_argument("out", metavar="OUT.docx|OUT.pdf")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    lang = args.lang
    try:
        if args.command == "list":
            return cli.cmd_list(lang)
        if args.command == "chart":
            return cli.cmd_chart(args.name, args.out, args.city, args.year, args.db, lang, args.as_of)
        if args.command == "deck":
            return cli.cmd_deck(args.out, args.preset, args.city, args.year, args.db, lang, args.pictures, args.as_of)
        if args.command == "report":
            return cli.cmd_report(args.out, args.city, args.year, args.db, lang, args.as_of)
    except (StoreBusy, StoreMissing) as err:
        print(err.message(lang), file=sys.stderr)
        return cli.EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # the last line of defence: a message, never a traceback
        if os.environ.get("UNION_DEBUG"):
            raise
        print(f"内部错误 internal error: {type(err).__name__}: {err}", file=sys.stderr)
        return cli.EXIT_FAILED
    return cli.EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
