"""Whose document it is: the government read from the places a reader looks.

In order of trust: the issuer as named (a 发文机关 label, the signature above the
date, the heading's 沈阳市辽中区人民政府关于…), the document number's stem (皖政,
辽政发, 国办发; a stem two governments share is told apart by the issuer's level; a
number's government is trusted only at the level the issuer states, so 豫政 under an
address line to 市各委、办、局 is not 河南省's; a stem the table gives one city is
another's when the text never names the table's city but names that one: 济政发 in a
plan for 济宁市), a level-only issuer completed by the place its title names
(市人民政府关于咸宁市…) or by the office its page's 发布机构 names at that level (区人民政府办公室
published by 下陆区政府办公室), a masthead or first line naming a government (咸宁市人民政府主办…),
the address line of a State Council document (各省、自治区、直辖市人民政府), a plan
printed under its own place's name (关于印发襄阳市2023年重点工作责任分解方案的通知; not 转发), clues that
need two facts to agree (a number's stem the table does not know, completed by the
issuer's stated level and the one place of that level the text names: 锡政发, 市各委、办、局,
无锡国税局 → 无锡市) or a government body's credit code in the index number
(loaders/place_clues.py), the place the document's own bodies are named after
(咸宁高新区管委会 beside 市发改委; 四川省分行 beside 省财政厅), and last, the weakest
clues: the place a preamble adapts the plan to (结合官渡区实际), the one place of its
level a preamble speaking of 我市/我区 (or under an issuer stating its level) names
(根据《咸宁市人民政府关于…》，推进我市…), and the government a news lead says published
it (宁夏回族自治区人民政府网站发布了《…》; 近日，国务院印发关于…) or a news headline opening on a
province's short name over a lead saying 省政府 (陕西《政府工作报告》部门分工确定), each only when the place's
level is the one the document's bodies are written with (全国: no body written with a
level). An issuer that addresses 各县（市、区） is no county-level 市; one that addresses
各乡镇 is one. A place named as a partner (对口支援遵义市, 与铜仁市协作) is no clue, nor, for a
preamble speaking of 我市 with no rank said, a prefecture (its county-level 市 cite it too).
When none tells, the answer is None: never a placeholder.
"""

import re
from collections import Counter

from loaders.divisions import chain_at, chain_span, divisions, latest_year, named
from loaders.knowledge import (
    NATIONAL,
    Jurisdiction,
    central_body,
    doc_number_candidates,
    from_division,
    jurisdiction_by_name,
    jurisdiction_of_doc_number,
    number_head,
)
from loaders.place_clues import (
    PARTNER,
    above_counties,
    address_level,
    credit_code_place,
    document_level,
    fits_rank,
    same_level,
    stem_place,
)

GOVERNMENT_WORDS = ("人民政府", "政府", "委员会", "办公厅", "办公室", "党委", "委")
LEVEL_ONLY = re.compile(r"^(省|市|县|区|旗|州|盟|自治区|自治州|自治县)(人民政府|政府)")
NATIONAL_ISSUER = re.compile(r"^(国务院|中共中央|中华人民共和国国务院)")
PARTY_PREFIX = re.compile(r"^(中共|中国共产党)?")
CENTRAL_NAME = re.compile(r"^(国家|中华人民共和国|中共中央|中央|中国人民银行|中国证券|中国银行)")
NATIONAL_ADDRESS = re.compile(r"^各省、自治区、直辖市|^各省（自治区、直辖市）|^各省（区、市）|国务院各部委")
# bodies and institutions a government names after its own place: 咸宁高新区管委会, 吉水二中, 吉水县人民医院
NAMED_AFTER_PLACE = re.compile(r"([\u4e00-\u9fff]{2,4}?)(?:(?:国家级)?(?:高新区|高新技术产业开发区|经开区|"
                               r"经济技术开发区|经济开发区|开发区|新区|示范区)管委会|[一二三四五六七八]中(?![央心国部间期])|"
                               r"人民医院|中医院|妇幼保健院|分行)")
