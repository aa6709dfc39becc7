"""Who leads and who supports: the responsibility notes of a plan, read as a reader of
Chinese official documents reads them.

  （X牵头，Y、Z配合） / 由X牵头，Y参与 / X会同有关部门负责 / X负责，Y配合     stated
  （牵头单位：X；责任单位：Y） / 【牵头单位】X / 责任单位：X（牵头）、Y       stated
  label lines after a paragraph (牵头单位：X / 牵头领导：张三 / 责任单位：Y)  stated, one note per block
  （X、Y负责，列第一位者为牵头单位，下同） and the rule's variants          rule, carried on by 下同
  （责任单位：X、Y） / （X、Y按职责分工负责） / 。（X，各县〔市、区〕政府）   first-listed
Precision first: a note is read only when every name in it looks like a body's name
(a person, a deadline, 东部 or 试行 never does), a bare list with no label or verb only
where a note stands (after a sentence, ending the item), a sentence only when it is all
note or opens with 由X牵头. 等, 等有关部门 and a bare 各有关单位 are not names; groups
(各县（市、区）人民政府, 咸安区、嘉鱼县人民政府) stay whole. Labels and bodies' endings are
reviewed data: data/responsibility_terms.tsv.
"""

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from loaders.departments import looks_like_body
from loaders.lines import split_lines


@cache
def _terms() -> dict[str, list[str]]:
    text = resources.files("loaders").joinpath("data", "responsibility_terms.tsv").read_text(encoding="utf-8")
    terms: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            kind, term = line.split("\t")[:2]
            terms.setdefault(kind, []).append(term.strip())
    return terms


def _alternatives(*kinds: str) -> str:
    words = [w for k in kinds for w in _terms().get(k, [])]
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _label_pattern() -> re.Pattern[str]:
    """A label: `牵头单位：`, `【牵头单位】`, `[牵头单位]` (colon optional after brackets)."""
    words = _alternatives("lead", "support", "responsible", "aside")
    kind = r"(?:[（(](?:部门|单位)[）)])?"  # 牵头单位（部门）：
    return re.compile(
        rf"(?:【\s*(?P<b>{words}){kind}\s*】|\[(?P<s>{words}){kind}\]|(?P<p>{words}){kind}\s*(?:[：:]|为(?!牵头)))\s*[：:]?"
    )


@cache
def _label_hint() -> re.Pattern[str]:
    """The endings of the body labels (单位, 部门, 牵头 …): a line holding none has no label tail."""
    words = {w[-2:] for k in ("lead", "support", "responsible") for w in _terms()[k]}
    return re.compile("|".join(map(re.escape, sorted(words))))


@cache
def _body_end(weak: bool) -> re.Pattern[str]:
    kinds = ("body-end", "weak-body-end") if weak else ("body-end",)
    return re.compile(rf"(?:{_alternatives(*kinds)})$")


@cache
def _label_words() -> frozenset[str]:
    return frozenset(w for k in ("lead", "support", "responsible", "aside") for w in _terms()[k])


def _label_role(label: str) -> str:
    return next(k for k in ("lead", "support", "responsible", "aside") if label in _terms()[k])


# --- names -------------------------------------------------------------------------------------

OPENERS, CLOSERS = "（(〔【[", "）)〕】]"
PARTNER = {"）": "（(", ")": "（(", "〕": "〔", "】": "【", "]": "["}
# 各县（市、区）, 各街道（功能区）, 各乡镇: a group of governments, named by place words only.
PLACE_GROUP = re.compile(r"^各(?:[省市县区州盟旗乡镇、]|街道|乡镇|镇街|功能区|开发区|园区|县市区)+$")
# a place named before a shared suffix: 各市、县人民政府 / 咸安区、嘉鱼县、通山县人民政府
PLACE_STUB = re.compile(r"^(?:各?[省市县区州盟旗]|[\u4e00-\u9fff]{1,8}[市县区州盟旗])$")
SHARED_SUFFIX = re.compile(r"^(?!各)[\u4e00-\u9fff]{0,8}[省市县区州盟旗](?:人民政府|政府)$")
# 有关部门, 各有关单位, 其他相关部门: no body in particular.
VAGUE = re.compile(r"^(?:各(?:地区|地|级)?|其他|其它|其余|有关|相关)+(?:部门|单位|机构|方面)$")
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
    r"|^(?:支持|鼓励|引导|推动|推进|组织|加强|建立|依托|发挥|积极|充分|要求|督促|指导|协调|探索|实施|开展|完善)"
)
PLACE_NAME = re.compile(r"^[\u4e00-\u9fff]{2,10}(?:[区县市旗镇乡州盟]|街道)$")
LAST_BRACKET = re.compile(r"[（(〔]([^（）()〔〕]*)[）)〕]$")
BRACKETED = re.compile(r"[（(〔][^）)〕]*[）)〕]")
TRAILING_BRACKETS = re.compile(r"(?:[（(〔][^（）()〔〕]*[）)〕])+$")


