"""Targets: what a plan promises to reach, by when, from where.

Running text (到2020年，固定宽带家庭普及率达到65%; 培育100家左右…企业; 增长5%以上)
and the cells of task tables (| or tab separated; a 落实情况 column reports, it
does not promise); indicator tables are read in `loaders.indicator_tables`.
Values keep the unit as written; Chinese numerals go through cn2an. The words
that qualify a figure (突破, 以上, 左右 …) and the units are reviewed data in
loaders/data/target_words.tsv. The year comes from the sentence, the paragraph,
the latest 到X年 or dated heading (一、2024年经济社会发展计划目标), 今年 is the
plan's year, else the plan's horizon. Whether a year is already past is for
`loaders.targets` to judge.
"""

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import cn2an

from loaders.lines import split_lines


@lru_cache(maxsize=1)
def target_words() -> dict[str, dict[str, str]]:
    """kind → {word: meaning} from the reviewed file; see its header."""
    text = resources.files("loaders").joinpath("data", "target_words.tsv").read_text(encoding="utf-8")
    rows = csv.reader((ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")), delimiter="\t")
    words: dict[str, dict[str, str]] = {"before": {}, "after": {}, "unit": {}, "grant": {}}
    for kind, word, *meaning in rows:
        words[kind][word] = meaning[0] if meaning else ""
    return words


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _unit_pattern() -> str:
    """A unit as written: %, 个百分点; 个, 万个, 亿元, 万亿元; 4000万; with 余/多 (31万余张) marked `more`."""
    kinds = target_words()["unit"]
    plain = _alternatives(u for u, k in kinds.items() if k == "")
    scaled = _alternatives(u for u, k in kinds.items() if k == "scaled")
    magnitude = _alternatives(u for u, k in kinds.items() if k == "magnitude")
    return (rf"(?P<unit>{plain}|(?P<mag>{magnitude})?(?P<more>[余多])?(?P<base>{scaled})"
            rf"|(?P<bare>{magnitude})(?P<more_bare>[余多])?)?")


COMPARATORS = target_words()["before"]
QUALIFIERS = target_words()["after"]
# Chinese numerals count only as magnitudes of money (突破千亿元): 一批, 四个全面, 十二项任务 promise no figure.
NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[千百万](?=[万亿]))"
UNIT = _unit_pattern()
AFTER = rf"(?P<incl>[（(]含[）)])?(?P<post>{_alternatives(QUALIFIERS)})?"
# A figure is found by its number, then read outwards: the word before it, its unit and qualifier after
# (one pattern with all three was tried at every character and cost more than the rest of the reading).
FIGURE_NUMBER = re.compile(NUMBER)
FIGURE_BEFORE = re.compile(rf"(?:{_alternatives(COMPARATORS)})$")
FIGURE_AFTER = re.compile(UNIT + AFTER)
GRANT = re.compile(_alternatives(target_words()["grant"]))
YEAR = re.compile(r"(?<![比较与])(?:到|至)?(20\d\d)年(?!相比|同期)(?:底|末)?(?:前)?")  # not 比2020年: a base
TITLE_YEAR = re.compile(r"(?<![比较与])(20\d\d)年(?!\d{1,2}月|相比|同期)")  # 2024年…目标; not 2023年1月19日, 较2010年
BY_YEAR = re.compile(r"到(20\d\d)年(?:底|末)?")
THIS_YEAR = re.compile(r"今年|本年度?|年内|全年")
RANGE = re.compile(r"(20\d\d)\s*[-—－–~～至]+\s*(20\d\d)年")
HORIZONS = {"十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}
PERIOD_END = re.compile(r"到[“\"]?(十[二三四五]五)[”\"]?(?:期?末|时期末)")  # 到“十四五”末 → 2025
SECTION_START = re.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章部分])")
# Titles of documents that set one year's work: their goals without a year are that year's.
ANNUAL = re.compile(r"政府工作报告|年度|工作要点|重点工作|民生实事|为民办实事")
MARKER = r"(?:\d{1,2}[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]+、|[①-⑳])"
NAME_TRIM = re.compile(rf"^(?:{MARKER}|力争|确保|到20\d\d年(?:底|末)?|20\d\d年(?:底|末)?|实现|全面|使)+"
                       r"|(?:力争|将|要|均|基本|进一步|达到|达)+$")