REGIONAL_BRANCH = re.compile(r"(?:人民银行|人行)[\u4e00-\u9fff]{2,4}?分行")
# the preamble adapts the plan to a place: 结合官渡区实际, 结合我县工作实际 (the latter names none)
ADAPTED_TO = re.compile(r"(?:结合|立足|根据|从)(?:我|本)?([\u4e00-\u9fff]{2,20}?)(?:的)?(?:工作|发展)?"
                        r"(?:实际|现状|实情)")
# a news lead naming the government that published the plan: X人民政府（办公厅）网站发布了《…》
NEWS_LEAD = re.compile(r"(人民政府|政府)(?:办公厅|办公室)?(?:门户)?(?:网站|官网)?(?:日前|近日|近期|今天|今日|正式)*"
                       r"(?:发布|印发|公布|出台|下发)了?《")
# a dated news lead naming who issued the plan: 近日，安徽省人民政府发布关于…的通知 / 日前，国务院印发《…》
DATED_LEAD = re.compile(r"(?:^|[，,。据\s])(?:近日|日前|近期|今天|今日|昨天|昨日)[，,]?"
                        r"((?:中共中央|国务院)(?:办公厅)?|[\u4e00-\u9fff]{2,20}?(?:人民政府|政府)(?:办公厅|办公室)?)"
                        r"(?:近日|日前|正式)*(?:发布|印发|公布|出台|下发)了?(?:《|关于)")
# a plan's own title or heading, printed by its issuer: (关于印发)咸宁市2024年重点工作责任分解方案(的通知)
PLAN_TITLE = re.compile(r"^(?:关于(?:印发)?|印发)?《?(?:(?:19|20)\d\d年度?)?(?=[^\s。，,；;：:《》]{2,40}?"
                        r"(?:方案|计划|要点|分解|分工|清单|任务|措施|意见|分解表|分工表|任务表)》?(?:的通知)?$)")
# the preamble speaking as its government: 我市, 本区, 我县 (the level, not the place)
OUR_LEVEL = re.compile(r"[我本](省|市|区|县|州|盟|旗)(?![场级长委])")
# a local plan speaking of itself: 我省, 本市, 全县 (全国 is the State Council's)
WHOLE_OR_OUR = re.compile(r"[我本全](省|市|区|县|州|盟|旗)(?![场级长委])")
BODY_LEVEL = re.compile(r"(?<![\u4e00-\u9fff])(自治区|省|市|县|区)[\u4e00-\u9fff]{1,8}?(?:局|委|厅)")


def of_government(name: str | None, year: int | None = None) -> Jurisdiction | None:
    """沈阳市辽中区人民政府 → 辽中区; 国务院办公厅 → 全国; 市人民政府 → None."""
    if not name:
        return None
    if NATIONAL_ISSUER.match(name) or central_body(name, True, None) is not None:
        return NATIONAL
    chain = chain_at(name, len(PARTY_PREFIX.match(name).group(0)), year)  # 中共沈阳市委… is 沈阳市's too
    if not chain:
        if not CENTRAL_NAME.match(name):
            return None
        inner = next((c for i in range(2, len(name) - 2) if (c := chain_at(name, i, year))), None)
        if inner is None:
            return NATIONAL  # 国家发展和改革委员会
        chain = inner  # 国家税务总局咸宁市税务局: the branch of a place
    return _of_chain(chain, year)


def _of_chain(chain: list, year: int | None) -> Jurisdiction:
    """The lowest division of a chain; with its parent when the chain or the name alone says it
    (北京市朝阳区 does, 朝阳区 does not)."""
    if len(chain) > 1:
        return from_division(chain[-1])
    return jurisdiction_by_name(chain[-1].name, year) or from_division(chain[-1])


def _level_only(issuer: str | None) -> str | None:
    m = LEVEL_ONLY.match(issuer or "")
    return m.group(1) if m else None