def _split_top(text: str, separators: str) -> list[str]:
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


def is_body(name: str, strong: bool = False) -> bool:
    """The name ends the way a body's name ends; `strong` refuses the weak endings (所, 站, 馆)."""
    if not name or len(name) > 40 or NOT_A_NAME.search(name) or name in _label_words():
        return False
    core = TRAILING_BRACKETS.sub("", name) or name
    if PLACE_GROUP.match(BRACKETED.sub("", core)):
        return True
    if NOT_A_BODY.search(core):
        return False
    return looks_like_body(core) or bool(_body_end(weak=not strong).search(core))


def _is_place(name: str) -> bool:
    core = TRAILING_BRACKETS.sub("", name) or name
    return bool(PLACE_NAME.match(core)) and not NOT_A_NAME.search(name)


def _split_and(part: str) -> list[str]:
    """`X等和Y`, `X和Y`, `X及Y` are two bodies only when both sides are bodies (not 文化和旅游部)."""
    for m in AND.finditer(part):
        left, right = ETC.sub("", part[: m.start()]).strip(), part[m.end() :].strip()
        if m.group(0) == "等和" or (is_body(left) and is_body(right)):
            return [left, *_split_and(right)]
    return [part]


def _join_shared_suffix(parts: list[str]) -> list[str]:
    """`各市`, `县人民政府` → `各市、县人民政府`: places sharing one suffix are one group."""
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
        else:
            out.append(parts[i])
            i += 1
    return out


def split_names(text: str, keep_vague: bool = False) -> list[str]:
    """`省发改委、省科技厅、各市、县人民政府等` → the names, groups kept whole, 等 tails and
    bare 有关部门 dropped (kept with `keep_vague`, as after 会同)."""
    parts: list[str] = []
    for raw in _split_top(text, "、，,；;"):
        pieces = raw.split()  # 县教体局 各乡镇政府: two bodies; 国家发展 改革委: one name wrapped
        if len(pieces) > 1 and not all(is_body(x) for x in pieces):
            pieces = ["".join(pieces)]
        for piece in pieces:
            for sub in PLACE_AFTER_BODY.split(piece):
                parts += [p.strip() for p in _split_and(sub.strip())]
    names = _join_shared_suffix([n for n in (_without_aside(ETC.sub("", p).strip()) for p in parts) if n])
    return [n for n in names if keep_vague or not VAGUE.match(n)]


def _without_aside(name: str) -> str:
    """`市发改委（李四）` → `市发改委`; `各镇政府（街道办事处）`, `各县（市、区）` keep what names a body or place."""
    m = LAST_BRACKET.search(name)
    if m is None or m.start() == 0:
        return name
    inner = m.group(1)
    if is_body(inner) or PLACE_GROUP.match("各" + inner) or PLACE_STUB.match(inner):
        return name
    return name[: m.start()].strip()


def _bodies(text: str, keep_vague: bool = False, places: bool = False) -> list[str] | None:
    """The bodies named in `text`; None when a name is not a body's (then it is no note).
    Under a label (`places`), a place's name stands for its government: 责任单位：崇川区."""
    names = split_names(text, keep_vague=True)
    if not names or not all(is_body(n) or (places and _is_place(n)) for n in names):
        return None
    return [n for n in names if keep_vague or not VAGUE.match(n)]


# --- one note ----------------------------------------------------------------------------------