COMPARED_WITH = re.compile(r"(?:比|较)(?:20\d\d年(?:底|末)?|上年|去年|上一年)(?:同期)?")
DELIMS = "，；。、：,;:\n"
# 由2020年的40%提高到2025年的45%: a baseline, then the target it moves to.
CHANGE = re.compile(r"(?P<name>[^，。；,;：:]*?)(?:由|从)(?:(?P<base_year>20\d\d)年(?:底|末)?的?)?"
                    r"(?P<base>\d+(?:\.\d+)?)[^\d，。；,;]{0,6}?(?:提高|提升|增加|增长|上升|下降|降低|减少|扩大|缩小)?"
                    r"(?:到|至)(?:(?P<year>20\d\d)年(?:底|末)?的?)?(?P<num>\d+(?:\.\d+)?)(?![\d.])")
ACHIEVED = re.compile(r"已(?:经)?(?:建成|完成|达到|达|有|实现|超过|突破|累计|培育|形成|开通|认定|创建|获批|发放|新增"
                      r"|落地)")  # 已建成: done, reported
RANGE_ON = re.compile(r"[—\-－～~至到]\d")
NOT_A_FIGURE = re.compile(r"[年月日级代AD]|G(?!bps|B)")  # what after a number makes it a date or a name
NON_NUMERIC = re.compile(r"(覆盖|实现|建成|普及|接入)")
# What stands before a count that names existing things rather than a quantity to reach.
COUNTED_BEFORE = re.compile(r"(?:\d+(?:\.\d+)?[个家所项座条][^\d，。；,;]{0,12}?[和及与、])+$")  # 13个市和
REFERRING = re.compile(r"(?:其余|其他|上述|现有|已有|这|该|推进|深化|巩固)$")
NAMES_LISTED = re.compile(r"(?:^|[，,：:])(?:[^、，,：:\d]{2,8}、)+[^、，,：:\d]{2,8}?等?$")
# Names that say only what kind of item was counted (措施, 政策): the count of a document's items, not a goal.
# 实现财政收入增长4%的目标: the figure closes the goal's own name, the words after it only call it a goal
GOAL_WORD = re.compile(r"^的?(?:目标任务|目标|任务|要求)(?:[。；;，,）)]|$)")
GENERIC_NAMES = {"措施", "政策", "举措", "政策措施", "任务", "事项", "意见", "文件", "条款", "办法", "要求"}
DEADLINE_COLUMN = re.compile(r"时限|时间|期限|节点")
# A task table's column that reports what was done (落实情况) or remarks on it: no promise there.
STATUS_COLUMN = re.compile(r"(落实|完成|进展|推进|实施|办理|执行)(情况|进度)|工作进展|进度|备注|成效")


@dataclass
class Target:
    name: str
    value: float | None
    comparator: str
    unit: str
    year: int | None
    start: int  # span of the whole statement in the reading text
    end: int
    baseline_value: float | None = None
    baseline_year: int | None = None
    from_table: bool = False


def to_number(text: str) -> float | None:
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", text):
        return float(text.replace(",", ""))
    try:
        return float(cn2an.cn2an(("一" + text) if text[0] in "十百千万" else text, "smart"))
    except (ValueError, KeyError):
        return None


# -- running text ------------------------------------------------------------------------------

def _clauses(text: str, start: int, end: int):
    """Clauses of text[start:end] split at ，；。 (or , ; not inside a number such as 13,000), with offsets."""
    pos = start
    for m in re.finditer(r"[，；。;\n]|,(?!\d{3})", text[start:end] + "\n"):
        clause_end = start + m.start()
        if clause_end > pos:
            yield pos, clause_end
        pos = start + m.end()


def _name_after(clause: str) -> str:
    if clause.startswith("的"):
        return clause[1:]
    cut = re.search(r"\d", clause)
    part = clause[: cut.start()] if cut else clause
    last_de = part.rfind("的")
    if last_de > 0 and "、" in part[:last_de]:
        part = part[last_de + 1 :]
    return part.split("、")[0]


