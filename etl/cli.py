"""What each `python -m etl` command does; __main__ only parses arguments and calls these."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from etl import db
from etl.cycle import CycleRefused
from etl.problems import Problem, format_number
from etl.store import BatchError, Plan, StaleData, already_loaded_problem, commit, list_batches, reapply, rollback
from etl.years import year_ok, year_range
from queries import query_rows
from texts import t

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2

SHOWN_CHANGES = 20


def say(lang: str, key: str, **kw: object) -> str:
    """A message of `python -m etl` (texts/cli.py, key cli_KEY) in `lang`, with {placeholders} filled."""
    return t(f"cli_{key}", lang, **kw)


def default_user() -> str:
    try:
        return os.environ.get("UNION_USER") or getpass.getuser()
    except Exception:
        return "unknown"


def print_problem(p: Problem, lang: str, out=None) -> None:
    out = out or sys.stdout
    prefix = say(lang, p.severity)
    print(f"{p.location}: {prefix}{p.message(lang)}", file=out)


def print_plan(plan: Plan, lang: str) -> None:
    from etl.catalog import load_catalog

    cat = load_catalog()
    for ch in plan.changed[:SHOWN_CHANGES]:
        r = ch.record
        print(
            say(
                lang,
                "change",
                district=cat.districts[r.district].name(lang),
                year=r.year,
                indicator=cat.indicators[r.indicator].name(lang),
                old=format_number(ch.old_value),
                new=format_number(r.value),
                ref=f"{r.sheet}!{r.cell}",
            )
        )
    if len(plan.changed) > SHOWN_CHANGES:
        print(say(lang, "more_changes", n=len(plan.changed) - SHOWN_CHANGES))


def cmd_init(dbpath: str | None, lang: str) -> int:
    with db.open_store(dbpath):
        pass
    print(say(lang, "initialised", path=db.db_path(dbpath)))
    return EXIT_OK


def cmd_load(
    files: list[str],
    dbpath: str | None,
    year: int | None,
    dry_run: bool,
    by: str | None,
    lang: str,
    kind: str = "spreadsheet",
    is_sample: bool = False,
) -> int:
    """Load each file as its own batch; a file with errors is rejected whole, the others still load.

    Each file is read and checked without holding the store's write lock (the dashboard keeps reading), and
    has its own outcome: loaded (batch number), already loaded, rejected, or failed, said truthfully (a batch
    that was written is never reported as nothing written). Exit 0 only when every file loaded or was loaded
    before."""
    missing = [f for f in files if not Path(f).is_file()]
    for f in missing:
        print(say(lang, "missing_file", path=f), file=sys.stderr)
    if missing:
        return EXIT_USAGE
    if year is not None and not year_ok(year):
        first, last = year_range()
        print(say(lang, "bad_year_option", year=year, first=first, last=last), file=sys.stderr)
        return EXIT_USAGE
    with db.open_store(dbpath):  # create the store, or bring its schema up to date, in a moment
        pass
    tally = {"loaded": 0, "already": 0, "rejected": 0, "failed": 0}
    backed_up = [dry_run]
    for f in files:
        outcome = _load_one(Path(f), dbpath, year, dry_run, by or default_user(), lang, kind, is_sample, backed_up)
        tally[outcome] += 1
    if len(files) > 1:
        print(say(lang, "load_summary", n=len(files), **tally))
    return EXIT_REJECTED if tally["rejected"] or tally["failed"] else EXIT_OK


def _load_one(
    path: Path,
    dbpath: str | None,
    year: int | None,
    dry_run: bool,
    by: str,
    lang: str,
    kind: str,
    is_sample: bool,
    backed_up: list[bool],
) -> str:
    """One file of `etl load`, whatever happens to it: 'loaded', 'already', 'rejected' or 'failed'."""
    from etl.load import plan_file, read_file

    batch = None
    name = path.name
    try:
        wb, parsed = read_file(path, year=year)
        name = parsed.file_name
        with db.open_store(dbpath, read_only=True) as con:
            plan = plan_file(wb, parsed, con)
        if not _report_plan(plan, dry_run, lang):
            return "already" if plan.already_loaded else "rejected"
        if dry_run:
            return "loaded"
        with db.open_store(dbpath) as con:
            if not backed_up[0]:  # one dated copy before this command's first commit
                con.execute("checkpoint")
                _copy_backup(dbpath)
                backed_up[0] = True
            while True:
                try:
                    batch = commit(plan, con, by=by, kind=kind, is_sample=is_sample)
                    break
                except StaleData:  # someone committed since the check: check again, now under the lock
                    plan = plan_file(wb, parsed, con)
                    if not _report_plan(plan, False, lang, again=True):
                        return "already" if plan.already_loaded else "rejected"
        print_plan(plan, lang)
        counts = _counts(plan)
        print(say(lang, "loaded" if plan.has_changes else "nothing_new", batch=batch, **counts))
        return "loaded"
    except (db.StoreBusy, db.StoreMissing, db.WriteConflict) as err:
        print(f"{name}: {err.message(lang)}", file=sys.stderr)
    except CycleRefused as err:  # locked between the check and the commit
        print(err.message(lang), file=sys.stderr)
        return "rejected"
    except Exception as err:
        if os.environ.get("UNION_DEBUG"):
            raise
        key = "failed_after_commit" if batch is not None else "failed_file"
        print(say(lang, key, file=name, batch=batch, err=f"{type(err).__name__}: {err}"), file=sys.stderr)
        if batch is not None:
            return "loaded"
    return "failed"


def _counts(plan: Plan) -> dict:
    return dict(
        file=plan.file_name,
        new=len(plan.new),
        changed=len(plan.changed),
        unchanged=len(plan.unchanged),
        targets=len(plan.targets),
    )


def _report_plan(plan: Plan, dry_run: bool, lang: str, again: bool = False) -> bool:
    """Print what the check found; True when the plan is to be committed (or shown, in a dry run)."""
    if plan.already_loaded and not dry_run:
        print_problem(already_loaded_problem(plan), lang)
        return False
    for p in plan.problems:
        if not again or p.severity == "error":
            print_problem(p, lang)
    if dry_run:  # how every column and row was understood, before anything is written
        from etl.explain import lines

        for line in lines(plan, lang):
            print(line)
    if not plan.ok:
        print(say(lang, "rejected", file=plan.file_name, n=sum(p.severity == "error" for p in plan.problems)))
        return False
    if dry_run:
        print(say(lang, "dry", **_counts(plan)))
        print_plan(plan, lang)
    return True


def cmd_batches(dbpath: str | None, lang: str) -> int:
    with db.open_store(dbpath) as con:
        df = list_batches(con)
    if df.empty:
        print(say(lang, "no_batches"))
        return EXIT_OK
    cols_zh = {
        "batch_id": "批次",
        "kind": "类型",
        "source_name": "文件",
        "created_at": "时间(UTC)",
        "created_by": "操作人",
        "status": "状态",
        "n_new": "新增",
        "n_changed": "修改",
        "n_unchanged": "未变",
        "n_targets": "目标",
    }
    df = df[list(cols_zh)]
    if lang != "en":
        df = df.rename(columns=cols_zh)
        df = df.replace({"状态": {"committed": "有效", "rolled_back": "已撤销"}})
    print(df.to_string(index=False))
    return EXIT_OK


def cmd_rollback(batch_id: int, dbpath: str | None, by: str | None, lang: str, undo: bool = False) -> int:
    with db.open_store(dbpath) as con:
        try:
            (reapply if undo else rollback)(con, batch_id, by or default_user())
        except (BatchError, CycleRefused) as err:
            print(err.message(lang), file=sys.stderr)
            return EXIT_REJECTED
    print(say(lang, "reapplied" if undo else "rolled_back", batch=batch_id))
    return EXIT_OK


def cmd_template(out: str, city: str | None, year: int | None, lang: str) -> int:
    from etl.template import write_template

    path = write_template(Path(out), city=city, year=year, lang=lang)
    print(say(lang, "template", path=path))
    return EXIT_OK


def cmd_sample(dbpath: str | None, out_dir: str | None, if_empty: bool, lang: str) -> int:
    """Generate the sample city's files and load them through the same path as any upload."""
    from etl.sample import generate_sample

    if if_empty:
        with db.open_store(dbpath) as con:
            [(n, _)] = query_rows(con, "batch_counts")
        if n:
            print(say(lang, "sample_skip", n=n))
            return EXIT_OK
    directory = Path(out_dir) if out_dir else db.ROOT / "data" / "sample"
    files = generate_sample(directory)
    code = cmd_load([str(f) for f in files], dbpath, None, False, "sample", lang, kind="sample", is_sample=True)
    if code == EXIT_OK:
        print(say(lang, "sample_done", n=len(files)))
    return code


