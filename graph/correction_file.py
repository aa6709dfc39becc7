"""Corrections as a file a team reviews in git: JSON Lines, one correction per line.

Why JSON Lines: a correction's body is nested (a department, a role, a target's value …),
which TSV cannot hold without a second format inside it; one line per correction, sorted
by plan, unit path and id, with keys in a fixed order, makes a new correction one added
line and a changed one one changed line, so diffs stay small and merges rarely conflict.
Chinese is written as itself (not \\u escapes) so a reviewer reads it. Whether a correction
is stale is the store's finding against the text as last read, not part of the correction,
so it is not written (and is ignored when read).
"""

import json
from datetime import datetime
from pathlib import Path

from graph.corrections import KINDS
from graph.errors import DocumentError
from graph.model import Correction

FIELDS = ("id", "plan_id", "kind", "unit_path", "quote", "body", "by", "at", "why")  # in the order written
REQUIRED = ("id", "plan_id", "kind", "by", "at")
IGNORED = ("stale", "stale_reason")


def sort_key(c: Correction) -> tuple[str, str, str]:
    return (c.plan_id, c.unit_path or "", c.id)


def dumps(corrections: list[Correction]) -> str:
    """One JSON object per line, sorted by plan, unit path and id."""
    lines = []
    for c in sorted(corrections, key=sort_key):
        record = {name: getattr(c, name) for name in FIELDS}
        record["body"] = dict(sorted(c.body.items()))
        lines.append(json.dumps(record, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)


def _checked(record: object, where: str) -> Correction:
    if not isinstance(record, dict):
        raise DocumentError(f"{where}: a correction is a JSON object, not {type(record).__name__}")
    unknown = sorted(set(record) - set(FIELDS) - set(IGNORED))
    if unknown:
        raise DocumentError(f"{where}: unknown field {unknown[0]!r}; a correction has {', '.join(FIELDS)}")
    for name in REQUIRED:
        if not isinstance(record.get(name), str) or not record[name].strip():
            raise DocumentError(f"{where}: {name!r} is missing or not a non-empty string")
    if record["kind"] not in KINDS:
        raise DocumentError(f"{where}: unknown kind {record['kind']!r}; use one of {', '.join(KINDS)}")
    if not isinstance(record.get("body", {}), dict):
        raise DocumentError(f"{where}: 'body' must be a JSON object")
    for name in ("unit_path", "quote", "why"):
        if record.get(name) is not None and not isinstance(record[name], str):
            raise DocumentError(f"{where}: {name!r} must be a string or null")
    try:
        datetime.fromisoformat(record["at"])
    except ValueError:
        raise DocumentError(f"{where}: 'at' is no ISO 8601 time: {record['at']!r}") from None
    return Correction(**{name: record[name] for name in FIELDS if record.get(name) is not None})


def loads(text: str, name: str = "corrections") -> list[Correction]:
    """The corrections of a file's text; a DocumentError naming the file and line for anything wrong."""
    out: list[Correction] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name} line {number}"
        try:
            record = json.loads(line)
        except ValueError as e:
            raise DocumentError(f"{where}: not JSON ({e.msg}); the file holds one JSON object per line") from None
        correction = _checked(record, where)
        if correction.id in seen:
            raise DocumentError(f"{where}: id {correction.id!r} already on line {seen[correction.id]}")
        seen[correction.id] = number
        out.append(correction)
    return out


def read(path: Path) -> list[Correction]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DocumentError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise DocumentError(f"{path}: cannot be read as UTF-8 text ({e})") from None
    return loads(text, str(path))


def write(path: Path, corrections: list[Correction]) -> None:
    path.write_text(dumps(corrections), encoding="utf-8")
