"""Names in a responsibility note: which words name a body, where one name ends and the next begins.

A reader of Chinese official documents splits `省发改委、省科技厅、各市、县人民政府等` into the
bodies named, keeps groups whole (各县（市、区）人民政府, 咸安区、嘉鱼县人民政府, 市政府各部门、
各直属机构), drops 等 / 等有关部门 tails and 其他部门 (the unnamed rest), and tells a body's name
(ends in 厅, 局, 委, 人民政府, 管委会 …) from a word that only ends like one (东部, 试行) and from a
person named by post (分管副省长, 市政府分管领导). Groups of every body (各地, 各部门, 有关部门,
各地各有关部门) are names too: they support, never lead alone. Label words, bodies' endings, short
forms and office titles are reviewed data: data/responsibility_terms.tsv.
"""

import re
from functools import cache
from importlib import resources

from loaders.departments import looks_like_body


@cache
def terms() -> dict[str, list[str]]:
    text = resources.files("loaders").joinpath("data", "responsibility_terms.tsv").read_text(encoding="utf-8")
    found: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            kind, term = line.split("\t")[:2]
            found.setdefault(kind, []).append(term.strip())
    return found


def alternatives(*kinds: str) -> str:
    words = [w for k in kinds for w in terms().get(k, [])]
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


LABEL_KINDS = ("lead", "support", "responsible", "aside")


@cache
def label_words() -> frozenset[str]:
    return frozenset(w for k in LABEL_KINDS for w in terms()[k])


@cache
def _body_end(weak: bool) -> re.Pattern[str]:
    kinds = ("body-end", "weak-body-end") if weak else ("body-end",)
    return re.compile(rf"(?:{alternatives(*kinds)})$")


@cache
def _short_body() -> re.Pattern[str]:
    """侨办, 市人行, 省台办: short forms too short or too verb-like for the endings' rules, alone or
    after a level or place (市人行 = 人民银行's branch); never inside a longer word (个人行为)."""
    return re.compile(rf"^(?:[\u4e00-\u9fff]{{0,6}}[省市区县州盟旗])?(?:{alternatives('short-body')})$")


@cache
def _office() -> re.Pattern[str]:
    """A person named by post: 分管副省长, 协管副秘书长, 市政府分管领导, 张三同志."""
    return re.compile(rf"(?:{alternatives('office')})$")


OPENERS, CLOSERS = "（(〔【[", "）)〕】]"
# 各县（市、区）, 各街道（功能区）, 各乡镇, 各地市: a group of governments, named by place words only.
PLACE_GROUP = re.compile(r"^各(?:[省市县区州盟旗乡镇地、]|街道|乡镇|镇街|功能区|开发区|园区|县市区)+$")
# a place named before a shared suffix: 各市、县人民政府 / 咸安区、嘉鱼县、通山县人民政府 / 各市（县）、区政府
# (各 distributes over the whole list and the suffix is the head of every item)
PLACE_STUB = re.compile(r"^(?:各?[省市县区州盟旗](?:[（(〔][省市县区州盟旗、]+[）)〕])?"
                        r"|[\u4e00-\u9fff]{1,8}[市县区州盟旗])$")
