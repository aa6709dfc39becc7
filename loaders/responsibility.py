"""Who leads and who supports: the responsibility notes of a plan, read as a reader of
Chinese official documents reads them.

  （X牵头，Y、Z配合） / 由X牵头，Y参与 / X会同有关部门负责 / X负责，Y配合     stated
  （牵头单位：X；责任单位：Y） / 【牵头单位】X / 责任单位：X（牵头）、Y       stated
  label lines after a paragraph (牵头单位：X / 牵头领导：张三 / 责任单位：Y)  stated, one note per block
  部门分工：X牵头，各地、各部门配合 (a label whose value is clauses)         stated
  …的问题，由X会同Y等部门负责落实 / …，X牵头，Y配合 (ending a sentence)      stated
  （X、Y、Z分别负责） / 分别由X、Y负责 / X、Y各自负责 (each answers for its part) stated, every one leads
  责任单位：★X、Y / X▲、Y (a mark on the lead; no part of its name)          stated
  协同单位：X、Y (a support label alone, after a task)                      stated, supports only
  责任单位：X、Y / 配合单位：Z (responsible set against supporting bodies)     stated, every 责任 body leads
  （一）X牵头的工作 (a heading naming the lead of its tasks)                  stated
  （X、Y负责，列第一位者为牵头单位，下同） and the rule's variants          rule, carried on by 下同
  （X、Y等负责。列第一位的为牵头部门，…，下同） (the rule after a stop)      rule
  （责任单位：X、Y） / （X、Y按职责分工负责） / 。（X，各县〔市、区〕政府）   first-listed
  。由X、Y，各县（市）、区人民政府负责落实。 (由 opens the list, the verb ends it) first-listed
Precision first: a note is read only when every name in it looks like a body's name
(a person, a deadline, 东部 or 试行 never does), a bare list with no label or verb only
where a note stands (after a sentence, ending the item), a sentence only when it is all
note, opens with 由X牵头, or ends with clauses that assign its task. Persons named by post
(分管副省长负责) are skipped; a later sentence in a note must only remark on the rule
(明确牵头部门的，其他有关部门配合，下同). Under a label the list is a list of bodies: a name the
rules do not know is kept out and reported (Reading.unresolved), the others read. What a
name is: loaders/names.py; labels are reviewed data: data/responsibility_terms.tsv.
"""

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate

from loaders.lines import split_lines
from loaders.names import (
    CLOSERS,
    ETC,
    OPENERS,
    alternatives,
    bodies,
    is_body,
    is_group_of_all,
    is_listed_body,
    listed_bodies,
    office_holders,
    split_names,
    split_top,
    terms,
)

__all__ = ["Note", "Reading", "find_notes", "is_body", "read_note", "split_names"]


@cache
def _label_pattern() -> re.Pattern[str]:
    """A label: `牵头单位：`, `【牵头单位】`, `[牵头单位]` (colon optional after brackets)."""
    words = alternatives("lead", "support", "responsible", "aside")
    kind = r"(?:[（(](?:部门|单位)[）)])?"  # 牵头单位（部门）：
    return re.compile(
        rf"(?:【\s*(?P<b>{words}){kind}\s*】|\[(?P<s>{words}){kind}\]|(?P<p>{words}){kind}\s*(?:[：:]|为(?!牵头)))\s*[：:]?"
    )


@cache
def _label_hint() -> re.Pattern[str]:
    """The endings of the body labels (单位, 部门, 牵头 …): a line holding none has no label tail."""
    words = {w[-2:] for k in ("lead", "support", "responsible") for w in terms()[k]}
    return re.compile("|".join(map(re.escape, sorted(words))))


def _label_role(label: str) -> str:
    return next(k for k in ("lead", "support", "responsible", "aside") if label in terms()[k])


# --- one note ----------------------------------------------------------------------------------