@dataclass
class Reading:
    """One note read: names as written, in text order."""

    leads: list[str]
    supports: list[str]
    basis: str  # stated | rule | first-listed
    declares_rule: bool = False  # the note states 列第一位的为牵头部门 (and, with 下同, for what follows)
    bare: bool = False  # a list of bodies with no label or verb: a note only where a note stands


RULE = re.compile(
    r"(?:(?:其中)?[，,；;]?\s*)(?:"
    r"(?:[列排位](?:在|于|名)?)?(?:第一位?|首位|第一个|首个|最前面?|靠前|前面)(?:的|者)?(?:责任)?(?:部门|单位)?"
    r"(?:[（(](?:部门|单位)[）)])?"
    r"(?:为|是|作为)(?:牵头|主办|主责)(?:或[\u4e00-\u9fff]{1,4}?)?(?:责任)?(?:部门|单位)(?:[（(](?:部门|单位)[）)])?"
    r"|牵头(?:部门|单位)(?:[列排](?:在|于)?)(?:第一位?|首位))"
    r"(?:[，,；;]\s*(?:其他|其余|其它)(?:的)?(?:部门|单位)?(?:为|是)?(?:配合|责任|参与|协办|协同)(?:部门|单位))?"
    r"(?P<below>[，,；;]\s*(?:下同|以下同|后同|以下均同|下文同))?"
)
RULE_VERB = re.compile(r"(?:为|是)(?:牵头|主办|主责)|牵头(?:部门|单位)[列排]")
# a deadline among the clauses of a note: 市发改委负责，2024年底前完成
DEADLINE_CLAUSE = re.compile(
    r"^(?:(?:19|20)\d\d年[^，,；;]{0,12}|年底前|年内|长期坚持|持续推进|长期)(?:完成|前完成|底前|前)?$"
)
EMPTY_BRACKETS = re.compile(r"[（(〔]\s*[）)〕]")
BY = r"^(?:(?:具体|分别|统一|均)?由)?"  # 由X牵头, 具体由X负责
LEAD_CLAUSE = re.compile(
    BY + r"(?P<n>.+?)(?:(?:共同|分别|总)?牵头(?:负责|落实|组织实施|实施|推进|抓总)?|负总责|主责|主抓|主办"
    r"|为牵头(?:责任)?(?:单位|部门))$"
)
WITH_CLAUSE = re.compile(BY + r"(?P<n>.+?)会同(?P<o>.+?)(?:共同)?(?:负责|落实|组织实施|实施|推进)?$")
SUPPORT_CLAUSE = re.compile(
    r"^(?P<n>.+?)(?:(?:共同|积极|协助)?(?:配合|参与|协助|协同|协办)(?:落实|实施|推进)?|为(?:配合|参与|协办)(?:单位|部门))$"
)
# 市发改委（牵头）、市财政局: a lead marked in a list
MARKED_LEAD = re.compile(r"(?P<n>[^、，,；;：:\s（(]+)[（(](?:牵头|牵头单位|牵头部门|主责)[）)]")
DUTY_CLAUSE = re.compile(
    BY + r"(?P<n>.+?)(?:按照?职责分工|按照?职能分工|按照?职责|根据职责|分工|共同|分别|具体)?(?:负责落实|负责|落实)$"
)
VERB = re.compile("牵头|会同|配合|参与|协助|协同|协办|负责|落实|负总责")
NO_ONE = {"无", "/", "—", "－", "-", "——"}


def read_labelled(text: str) -> Reading | None:
    """`牵头单位：X，配合单位：Y`, `责任单位：X、Y等`, labels inline, on their own lines or in 【】;
    a person's or a deadline's label among them is skipped."""
    found = _labels(text)
    if not found or text[: found[0].start()].strip(" \t\n，,；;。"):
        return None
    roles: dict[str, list[str]] = {"lead": [], "support": [], "responsible": []}
    for m, nxt in zip(found, [*found[1:], None], strict=True):
        role = _role_of(m)
        value = text[m.end() : nxt.start() if nxt else len(text)].strip(" \t\n，,；;。")
        if role == "aside" or value in NO_ONE:
            continue
        names = _bodies(value, places=True)
        if names is None:  # 牵头单位：X，Y配合 / 责任单位：X牵头，Y配合
            if not _read_mixed(value, role, roles):
                return None
            continue
        roles[role] += names
    leads, supports, responsible = roles["lead"], roles["support"], roles["responsible"]
    if leads:
        return Reading(leads, supports + [n for n in responsible if n not in leads], "stated")
    if responsible:
        return Reading(responsible[:1], responsible[1:] + supports, "first-listed")
    return None