def cmd_reports(dbpath: str | None, directory: str | None, if_empty: bool, by: str | None, lang: str) -> int:
    """Load the reviewed annual reports of data/reports/ (or `directory`) as report batches with their evidence."""
    from etl.reports import (
        REPORT_DIR,
        ReportsRejected,
        commit_bundled_report,
        count_report_batches,
        plan_bundled_reports,
    )

    folder = Path(directory) if directory else REPORT_DIR
    if not folder.is_dir():
        print(say(lang, "missing_file", path=folder), file=sys.stderr)
        return EXIT_USAGE
    with db.open_store(dbpath) as con:
        revisions_only = False
        if if_empty and (n := count_report_batches(con)):
            # a store that has reports still takes revised versions of them (e.g. figures given their periods)
            try:
                revised = [r for r in plan_bundled_reports(con, folder) if r.revises and not r.loaded]
            except ReportsRejected:
                revised = []
            if not revised:
                print(say(lang, "reports_skip", n=n))
                return EXIT_OK
            revisions_only = True
        try:
            reports = plan_bundled_reports(con, folder)
            if revisions_only:
                reports = [r for r in reports if r.revises and not r.loaded]
        except ReportsRejected as err:
            for p in err.problems:
                print_problem(p, lang)
            print(say(lang, "reports_rejected", n=len(err.problems)))
            return EXIT_REJECTED
        if not reports:
            print(say(lang, "reports_none", dir=folder))
            return EXIT_OK
        loaded = 0
        for r in reports:
            name = r.text.name
            if r.loaded:
                key = "report_already" if r.loaded["status"] == "committed" else "report_rolled_back"
                print(say(lang, key, file=name, batch=r.loaded["batch_id"]))
                continue
            for p in r.plan.problems:  # warnings (a jump on last year …); errors stopped us above
                print_problem(p, lang)
            if not loaded:  # one dated copy before this command's first commit
                con.execute("checkpoint")
                _copy_backup(dbpath)
            batch, plan = commit_bundled_report(con, r, by or default_user())
            loaded += 1
            counts = dict(new=len(plan.new), changed=len(plan.changed), unchanged=len(plan.unchanged))
            print(say(lang, "report_loaded", file=name, batch=batch, **counts))
    print(say(lang, "reports_done", n=loaded, skipped=len(reports) - loaded))
    return EXIT_OK