@dataclass
class Reading:
    """One note read: names as written, in text order."""

    leads: list[str]
    supports: list[str]
    basis: str  # stated | rule | first-listed
    declares_rule: bool = False  # the note states 列第一位的为牵头部门 (and, with 下同, for what follows)
    bare: bool = False  # a list of bodies with no label or verb: a note only where a note stands
    unresolved: list[str] = field(default_factory=list)  # names under a label not read as bodies (warn)
    ranked: bool = False  # 责任单位：X、Y set against 配合单位: all lead, unless a rule says the first does

    def under_rule(self) -> "Reading":
        """The reading when 列第一位的为牵头单位 is in force: a ranked or first-listed list's first name leads."""
        if self.ranked:
            return Reading(self.leads[:1], self.leads[1:] + self.supports, "rule", self.declares_rule, self.bare,
                           self.unresolved)
        if self.basis == "first-listed":
            self.basis = "rule"
        return self


RULE = re.compile(
    r"(?:(?:其中)?[，,；;]?\s*)(?:"
    r"(?:[列排位](?:在|于|名)?)?(?:第一位?|首位|第一个|首个|最前面?|靠前|前面)(?:的|者)?(?:责任)?(?:部门|单位)?"
    r"(?:[（(](?:部门|单位)[）)])?"
    r"(?:为|是|作为)(?:工作)?(?:牵头|主办|主责)(?:或[\u4e00-\u9fff]{1,4}?)?(?:责任)?(?:部门|单位)"
    r"(?:或[\u4e00-\u9fff]{1,4}?(?:部门|单位))?(?:[（(](?:部门|单位)[）)])?"
    r"|牵头(?:部门|单位)(?:[列排](?:在|于)?)(?:第一位?|首位))"
    r"(?:[，,；;]\s*(?:其他|其余|其它)(?:的)?(?:有关|相关)?(?:部门|单位)?(?:和|及|或)?(?:部门|单位)?(?:为|是)?"
    r"(?:按照?职责分工|按照?职责|根据职责)?(?:配合|责任|参与|协办|协同|负责)(?:部门|单位)?)?"
    r"(?P<below>[，,；;]\s*(?:下同|以下同|后同|以下均同|下文同))?"
)
RULE_VERB = re.compile(r"(?:为|是)(?:牵头|主办|主责)|牵头(?:部门|单位)[列排]")
# a deadline among the clauses of a note: 市发改委负责，2024年底前完成
DEADLINE_CLAUSE = re.compile(
    r"^(?:(?:19|20)\d\d年[^，,；;]{0,12}|年底前|年内|长期坚持|持续推进|长期)(?:完成|前完成|底前|前|持续推进|持续实施)?$"
)
EMPTY_BRACKETS = re.compile(r"[（(〔]\s*[）)〕]")
BY = r"^(?:(?:具体|分别|统一|均)?由)?"  # 由X牵头, 具体由X负责
LEAD_CLAUSE = re.compile(
    BY + r"(?P<n>.+?)(?:(?:共同|分别|总)?牵头(?:负责落实|负责|抓好落实|落实|组织实施|实施|推进|抓总)?"
    r"|负总责|主责|主抓|主办|为牵头(?:责任)?(?:单位|部门))$"
)
# 由X会同Y等部门负责落实 / 研究提出落实意见 / 制定实施细则: what 会同 does is the task itself;
# 由X牵头，会同Y制定方案: the subject is the lead of the clause before
WITH_CLAUSE = re.compile(
    BY + r"(?P<n>.*?)会同(?P<o>.+?)(?:共同)?(?:负责落实|负责实施|负责推进|负责|落实|组织实施|实施|推进"
    r"|(?:研究)?(?:提出|制定|出台|起草|编制)[\u4e00-\u9fff“”《》]{0,16})?$"
)
SUPPORT_CLAUSE = re.compile(
    r"^(?P<n>.+?)(?:(?:按照?职责分工|按照?职责|根据职责)?(?:共同|积极|协助|密切|分别)?(?:配合|参与|协助|协同|协办)"
    r"(?:落实|实施|推进)?|为(?:配合|参与|协办)(?:单位|部门))$"
)
# 市发改委（牵头）、市财政局: a lead marked in a list
MARKED_LEAD = re.compile(r"(?P<n>[^、，,；;：:\s（(]+)[（(](?:牵头|牵头单位|牵头部门|主责)[）)]")
# X、Y、Z分别负责 / 各自负责 / 分别由X、Y负责: each body listed answers for its part, so each leads
EACH_CLAUSE = re.compile(
    r"^(?:分别由(?P<by>.+?)(?:负责落实|负责|牵头|落实)"
    r"|(?:由)?(?P<n>.+?)(?:按照?职责分工|按照?职责|根据职责)?(?:分别|各自)(?:负责落实|负责|牵头负责|抓好落实|落实))$"
)
# ★市发改委、市统计局 / 市发改委▲、市统计局: a mark on a body in a list names the lead (the mark is no part of it)
LEAD_MARK = "★▲☆△＊*"
MARKED_BY_SIGN = re.compile(
    rf"(?:(?<=^)|(?<=[、，,；;：:\s（(和及]))[{LEAD_MARK}]+(?P<a>[^、，,；;：:\s（(){LEAD_MARK}]+)"
    rf"|(?P<b>[^、，,；;：:\s（(){LEAD_MARK}]+)[{LEAD_MARK}]+(?=$|[、，,；;。\s）)])"
)
# （★为牵头单位） / 标★的为牵头部门 / 加*号者为牵头单位: the legend of the mark, no name
MARK_LEGEND = re.compile(
    rf"[（(]?\s*(?:标注?|带|加|有|打)?[{LEAD_MARK}]号?(?:的|者)?(?:为|是)(?:牵头|主办|主责)(?:单位|部门)"
    r"(?:[，,；;]\s*(?:下同|以下同|后同))?\s*[）)]?"
)
DUTY_CLAUSE = re.compile(
    BY + r"(?P<n>.+?)(?:按照?职责分工|按照?职能分工|按照?职责|根据职责|分工|共同|分别|具体)?"
    r"(?:负责落实|负责组织实施|负责实施|负责推进|负责|抓好落实|组织实施|落实)$"
)
VERB = re.compile("牵头|会同|配合|参与|协助|协同|协办|负责|落实|负总责")
# 分管副省长、协管副秘书长负责 / 由分管副市长牵头: persons by post, skipped (the bodies follow)
PERSON_CLAUSE = re.compile(BY + r"(?P<n>.+?)(?:负总责|负责|牵头|主抓|抓总|统筹|协调|督办|挂帅)?$")
# a sentence after the note's first that only remarks on the rule: 明确牵头部门的，其他有关部门配合，
# 不逐一列出，下同 / 其他部门和单位按职责分工负责
REMARK = re.compile(r"下同|以下同|后同|不再?逐一列出|不一一列出|^(?:其他|其余|其它|明确|未明确|已明确|凡)")
NO_ONE = {"无", "/", "—", "－", "-", "——"}