def _read_mixed(value: str, role: str, roles: dict[str, list[str]]) -> bool:
    """A label's value that goes on with verbs: its leading bare names keep the label's role."""
    clauses = _split_top(value, "，,；;")
    k = 0
    while k < len(clauses) and not VERB.search(clauses[k]) and _bodies(clauses[k]) is not None:
        k += 1
    inner = _read_clauses("，".join(clauses[k:]))
    if inner is None:
        return False
    roles[role] += [n for c in clauses[:k] for n in _bodies(c) or []]
    if inner.basis == "stated":
        roles["lead"] += inner.leads
        roles["support"] += inner.supports
    else:
        roles["support"] += inner.leads + inner.supports
    return True


def _labels(text: str) -> list[re.Match[str]]:
    return [m for m in _label_pattern().finditer(text) if not m.group("p") or _label_starts(text, m.start())]


def _label_starts(text: str, pos: int) -> bool:
    """`牵头单位：` is a label at the start of the text or after a delimiter, not inside a name."""
    return pos == 0 or text[pos - 1] in " \t\n，,；;。】]）)"


def _read_clauses(core: str) -> Reading | None:
    """`X牵头，Y配合`, `由X牵头，Y参与`, `X会同Y负责`, `X负责，Y配合`, `X、Y按职责分工负责`, `X、Y`."""
    leads: list[str] = []
    supports: list[str] = []
    duty: list[str] = []
    pending: list[str] = []
    verbs = False
    for clause in (c.strip() for c in _split_top(core, "，,；;")):
        if not clause or DEADLINE_CLAUSE.match(clause):
            continue
        names: list[str] | None
        if m := LEAD_CLAUSE.match(clause):
            names = _bodies(m.group("n"))
            leads += pending + (names or [])
        elif m := WITH_CLAUSE.match(clause):
            names, others = _bodies(m.group("n")), _bodies(m.group("o"), keep_vague=True)
            if others is None:
                return None
            leads += pending + (names or [])
            supports += others
        elif m := SUPPORT_CLAUSE.match(clause):
            names = _bodies(m.group("n"))
            if leads or duty:
                supports += pending
            else:  # X，Y配合: the body named before the supporters leads
                leads += pending
            supports += names or []
        elif m := DUTY_CLAUSE.match(clause):
            names = _bodies(m.group("n"))
            duty += pending + (names or [])
        else:
            names = _bodies(clause)
            if names is None:
                return None
            pending += names
            continue
        if names is None:
            return None
        verbs, pending = True, []
    if leads:
        return Reading(leads, [n for n in supports + duty + pending if n not in leads], "stated")
    if duty and supports:  # X负责，Y配合
        return Reading(duty, supports + pending, "stated")
    listed = duty + pending
    if listed:
        return Reading(listed[:1], listed[1:], "first-listed", bare=not verbs)
    return Reading([], supports, "stated") if supports else None


def read_note(text: str, rule_in_force: bool = False) -> Reading | None:
    """Read one responsibility note (without its brackets), or None if it is not one."""
    text = text.strip(" \t\n。；;")
    rule = RULE.search(text)
    if rule:  # 责任单位：X、Y（列第一位的为牵头单位，下同）: the rule is not a name
        text = EMPTY_BRACKETS.sub("", text[: rule.start()] + text[rule.end() :]).strip(" \t\n，,。；;")
    marked = {ETC.sub("", m.group("n")) for m in MARKED_LEAD.finditer(text)}
    text = MARKED_LEAD.sub(lambda m: m.group("n"), text)
    labels = _labels(text)
    if labels and any(_role_of(m) != "aside" for m in labels):
        reading = read_labelled(text)
    else:  # 市发改委负责，完成时限：2024年: the deadline's label ends the note
        core = text[: labels[0].start()] if labels else text
        reading = _read_clauses(core.strip(" ，,。；;")) if core.strip(" ，,。；;") else None
    if reading is None:
        return None
    reading.declares_rule = bool(rule)
    if marked & set(reading.leads + reading.supports):
        named = reading.leads + reading.supports
        reading = Reading([n for n in named if n in marked], [n for n in named if n not in marked], "stated")
    if reading.bare and not all(is_body(n, strong=True) for n in reading.leads + reading.supports):
        return None
    if reading.basis == "first-listed" and (rule_in_force or reading.declares_rule):
        reading.basis = "rule"
    return reading