def cmd_add_editor(
    name: str,
    districts: str | None,
    display_name: str | None,
    password_stdin: bool,
    secrets: str | None,
    lang: str,
    viewer: bool = False,
    reviewer: bool = False,
) -> int:
    """Write an editor's salted password hash into the secrets file (asks for the password twice)."""
    from etl.auth import add_editor
    from etl.catalog import load_catalog

    codes = [c.strip() for c in districts.split(",") if c.strip()] if districts else None
    cat = load_catalog()
    unknown = [c for c in codes or [] if c not in cat.districts]
    if unknown:
        print(say(lang, "unknown_codes", codes="、".join(unknown)), file=sys.stderr)
        return EXIT_USAGE
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass(say(lang, "password_prompt"))
        if getpass.getpass(say(lang, "password_again")) != password:
            print(say(lang, "password_mismatch"), file=sys.stderr)
            return EXIT_USAGE
    try:
        path = add_editor(
            name,
            password,
            codes,
            display_name,
            secrets,
            role="viewer" if viewer else "reviewer" if reviewer else "editor",
        )
    except ValueError as err:
        print(str(err), file=sys.stderr)
        return EXIT_USAGE
    if viewer:
        print(say(lang, "viewer_added", name=name, path=path))
        return EXIT_OK
    scope = "、".join(cat.districts[c].name_zh for c in codes) if codes else say(lang, "all_districts")
    print(say(lang, "editor_added", name=name, path=path, scope=scope))
    return EXIT_OK