def read_labelled(text: str) -> Reading | None:
    """`牵头单位：X，配合单位：Y`, `责任单位：X、Y等`, labels inline, on their own lines or in 【】;
    a person's or a deadline's label among them is skipped."""
    found = _labels(text)
    if not found or text[: found[0].start()].strip(" \t\n，,；;。"):
        return None
    roles: dict[str, list[str]] = {"lead": [], "support": [], "responsible": []}
    unresolved: list[str] = []
    for m, nxt in zip(found, [*found[1:], None], strict=True):
        role = _role_of(m)
        value = text[m.end() : nxt.start() if nxt else len(text)].strip(" \t\n，,；;。")
        if role == "aside" or value in NO_ONE:
            continue
        names = bodies(value, places=True)
        if names is None:  # 牵头单位：X，Y配合 / 责任单位：X牵头，Y配合
            if _read_mixed(value, role, roles):
                continue
            listed = listed_bodies(value)  # 协同责任单位：市税务局、市人行: a list of bodies by the label's word
            if listed is None:
                return None
            names, unknown = listed
            unresolved += unknown
        roles[role] += names
    leads, supports, responsible = roles["lead"], roles["support"], roles["responsible"]
    if leads:
        return Reading(leads, supports + [n for n in responsible if n not in leads], "stated", unresolved=unresolved)
    if responsible and supports:  # 责任单位：X、Y / 配合单位：Z: set against the supporters, every 责任 body leads
        return Reading(responsible, [n for n in supports if n not in responsible], "stated", unresolved=unresolved,
                       ranked=len(responsible) > 1)
    if responsible:
        return Reading(responsible[:1], responsible[1:], "first-listed", unresolved=unresolved)
    if supports:  # 协同单位：X、Y after a task whose lead is stated elsewhere (or nowhere): they support
        return Reading([], supports, "stated", unresolved=unresolved)
    return None