SHARED_SUFFIX = re.compile(r"^(?!各)[\u4e00-\u9fff]{0,8}[省市县区州盟旗](?:人民政府|政府)$")
# 各乡、镇人民政府 / 各县、区管委会: after level words alone (各乡, 镇), the head is every item's: one group
LEVEL_STUB = re.compile(r"^各?[省市县区州盟旗乡镇](?:[（(〔][省市县区州盟旗乡镇、]+[）)〕])?$")
LEVEL_HEAD = re.compile(r"^(?:[省市县区州盟旗乡镇](?:人民政府|政府|管委会|管理委员会)|街道办事处|街道办)$")
# every body of a kind, no body in particular: 各地, 各地区, 各部门, 有关部门, 各地各有关部门, 各级各部门
ALL_GROUP = re.compile(
    r"^(?:各地区?|各级)?(?:各有关|各相关|各|有关|相关)(?:部门|单位|机构|部委|直属机构)$|^各地区?$|^各级各类?单位$"
)
# the state enterprises a government owns, as a group: 区属各重点国企, 市属国有企业, 各有关国企
ENTERPRISE_GROUP = re.compile(
    r"^(?:[省市区县州]属各?|[省市区县州]管各?|各)(?:重点|骨干|大型|有关|相关|主要)?(?:国企|国有企业)$"
)
# the unnamed rest (其他部门, 其余单位) and 有关方面: never a name
NOT_NAMED = re.compile(r"^(?:其他|其它|其余)|^(?:各|有关|相关|各有关)?方面$")
# 市政府各部门、各直属机构: the second group shares the first's owner (市政府)
OWNED_GROUP = re.compile(r"^.+各(?:部门|部委|委办局|单位)$")
OWNED_TAIL = re.compile(r"^各(?:直属|派出|有关|相关)?(?:机构|单位|部门|事业单位|直属机构)$")
# words that end like a body's name and are none: 东部, 布局, 试行, 好处
NOT_A_BODY = re.compile(
    r"^..?$(?<![省市县区州]委)(?<!海关)|[东西南北中内外全局干底头]部$|[格布大全结开]局$|(?<![银支分])行$|[各好用到住难益]处$"
)
ETC = re.compile(r"等(?:[^、，,；;]{0,8}?(?:部门|单位|机构))?$")
AND = re.compile(r"等和|以及|和|及|与")
PLACE_AFTER_BODY = re.compile(
    r"(?<=[局委厅办部院行室会])(?=各(?:有关|相关)?(?:[省市县区州盟旗乡镇]|街道|开发区|园区|功能区))"
)
NOT_A_NAME = re.compile(
    r"[0-9０-９%％：:。]|(?<!自)由|^[本该此](?:办法|方案|意见|通知|规定|细则|计划|工作|项目|任务)|简称|设在|详见|包括"
    r"|^(?:支持|鼓励|引导|推动|推进|组织|加强|建立|依托|发挥|积极|充分|要求|督促|指导|协调|探索|实施|开展|完善|成立|设立|组建)"
)
# what a label's list may hold besides bodies: a name, unknown, not a clause (no verb, no figure)
NAME_LIKE = re.compile(r"^[\u4e00-\u9fff]{2,20}$")
CLAUSE_WORD = re.compile("牵头|会同|配合|参与|协助|协同|负责|落实|推进|实施|开展|完成|加强|建立|组织|要|将|把|对|在")
PLACE_NAME = re.compile(r"^[\u4e00-\u9fff]{2,10}(?:[区县市旗镇乡州盟]|街道)$")
LAST_BRACKET = re.compile(r"[（(〔]([^（）()〔〕]*)[）)〕]$")
BRACKETED = re.compile(r"[（(〔][^）)〕]*[）)〕]")
TRAILING_BRACKETS = re.compile(r"(?:[（(〔][^（）()〔〕]*[）)〕])+$")


def split_top(text: str, separators: str) -> list[str]:
    """Split at separators outside any brackets."""
    if not any(ch in text for ch in OPENERS):
        return re.split(f"[{separators}]", text)
    depth, buf, parts = 0, [], []
    for ch in text:
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(depth - 1, 0)
        if depth == 0 and ch in separators:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    parts.append("".join(buf))
    return parts


def is_group_of_all(name: str) -> bool:
    """各地, 各部门, 有关部门, 各地各有关部门: every body of a kind (a supporting group, never a lead)."""
    return bool(ALL_GROUP.match(name))


def is_office_holder(name: str) -> bool:
    """分管副省长, 协管副秘书长, 市政府分管领导: a person named by post, not a department."""
    return 2 <= len(name) <= 14 and bool(_office().search(name)) and not looks_like_body(name)


def is_body(name: str, strong: bool = False) -> bool:
    """The name ends the way a body's name ends; `strong` refuses the weak endings (所, 站, 馆)."""
    if not name or len(name) > 40 or NOT_A_NAME.search(name) or name in label_words():
        return False
    core = TRAILING_BRACKETS.sub("", name) or name
    if (PLACE_GROUP.match(BRACKETED.sub("", core)) or is_group_of_all(core) or _short_body().match(core)
            or ENTERPRISE_GROUP.match(core)):
        return True
    if NOT_A_BODY.search(core) or is_office_holder(core):
        return False
    return looks_like_body(core) or bool(_body_end(weak=not strong).search(core))


