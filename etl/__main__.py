"""python -m etl: parse arguments and call etl.cli (each subcommand names its function with set_defaults(func=…));
bad input never ends in a traceback."""

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
    init = sub.add_parser("init", parents=[common], help="create the store")
    init.set_defaults(func=lambda a: cli.cmd_init(a.db, a.lang))
    load = sub.add_parser("load", parents=[common], help="check and load spreadsheets")
    load.add_argument("files", nargs="+", metavar="FILE")
    load.add_argument("--year", type=int, help="year of the figures when no column, sheet or file name says")
    load.add_argument("--dry-run", action="store_true", help="check and show the plan, write nothing")
    load.add_argument("--by", help="who is loading (default: the login name)")
    load.set_defaults(func=lambda a: cli.cmd_load(a.files, a.db, a.year, a.dry_run, a.by, a.lang))
    bs = sub.add_parser("batches", parents=[common], help="list batches")
    bs.set_defaults(func=lambda a: cli.cmd_batches(a.db, a.lang))
    rb = sub.add_parser("rollback", parents=[common], help="roll a batch back")
    rb.add_argument("batch_id", type=int)
    rb.add_argument("--by")
    rb.set_defaults(func=lambda a: cli.cmd_rollback(a.batch_id, a.db, a.by, a.lang))
    ra = sub.add_parser("reapply", parents=[common], help="make a rolled-back batch count again")
    ra.add_argument("batch_id", type=int)
    ra.add_argument("--by")
    ra.set_defaults(func=lambda a: cli.cmd_rollback(a.batch_id, a.db, a.by, a.lang, undo=True))
    tp = sub.add_parser("template", parents=[common], help="write the upload template")
    tp.add_argument("out", metavar="OUT.xlsx")
    tp.add_argument("--city", help="prefill the districts of this city, e.g. 示例市")
    tp.add_argument("--year", type=int)
    tp.set_defaults(func=lambda a: cli.cmd_template(a.out, a.city, a.year, a.lang))
    sp = sub.add_parser("sample", parents=[common], help="generate and load the sample city's data")
    sp.add_argument("--out", help="where to write the sample files (default data/sample)")
    sp.add_argument("--if-empty", action="store_true", help="only when the store has no batches")
    sp.set_defaults(func=lambda a: cli.cmd_sample(a.db, a.out, a.if_empty, a.lang))
    rp = sub.add_parser("reports", parents=[common], help="load the reviewed annual reports of data/reports/")
    rp.add_argument("--dir", help="folder of NAME.txt + NAME.figures.csv pairs (default data/reports)")
    rp.add_argument("--if-empty", action="store_true", help="only when the store has no report batch yet")
    rp.add_argument("--by", help="who is loading (default: the login name)")
    rp.set_defaults(func=lambda a: cli.cmd_reports(a.db, a.dir, a.if_empty, a.by, a.lang))
    ed = sub.add_parser("add-editor", parents=[common], help="add or replace an editor account")
    ed.add_argument("name")
    ed.add_argument("--districts", help="comma-separated district codes the editor may change (default: all)")
    ed.add_argument("--display-name")
    ed.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    ed.add_argument("--secrets", help="secrets file (default: $UNION_SECRETS or .streamlit/secrets.toml)")
    ed.add_argument("--viewer", action="store_true", help="a viewing account (when viewing needs a login)")
    ed.add_argument("--reviewer", action="store_true", help="a reviewer: approves, returns and locks (city staff)")
    ed.set_defaults(
        func=lambda a: cli.cmd_add_editor(
            a.name, a.districts, a.display_name, a.password_stdin, a.secrets, a.lang, a.viewer, a.reviewer
        )
    )
    bk = sub.add_parser("backup", parents=[common], help="copy the store to data/backups/")
    bk.set_defaults(func=lambda a: cli.cmd_backup(a.db, a.lang))
    ex = sub.add_parser("extract", parents=[common], help="read the figures out of an annual work report")
    ex.add_argument("file", metavar="FILE", help=".txt or .docx report, or - for standard input")
    ex.add_argument("--json", action="store_true", help="print one JSON object (organisation, report_year, facts)")
    ex.set_defaults(func=lambda a: cli.cmd_extract(a.file, a.json, a.lang))
    rs = sub.add_parser("restore", parents=[common], help="replace the store with a backup")
    rs.add_argument("file", metavar="FILE")
    rs.set_defaults(func=lambda a: cli.cmd_restore(a.file, a.db, a.lang))
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
    st.set_defaults(func=lambda a: cli.cmd_status(a.city, a.year, a.db, a.json, a.lang))
    dl = sub.add_parser("deadline", parents=[common, cy], help="set the reporting deadline")
    dl.add_argument("--date", type=_date, required=True, metavar="YYYY-MM-DD")
    dl.set_defaults(func=lambda a: cli.cmd_deadline(a.city, a.year, a.date, a.db, a.by, a.lang))
    ap = sub.add_parser("approve", parents=[common, cy], help="approve district-years (a reviewer)")
    ap.add_argument("--districts", help="comma-separated codes (default: every district waiting for review)")
    ap.add_argument("--note")
    ap.set_defaults(func=lambda a: cli.cmd_review("approve", a.city, a.year, a.districts, a.note, a.db, a.by, a.lang))
    rt = sub.add_parser("return", parents=[common, cy], help="return district-years with a reason")
    rt.add_argument("--districts", required=True)
    rt.add_argument("--reason", required=True)
    rt.set_defaults(func=lambda a: cli.cmd_review("return", a.city, a.year, a.districts, a.reason, a.db, a.by, a.lang))
    lk = sub.add_parser("lock", parents=[common, cy], help="定稿: lock a city-year")
    lk.set_defaults(func=lambda a: cli.cmd_lock(a.city, a.year, None, a.db, a.by, a.lang, undo=False))
    ul = sub.add_parser("unlock", parents=[common, cy], help="unlock a city-year (with a reason)")
    ul.add_argument("--reason", required=True)
    ul.set_defaults(func=lambda a: cli.cmd_lock(a.city, a.year, a.reason, a.db, a.by, a.lang, undo=True))
    sn = sub.add_parser("snapshot", parents=[common], help="record the data version (for --as-of)")
    sn.add_argument("--note")
    sn.add_argument("--by")
    sn.set_defaults(func=lambda a: cli.cmd_snapshot(a.note, a.db, a.by, a.lang))
    ss = sub.add_parser("snapshots", parents=[common], help="list the snapshots")
    ss.set_defaults(func=lambda a: cli.cmd_snapshots(a.db, a.lang))


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    lang = args.lang
    try:
        return args.func(args)
    except (StoreBusy, StoreMissing) as err:
        print(err.message(lang), file=sys.stderr)
        return cli.EXIT_REJECTED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `etl extract … | head`: the reader closed the pipe, which is no error; stdout goes to devnull so that the
        # interpreter's own flush at exit does not fail again
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):  # a stdout with no file behind it (a test's capture) has nothing left to flush
            pass
        return 0
    except Exception as err:  # the last line of defence: a message, never a traceback
        if os.environ.get("UNION_DEBUG"):
            raise
        print(cli.say(lang, "internal", err=f"{type(err).__name__}: {err}"), file=sys.stderr)
        return cli.EXIT_REJECTED


if __name__ == "__main__":
    sys.exit(main())