def _read_mixed(value: str, role: str, roles: dict[str, list[str]]) -> bool:
    """A label's value that goes on with verbs: its leading bare names keep the label's role."""
    clauses = split_top(value, "，,；;")
    k = 0
    while k < len(clauses) and not VERB.search(clauses[k]) and bodies(clauses[k]) is not None:
        k += 1
    inner = _read_clauses("，".join(clauses[k:]))
    if inner is None:
        return False
    roles[role] += [n for c in clauses[:k] for n in bodies(c) or []]
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
    return pos == 0 or text[pos - 1] in " \u3000\t\n，,；;。】]）)"


# the duty that closes a 由 list: 负责落实 / 负责实施 / 负责, nothing after it
BY_LIST_END = re.compile(r"负责(?:落实|实施|组织实施)?$")
OTHER_ROLE = re.compile("牵头|会同|配合|参与|协助|协同|协办|负总责")


def _by_list(clauses: list[str]) -> bool:
    """由X、Y，Z负责落实: 由 opens a list only the last clause's 负责 closes; with a role word anywhere
    (由X、Y，Z配合 / 由X，Y牵头负责 / …，会同Z负责落实) whose list 由 opens is unclear, so none is read."""
    return (len(clauses) > 1 and clauses[0].startswith("由") and not VERB.search(clauses[0])
            and bool(BY_LIST_END.search(clauses[-1])) and not any(VERB.search(c) for c in clauses[1:-1])
            and not any(OTHER_ROLE.search(c) for c in clauses))


def _read_clauses(core: str) -> Reading | None:
    """`X牵头，Y配合`, `由X牵头，Y参与`, `X会同Y负责`, `X负责，Y配合`, `X、Y按职责分工负责`, `X、Y`."""
    leads: list[str] = []
    supports: list[str] = []
    duty: list[str] = []
    pending: list[str] = []
    verbs = False
    clauses = [c.strip() for c in split_top(core, "，,；;")]
    if _by_list(clauses):
        clauses[0] = clauses[0][1:]  # 由X、Y，Z负责落实: 由 opens the whole list, the verb closes it
    for clause in clauses:
        if not clause or DEADLINE_CLAUSE.match(clause) or _persons(clause):
            continue
        names: list[str] | None
        if m := EACH_CLAUSE.match(clause):
            names = bodies(m.group("by") or m.group("n"))
            leads += pending + (names or [])
        elif m := LEAD_CLAUSE.match(clause):
            names = bodies(m.group("n"))
            leads += pending + (names or [])
        elif m := WITH_CLAUSE.match(clause):
            subject = m.group("n")
            names = bodies(subject) if subject else ([] if leads or pending else None)
            others = bodies(m.group("o"))
            if others is None:
                return None
            leads += pending + (names or [])
            supports += others
        elif m := SUPPORT_CLAUSE.match(clause):
            names = bodies(m.group("n"))
            if leads or duty:
                supports += pending
            else:  # X，Y配合: the body named before the supporters leads
                leads += pending
            supports += names or []
        elif m := DUTY_CLAUSE.match(clause):
            names = bodies(m.group("n"))
            duty += pending + (names or [])
        else:
            names = bodies(clause)
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


def _persons(clause: str) -> bool:
    m = PERSON_CLAUSE.match(clause)
    return m is not None and office_holders(m.group("n"))


def _first_sentence(text: str) -> str | None:
    """`X牵头。明确牵头部门的，其他有关部门配合，下同`: a note's later sentences remark on the rule;
    any other sentence means the parenthesis is prose, not a note (None)."""
    sentences = [x for x in split_top(text, "。") if x.strip(" ，,；;")]
    if len(sentences) > 1 and not all(REMARK.search(x.strip(" ，,；;")) for x in sentences[1:]):
        return None
    return sentences[0] if sentences else ""


