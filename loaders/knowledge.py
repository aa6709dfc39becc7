"""Reviewed knowledge files under loaders/data, read once.

Jurisdiction short names, department stems and named bodies live in TSV files
so that a reviewer can check and extend them without reading code.
"""

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _rows(name: str) -> list[list[str]]:
    text = resources.files("loaders").joinpath("data", name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return [[cell.strip() for cell in row] for row in csv.reader(lines, delimiter="\t")]


@dataclass(frozen=True)
class Jurisdiction:
    short: str
    name: str
    level: str  # 省 or 市: the prefix its own departments are written with
    prefixes: tuple[str, ...]


@dataclass(frozen=True)
class Stem:
    canonical: str
    kind: str


@dataclass(frozen=True)
class NamedBody:
    jurisdiction: str
    canonical: str
    kind: str


@lru_cache(maxsize=1)
def jurisdictions() -> tuple[Jurisdiction, ...]:
    return tuple(Jurisdiction(r[0], r[1], r[2], tuple(r[3].split("|"))) for r in _rows("jurisdictions.tsv"))


@lru_cache(maxsize=1)
def stems() -> dict[str, Stem]:
    return {r[0]: Stem(r[1], r[2]) for r in _rows("department_stems.tsv")}


@lru_cache(maxsize=1)
def named_bodies() -> dict[tuple[str, str], NamedBody]:
    return {(r[0], r[1]): NamedBody(r[0], r[2], r[3]) for r in _rows("named_bodies.tsv")}


def jurisdiction_by_name(name: str) -> Jurisdiction | None:
    return next((j for j in jurisdictions() if j.name == name), None)


def jurisdiction_of_doc_number(doc_number: str) -> Jurisdiction | None:
    """皖政〔2018〕20号 → 安徽省: the longest matching prefix wins."""
    head = doc_number.split("〔")[0]
    best = None
    for j in jurisdictions():
        for prefix in j.prefixes:
            if head == prefix and (best is None or len(prefix) > len(best[1])):
                best = (j, prefix)
    return best[0] if best else None


def aliases_of(canonical_stem: str) -> list[str]:
    """Every reviewed stem written for the same canonical stem (known abbreviations)."""
    return [stem for stem, s in stems().items() if s.canonical == canonical_stem]