def _named_in_title(title: str | None, level: str, year: int | None) -> Jurisdiction | None:
    """市人民政府关于咸宁市贯彻落实… → 咸宁市 (a place of the issuer's level after 关于)."""
    if not title or "关于" not in title:
        return None
    rest = title.split("关于", 1)[1]
    chain = chain_at(rest, 0, year)
    if chain and chain[-1].level == level:
        return _of_chain(chain, year)
    return None


def _publisher_at(publisher: str | None, level: str, text: str, year: int | None) -> Jurisdiction | None:
    """区人民政府办公室 under a page's 发布机构：下陆区政府办公室: the publishing office is the portal's, no issuer,
    but a place's office at the very level the issuer states (and its bodies are written with) completes it;
    a city portal's office publishing a 县's document names another level and is no clue."""
    found = of_government(publisher, year) if publisher else None
    if found is None or found.national or same_level(found.level) != same_level(level):
        return None
    at = publisher.find(found.short)
    rest = publisher[at + len(found.short):] if at >= 0 else publisher
    if any(len(d.short) >= 2 and d.short in rest and d.name != found.name for d in divisions()
           if d.rank != "province" and d.existed(year or latest_year())):
        return None  # 江岸区政府办公室、江汉区政府办公室: two places' offices, whose paper is unclear
    return found if _fits_bodies(found, text) else None


def _first_lines(lines: list[str], year: int | None) -> Jurisdiction | None:
    """A masthead or heading line that starts with a government's name (咸宁市人民政府主办…)."""
    for line in lines[:6]:
        chain, end = chain_span(line, 0, year)
        if chain:
            rest = line[end:]
            if rest.startswith(GOVERNMENT_WORDS):
                return _of_chain(chain, year)
    return None


def body_level(text: str) -> str | None:
    """The level prefix the document's own bodies are mostly written with (省发改委 → 省)."""
    levels = Counter(m.group(1) for m in BODY_LEVEL.finditer(text))
    return levels.most_common(1)[0][0] if levels else None


def _named_bodies(text: str, year: int | None) -> Jurisdiction | None:
    """The one place the document's bodies and institutions are named after, at least twice, at the
    level its bodies are written with (咸宁高新区管委会 beside 市发改委; 吉水二中 beside 县教体局)."""
    level = body_level(text)
    if level is None:
        return None
    places: Counter[str] = Counter()
    for m in NAMED_AFTER_PLACE.finditer(text):
        word = m.group(1)
        if m.group(0).endswith("分行") and REGIONAL_BRANCH.search(text, max(m.start() - 4, 0), m.end()):
            continue  # 人民银行成都分行 serves several provinces from its city: no document's own place
        for start in range(len(word) - 1):
            short = word[start:]
            if short.endswith(level):
                short = short[: -len(level)]
            found = [d for d in named(short + level) if d.existed(year or latest_year())] if len(short) >= 2 else []
            if found:
                places[found[0].name] += 1
                break
    if len(places) != 1:
        return None
    name, mentions = places.most_common(1)[0]
    return jurisdiction_by_name(name, year) if mentions >= 2 else None  # named twice, not a passing mention


def _fits_bodies(j: Jurisdiction, text: str) -> bool:
    """A weak clue's place is the document's own only at the level its bodies are written with
    (区发改局 for 官渡区; none written with a level: no objection)."""
    level = body_level(text)
    return level is None or level == j.level or (level in ("省", "区") and j.level == "自治区")


def _only_place(text: str, start: int, end: int, year: int | None) -> Jurisdiction | None:
    """The one division `text[start:end]` names in full (官渡区, 昆明市官渡区), none when two share the name."""
    chain, stop = chain_span(text, start, year)
    if not chain or stop != end:
        return None
    if len(chain) == 1 and len([d for d in named(chain[0].name, year) if d.existed(year or latest_year())]) > 1:
        return None
    return _of_chain(chain, year)


