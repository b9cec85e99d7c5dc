"""Dated copies of the store: taken before loads, on request, and restored on request."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import duckdb

from etl import db

KEEP_BACKUPS = 30  # the newest copies kept per store; older ones are removed


def backup_dir(store: Path) -> Path:
    return store.parent / "backups"


def copy_locked_file(src: Path, dst: Path) -> None:
    """Copy the store while this process holds its lock, in another process: closing any descriptor of a file
    drops every POSIX lock this process holds on it, so shutil.copy here would let a second writer in."""
    import subprocess

    subprocess.run(["cp", "--", str(src), str(dst)], check=True)


def backup(path: str | Path | None = None, reason: str = "manual") -> Path | None:
    """Copy the store to data/backups/NAME-YYYYmmdd-HHMMSS-REASON.duckdb (after a checkpoint, under the write lock)."""
    store = db.db_path(path)
    if not store.exists():
        return None
    out_dir = backup_dir(store)
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    out = out_dir / f"{store.stem}-{stamp}-{reason}.duckdb"
    con = db.connect(store)
    try:
        con.execute("checkpoint")
        copy_locked_file(store, out)  # the lock is ours: nobody writes while we copy
    finally:
        con.close()
    old = sorted(out_dir.glob(f"{store.stem}-*.duckdb"))
    for f in old[:-KEEP_BACKUPS]:
        f.unlink()
    return out


def restore(source: str | Path, path: str | Path | None = None) -> Path:
    """Replace the store with a backup, after checking the backup is a store, and backing up the current one."""
    src = Path(source)
    try:
        check = duckdb.connect(str(src), read_only=True)
        check.execute("select count(*) from batches").fetchone()
        check.close()
    except duckdb.Error as err:
        raise ValueError(f"{src} is not a store backup ({type(err).__name__})") from None
    store = db.db_path(path)
    backup(store, "before-restore")
    con = db.connect(store)  # hold the lock while the file is replaced
    try:
        issued = con.execute(
            """
            select greatest(
                (select coalesce(max(batch_id), 0) from batches),
                (select coalesce(max(value::integer), 0) from meta where key = 'batch_id_floor')
            )
            """
        ).fetchone()[0]
        tmp = store.with_name(store.name + ".restoring")
        shutil.copy2(src, tmp)
        # Batch ids issued since the backup was taken are never handed out again (logs and links name them).
        restored = duckdb.connect(str(tmp))
        try:
            floor = restored.execute(
                "select coalesce(max(value::integer), 0) from meta where key = 'batch_id_floor'"
            ).fetchone()[0]
            restored.execute(
                "insert or replace into meta values ('batch_id_floor', $v)", {"v": str(max(issued, floor))}
            )
            restored.execute("checkpoint")
        finally:
            restored.close()
    finally:
        con.close()
    wal = store.with_name(store.name + ".wal")
    if wal.exists():
        wal.unlink()
    tmp.replace(store)
    return store
