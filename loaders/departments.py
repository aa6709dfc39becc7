"""Department names as written → one department per body, within a jurisdiction.

`省发展改革委` and `省发改委` in an Anhui plan are one node, 安徽省发展和改革委员会;
Zhejiang's `省发改委` is another. The level prefix says whose body it is: the
document's own (省 in a provincial document, 区 in a district's), a government
above it (市 in a district's document is its city's), or a place named in full
(成都市人民政府, 咸宁高新区管委会). Names listed without their prefix
(`配合单位：市发展改革委、经贸信息委`) are read at the document's own level; national
documents name ministries (发展改革委 = 国家发展和改革委员会). Groups
(`各市、县人民政府`) are kept whole. Where the jurisdiction is unknown a name is
kept as written, never given a placeholder place. Forms whose meaning changed
with the 2018 and 2023 reforms are read by the document's date (`issued`).
"""

import re
from functools import lru_cache

from graph.ids import department_id
from graph.model import Department, merge_aliases
from loaders.divisions import chain_span, named
from loaders.knowledge import (
    NATIONAL_NAME,
    Jurisdiction,
    aliases_of,
    ancestor_at_level,
    branch,
    central_body,
    central_forms,
    from_division,
    groups,
    named_body,
    parent_of,
    place_names,
    spell_out,
    stem_at,
    stem_rows,
)

# a name that already says whose it is: 国家税务总局咸宁市税务局, 中共咸宁市委组织部
COMPLETE = ("国家", "中国", "中华人民共和国", "中共", "中央", "全国")
LEVEL_PREFIXES = ("自治区", "地区", "省", "市", "州", "盟", "县", "区", "旗")
GROUP = re.compile(r"(^各|^有关|^相关(?=[省市县区州盟旗乡镇街地部单])|各成员单位$|成员单位$|"
                   r"^省有关|^市有关|^区有关|^县有关|有关部门$|相关部门$|有关单位$"
                   r"|各新区管委会$|各部门$|各单位$|^地方各级|以上地方|^县级以上|各级人民政府$|属各?\w{0,2}(?:国企|国有企业)$)")
GOVERNMENT = re.compile(r"(人民政府|政府)$")
ENTERPRISE = re.compile(r"(公司|集团)$")
ZONE = re.compile(r"(新区|开发区|高新区|经开区|示范区|园区|综保区|试验区)(管委会|管理委员会|管理局|工委)")
PARTY = re.compile(r"^(中共|中国共产党)|委(组织部|宣传部|统战部|统一战线工作部|政法委员会|政法委)$")
BODY_SUFFIX = re.compile(
    r"(委员会|委|厅|局|办|部|部门|社|院|行|公司|集团|中心|政府|支行|海关|单位|小组|处|署|室|管委会|联席会议"
    r"|妇联|残联|工商联|侨联|文联|社科联|总工会|科协|红十字会|总队)$"
)

# the governments of a kind of place, named by place words only: 相关盟市, 各盟市, 有关旗县（市、区）, 各镇（街道）
# (alone, or closing a list after 、/和/及/与 as a suffix closes a name: X办及相关盟市 ends like a body)
PLACE_GROUP = re.compile(r"(?:^|(?<=[、和与])|(?<=及)(?<![涉普危波顾惠]及))(?:各有关|各相关|有关|相关|各)"
                         r"(?:[省市县区州盟旗乡镇]|自治区|自治州|街道|地区)+(?:[（(][省市县区州盟旗乡镇、街道办事处]+[）)])?$")
# a park or zone listed as a responsible body by its own name (商贸物流园, 软件园), not only as 管委会
ZONE_NAME = re.compile(r"(?:产业|物流|科技|工业|创业|创新|软件|孵化|电商|文创|农业|生态|金融|总部)园$")


def looks_like_body(name: str) -> bool:
    """A name ends the way a body's name ends (厅, 委, 局, 人民政府, 各成员单位 …), or names the
    governments of a kind of place (相关盟市, 各镇（街道）) or a park by its own name (商贸物流园)."""
    if not name or len(name) > 40:
        return False
    return bool(BODY_SUFFIX.search(name) or PLACE_GROUP.search(name) or (len(name) <= 12 and ZONE_NAME.search(name)))