def is_place(name: str) -> bool:
    core = TRAILING_BRACKETS.sub("", name) or name
    return bool(PLACE_NAME.match(core)) and not NOT_A_NAME.search(name)


def _split_and(part: str) -> list[str]:
    """`X等和Y`, `X和Y`, `X及Y` are two bodies only when both sides are bodies (not 文化和旅游部)."""
    for m in AND.finditer(part):
        left, right = ETC.sub("", part[: m.start()]).strip(), part[m.end() :].strip()
        if m.group(0) == "等和" or (is_body(left) and is_body(right)):
            return [left, *_split_and(right)]
    return [part]


def _join_groups(parts: list[str]) -> list[str]:
    """Groups written as lists: `各市`, `县人民政府` → `各市、县人民政府` (places sharing one suffix);
    `市政府各部门`, `各直属机构` → `市政府各部门、各直属机构` (groups sharing one owner)."""
    out: list[str] = []
    i = 0
    while i < len(parts):
        j = i
        while j < len(parts) and PLACE_STUB.match(parts[j]):
            j += 1
        last = BRACKETED.sub("", parts[j]) if j < len(parts) else ""
        if j > i and SHARED_SUFFIX.match(last):
            out.append("、".join(parts[i : j + 1]))
            i = j + 1
            continue
        j = _level_group(parts, i)
        if j > i:
            out.append("、".join(parts[i : j + 1]))
            i = j + 1
            continue
        if OWNED_GROUP.match(parts[i]) and not is_group_of_all(parts[i]):
            j = i + 1
            while j < len(parts) and OWNED_TAIL.match(parts[j]):
                j += 1
            out.append("、".join(parts[i:j]))
            i = j
            continue
        out.append(parts[i])
        i += 1
    return out


def _level_group(parts: list[str], i: int) -> int:
    """各乡、镇人民政府: 各 before level words alone (no place named) distributes over the list, and the
    head (人民政府, 管委会 …) closing it belongs to every item, so the list is one group, not 各乡 and
    镇人民政府. Returns the index of the item holding the head, or `i` when `parts[i]` opens no such group."""
    if not parts[i].startswith("各"):
        return i
    j = i
    while j < len(parts) and LEVEL_STUB.match(parts[j]):
        j += 1
    return j if i < j < len(parts) and LEVEL_HEAD.match(BRACKETED.sub("", parts[j])) else i


def split_names(text: str) -> list[str]:
    """`省发改委、省科技厅、各市、县人民政府等` → the names, groups kept whole (各部门 and 有关部门
    too: they support), 等 tails and the unnamed rest (其他部门) dropped."""
    return [n for n in _all_names(text) if not NOT_NAMED.match(n)]


def _all_names(text: str) -> list[str]:
    parts: list[str] = []
    for raw in split_top(text, "、，,；;"):
        pieces = raw.split()  # 县教体局 各乡镇政府: two bodies; 国家发展 改革委: one name wrapped
        if len(pieces) > 1 and not all(is_body(x) for x in pieces):
            pieces = ["".join(pieces)]
        for piece in pieces:
            for sub in PLACE_AFTER_BODY.split(piece):
                parts += [p.strip() for p in _split_and(sub.strip())]
    return _join_groups([n for n in (_without_aside(ETC.sub("", p).strip()) for p in parts) if n])


def _without_aside(name: str) -> str:
    """`市发改委（李四）` → `市发改委`; `各镇政府（街道办事处）`, `各县（市、区）` keep what names a body or place."""
    m = LAST_BRACKET.search(name)
    if m is None or m.start() == 0:
        return name
    inner = m.group(1)
    if is_body(inner) or PLACE_GROUP.match("各" + inner) or PLACE_STUB.match(inner):
        return name
    return name[: m.start()].strip()


