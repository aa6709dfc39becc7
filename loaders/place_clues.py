"""Clues to whose document it is that need two facts to agree, or a code only a government body holds.

A reader who meets 锡政发〔2011〕21号 without an issuer's name knows 锡 is some government's stem,
learns from the address line (市各委、办、局) that the issuer is a 市, and settles on 无锡 when the
text names 无锡 (无锡国税局) and no other 市 with 锡 in its name. The issuer's level comes from a
level-only issuer (县人民政府办公室), the address line's own bodies (省直各委、办、厅、局, 县政府各部门)
or the prefix the document's bodies are written with; when two of these disagree, nothing is
read. A government body's 统一社会信用代码 (the 索引号 of its disclosure catalogue often starts
with it: 11330700002592599F-03-…) carries the division code of its place (330700, 金华市).
"""

import re
from functools import lru_cache

from loaders.divisions import Division, divisions, latest_year, level_of

# an addressee item naming the issuer's own bodies: 省直各委、办、厅、局 / 市各委、办、局 / 县政府各部门 /
# 区人民政府各部门、各直属机构 / 市直机关各单位 / 自治区人民政府各委办厅局
OWN_BODIES = re.compile(r"(?:^|[，,；;：:])(自治区|省|市|县|区|州|盟|旗)(?:人民政府|政府)?(?:直属|直|各)")
# 统一社会信用代码 of a body registered by an establishment office (1) as an organ (1), an institution (2)
# or a mass organisation (3): the division code is characters 3-8
CREDIT_CODE = re.compile(r"(?<![0-9A-Z])1[123](\d{6})[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])")
# a sentence naming another government as a partner: 对口支援遵义市, 与铜仁市东西部协作, 结对帮扶, 合作
PARTNER = re.compile(r"对口|帮扶|协作|结对|援建|援助|支援|合作")
SENTENCE = re.compile(r"[^。；;！!？?\n]*[。；;！!？?\n]?")
LEVEL_WORDS = "省市县区州盟旗"
STEM = re.compile(r"^([\u4e00-\u9fff]{1,3}?)(?:政|府|办)")
ADDRESS_LINE = re.compile(r"^各.{2,}[：:]$")
# what a place's short name stands before when it names a body or an institution of the place (无锡国税局,
# 嘉鱼经济开发区); a short name alone may be a word (平安建设, 和平发展), so it counts only here
SHORT_OWNED = re.compile(r"(?:国税局|地税局|税务局|海关|经济技术开发区|经济开发区|开发区|高新区|经开区|工业园|产业园|"
                         r"供电公司|供电局|分行|中心支行|支行|人民医院|中医院|一中|二中|三中)")
# (not 机场, 火车站, 日报, 电视台: a plan names other places' hubs and papers as often as its own)


def address_level(lines: list[str]) -> str | None:
    """The issuer's level from the address line (各州、市人民政府，省直各委、办、厅、局： → 省); None
    when the line names no bodies of the issuer's own or names two levels' bodies."""
    for line in lines[:12]:
        if not ADDRESS_LINE.match(line):
            continue
        levels = {m.group(1) for m in OWN_BODIES.finditer(line)}
        return levels.pop() if len(levels) == 1 else None
    return None


# the first addressees are governments of counties or districts (各县（市、区）, 各区, 各市、县, 各州、市、县、区),
# or of townships (各乡镇, 各区、镇 of a county-level city, 各街道办事处); 各功能区/各开发区 are neither
GOVERNMENT_ADDRESSEES = re.compile(r"^各[州市县区、（）()和各]*(?:人民政府|政府|$)")
TOWNSHIPS = re.compile(r"乡|镇|街道")


def above_counties(lines: list[str]) -> bool | None:
    """Whether the issuer governs counties: an address line opening with 各县（市、区）/各区 governments says
    it does (a prefecture-level 市, not a county-level one), one opening with 各乡镇/各街道 that it does not;
    None: unsaid (各功能区管委会 opens the lines of cities of either rank)."""
    for line in lines[:12]:
        if ADDRESS_LINE.match(line):
            first = re.split(r"[，,；;]", line, maxsplit=1)[0]
            if re.match(r"^各[州市县区、（）()和各]*县", first):
                return True  # 各县（市、区）、乡（镇）人民政府: a city writing down to its townships too
            if re.match(r"^各", first) and TOWNSHIPS.search(first):
                return False
            if GOVERNMENT_ADDRESSEES.match(first) and "区" in first:
                return True
            return None
    return None


def fits_rank(d: Division, above: bool | None) -> bool:
    return above is None or (d.rank != "county") == above


def document_level(level_only: str | None, lines: list[str], body: str | None) -> str | None:
    """The issuer's level as the level-only issuer, the address line and the bodies say it; None when
    two of them disagree (自治区 and 区 are one: a region's bodies are written either way)."""
    said = {same_level(lv) for lv in (level_only, address_level(lines), body) if lv}
    return said.pop() if len(said) == 1 else None


def same_level(level: str) -> str:
    return "区" if level == "自治区" else level


@lru_cache(maxsize=1)
def _by_code() -> dict[str, tuple[Division, ...]]:
    out: dict[str, list[Division]] = {}
    for d in divisions():
        out.setdefault(d.code, []).append(d)
    return {k: tuple(v) for k, v in out.items()}


def credit_code_place(lines: list[str], year: int | None) -> Division | None:
    """索引号：11330700002592599F-03-2013-30009 → 金华市 (the code 330700 of the body that published it);
    only on an index-number line: a code elsewhere may be any body's the text names."""
    for line in lines[:12]:
        if "索引号" not in line:
            continue
        for m in CREDIT_CODE.finditer(line):
            found = _by_code().get(m.group(1), ())
            current = [d for d in found if d.existed(year or latest_year())] or [
                d for d in found if d.existed(latest_year())]
            if len({d.name for d in current}) == 1:
                return current[0]
    return None


def without_partners(text: str) -> str:
    """The text without its sentences about a partner government (与济宁市合作): a place named there is
    another government's, no clue to the document's own."""
    return "".join(m.group(0) for m in SENTENCE.finditer(text) if not PARTNER.search(m.group(0)))


def _owns_something(short: str, text: str) -> bool:
    """无锡 in 无锡国税局: a short name written before a body or an institution of its place."""
    at = text.find(short)
    while at >= 0:
        if SHORT_OWNED.match(text, at + len(short)):
            return True
        at = text.find(short, at + 1)
    return False


def stem_place(head: str, level: str | None, text: str, year: int | None,
               above: bool | None = None, preamble: str = "") -> Division | None:
    """锡政发 in a 市's document naming 无锡 → 无锡市: the one division of the issuer's level whose
    name holds the stem's last character and which the text names: in full in the preamble or twice,
    or by its short name before a body of the place (无锡国税局); once in passing is no clue."""
    m = STEM.match(head)
    if not m or not level:
        return None
    stem = m.group(1)[-1]
    if stem in LEVEL_WORDS:  # 区政发, 市政办: a level word is in every place of the level, no place's stem
        return None
    text, preamble = without_partners(text), without_partners(preamble)
    when = year or latest_year()
    found: dict[str, Division] = {}
    for d in divisions():
        if (same_level(level_of(d.name)) != same_level(level) or not d.existed(when) or stem not in d.name
                or not fits_rank(d, above)):
            continue
        if (d.name in preamble or text.count(d.name) >= 2
                or (len(d.short) >= 2 and stem in d.short and _owns_something(d.short, text))):
            found.setdefault(d.name, d)
    return next(iter(found.values())) if len(found) == 1 else None