def _copy_backup(dbpath: str | None) -> None:
    """A dated copy of the store while this process holds its lock (see etl.backup)."""
    import datetime as dt

    from etl.backup import KEEP_BACKUPS, backup_dir, copy_locked_file

    store = db.db_path(dbpath)
    out_dir = backup_dir(store)
    out_dir.mkdir(parents=True, exist_ok=True)
    copy_locked_file(store, out_dir / f"{store.stem}-{dt.datetime.now():%Y%m%d-%H%M%S-%f}-load.duckdb")
    for old in sorted(out_dir.glob(f"{store.stem}-*.duckdb"))[:-KEEP_BACKUPS]:
        old.unlink()


def cmd_backup(dbpath: str | None, lang: str) -> int:
    from etl.backup import backup

    out = backup(dbpath)
    if out is None:
        print(db.StoreMissing(db.db_path(dbpath)).message(lang), file=sys.stderr)
        return EXIT_REJECTED
    print(say(lang, "backup_done", path=out))
    return EXIT_OK


def cmd_restore(source: str, dbpath: str | None, lang: str) -> int:
    from etl.backup import restore

    if not Path(source).is_file():
        print(say(lang, "missing_file", path=source), file=sys.stderr)
        return EXIT_USAGE
    try:
        store = restore(source, dbpath)
    except ValueError as err:
        print(str(err), file=sys.stderr)
        return EXIT_REJECTED
    print(say(lang, "restored", path=store, source=source))
    return EXIT_OK


def cmd_extract(source: str, as_json: bool, lang: str) -> int:
    """Print the figures a report states: JSON for tools, a table with evidence for people."""
    import json

    from etl.catalog import load_catalog
    from etl.extract import ReportError, decode_report, extract, read_report_file
    from etl.periods import period_words

    try:
        text, how = decode_report(sys.stdin.buffer.read(), "-") if source == "-" else read_report_file(source)
    except ReportError as err:
        print(err.message(lang), file=sys.stderr)
        return EXIT_USAGE
    result = extract(text)
    if as_json:  # "encoding": how the file was read (utf-8, gb18030, big5, utf-16 or docx)
        print(json.dumps({**result.as_dict(), "encoding": how}, ensure_ascii=False, indent=1))
        return EXIT_OK
    cat = load_catalog()
    unknown = say(lang, "unknown")
    print(
        say(
            lang,
            "extract_head",
            org=result.organisation_written or result.organisation or unknown,
            year=result.report_year or unknown,
            n=len(result.facts),
        )
        + say(lang, "extract_read_as", how=how)
    )
    full_year = t("period_full_year", lang)
    for f in result.facts:
        ind = cat.indicators.get(f.indicator)
        name = ind.name(lang) if ind else f.indicator
        # each figure with what it covers: a running total (1998–2021 24年累计) is never shown as the year's
        # and a figure its sentence dates to another year (2018年新建工会40家 in a report on 2019) with that year
        own_year = f.year or result.report_year
        period = (
            (f"{f.year}年" if lang == "zh" else str(f.year))
            if f.year and f.period == "year"
            else period_words(f.period, own_year, lang, full_year)
        )
        print(f"  {name}\t{format_number(f.value)}\t{f.qualifier}\t{period}\t«{f.evidence}»")
    return EXIT_OK


# ---- The collection cycle (etl/cycle.py): status, deadline, approve, return, lock, unlock, snapshot ----


def _codes(text: str | None) -> list[str] | None:
    return [c.strip() for c in text.split(",") if c.strip()] if text else None


def reviewer_scope(by: str) -> set[str] | None:
    """The districts a reviewer named `by` may review (None: all). An editor or viewer account is refused: district
    editors never approve their own figures. A name that is no account is the operator of the command line."""
    from etl.auth import load_settings
    from etl.cycle import CycleRefused

    s = load_settings()
    if by in s.editors or by in s.viewers:
        role = "编辑" if by in s.editors else "查看"
        raise CycleRefused("not_reviewer", by=by, role=role)
    entry = s.reviewers.get(by)
    districts = entry.get("districts") if entry else None
    return set(districts) if districts else None