def adapted_to(lines: list[str], text: str, year: int | None) -> Jurisdiction | None:
    """结合官渡区实际: the place the preamble adapts the plan to (its first lines, before any numbered part)."""
    for line in lines[:12]:
        for m in ADAPTED_TO.finditer(line):
            found = _only_place(line, m.start(1), m.end(1), year)
            if found is not None and _fits_bodies(found, text):
                return found
    return None


def our_place(lines: list[str], text: str, year: int | None, stated: str | None = None) -> Jurisdiction | None:
    """根据《咸宁市人民政府关于…》，结合我市实际: a preamble speaking of 我市 (one level only), or an issuer
    stating its level (市人民政府办公室, an address line to 市政府各部门), that names exactly one place of
    that level is that place's (a superior's or a subordinate's name is another level; a county-level 市
    is no issuer addressing 各县（市、区）)."""
    preamble = lines[:12]
    levels = {same_level(m.group(1)) for line in preamble for m in OUR_LEVEL.finditer(line)}
    levels |= {same_level(stated)} if stated else set()
    if len(levels) != 1:
        return None
    level = levels.pop()
    above = above_counties(lines)
    places: dict[str, Jurisdiction] = {}
    ranks: set[str] = set()
    for line in preamble:
        pos = 0
        while pos < len(line):
            chain, end = chain_span(line, pos, year)
            if not chain:
                pos += 1
                continue
            last = chain[-1]
            if same_level(last.level) == level and fits_rank(last, above):
                if PARTNER.search(line):
                    return None  # 我市与铜仁市东西部协作, 对口支援遵义市: the place named is the partner
                found = _only_place(line, pos, end, year)
                if found is not None:
                    places[found.name] = found
                    ranks.add(last.rank)
            pos = end
    if len(places) != 1:
        return None
    if level == "市" and above is None and ranks == {"city"}:
        return None  # 根据《苏州市…》，结合我市实际 may be 昆山市's (a county-level 市) as well as 苏州市's
    found = next(iter(places.values()))
    return found if _fits_bodies(found, text) else None


def news_lead(lines: list[str], text: str, year: int | None) -> Jurisdiction | None:
    """今天，宁夏回族自治区人民政府网站发布了《…》: the government a repost's lead says published the plan."""
    for line in lines[:3]:
        for m in NEWS_LEAD.finditer(line):
            for start in range(max(m.start() - 16, 0), m.start() - 1):
                found = _only_place(line, start, m.start(), year)
                if found is not None:
                    fits = _fits_bodies(found, text) and not _speaks_as_another_level(found, lines)
                    return found if fits else None
    return None


def _speaks_as_another_level(j: Jurisdiction, lines: list[str]) -> bool:
    """近日，江西省人民政府印发《…》，结合我市实际: a preamble speaking of 我市 is no province's plan."""
    said = {same_level(m.group(1)) for line in lines[:12] for m in OUR_LEVEL.finditer(line)}
    return bool(said - {same_level(j.level)})


def dated_lead(lines: list[str], text: str, year: int | None) -> Jurisdiction | None:
    """近日，国务院发布关于落实…的意见: the government a repost's dated lead says issued the plan (its first
    lines), when the document's bodies are written at that government's level (a ministry's for 全国)."""
    for line in lines[:6]:
        for m in DATED_LEAD.finditer(line):
            found = of_government(m.group(1), year)
            if found is None:
                continue
            if found.national:  # a local plan carrying it out writes its bodies with a level, speaks of 我省, 全县
                local = body_level(text) is not None or any(WHOLE_OR_OUR.search(ln) for ln in lines[:12])
                return None if local else found
            fits = _fits_bodies(found, text) and not _speaks_as_another_level(found, lines)
            return found if fits and body_level(text) is not None else None
    return None


PROVINCE_GOVERNMENT = re.compile(r"(?<![\u4e00-\u9fff])省(?:人民)?政府|[，,。：:]省(?:人民)?政府")