def _name_before(clause: str) -> str:
    for d in DELIMS:
        clause = clause.rsplit(d, 1)[-1]
    return clause


def _clean(name: str) -> str:
    name = COMPARED_WITH.sub("", name).strip(" ，、")  # 能耗比2020年下降 → 能耗下降
    for _ in range(3):
        name = NAME_TRIM.sub("", name).strip(" ，、")
    return name


@dataclass
class _Figure:
    """A number as written in a clause, with the word before it and the unit and qualifier after it."""

    num: str
    pre: str
    unit: str
    more: bool  # 31万余张
    post: str
    incl: bool  # 30人（含）以下
    start: int  # where the word before it starts
    num_end: int
    end: int


def _figures(clause: str):
    end = 0
    for n in FIGURE_NUMBER.finditer(clause):
        if n.start() < end:
            continue  # 万 of 300万户 is the unit just read, not a number
        before = FIGURE_BEFORE.search(clause, max(0, n.start() - 4), n.start())
        pre = before.group(0) if before else ""
        m = FIGURE_AFTER.match(clause, n.end())
        unit = (m.group("mag") or "") + m.group("base") if m.group("base") else m.group("bare") or m.group("unit") or ""
        end = m.end()
        yield _Figure(n.group(), pre, unit, bool(m.group("more") or m.group("more_bare")), m.group("post") or "",
                      bool(m.group("incl")), n.start() - len(pre), n.end(), m.end())


def _change(clause: str, start: int, end: int) -> tuple[Target, int] | None:
    """森林覆盖率由2020年的40%提高到45%: a target with its baseline; returns it and where its span ends."""
    m = CHANGE.search(clause)
    if m is None:
        return None
    after = FIGURE_AFTER.match(clause, m.end())
    unit = after.group(0) if after else ""
    name = _clean(_name_before(m.group("name")))
    if len(name) < 2:
        return None
    post = after.group("post") if after and after.group("post") else ""
    unit = unit[: len(unit) - len(post)] if post else unit
    year = int(m.group("year")) if m.group("year") else None
    t = Target(name, float(m.group("num")), QUALIFIERS.get(post, "="), unit, year, start, end,
               baseline_value=float(m.group("base")), baseline_year=int(m.group("base_year") or 0) or None)
    return t, m.end() + (after.end() - m.end() if after else 0)


def targets_in_clause(text: str, start: int, end: int) -> list[Target]:
    """The targets one clause states; most of the rules below say which figures are not targets."""
    clause = text[start:end]
    if GRANT.search(clause):
        return []  # 给予一次性奖励50万元: what a measure pays, not a goal
    found = []
    change = _change(clause, start, end)
    if change:
        found.append(change[0])
    for m in _figures(clause):
        if change and m.start < change[1]:
            continue  # read with its baseline above
        num, pre, post, unit, more = m.num, m.pre, m.post, m.unit, m.more
        if NOT_A_FIGURE.match(clause, m.num_end):
            continue  # 2020年, 3月, 4A级景区, 5G, 第二代
        if m.start > 0 and (clause[m.start - 1] in "第约前对向-—～~" or clause[m.start - 1].isdigit()):
            continue
        if ACHIEVED.search(clause, 0, m.start):
            continue  # 全省已建成5G基站1万个: what is done reports, it does not promise
        if not pre and _names_existing(clause[: m.start]):
            continue  # 加快推进20个城市试点, 合肥、芜湖市3个示范市: the count says which, not how many to reach
        if not unit and pre in ("", "的", "为") and not post:
            continue
        value = to_number(num)
        if value is None or (not num[0].isdigit() and not unit.endswith("元")):
            continue  # 千万人次: a magnitude of money only
        if _opens_heading(text, start + m.start):
            continue  # 一、10件民生实事任务分解表: the heading counts what it introduces
        after = re.sub(r"^[（(][^）)]*[）)]", "", clause[m.end:])
        if RANGE_ON.match(after):
            continue  # 增长6.5%—7%, 2—3家: a range promises no one figure
        if after[:1] in ("：", ":"):
            continue  # 知识产权保护方面5项：… counts the items listed next; it promises nothing
        if after and after[0] not in DELIMS and (m.incl or post in ("以下", "以内")):
            continue  # 职工总数30人（含）以下的企业, 3岁以下婴幼儿: a threshold that defines a class
        if after[:1] in ("的", "级") and ("元" in unit or unit in ("亿", "万")):
            continue  # 产值超百亿元的园区: the number describes the thing, it is not the target
        if after and after[0] not in DELIMS and not GOAL_WORD.match(after):
            name = _name_after(after)
            subject = re.match(r"^(.*?)(?:基本实现|实现)$", _name_before(clause[: m.start]))
            if subject and len(subject.group(1)) >= 2:  # 农村家庭宽带用户基本实现30Mbps以上接入服务能力
                name = subject.group(1) + name
        else:
            name = _name_before(clause[: m.start])
        name = _clean(name)
        if name.count("（") > name.count("）"):
            name = name[: name.rfind("（")]
        if len(name) < 2 or re.fullmatch(r"[\d.%]+", name) or name[-1] in "和及与或":
            continue
        if name.endswith(("方面", "领域")) or name in GENERIC_NAMES:
            continue  # 知识产权保护方面5项, 落实好90条措施: a category or a document's items counted
        comparator = QUALIFIERS.get(post) or (">" if more else None) or COMPARATORS.get(pre) or "="
        found.append(Target(name, value, comparator, unit, None, start, end))
    return found