def cmd_status(city: str, year: int, dbpath: str | None, as_json: bool, lang: str) -> int:
    """Each district's status for a city and year: JSON for tools, a table for people."""
    import json

    from etl import cycle

    with db.open_store(dbpath) as con:
        st = cycle.status(con, city, year)
    if as_json:
        print(json.dumps([d.as_dict() for d in st.districts], ensure_ascii=False, indent=1))
        return EXIT_OK
    deadline = ""
    if st.deadline:
        deadline = say(lang, "deadline", date=st.deadline.isoformat())
        if st.days_overdue():
            deadline += say(lang, "overdue", days=st.days_overdue())
    print(say(lang, "status_head", city=city, year=year, n=st.n_reported, total=len(st.counted), deadline=deadline))
    if st.lock:
        print(say(lang, "locked_by", by=st.lock.by_name, at=st.lock.at_local))
    en = lang == "en"
    for d in st.districts:
        zh_name, en_name = cycle.STATUS_NAMES[d.status]
        parts = [d.district_en if en else d.district, en_name if en else zh_name]
        if d.missing:
            parts.append(say(lang, "missing_n", n=len(d.missing)))
        if d.by:
            parts.append(f"{cycle.display_name(d.by, lang)} {cycle.local_time(d.at)}")
        if d.reason:
            parts.append(d.reason)
        print("  " + "\t".join(parts))
    return EXIT_OK


def _cycle_step(dbpath: str | None, lang: str, step) -> int:
    from etl.cycle import CycleRefused

    try:
        with db.open_store(dbpath) as con:
            text = step(con)
    except CycleRefused as err:
        print(err.message(lang), file=sys.stderr)
        return EXIT_REJECTED
    print(text)
    return EXIT_OK


def cmd_deadline(city: str, year: int, date, dbpath: str | None, by: str | None, lang: str) -> int:
    from etl import cycle

    def step(con) -> str:
        cycle.set_deadline(con, city, year, date, by or default_user())
        return say(lang, "deadline_set", city=city, year=year, date=date.isoformat())

    return _cycle_step(dbpath, lang, step)


def cmd_review(
    event: str,
    city: str,
    year: int,
    districts: str | None,
    reason: str | None,
    dbpath: str | None,
    by: str | None,
    lang: str,
) -> int:
    """approve (default: every district waiting) or return (named districts, with a reason)."""
    from etl import cycle
    from etl.catalog import load_catalog

    who = by or default_user()

    def step(con) -> str:
        scope = reviewer_scope(who)
        cat = load_catalog()
        if event == "approve":
            done = cycle.approve(con, city, year, who, _codes(districts), scope, reason)
            return say(lang, "approved", names=cycle._names(cat, done), city=city, year=year)
        done = cycle.return_figures(con, city, year, _codes(districts) or [], reason or "", who, scope)
        return say(lang, "returned", names=cycle._names(cat, done), city=city, year=year, reason=reason)

    return _cycle_step(dbpath, lang, step)


def cmd_lock(
    city: str, year: int, reason: str | None, dbpath: str | None, by: str | None, lang: str, undo: bool
) -> int:
    from etl import cycle

    who = by or default_user()

    def step(con) -> str:
        scope = reviewer_scope(who)
        if undo:
            cycle.unlock(con, city, year, reason or "", who, scope)
            return say(lang, "unlocked", city=city, year=year, reason=reason)
        cycle.lock(con, city, year, who, scope)
        return say(lang, "locked", city=city, year=year)

    return _cycle_step(dbpath, lang, step)


def cmd_snapshot(note: str | None, dbpath: str | None, by: str | None, lang: str) -> int:
    """Record the data version; the snapshot id is the last word printed."""
    from etl import cycle

    def step(con) -> str:
        sid = cycle.take_snapshot(con, note, by or default_user())
        [(n,)] = query_rows(con, "snapshot_size", snapshot_id=sid)
        shown = say(lang, "snapshot_note", note=note.strip()) if note and note.strip() else ""
        return say(lang, "snapshot", n=n, note=shown, id=sid)

    return _cycle_step(dbpath, lang, step)


def cmd_snapshots(dbpath: str | None, lang: str) -> int:
    from etl import cycle

    with db.open_store(dbpath) as con:
        df = cycle.list_snapshots(con)
    if df.empty:
        print(say(lang, "no_snapshots"))
        return EXIT_OK
    for r in df.itertuples():
        print(
            f"#{r.snapshot_id}\t{cycle.local_time(r.created_at)}\t{cycle.display_name(r.created_by, lang)}\t{r.n_batches}\t{r.note or ''}"
        )
    return EXIT_OK