def read_note(text: str, rule_in_force: bool = False) -> Reading | None:
    """Read one responsibility note (without its brackets), or None if it is not one."""
    text = text.strip(" \t\n。；;")
    rule = RULE.search(text)
    if rule:  # 责任单位：X、Y（列第一位的为牵头单位，下同）: the rule is not a name
        text = EMPTY_BRACKETS.sub("", text[: rule.start()] + text[rule.end() :]).strip(" \t\n，,。；;")
    marked = {ETC.sub("", m.group("n")) for m in MARKED_LEAD.finditer(text)}
    text = MARKED_LEAD.sub(lambda m: m.group("n"), text)
    text = MARK_LEGEND.sub("", text).strip(" \t\n，,。；;")
    marked |= {ETC.sub("", m.group("a") or m.group("b")) for m in MARKED_BY_SIGN.finditer(text)}
    text = MARKED_BY_SIGN.sub(lambda m: m.group("a") or m.group("b"), text)
    labels = _labels(text)
    if labels and any(_role_of(m) != "aside" for m in labels):
        reading = read_labelled(text)
    else:  # 市发改委负责，完成时限：2024年: the deadline's label ends the note
        core = _first_sentence(text[: labels[0].start()] if labels else text) or ""
        reading = _read_clauses(core.strip(" ，,。；;")) if core.strip(" ，,。；;") else None
    if reading is None or any(is_group_of_all(n) for n in reading.leads):
        return None  # 各地区各部门负责: a group of every body supports, it never leads
    reading.declares_rule = bool(rule)
    if marked & set(reading.leads + reading.supports):
        named = reading.leads + reading.supports
        reading = Reading([n for n in named if n in marked], [n for n in named if n not in marked], "stated")
    named = reading.leads + reading.supports
    if reading.bare and not all(is_listed_body(n, named) for n in named):
        return None
    if rule_in_force or reading.declares_rule:
        reading = reading.under_rule()
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
    form: str = "bracket"  # bracket | labels (label lines or an inline label tail) | sentence | heading


PARTNER = {"）": "（(", ")": "（(", "〕": "〔", "】": "【", "]": "["}
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
        if m is None and block and text[block[-1][1] - 1] in "、，,：:" and bodies(body, places=True) is not None:
            block.append((s, _note_end(text, s, s + len(body)), True))  # a list wrapped onto this line
            continue
        if m is not None:
            if inline:
                close()
            inline = False
            block.append((s, _note_end(text, s, s + len(body)), _role_of(m) != "aside"))
            continue
        close()
        pos = 0  # every label tail on the line: …。牵头单位：X。稳定外贸。牵头单位：Y；配合单位：Z。
        while (tail := _label_tail(body, pos)) is not None:
            close()
            stop = _note_end(text, s + tail, s + len(body))
            block, inline, pos = [(s + tail, stop, True)], True, max(stop - s, tail + 1)
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


def _label_tail(line: str, pos: int = 0) -> int | None:
    """Where a label follows a sentence on its line (…。牵头单位：X；责任单位：Y), from `pos` on."""
    if not any(ch in line for ch in "：:】]") or not _label_hint().search(line, pos):
        return None
    for m in _label_pattern().finditer(line, pos):
        before = line[: m.start()].rstrip()
        if before and before[-1] in SENTENCE_END and _role_of(m) != "aside":
            return m.start()
    return None


def _sentence_notes(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[Note]:
    """A whole sentence that is a note: 由X牵头，Y参与。 / X牵头，Y等按职责分工负责。"""
    notes: list[Note] = []
    spans = sorted(taken)
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))
    for m in SENTENCE.finditer(text[start:end]):
        s, e = start + m.start(), start + m.end()
        inside = spans[bisect_left(starts, s) : bisect_left(starts, e)]
        if inside:  # 。（X牵头）稳定外贸，Y牵头，Z配合。: the clauses after a note are a sentence of their own
            s = max(b for _, b in inside)
        sentence = text[s:e]
        if not SENTENCE_VERB.search(sentence) or _overlaps(reach, starts, s, e):
            continue
        lead_ws = len(sentence) - len(sentence.lstrip())
        reading = read_note(sentence)
        if reading is None:
            reading, prefix_end = _lead_prefix(sentence, s)
            e = prefix_end if reading is not None else e
        assigned = reading is not None and sentence.lstrip().startswith("由")  # 由X负责组织实施。
        if reading is None:
            reading, cut = _assigning_tail(sentence)
            s, lead_ws, assigned = s + cut, 0, True
        if reading is None or reading.bare or any(n.startswith("各") for n in reading.leads):
            continue
        line_start, line_end = _line_bounds(text, s)
        standalone = not text[line_start : s + lead_ws].strip() and not text[e:line_end].strip(" 。；;")
        if reading.basis != "stated" and not standalone and not assigned:
            continue  # X负责 inside a paragraph is said of a task, not a note
        notes.append(Note(s + lead_ws, e - (len(text[s:e]) - len(text[s:e].rstrip())), reading, standalone, "sentence"))
    return notes