def _names_existing(before: str) -> bool:
    """Whether a count, by what stands before it, names things already there: the remaining or these
    (其余13个市和9个示范县), ones carried on (推进20个城市试点), or a list of names it counts (合肥、芜湖市3个)."""
    before = COUNTED_BEFORE.sub("", before)
    return bool(REFERRING.search(before) or NAMES_LISTED.search(before))


def _opens_heading(text: str, pos: int) -> bool:
    """Whether pos begins a heading line's words, right after its numbering (一、10件民生实事)."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start:len(text) if line_end < 0 else line_end].strip()
    if len(line) > 40 or "。" in line[:-1]:
        return False
    return re.fullmatch(rf"\s*{MARKER}?\s*", text[line_start:pos]) is not None


def _year_of(text: str, pos: int, paragraph_start: int, fallback: int | None, plan_year: int | None) -> int | None:
    """The year a target at `pos` is set for: its sentence's 到X年, a year in its paragraph, 今年, else fallback."""
    sentence_start = max(text.rfind("。", paragraph_start, pos), paragraph_start)
    years = [int(y) for y in BY_YEAR.findall(text, sentence_start, pos + 1)]
    if years:
        return years[-1]
    period = PERIOD_END.search(text, sentence_start, pos + 1)
    if period:
        return HORIZONS[period.group(1)]
    sentence_end = text.find("。", pos)
    sentence_end = len(text) if sentence_end < 0 else sentence_end
    years = [int(y) for y in YEAR.findall(text[paragraph_start:sentence_end])]
    if years:
        return years[-1]
    if plan_year and THIS_YEAR.search(text, sentence_start, sentence_end):
        return plan_year
    return fallback


def _context_year(line: str, plan_year: int | None) -> int | None:
    """The year a line sets for what follows: its 到X年, or the year of a heading (一、2024年主要目标; 今年…)."""
    years = BY_YEAR.findall(line)
    if years:
        return int(years[-1])
    if len(line) > 40 or "。" in line[:-1]:
        return None  # a paragraph, not a heading: its dates are its own
    years = TITLE_YEAR.findall(line)
    if years:
        return int(years[-1])
    return plan_year if plan_year and THIS_YEAR.search(line) else None


def cells_of(line) -> list[tuple[int, int, str]]:
    """A table row's cells (tab or | between them) with their offsets, stripped; [] for a line of prose."""
    if "|" not in line.text and "\t" not in line.text:
        return []
    cells, pos = [], line.start
    for raw in re.split(r"[|\t]", line.text):
        lead = len(raw) - len(raw.lstrip())
        cells.append((pos + lead, pos + lead + len(raw.strip()), raw.strip()))
        pos += len(raw) + 1
    if cells and not cells[-1][2] and line.text.rstrip().endswith("|"):
        cells.pop()  # 序号 | 任务 | … | closes with a bar
    if cells and not cells[0][2] and line.text.lstrip().startswith("|"):
        cells.pop(0)
    return cells