def declares_same_below(text: str) -> bool:
    m = RULE.search(text)
    return bool(m and m.group("below"))


# --- notes in a text ---------------------------------------------------------------------------


@dataclass
class Note:
    start: int  # span of the whole note, brackets included, in the reading text
    end: int
    reading: Reading
    standalone: bool  # the note is a paragraph (or a block of label lines) of its own
    form: str = "bracket"  # bracket | labels (label lines or an inline label tail) | sentence


SENTENCE_END = "。；;"
SENTENCE = re.compile(r"[^。；;\n]+")
SENTENCE_VERB = re.compile("牵头|会同|配合|负责")
BRACKET_CHAR = re.compile(r"[（(〔【\[）)〕】\]\n]")
# where a bare list may stand: after a sentence, ending the item (before the next numbering)
NEXT_ITEM = r"(?:\d{1,3}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)"
ITEM_END = re.compile(rf"[。；;]?[ \t]*(?:$|\n|{NEXT_ITEM})")
NUMBERING = re.compile(rf"[ \t]+(?={NEXT_ITEM})")


def _bracket_pairs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Every matched bracket pair on one line, outer before inner."""
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for m in BRACKET_CHAR.finditer(text, start, end):
        i, ch = m.start(), m.group(0)
        if ch == "\n":
            stack = []
        elif ch in OPENERS:
            stack.append((ch, i))
        elif ch in CLOSERS:
            while stack and stack[-1][0] not in PARTNER[ch]:
                stack.pop()
            if stack:
                pairs.append((stack.pop()[1], i + 1))
    return sorted(pairs, key=lambda p: (p[0], -p[1]))


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    return line_start, len(text) if line_end < 0 else line_end


def _bracket_notes(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[Note]:
    notes: list[Note] = []
    for s, e in _bracket_pairs(text, start, end):
        if any(a <= s < b for a, b in taken):
            continue
        reading = read_note(text[s + 1 : e - 1])
        if reading is None:
            continue
        line_start, line_end = _line_bounds(text, s)
        before = text[line_start:s].rstrip()
        if reading.bare and not ((not before or before[-1] in "。；;！？%％") and ITEM_END.match(text, e)):
            continue
        standalone = not before and not text[e:line_end].strip(" 。；;")
        notes.append(Note(s, e, reading, standalone))
        taken.append((s, e))
    return notes


def _label_notes(text: str, start: int, end: int) -> list[Note]:
    """Blocks of label lines (牵头单位：X / 牵头领导：张三 / 责任单位：Y …), or a label tail
    after a sentence (…。牵头单位：X；责任单位：Y); a person's or a deadline's line does not
    end a block, a list broken after 、 goes on to the next line."""
    notes: list[Note] = []
    block: list[tuple[int, int, bool]] = []  # (start, end, names bodies) of the block's lines
    inline = False

    def close() -> None:
        nonlocal block
        named = [(s, e) for s, e, bodies in block if bodies]
        reading = read_note("\n".join(text[s:e] for s, e, _ in block)) if named else None
        if reading is not None:
            notes.append(Note(named[0][0], named[-1][1], reading, not inline, "labels"))
        block = []

    for line in split_lines(text, start, end):
        body = line.text.strip()
        if not body:
            continue
        s = line.start + len(line.text) - len(line.text.lstrip())
        m = _label_pattern().match(body)
        if m is None and block and text[block[-1][1] - 1] in "、，,：:" and _bodies(body, places=True) is not None:
            block.append((s, _note_end(text, s, s + len(body)), True))  # a list wrapped onto this line
            continue
        if m is not None:
            if inline:
                close()
            inline = False
            block.append((s, _note_end(text, s, s + len(body)), _role_of(m) != "aside"))
            continue
        close()
        tail = _label_tail(body)
        if tail is not None:
            block, inline = [(s + tail, _note_end(text, s + tail, s + len(body)), True)], True
    close()
    return notes


def _role_of(m: re.Match[str]) -> str:
    return _label_role(m.group("b") or m.group("s") or m.group("p"))


def _note_end(text: str, start: int, end: int) -> int:
    """A label note ends with its sentence, or where the next item's numbering starts on the line."""
    stop = text.find("。", start, end)
    cut = NUMBERING.search(text, start, end)
    ends = [x for x in (stop, cut.start() if cut else -1) if x >= 0]
    return min(ends) if ends else end