def short_stem(name: str) -> bool:
    """农委, 教委, 民委, 编办: a body's reviewed short form written without its level after the first
    mention (省发改委、农委、统计局), too short for the endings' rules (two characters end 东部, 试行)."""
    return len(name) <= 3 and name in stem_rows() and not GOVERNMENT.search(name)


def shared_government_suffix(parts: list[str]) -> bool:
    """银川市、石嘴山市、吴忠市人民政府: places named in full before one 人民政府 are that many
    governments, each item its own name as written (a bare place resolves to its government). Not
    a group (各市、县人民政府: 各市 and 县 name no one place) nor a list of bodies (省发展改革委、财政厅).
    For names.py's list splitting: True when `parts` (the items between 、) are such a list."""
    if len(parts) < 2 or not GOVERNMENT.search(parts[-1]):
        return False
    for i, part in enumerate(parts):
        chain, end = chain_span(part)
        rest = part[end:]
        if not chain or (rest if i < len(parts) - 1 else rest not in ("人民政府", "政府")):
            return False
    return True


def _kind(name: str) -> str:
    if GROUP.search(name):
        return "group"
    if PARTY.search(name):
        return "party"
    return "government" if GOVERNMENT.search(name) else "enterprise" if ENTERPRISE.search(name) else "department"


def _starts_with_place(name: str) -> bool:
    """咸宁高新区管委会, 沈阳近海经济区管委会: a body named after a place keeps its name."""
    places = place_names()
    return any(name[:size] in places for size in range(min(len(name) - 1, 8), 1, -1))


def _owner(name: str, j: Jurisdiction) -> tuple[Jurisdiction, str, bool]:
    """Whose body `name` is and its stem: (jurisdiction, stem, written with a level prefix)."""
    if name.startswith(j.name) and len(name) > len(j.name):
        return j, name[len(j.name) :], True
    if name in stem_rows():
        return j, name, False
    for level in LEVEL_PREFIXES:
        if name.startswith(level) and len(name) > len(level):
            # an autonomous region's own bodies are written 自治区, 省 or just 区 (区财政厅, 区党委)
            if level == j.level or (level in ("省", "区") and j.level == "自治区"):
                return j, name[len(level) :], True
            above = ancestor_at_level(j, level)
            if above is not None:
                return above, name[len(level) :], True
    return j, name, False


def resolve(name: str, jurisdiction: Jurisdiction | None, issued: str | None = None) -> Department:
    """One surface form → its department node (canonical name, kind, aliases).

    `jurisdiction` is the document's (None when the text does not tell) and `issued`
    its date (YYYY-MM-DD, YYYY, or None), which decides forms that named different
    bodies before and after a reform. The same question gets the same (shared) answer:
    copy before changing it, as `merge_departments` does.
    """
    return _resolve(name.strip(), jurisdiction, issued)


@lru_cache(maxsize=65536)
def _resolve(name: str, jurisdiction: Jurisdiction | None, issued: str | None) -> Department:
    national = jurisdiction is not None and jurisdiction.national
    own = jurisdiction.name if jurisdiction is not None else None
    central = central_body(name, national, issued)
    if central is not None:
        return _department(central.canonical, NATIONAL_NAME, central.kind, [name, *central_forms(central.canonical)])
    if GROUP.search(name):
        return _group(name, jurisdiction)
    found = branch(name, issued, _own_short(jurisdiction)) or _branch_after_level(name, issued)
    if found is not None:
        row, place = found
        return _department(row.canonical.replace("{P}", place), own, row.kind, [name])
    chain, end = chain_span(name)
    if chain and end == len(name):  # 责任单位：银川市、石嘴山市: a place listed as a body is its government
        return _department(chain[-1].name + "人民政府", chain[-1].name, "government", [name])
    if chain and GOVERNMENT.search(name) and name[end:] in ("人民政府", "政府"):
        place = chain[-1].name  # 成都市人民政府: the government of a place, in its own jurisdiction
        return _department(place + "人民政府", place, "government", [name])
    if chain:  # 沈阳市辽中区农业农村局, 北京市发展改革委: a body of the government its name begins with
        rest = name[end:]
        owner = jurisdiction if jurisdiction is not None and jurisdiction.name == chain[-1].name else None
        return _in(name, owner or from_division(chain[-1]), issued, rest)
    if jurisdiction is None or national or name.startswith(COMPLETE):
        return _department(name, own, _kind(name), [name])
    return _in(name, jurisdiction, issued)