def indicator_header(names: list[str]) -> bool:
    """指标 | 单位 | 2020年 | 2025年: the header of an indicator table, read by `loaders.indicator_tables`."""
    return any(re.fullmatch(r"(?:主要|具体)?指\s*标(?:名称|内容)?", n) for n in names) and any(
        re.match(r"20\d\d年", n) for n in names)


def _deadline_year(cells: list[str], header: list[str] | None) -> int | None:
    """The year of a task table row's 完成时限 cell (2024年底前): the year its goals are set for."""
    for i, cell in enumerate(cells):
        if header and i < len(header) and DEADLINE_COLUMN.search(header[i]):
            years = YEAR.findall(cell)
            if years:
                return int(years[-1])
    return None


def _header(names: list[str]) -> bool:
    """A task table's header row: short cells, no figures (序号 | 具体工作任务 | 责任单位 | 落实情况)."""
    named = [c for c in names if c]
    return len(named) >= 2 and all(len(c) <= 12 and not re.search(r"\d", c) for c in named)


def _pieces(line, header: list[str] | None) -> list[tuple[int, int]]:
    """The spans of a line to read: the whole line, or a table row's cells outside report columns."""
    cells = cells_of(line)
    if not cells:
        return [(line.start, line.end)]
    return [(s, e) for i, (s, e, cell) in enumerate(cells)
            if cell and not STATUS_COLUMN.search(header[i] if header and i < len(header) else "")]


def running_text_targets(text: str, start: int, end: int, horizon: int | None,
                         plan_year: int | None = None) -> list[Target]:
    """Targets stated in the paragraphs (and table cells) of text[start:end]."""
    targets: list[Target] = []
    context: int | None = None
    header: list[str] | None = None
    for line in split_lines(text, start, end):
        names = [c for _, _, c in cells_of(line)]
        if names and (_header(names) or indicator_header(names)):
            header = names
            continue
        if header and indicator_header(header) and names:
            continue  # a row of an indicator table: `loaders.indicator_tables` reads it
        fallback = _deadline_year(names, header) or context or horizon
        for p_start, p_end in _pieces(line, header):
            for c_start, c_end in _clauses(text, p_start, p_end):
                numeric = targets_in_clause(text, c_start, c_end)
                for t in numeric:
                    t.year = t.year or _year_of(text, t.end - 1, p_start, fallback, plan_year)
                targets += numeric
                if not numeric:
                    targets += _non_numeric(text, c_start, c_end, p_start)
        if SECTION_START.match(line.stripped):
            context = None  # a new part of the plan: the year of the last one was its own
        context = _context_year(line.stripped, plan_year) or context
    return targets


def _non_numeric(text: str, start: int, end: int, paragraph_start: int) -> list[Target]:
    """到2020年，宽带网络全面覆盖城乡: a dated goal with no number, kept with a null value."""
    before = text[max(paragraph_start, start - 12):start + 12]
    m = BY_YEAR.search(text, max(paragraph_start, start - 10), end)
    if m is None or m.start() > start + 1 or "到" + m.group(1) not in before:
        return []
    rest_start = m.end() if m.end() > start else start
    clause = text[rest_start:end].lstrip("，")
    if not clause or len(clause) > 60 or re.search(r"\d", re.sub(r"\d+[A-Z]", "", clause)):
        return []
    if not NON_NUMERIC.search(clause):
        return []
    name = _clean(clause)
    return [Target(name, None, "=", "", int(m.group(1)), start, end)] if len(name) >= 4 else []

def plan_horizon(title: str, issued_year: int | None = None) -> int | None:
    """The year a plan's title aims at: 十三五 → 2020, （2016—2020年） → 2020, 2023年…方案 → 2023;
    a year's work (政府工作报告任务分工, 年度工作要点) aims at its year of issue."""
    if issued_year and ANNUAL.search(title) and not RANGE.search(title):
        return issued_year
    named = next((year for key, year in HORIZONS.items() if key in title), None)
    if named:
        return named
    ranges = RANGE.findall(title)
    if ranges:
        return int(ranges[-1][1])
    years = {int(y) for y in TITLE_YEAR.findall(title)}
    return years.pop() if len(years) == 1 else None