def _label_tail(line: str) -> int | None:
    """Where a label follows a sentence on its line (…。牵头单位：X；责任单位：Y), if it does."""
    if not any(ch in line for ch in "：:】]") or not _label_hint().search(line):
        return None
    for m in _label_pattern().finditer(line):
        before = line[: m.start()].rstrip()
        if before and before[-1] in SENTENCE_END and _role_of(m) != "aside":
            return m.start()
    return None


def _sentence_notes(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[Note]:
    """A whole sentence that is a note: 由X牵头，Y参与。 / X牵头，Y等按职责分工负责。"""
    notes: list[Note] = []
    for m in SENTENCE.finditer(text[start:end]):
        s, e = start + m.start(), start + m.end()
        sentence = m.group(0)
        if not SENTENCE_VERB.search(sentence) or any(a < e and s < b for a, b in taken):
            continue
        lead_ws = len(sentence) - len(sentence.lstrip())
        reading = read_note(sentence)
        if reading is None:
            reading, e = _lead_prefix(sentence, s)
        if reading is None or reading.bare or any(n.startswith("各") for n in reading.leads):
            continue
        line_start, line_end = _line_bounds(text, s)
        standalone = not text[line_start : s + lead_ws].strip() and not text[e:line_end].strip(" 。；;")
        if reading.basis != "stated" and not standalone:
            continue  # X负责 inside a paragraph is said of a task, not a note
        notes.append(Note(s + lead_ws, e - (len(text[s:e]) - len(text[s:e].rstrip())), reading, standalone, "sentence"))
    return notes


def _lead_prefix(sentence: str, start: int) -> tuple[Reading | None, int]:
    """由X牵头，Y参与，定期通报进展: the clauses that open the sentence and name its lead."""
    cuts = [i for i, ch in enumerate(sentence) if ch in "，,"]
    if not cuts or not sentence.lstrip().startswith("由") or not LEAD_CLAUSE.match(sentence[: cuts[0]].strip()):
        return None, start
    for cut in reversed(cuts):
        reading = read_note(sentence[:cut])
        if reading is not None and reading.basis == "stated" and reading.leads:
            return reading, start + cut
    return None, start


def _rules(text: str, start: int, end: int) -> list[int]:
    """Where the text states the rule (…为牵头单位), found from its verb so the scan stays quick."""
    found = []
    for m in RULE_VERB.finditer(text, start, end):
        rule = RULE.search(text, max(start, m.start() - 20), min(end, m.end() + 40))
        if rule and rule.start() not in found:
            found.append(rule.start())
    return found


def find_notes(text: str, start: int = 0, end: int | None = None) -> list[Note]:
    """Every responsibility note in `text[start:end]`, in order; a rule stated with 下同 (in a
    note or in the text) makes later first-listed notes `rule`."""
    end = len(text) if end is None else end
    notes = _label_notes(text, start, end)
    taken = [(n.start, n.end) for n in notes]
    notes += _bracket_notes(text, start, end, taken)
    notes += _sentence_notes(text, start, end, taken + [(n.start, n.end) for n in notes])
    notes.sort(key=lambda n: n.start)
    spans = [(n.start, n.end) for n in notes]
    prose_rules = [p for p in _rules(text, start, end) if not any(a <= p < b for a, b in spans)]
    in_force = False
    for note in notes:
        in_force = in_force or any(p < note.start for p in prose_rules)
        if in_force and note.reading.basis == "first-listed":
            note.reading.basis = "rule"
        if note.reading.declares_rule and declares_same_below(text[note.start : note.end]):
            in_force = True
    return notes