# after a province's short name: a place of its own (吉林市, 海南州), a news outlet's name (陕西日报：) or a city
# named next (陕西宝鸡…): the headline is no province's plan
NOT_PROVINCE_HEADLINE = re.compile(
    r"^(?:省|自治区)?(?:[市州县区盟旗地]|日报|晚报|新闻|卫视|电视|广播|网|发布|头条|之声|时间)")


def _headline_of_province(headline: str, province, year: int | None) -> bool:
    """陕西《政府工作报告》…, not 吉林市… / 海南州… (a place that starts with a province's short name), 陕西日报：…
    (an outlet, reporting anywhere), 陕西、甘肃两省… or 陕西宝鸡… (a second place named: whose plan is unclear)."""
    rest = headline[len(province.short):]
    if NOT_PROVINCE_HEADLINE.match(rest):
        return False
    others = [d for d in divisions() if d.rank in ("province", "city") and d.name != province.name
              and len(d.short) >= 2 and d.short in rest and d.existed(year or latest_year())]
    return not others


def headline_province(lines: list[str], text: str, year: int | None) -> Jurisdiction | None:
    """陕西《政府工作报告》部门分工确定 / …，省政府就落实…提出分工意见: a news report's headline opening on a
    province's short name, its lead saying 省政府 and the bodies written 省X: that province's plan (a city's
    plan, its bodies written 市X, or a report speaking of 我市, is none)."""
    if not lines or body_level(text) != "省" or not any(PROVINCE_GOVERNMENT.search(ln) for ln in lines[:6]):
        return None
    found = [d for d in divisions() if d.rank == "province" and len(d.short) >= 2 and lines[0].startswith(d.short)
             and d.existed(year or latest_year())]
    if len(found) != 1 or not _headline_of_province(lines[0], found[0], year):
        return None
    place = jurisdiction_by_name(found[0].name, year) or from_division(found[0])
    return None if _speaks_as_another_level(place, lines) else place


def _level_stated(issuers: list[str], lines: list[str]) -> str | None:
    """The level the issuer states: a level-only issuer (县人民政府办公室) or the address line's own bodies."""
    return next((lv for i in issuers if (lv := _level_only(i))), None) or address_level(lines)


def _stated_level_fits(j: Jurisdiction, level_only: str | None, lines: list[str]) -> bool:
    """A number's government is the issuer's only at the level the issuer states (县人民政府办公室, an
    address line to 县政府各部门): 苏政发 under a 市's address line is no province's number."""
    stated = level_only or address_level(lines)
    return j.national or stated is None or same_level(stated) == same_level(j.level)


def read_jurisdiction(*, issuers: list[str], doc_number: str | None, title: str | None, lines: list[str],
                      text: str, year: int | None, publisher: str | None = None) -> Jurisdiction | None:
    """The document's jurisdiction from its clues, most trusted first (see the module docstring).
    `publisher`: the office a page's 发布机构 label names (the portal's, so only a clue)."""
    for issuer in issuers:
        found = of_government(issuer, year)
        if found is not None:
            return found
    level_only = next((lv for i in issuers if (lv := _level_only(i))), None)
    if doc_number:
        found = jurisdiction_of_doc_number(doc_number, next(iter(issuers), None))
        if found is None and not issuers:  # 宁政发 with no issuer: the level its bodies are written with
            level = body_level(text)
            shared = [j for j in doc_number_candidates(doc_number) if level and j.level == level]
            found = shared[0] if len(shared) == 1 else None
        if found is not None and _stated_level_fits(found, level_only, lines):
            return _named_instead(found, doc_number, lines, text, year) or found
    if level_only:
        found = _named_in_title(title, level_only, year) or _publisher_at(publisher, level_only, text, year)
        if found is not None:
            return found
    found = _first_lines(lines, year)
    if found is not None:
        return found
    if title and not level_only:
        found = of_government(title, year)
        if found is not None:
            return found
    if any(NATIONAL_ADDRESS.search(line) for line in lines[:12]):
        return NATIONAL
    found = _plan_named_after(title, lines, issuers, text, year)
    if found is not None:
        return found
    found = _agreeing_clues(issuers, doc_number, lines, text, year)
    if found is not None:
        return found
    return (_named_bodies(text, year) or adapted_to(lines, text, year)
            or our_place(lines, text, year, _level_stated(issuers, lines))
            or news_lead(lines, text, year) or dated_lead(lines, text, year) or headline_province(lines, text, year))


