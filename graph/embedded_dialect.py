"""How the embedded store runs a shared named query: pages with literal bounds, rows restored by column.

Measured on LadybugDB 0.22.0 (a department's units, 20 rows): `LIMIT $limit` costs about 1.5 ms more
than `LIMIT 20` in the same query (the engine plans a parameter bound as an expression); and
`ORDER BY … SKIP n` crashes the process for n past a few thousand. So the page clause a query ends
with (`SKIP $offset LIMIT $limit`, or `LIMIT $limit`) is run as `LIMIT offset+limit` written as a
number, the first `offset` rows are dropped here, and pages deeper than MAX_OFFSET are refused.
The numbers are checked to be non-negative integers before they are written into the text.

Line breaks are stored as U+2028 (see `LINE_BREAK` in graph.embedded); they are restored only in the
columns whose declared type can hold text, with one substring test per text value.
"""

import re
from functools import lru_cache
from typing import Any

from graph.errors import BadRequest

LINE_BREAK = "\u2028"
MAX_OFFSET = 10_000
PAGE = re.compile(r"(?:SKIP \$offset\s+)?LIMIT \$limit\s*$")
# Column types that never hold text; every other type but STRING is restored value by value.
NO_TEXT = frozenset({"BOOL", "INT64", "INT32", "INT16", "INT8", "UINT64", "UINT32", "UINT16", "UINT8", "INT128",
                     "DOUBLE", "FLOAT", "DATE", "TIMESTAMP", "INTERVAL", "INTERNAL_ID", "SERIAL"})


def _count(params: dict[str, Any], key: str, default: int | None = None) -> int:
    value = params.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise BadRequest(f"{key} must be a non-negative integer, not {value!r}")
    return value


@lru_cache(maxsize=256)
def _body(text: str) -> str:
    """The statement without its header comments: the engine's Python binding searches the whole text once
    per parameter (for `to_json($name)`), about 50 µs for a 1 KB query, half of it the header."""
    lines = text.splitlines()
    while lines and lines[0].lstrip().startswith("//"):
        lines.pop(0)
    return "\n".join(lines)


@lru_cache(maxsize=256)
def _pages(text: str) -> bool:
    """The statement ends with a page clause (a search of the whole text: about 70 µs, so once per query)."""
    return PAGE.search(text) is not None


@lru_cache(maxsize=4096)
def _paged_text(text: str, rows: int) -> str:
    return PAGE.sub(f"LIMIT {rows}", text.rstrip())


def paged(text: str, params: dict[str, Any] | None) -> tuple[str, dict[str, Any], int]:
    """The statement to run, its parameters and how many leading rows to drop."""
    params = params or {}
    text = _body(text)
    if "limit" not in params or not _pages(text):
        return text, params, 0
    offset, limit = _count(params, "offset", 0), _count(params, "limit")
    if offset > MAX_OFFSET:
        raise BadRequest(f"offset {offset} is past the deepest page the embedded store serves ({MAX_OFFSET})")
    rest = {k: v for k, v in params.items() if k not in ("offset", "limit")}
    return _paged_text(text, offset + limit), rest, offset


def restore(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace(LINE_BREAK, "\n") if LINE_BREAK in value else value
    if isinstance(value, list):
        return [restore(v) for v in value]
    if isinstance(value, dict):
        return {k: restore(v) for k, v in value.items()}
    return value


def rows_of(names: list[str], types: list[str], data: list[list[Any]]) -> list[dict[str, Any]]:
    """Result rows as dicts, line breaks restored: text columns by a substring test, others by type."""
    text = [i for i, t in enumerate(types) if t == "STRING"]
    other = [i for i, t in enumerate(types) if t != "STRING" and t not in NO_TEXT]
    for row in data:
        for i in text:
            value = row[i]
            if value is not None and LINE_BREAK in value:
                row[i] = value.replace(LINE_BREAK, "\n")
        for i in other:
            row[i] = restore(row[i])
    return [dict(zip(names, row, strict=True)) for row in data]