def _overlaps(reach: list[int], starts: list[int], s: int, e: int) -> bool:
    """Some note's span overlaps [s, e): `starts` sorted, `reach[i]` the furthest end of the first i+1 spans."""
    i = bisect_left(starts, e)
    return i > 0 and reach[i - 1] > s


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


def _top_commas(text: str) -> list[int]:
    depth, found = 0, []
    for i, ch in enumerate(text):
        depth += ch in OPENERS
        depth -= ch in CLOSERS and depth > 0
        if depth == 0 and ch in "，,":
            found.append(i)
    return found


def _assigning_tail(sentence: str) -> tuple[Reading | None, int]:
    """…的问题，由X会同Y等部门负责落实 / …工作，X牵头，Y配合: clauses ending the sentence that assign
    its task, opened by 由X (牵头/会同/负责) or by X牵头 / X会同Y, each clause with its verb; a body
    merely mentioned (建立由X牵头的机制, 支持X开展) is no assignment. Returns the reading and where it starts."""
    for cut in _top_commas(sentence):
        tail = sentence[cut + 1 :]
        clauses = [c.strip() for c in split_top(tail, "，,")]
        first = clauses[0]
        by = first.startswith("由") and DUTY_CLAUSE.match(first)
        opens = LEAD_CLAUSE.match(first) or WITH_CLAUSE.match(first) or by
        if not opens or not all(VERB.search(c) or DEADLINE_CLAUSE.match(c) for c in clauses if c):
            continue
        reading = read_note(tail)
        if reading is not None and reading.leads and not reading.bare and (reading.basis == "stated" or by):
            return reading, cut + 1 + len(tail) - len(tail.lstrip())
    return None, 0


# （一）省审计厅牵头的工作 / 二、市发改委负责的重点任务: a heading that names the lead of the tasks under it
HEADING_LEAD = re.compile(
    rf"^[ \t\u3000]*{NEXT_ITEM}[ \t\u3000]*(?P<note>(?P<n>[^，,。；;：:\n]{{2,40}}?)(?:牵头|负责|主办|主责|牵头负责))"
    r"(?:的|落实的|推进的)(?:重点|主要)?(?:工作任务|工作事项|工作|事项|任务|项目)"
    r"(?:[（(][^）)\n]*[）)])?[ \t\u3000。：:]*$",
    re.M,
)


def _heading_notes(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[Note]:
    """A heading naming its lead (（一）省审计厅牵头的工作): the lead of the tasks under it, stated; a
    heading naming a person (一、张三省长负责的工作) is a group, not a body, and names none."""
    notes = []
    for m in HEADING_LEAD.finditer(text, start, end):
        s, e = m.span("note")
        if any(a <= s < b for a, b in taken):
            continue
        reading = read_note(m.group("note"))
        if reading is None or not reading.leads or reading.bare:
            continue
        reading.basis = "stated"
        notes.append(Note(s, e, reading, False, "heading"))
    return notes


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
    notes += _heading_notes(text, start, end, [(n.start, n.end) for n in notes])
    notes.sort(key=lambda n: n.start)
    spans = [(n.start, n.end) for n in notes]
    prose_rules = [p for p in _rules(text, start, end) if not any(a <= p < b for a, b in spans)]
    in_force = False
    for note in notes:
        in_force = in_force or any(p < note.start for p in prose_rules)
        if in_force:
            note.reading = note.reading.under_rule()
        if note.reading.declares_rule and declares_same_below(text[note.start : note.end]):
            in_force = True
    return notes