def _named_instead(j: Jurisdiction, doc_number: str, lines: list[str], text: str,
                   year: int | None) -> Jurisdiction | None:
    """济政发 is 济南's stem and 济宁's too: a document that never names the table's government but names
    the one other place of its level whose name holds the stem (济宁市) is that place's."""
    if j.national or j.name in text or any(len(d.short) >= 2 and d.short in text for d in named(j.name)):
        return None
    place = stem_place(number_head(doc_number), j.level, text, year, above_counties(lines), "\n".join(lines))
    if place is None or place.name == j.name:
        return None
    return jurisdiction_by_name(place.name, year) or from_division(place)


def _plan_named_after(title: str | None, lines: list[str], issuers: list[str], text: str,
                      year: int | None) -> Jurisdiction | None:
    """关于印发咸宁市2024年重点工作责任分解方案的通知, or a heading 咸宁市2024年重点工作责任分解: a plan the
    issuer prints under its own name is named after its own place (a plan relayed, 转发, is another's), at
    the level the issuer states and its bodies are written with."""
    if any("转发" in line for line in ([title] if title else []) + lines[:12]):
        return None  # a relay: the plan named (its heading printed below) is another government's
    for line in ([title] if title else []) + lines[:6]:
        m = PLAN_TITLE.match(line)
        if m is None:
            continue
        chain, end = chain_span(line, m.end(), year)
        if not chain or not _only_named(chain, year):
            continue
        if _names_a_place(line[end:], year):
            return None  # 咸宁市2024年重点工作嘉鱼县责任分解方案: a county's share of its city's plan
        found = _of_chain(chain, year)
        stated = _level_stated(issuers, lines)
        if stated is None or same_level(stated) == same_level(found.level):
            return found if _fits_bodies(found, text) else None
        return None
    return None


def _names_a_place(text: str, year: int | None) -> bool:
    """Whether `text` names a division in full anywhere (嘉鱼县 in …重点工作嘉鱼县责任分解方案; not 城区,
    a word before it is a district's name, nor 西湖区域)."""
    for pos in range(len(text)):
        chain, end = chain_span(text, pos, year)
        if chain and len(chain[-1].name) >= 3 and not text.startswith("域", end):
            return True
    return False


def _only_named(chain: list, year: int | None) -> bool:
    """The chain names one division: 北京市朝阳区, or 朝阳区 only when no other 朝阳区 exists."""
    if len(chain) > 1:
        return True
    return len([d for d in named(chain[0].name, year) if d.existed(year or latest_year())]) <= 1


def _agreeing_clues(issuers: list[str], doc_number: str | None, lines: list[str], text: str,
                    year: int | None) -> Jurisdiction | None:
    """A number's stem completed by the issuer's level and the one place of that level the text names
    (锡政发, 市各委、办、局, 无锡国税局 → 无锡市); a body's credit code in the index number (loaders/place_clues.py)."""
    level_only = next((lv for i in issuers if (lv := _level_only(i))), None)
    if doc_number:
        level = document_level(level_only, lines, body_level(text))
        place = stem_place(number_head(doc_number), level, text, year, above_counties(lines), "\n".join(lines))
        if place is not None:
            return jurisdiction_by_name(place.name, year) or from_division(place)
    place = credit_code_place(lines, year)
    if place is not None:  # the code is the publishing site's: the plan's bodies must be written at its level
        found = jurisdiction_by_name(place.name, year) or from_division(place)
        return found if _fits_bodies(found, text) and body_level(text) is not None else None
    return None