# 人民大垸、荒湖管理区: two areas named before one head (管理区, 开发区, 农场 …) the first leaves to the second
SHARED_ZONE_HEAD = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:管理区|开发区|新区|园区|示范区|度假区|农场|林场)$")
# the bare name must end as a place does (人民大垸, 荒湖, 东湖, 青山): 新建、改建开发区, 省级、国家级开发区,
# 生态、农业示范区, 东部、西部新区 are kinds of zone, no areas named
ZONE_STUB = re.compile(r"^[\u4e00-\u9fff]{1,5}[垸湖山河江岛洲湾港岭坪桥店庄村塘坝堤滩峡谷溪泉岗冈寨圩]$")

# a zone named by its kind (工业园区, 经济开发区): the item before it is no area of the same name (矿山、工业园区)
ZONE_KIND = re.compile(r"^(?:工业|农业|经济|高新|科技|物流|产业|生态|商贸|文旅|文化|旅游|现代|技术|保税|出口"
                       r"|加工|综合|创新|特色|电商|商务|国家级|省级|市级|县级)")


def _shares_head(name: str, names: list[str], text: str) -> bool:
    """`人民大垸、荒湖管理区`: a bare name written just before an area's name, joined by 、, is an area of the
    same kind (人民大垸 is 人民大垸管理区), kept as written; a name with a verb or a body's ending of its own
    is not one."""
    i = names.index(name)
    after = names[i + 1] if i + 1 < len(names) else ""
    return (bool(ZONE_STUB.match(name) and SHARED_ZONE_HEAD.match(after)) and not ZONE_KIND.match(after)
            and f"{name}、{after}" in text
            and not CLAUSE_WORD.search(name) and not NOT_A_NAME.search(name) and not is_body(name)
            and not SHARED_ZONE_HEAD.match(name))


def bodies(text: str, places: bool = False) -> list[str] | None:
    """The bodies named in `text`; None when a name is not a body's (then it is no note).
    Under a label (`places`), a place's name stands for its government: 责任单位：崇川区."""
    names = _all_names(text)
    if not names or not all(
        NOT_NAMED.match(n) or is_body(n) or (places and is_place(n)) or _elided(n, names)
        or _shares_head(n, names, text) for n in names
    ):
        return None
    return [n for n in names if not NOT_NAMED.match(n)]


LEVEL = re.compile(r"^(?:自治区|[省市区县州盟旗])")


def is_listed_body(name: str, names: list[str]) -> bool:
    """A body's name by its strong ending, or a short one whose level the list's first name gives
    (市发改委、农委: 农委 is 市农委). A group of state enterprises (市属国有企业) is a body only where a label
    or a verb says so: in brackets alone it is as often an aside on the task."""
    if ENTERPRISE_GROUP.match(name):
        return False
    return is_body(name, strong=True) or _elided(name, names)


def _elided(name: str, names: list[str]) -> bool:
    """省发改委、农委、统计局: after a first name with its level (省, 市, 自治区), a short name with the level
    left out is that level's body (农委 = 省农委), when the level put back makes a body's name."""
    level = LEVEL.match(names[0])
    return bool(level) and name is not names[0] and len(name) <= 3 and is_body(level.group(0) + name)


def listed_bodies(text: str) -> tuple[list[str], list[str]] | None:
    """A label's list (牵头单位：/协同责任单位：…): the label says these are bodies, so one name the
    rules do not know (市人行, a new agency's short form) does not cost the others. Returns (bodies,
    names not recognised) when at least one body is named and every other item is a bare name (no
    verb, figure or clause); else None."""
    names = split_names(text)
    known = [n for n in names if is_body(n) or is_place(n) or _shares_head(n, names, text)]
    unknown = [n for n in names if n not in known]
    if len(known) < max(len(unknown), 1) or not all(NAME_LIKE.match(n) and not CLAUSE_WORD.search(n) for n in unknown):
        return None
    return known, unknown


def office_holders(text: str) -> bool:
    """`分管副省长、协管副秘书长`: every name in the text is a person named by post."""
    names = [n for n in split_top(text, "、，,") if n.strip()]
    return bool(names) and all(is_office_holder(n.strip()) for n in names)
