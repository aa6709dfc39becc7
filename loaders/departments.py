"""Department names as written → one department per body, within a jurisdiction.

`省发展改革委` and `省发改委` in an Anhui plan are one node, 安徽省发展和改革委员会;
Zhejiang's `省发改委` is another. Names listed without their prefix
(`配合单位：市发展改革委、经贸信息委`) are read at the document's own level.
Groups (`各市、县人民政府`) are kept whole.
"""

import re
from dataclasses import dataclass

from graph.ids import department_id
from graph.model import Department
from loaders.knowledge import Jurisdiction, aliases_of, named_bodies, stems

LEVEL_PREFIXES = ("省", "市", "区", "县")
GROUP = re.compile(r"(^各|^有关|各成员单位$|成员单位$|^省有关|^市有关|有关部门$|各新区管委会$)")
GOVERNMENT = re.compile(r"(人民政府|政府)$")
BODY_SUFFIX = re.compile(
    r"(委员会|委|厅|局|办|部|部门|社|院|行|公司|集团|中心|政府|支行|海关|单位|小组|处|署|室|管委会|联席会议)$"
)


@dataclass(frozen=True)
class Resolved:
    department: Department
    surface: str


def looks_like_body(name: str) -> bool:
    """A name ends the way a body's name ends (厅, 委, 局, 人民政府, 各成员单位 …)."""
    return bool(name) and len(name) <= 40 and bool(BODY_SUFFIX.search(name))


def _strip_level(name: str, jurisdiction: Jurisdiction) -> tuple[str, bool]:
    """`省发改委` → (`发改委`, True); a name without the document's level prefix stays."""
    for prefix in (jurisdiction.name, jurisdiction.level):
        if name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix) :], True
    return name, False


def resolve(name: str, jurisdiction: Jurisdiction) -> Department:
    """One surface form → its department node (canonical name, kind, aliases)."""
    named = named_bodies().get((jurisdiction.name, name))
    if named is not None:
        return _department(named.canonical, jurisdiction, named.kind, [name])
    stem = name
    known = stems().get(name)
    if known is None:
        stem, _prefixed = _strip_level(name, jurisdiction)
        known = stems().get(stem)
    if known is not None:
        canonical = jurisdiction.name + known.canonical
        aliases = [name] + [jurisdiction.level + s for s in aliases_of(known.canonical)]
        return _department(canonical, jurisdiction, known.kind, aliases)
    kind = "group" if GROUP.search(name) else "government" if GOVERNMENT.search(name) else "department"
    canonical = name if name.startswith(jurisdiction.name) else jurisdiction.name + stem
    return _department(canonical, jurisdiction, kind, [name])


def _department(canonical: str, jurisdiction: Jurisdiction, kind: str, aliases: list[str]) -> Department:
    seen = list(dict.fromkeys([*aliases, canonical]))
    return Department(
        id=department_id(jurisdiction.name, canonical),
        name=canonical,
        jurisdiction=jurisdiction.name,
        aliases=seen,
        kind=kind,  # type: ignore[arg-type]
    )


def merge_departments(departments: list[Department]) -> list[Department]:
    """One node per id, with every alias any mention contributed, in first-seen order."""
    merged: dict[str, Department] = {}
    for d in departments:
        if d.id in merged:
            old = merged[d.id]
            old.aliases = list(dict.fromkeys([*old.aliases, *d.aliases]))
        else:
            merged[d.id] = d.model_copy(deep=True)
    return list(merged.values())
