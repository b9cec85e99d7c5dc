"""python -m etl: parse arguments and call etl.cli; bad input never ends in a traceback."""

from __future__ import annotations

import argparse
import os
import sys

from etl import cli
from etl.db import StoreBusy, StoreMissing


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", help="DuckDB file (default: $UNION_DB or data/union.duckdb)")
    common.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of messages")
    p = argparse.ArgumentParser(prog="python -m etl", description="工会数据看板 data loader")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("init", parents=[common], help="create the store")
    load = sub.add_parser("load", parents=[common], help="check and load spreadsheets")
    load.add_argument("files", nargs="+", metavar="FILE")
    load.add_argument("--year", type=int, help="year of the figures when no column, sheet or file name says")
    load.add_argument("--dry-run", action="store_true", help="check and show the plan, write nothing")
    load.add_argument("--by", help="who is loading (default: the login name)")
    sub.add_parser("batches", parents=[common], help="list batches")
    rb = sub.add_parser("rollback", parents=[common], help="roll a batch back")
    rb.add_argument("batch_id", type=int)
    rb.add_argument("--by")
    ra = sub.add_parser("reapply", parents=[common], help="make a rolled-back batch count again")
    ra.add_argument("batch_id", type=int)
    ra.add_argument("--by")
    tp = sub.add_parser("template", parents=[common], help="write the upload template")
    tp.add_argument("out", metavar="OUT.xlsx")
    tp.add_argument("--city", help="prefill the districts of this city, e.g. 示例市")
    tp.add_argument("--year", type=int)
    sp = sub.add_parser("sample", parents=[common], help="generate and load the sample city's data")
    sp.add_argument("--out", help="where to write the sample files (default data/sample)")
    sp.add_argument("--if-empty", action="store_true", help="only when the store has no batches")
    rp = sub.add_parser("reports", parents=[common], help="load the reviewed annual reports of data/reports/")
    rp.add_argument("--dir", help="folder of NAME.txt + NAME.figures.csv pairs (default data/reports)")
    rp.add_argument("--if-empty", action="store_true", help="only when the store has no report batch yet")
    rp.add_argument("--by", help="who is loading (default: the login name)")
    ed = sub.add_parser("add-editor", parents=[common], help="add or replace an editor account")
    ed.add_argument("name")
    ed.add_argument("--districts", help="comma-separated district codes the editor may change (default: all)")
    ed.add_argument("--display-name")
    ed.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    ed.add_argument("--secrets", help="secrets file (default: $UNION_SECRETS or .streamlit/secrets.toml)")
    ed.add_argument("--viewer", action="store_true", help="a viewing account (when viewing needs a login)")
    ed.add_argument("--reviewer", action="store_true", help="a reviewer: approves, returns and locks (city staff)")
    sub.add_parser("backup", parents=[common], help="copy the store to data/backups/")
    ex = sub.add_parser("extract", parents=[common], help="read the figures out of an annual work report")
    ex.add_argument("file", metavar="FILE", help=".txt or .docx report, or - for standard input")
    ex.add_argument("--json", action="store_true", help="print one JSON object (organisation, report_year, facts)")
    rs = sub.add_parser("restore", parents=[common], help="replace the store with a backup")
    rs.add_argument("file", metavar="FILE")
    add_cycle_commands(sub, common)
    return p


def _date(text: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def add_cycle_commands(sub, common: argparse.ArgumentParser) -> None:
    """The collection cycle: status, deadline, approve, return, lock, unlock, snapshot (etl/cycle.py)."""
    cy = argparse.ArgumentParser(add_help=False)
    cy.add_argument("--city", required=True, help="city, e.g. 示例市")
    cy.add_argument("--year", type=int, required=True)
    cy.add_argument("--by", help="who does it (default: the login name)")
    st = sub.add_parser("status", parents=[common, cy], help="who has reported, for a city and year")
    st.add_argument("--json", action="store_true", help="one object per district")
    dl = sub.add_parser("deadline", parents=[common, cy], help="set the reporting deadline")
    dl.add_argument("--date", type=_date, required=True, metavar="YYYY-MM-DD")
    ap = sub.add_parser("approve", parents=[common, cy], help="approve district-years (a reviewer)")
    ap.add_argument("--districts", help="comma-separated codes (default: every district waiting for review)")
    ap.add_argument("--note")
    rt = sub.add_parser("return", parents=[common, cy], help="return district-years with a reason")
    rt.add_argument("--districts", required=True)
    rt.add_argument("--reason", required=True)
    sub.add_parser("lock", parents=[common, cy], help="定稿: lock a city-year")
    ul = sub.add_parser("unlock", parents=[common, cy], help="unlock a city-year (with a reason)")
    ul.add_argument("--reason", required=True)
    sn = sub.add_parser("snapshot", parents=[common], help="record the data version (for --as-of)")
    sn.add_argument("--note")
    sn.add_argument("--by")
    sub.add_parser("snapshots", parents=[common], help="list the snapshots")


def run_cycle_command(args) -> int | None:
    lang = args.lang
    if args.command == "status":
        return cli.cmd_status(args.city, args.year, args.db, args.json, lang)
    if args.command == "deadline":
        return cli.cmd_deadline(args.city, args.year, args.date, args.db, args.by, lang)
    if args.command in ("approve", "return"):
        reason = args.note if args.command == "approve" else args.reason
        return cli.cmd_review(args.command, args.city, args.year, args.districts, reason, args.db, args.by, lang)
    if args.command in ("lock", "unlock"):
        reason = getattr(args, "reason", None)
        return cli.cmd_lock(args.city, args.year, reason, args.db, args.by, lang, undo=args.command == "unlock")
    if args.command == "snapshot":
        return cli.cmd_snapshot(args.note, args.db, args.by, lang)
    if args.command == "snapshots":
        return cli.cmd_snapshots(args.db, lang)
    return None


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    lang = args.lang
    try:
        if args.command == "init":
            return cli.cmd_init(args.db, lang)
        if args.command == "load":
            return cli.cmd_load(args.files, args.db, args.year, args.dry_run, args.by, lang)
        if args.command == "batches":
            return cli.cmd_batches(args.db, lang)
        if args.command in ("rollback", "reapply"):
            return cli.cmd_rollback(args.batch_id, args.db, args.by, lang, undo=args.command == "reapply")
        if args.command == "template":
            return cli.cmd_template(args.out, args.city, args.year, lang)
        if args.command == "backup":
            return cli.cmd_backup(args.db, lang)
        if args.command == "restore":
            return cli.cmd_restore(args.file, args.db, lang)
        if args.command == "add-editor":
            return cli.cmd_add_editor(
                args.name,
                args.districts,
                args.display_name,
                args.password_stdin,
                args.secrets,
                lang,
                args.viewer,
                args.reviewer,
            )
        if args.command == "extract":
            return cli.cmd_extract(args.file, args.json, lang)
        if args.command == "reports":
            return cli.cmd_reports(args.db, args.dir, args.if_empty, args.by, lang)
        if args.command == "sample":
            return cli.cmd_sample(args.db, args.out, args.if_empty, lang)
        if (code := run_cycle_command(args)) is not None:
            return code
    except (StoreBusy, StoreMissing) as err:
        print(err.message(lang), file=sys.stderr)
        return cli.EXIT_REJECTED
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # the last line of defence: a message, never a traceback
        if os.environ.get("UNION_DEBUG"):
            raise
        print(cli.say(lang, "internal", err=f"{type(err).__name__}: {err}"), file=sys.stderr)
        return cli.EXIT_REJECTED
    return cli.EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