def _own_short(j: Jurisdiction | None) -> tuple[str, ...]:
    """The document's own place's short name (吴江 for 吴江区), when it has one of two characters or more."""
    if j is None or j.national:
        return ()
    return tuple({d.short for d in named(j.name) if len(d.short) >= 2 and d.parent == j.parent})


def _branch_after_level(name: str, issued: str | None):
    """省人民银行济南分行: a level written before a central body's branch names no body of that level
    (the branch is named after its place already): read without it, never given the province's name."""
    level = next((lv for lv in LEVEL_PREFIXES if name.startswith(lv) and len(name) > len(lv) + 2), None)
    return branch(name[len(level):], issued) if level else None


def _group(name: str, jurisdiction: Jurisdiction | None) -> Department:
    """A group kept whole, in the document's jurisdiction: 省有关部门 → 安徽省有关部门."""
    canonical = groups().get(name, name)
    if jurisdiction is None or jurisdiction.national:
        return _department(canonical, jurisdiction.name if jurisdiction else None, "group", [name])
    owner, rest, prefixed = _owner(canonical, jurisdiction)
    if not prefixed and not canonical.startswith(owner.name):
        rest = canonical
    if not canonical.startswith(owner.name):
        canonical = owner.name + rest
    return _department(canonical, owner.name, "group", [name])


def _in(name: str, jurisdiction: Jurisdiction, issued: str | None, stem: str | None = None) -> Department:
    """`name` read as a body of `jurisdiction` or of a government above it."""
    if stem is None:
        owner, stem, prefixed = _owner(name, jurisdiction)
    else:
        owner, prefixed = jurisdiction, True
    body = named_body(owner.name, name, issued) or named_body(owner.name, owner.level + stem, issued)
    if body is not None:
        return _department(body.canonical, owner.name, body.kind, [name])
    branch_office = _branch_office(stem, owner, prefixed)
    if branch_office is not None:
        return branch_office
    known = stem_at(stem, issued)
    if known is not None:
        canonical = known.full_name(owner.full)
        aliases = [name] + [owner.level + s for s in aliases_of(known.canonical)]
        return _department(canonical, owner.name, known.kind, aliases)
    if not prefixed and (_starts_with_place(name) or name.startswith(LEVEL_PREFIXES) or owner.name in name
                         or ZONE.search(name)):
        # named after a place or a zone (中新苏滁高新区管委会), naming its government inside
        # (农发行辽宁省分行), or a body of another level (县教育局 in a city's document): as written
        return _department(spell_out(name), owner.name, _kind(name), [name])
    return _department(spell_out(owner.full + stem), owner.name, _kind(name), [name])


def _branch_office(stem: str, j: Jurisdiction, prefixed: bool) -> Department | None:
    """A district's or county's 生态环境分局 is its city bureau's branch there: 沈阳市生态环境局辽中分局."""
    if prefixed or not stem.endswith("分局") or len(stem) < 4 or j.level not in ("区", "县", "旗"):
        return None
    city = parent_of(j)
    own = next(iter(named(j.name)), None)
    if city is None or own is None or len(own.short) < 2 or city.level != "市":
        return None
    return _department(f"{city.name}{stem[:-2]}局{own.short}分局", city.name, "department", [stem])


def _department(canonical: str, jurisdiction: str | None, kind: str, aliases: list[str]) -> Department:
    seen = merge_aliases(aliases, [canonical])
    return Department(
        id=department_id(jurisdiction, canonical),
        name=canonical,
        jurisdiction=jurisdiction,
        aliases=seen,
        kind=kind,  # type: ignore[arg-type]
    )


def merge_departments(departments: list[Department]) -> list[Department]:
    """One node per id, with every alias any mention contributed, in first-seen order."""
    merged: dict[str, Department] = {}
    for d in departments:
        if d.id in merged:
            old = merged[d.id]
            old.aliases = merge_aliases(old.aliases, d.aliases)
        else:
            merged[d.id] = d.model_copy(deep=True)
    return list(merged.values())
