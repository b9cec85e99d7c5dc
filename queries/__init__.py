"""Named SQL queries: one `queries/NAME.sql` file each, run with DuckDB named parameters bound from a dict.

The runner reads the `$names` a query uses from its text and refuses a call whose keys differ, so a
misspelt or forgotten filter fails loudly instead of silently matching nothing. Values are only ever
bound, never formatted into SQL text. Never imports streamlit.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pandas as pd

QUERY_DIR = Path(__file__).resolve().parent

# A query's name is its file name: no dots, slashes or capitals, so no path can be smuggled in.
_NAME = re.compile(r"[a-z_][a-z0-9_]*")

# Tokens that can hold a `$` without it being a parameter, tried before the parameter itself.
_TOKENS = re.compile(
    r"""
      (?P<line_comment>--[^\n]*)
    | (?P<block_comment>/\*.*?\*/)
    | (?P<string>'(?:[^']|'')*')
    | (?P<quoted_ident>"(?:[^"]|"")*")
    | (?P<dollar_string>\$(?P<tag>[A-Za-z_][A-Za-z0-9_]*|)\$.*?\$(?P=tag)\$)
    | \$(?P<param>[A-Za-z_][A-Za-z0-9_]*)
    """,
    re.DOTALL | re.VERBOSE,
)


class QueryNameError(ValueError):
    """The name is not a query: malformed (only [a-z_][a-z0-9_]*) or no such file in queries/."""


class QueryParamError(ValueError):
    """The caller's parameter names differ from the `$names` the query's SQL uses."""

    def __init__(self, name: str, missing: set[str], extra: set[str]):
        self.name, self.missing, self.extra = name, missing, extra
        parts = []
        if missing:
            parts.append("missing " + ", ".join(f"${p}" for p in sorted(missing)))
        if extra:
            parts.append("unexpected " + ", ".join(sorted(extra)))
        super().__init__(f"query {name!r}: " + "; ".join(parts))


def list_queries() -> list[str]:
    """Names of all queries, sorted: the `.sql` files in queries/ whose stem is a valid name."""
    return sorted(p.stem for p in QUERY_DIR.glob("*.sql") if _NAME.fullmatch(p.stem))


def query_path(name: str) -> Path:
    """The file of query `name`; QueryNameError for a malformed name or a missing file."""
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise QueryNameError(f"not a query name: {name!r} (allowed: lowercase letters, digits, _)")
    path = QUERY_DIR / f"{name}.sql"
    if not path.is_file():
        raise QueryNameError(f"no query {name!r}: {path} does not exist")
    return path


def query_text(name: str) -> str:
    """The SQL text of query `name`."""
    return query_path(name).read_text(encoding="utf-8")


def sql_params(sql: str) -> set[str]:
    """The `$name` parameters in SQL text, ignoring comments, string literals, quoted names and $$ strings."""
    return {m.group("param") for m in _TOKENS.finditer(sql) if m.group("param")}


def query_params(name: str) -> set[str]:
    """The `$name` parameters query `name` expects."""
    return sql_params(query_text(name))


def _bound(name: str, params: dict[str, object]) -> str:
    """The SQL of query `name` once the caller's parameter names are checked against its `$names`."""
    sql = query_text(name)
    expected = sql_params(sql)
    given = set(params)
    if given != expected:
        raise QueryParamError(name, missing=expected - given, extra=given - expected)
    return sql


def run_query(con: duckdb.DuckDBPyConnection, name: str, /, **params: object) -> pd.DataFrame:
    """Run query `name` on `con` with `params` bound by name; QueryParamError unless the keys match exactly."""
    sql = _bound(name, params)
    return con.execute(sql, params).df() if params else con.execute(sql).df()


def query_rows(con: duckdb.DuckDBPyConnection, name: str, /, **params: object) -> list[tuple]:
    """run_query's rows as tuples, without a DataFrame: for the ETL's checks and plans, which read a few rows at a
    time inside a transaction."""
    sql = _bound(name, params)
    return (con.execute(sql, params) if params else con.execute(sql)).fetchall()
