"""The parts of a task table and what each cell holds: headers, cells, rows, and placing cells in columns.

A header names what its column holds (loaders/data/table_headers.tsv); a cell is told by its shape
(bodies, a person, a date, a number, text), so a row whose cells are missing or merged can still
be placed column by column. `loaders.table_layouts` finds tables with these; `loaders.tables` reads them.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from loaders.departments import looks_like_body
from loaders.lines import Line
from loaders.responsibility import read_note, split_names

DEPARTMENT_ROLES = ("lead", "support", "responsible")
TEXT_ROLES = ("task", "content", "category")
NUMERALS = "一二三四五六七八九十"
ROW_NUMBER = re.compile(r"^(\d{1,3})[.．、]?$")
CN_NUMBER = re.compile(r"^([一二三四五六七八九]?十?[一二三四五六七八九]?)$")
NUMBERED_TASK = re.compile(r"^(\d{1,3})[.．、]\s*(\S.{3,})$")
# a group of tasks named by its kind: 产业发展类, 知识产权保护方面（共5项）
GROUP_NAME = re.compile(r"(类|方面|领域|板块|专项|行动|工程)(（[^）]*）)?$")
# Category rows and numbered cells: 一、 （一） 第一章 / 1． 1、 (1) ①
CATEGORY = re.compile(rf"^(?:[{NUMERALS}]+、|（[{NUMERALS}]+）|第[{NUMERALS}]+[章节部分篇])")
MARKER = re.compile(
    rf"^(?:[{NUMERALS}]+、|（[{NUMERALS}\d]+）|\d{{1,2}}[.．、](?!\d)|[①-⑳]|第[{NUMERALS}]+[章节部分篇])")
ANNEX_ALONE = re.compile(r"^附件\s*\d*\s*$")
ANNEX_TITLED = re.compile(r"^附件\s*\d*\s*[：:]\s*(.+)$")
CAPTION_END = re.compile(r"(表|清单|方案|分工|分解|一览|台账|任务|目录|安排)(（[^）]*）)?$")
DATE_WORDS = re.compile(r"(\d{4}年|\d{1,2}月|年底|年末|月底|季度|上半年|下半年|长期|持续推进|每年|常态化|前$)")
# A task begins with what is to be done (建设数据中心 ends like a body's name but is a task; so do
# 建成县残疾人综合服务中心, 迁建县政务服务中心). Verbs that also begin bodies' names (发展, 规划, 招商,
# 统计, 编制, 投资 …) are left out: a body's name is a noun.
VERBS = ("建设|建立|健全|推进|推动|加快|加强|完善|开展|实施|支持|打造|提升|深化|落实|组织|培育|扩大|优化|强化|促进|"
         "引导|鼓励|做好|抓好|持续|积极|全面|探索|制定|出台|开放|新建|改造|筹建|设立|建成|启动|开工|完成|迁建|扩建|"
         "改扩建|续建|改建|修建|修缮|兴建|实现|确保|力争|争取|新增|增加|举办|召开|提供|实行|启用|投用|建好|办好|解决|"
         "降低|减少|提高|改善|配备|着力|大力|继续|坚持|加大|开通|推行|发放")
TASK_VERB = re.compile(rf"^(?:{VERBS})")
# Deeds no body's name holds (投资促进局, 深改委, 旧城改造办 hold 促进, 深化, 改造: those are left out).
DEEDS = ("建成|迁建|新建|扩建|改扩建|续建|改建|修建|兴建|开工|启动|完成|实现|确保|力争|争取|新增|举办|召开|提供|建好|"
         "办好|开通|发放|开展|加快|加强|打造|制定|出台|降低|减少|提高")
DEED = re.compile(rf"^(?:{DEEDS})")
# A cell that ends a sentence (。；) and states a deed or a figure is a task, whatever it ends with.
SENTENCE = re.compile(rf"(?:{DEEDS}|\d+(?:\.\d+)?\s*[个座所户家条名人项处万亿%公里千米平方])[^。；;]*[。；;]$")
# A cell that is only a figure (6%左右, 1.2万人, ≥95%, 8.1): a value, never a task by itself.
FIGURE = re.compile(r"^[≥≤>＞<＜约达]?\s*\d+(?:[.．]\d+)?\s*[%％‰]?\s*(?:[万亿千百]?[\u4e00-\u9fff]{0,2})?"
                    r"(?:左右|以上|以内|以下)?$")
RULE_LINE = re.compile(r"^[|\s:：\-—=+]+$")
PERSON = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")
MAX_HEADER = 14  # a header cell is short: 主要责任单位, 具体工作任务和要求
HEADER_UNIT = re.compile(r"[（(][^（）()\d]{1,4}[）)]$")  # a unit of measure after the header: （亿元）, （部门）
# A group row of a table (张三市长负责事项（共9项）, 二、民生实事) is no header, whatever words it holds.
GROUP_ROW = re.compile(r"负责\S*事项|[（(]共\s*\d+\s*项")
HEADER_YEAR = re.compile(r"^(?:\d{4}(?:[-—～~至]\d{4})?年度?)(?=\D)")  # 2022年预期目标, 2021-2025年目标


@dataclass
class Cell:
    text: str  # stripped, as in the reading text
    start: int
    end: int


@dataclass
class Column:
    header: str
    role: str | None  # see table_headers.tsv; None for a header we do not know


@dataclass
class Row:
    number: str | None  # the 序号 as written, None when the table has none
    cells: list[Cell | None]  # one per column, None where the row has no cell
    start: int
    end: int
    category: str | None = None  # the category row above it, if any
    roles: list[str | None] = field(default_factory=list, repr=False)
    unread: list[Cell] = field(default_factory=list, repr=False)  # its lines that fit no column (a task merged down)

    def cell(self, role: str) -> Cell | None:
        """The row's (first) non-empty cell in a column of this role."""
        return next((c for c, r in zip(self.cells, self.roles, strict=True) if r == role and c and c.text), None)

    @property
    def task(self) -> Cell | None:
        """The rightmost filled task cell (重点工作 / 主要任务 / 工作措施: the most specific), else content.
        A bare figure under a goal header (指标 | 2022年目标: 城镇新增就业 | 1.2万人) is the goal's value,
        not the task."""
        tasks = [c for c, r in zip(self.cells, self.roles, strict=True) if r == "task" and c and c.text]
        worded = [c for c in tasks if not FIGURE.match(c.text)]
        return worded[-1] if worded else tasks[-1] if tasks else self.cell("content")

    @property
    def figure(self) -> Cell | None:
        """The value a goal column sets for the row's task (1.2万人), when the task names only the indicator."""
        task = self.task
        return next((c for c, r in zip(self.cells, self.roles, strict=True)
                     if r == "task" and c and c is not task and FIGURE.match(c.text)), None)

    @property
    def categories(self) -> list[str]:
        """Task cells left of the row's task, and the category row above: the groups it belongs to."""
        task, figure = self.task, self.figure
        tasks = [c.text for c, r in zip(self.cells, self.roles, strict=True)
                 if r in ("task", "category") and c and c.text and c is not task and c is not figure]
        return ([self.category] if self.category else []) + tasks


@dataclass
class Table:
    start: int  # the header's first line to the last row's end, in the reading text
    end: int
    title: str  # the caption line above it, or its 附件's title; "" when it has none
    columns: list[Column]
    rows: list[Row]
    annex: bool = False  # it stands under a 附件 marker
    rule: bool = False  # the document (before it, its caption, a note under it) says 列第一位的为牵头单位

    def has(self, role: str) -> bool:
        return any(c.role == role for c in self.columns)


def row_number(text: str) -> int | None:
    """A 序号 cell's value: 12, 12., 十二 (numerals alone; 一、 is a category, not a number)."""
    m = ROW_NUMBER.match(text)
    if m:
        return int(m.group(1))
    if not text or not CN_NUMBER.match(text):
        return None
    digits = "一二三四五六七八九"
    if "十" not in text:
        return digits.index(text) + 1
    tens, _, ones = text.partition("十")
    return (digits.index(tens) + 1 if tens else 1) * 10 + (digits.index(ones) + 1 if ones else 0)


# -- headers ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def header_rules() -> tuple[dict[str, str], tuple[tuple[str, tuple[str, ...], bool], ...]]:
    """(exact header → role, ordered (role, words, at the end only) rules for longer headers)."""
    text = resources.files("loaders").joinpath("data", "table_headers.tsv").read_text(encoding="utf-8")
    exact: dict[str, str] = {}
    contains: list[tuple[str, tuple[str, ...], bool]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        role, header, match = (part.strip() for part in line.split("\t"))
        if match == "exact":
            exact[header] = role
        else:
            contains.append((role, tuple(header.split("+")), match == "suffix"))
    return exact, tuple(contains)


@lru_cache(maxsize=1)
def header_prefixes() -> frozenset[str]:
    """The first two characters of every known header: a cheap test before cutting a line."""
    return frozenset(h[:2] for h in header_rules()[0])


def _normal_header(header: str) -> tuple[str, str]:
    """(the header without spaces and a leading year, the same without a trailing unit of measure)."""
    header = HEADER_YEAR.sub("", re.sub(r"\s+", "", header).strip("：:"))
    return header, HEADER_UNIT.sub("", header) or header


def is_exact_header(header: str) -> bool:
    """A header we know word for word (牵头单位, 2022年预期目标, 总投资（亿元）), not only by a word in it."""
    header, bare = _normal_header(header)
    exact = header_rules()[0]
    return header in exact or bare in exact


def header_role(header: str) -> str | None:
    """序号 → number, 牵头部门 → lead, 具体工作任务和要求 → task, 责任领导 → person.

    A leading year says when, not what the column holds: 2022年预期目标 is 预期目标."""
    header, bare = _normal_header(header)  # 总投资（亿元） is 总投资
    if not header or len(header) > MAX_HEADER or MARKER.match(header) or GROUP_ROW.search(header):
        return None  # 一、扩大有效投资 is a category row, not a header
    exact, contains = header_rules()
    if header in exact or bare in exact:
        return exact.get(header) or exact[bare]
    if CAPTION_END.search(header) or re.search(r"[\d，。；！？]", bare):
        return None  # a caption (…任务分解表) or a cell, not a header
    return next((role for role, words, suffix in contains
                 if (bare.endswith(words[-1]) if suffix else all(w in bare for w in words))), None)


def repeats_header(cells: list[Cell], columns: list[Column]) -> bool:
    """Cells that are the table's own header again (printed at the top of every page), or a line of it
    when the header wraps: every filled cell is one of its headers or a piece of one."""
    filled = [re.sub(r"\s+", "", c.text) for c in cells if c.text]
    heads = [re.sub(r"\s+", "", c.header) for c in columns]
    return len(filled) >= 2 and all(any(f == h or (len(f) >= 2 and f in h) for h in heads) for f in filled)


def is_header(columns: list[Column]) -> bool:
    roles = [c.role for c in columns]
    return (len(columns) >= 3 and any(r in ("task", "content") for r in roles)
            and any(r in DEPARTMENT_ROLES for r in roles)
            and sum(r is not None for r in roles) >= max(3, len(roles) - 1))


def spanned(columns: list[Column]) -> list[Column]:
    """A two-row header: 责任单位 spans 牵头单位 / 配合单位 written after the first row
    (序号 / 工作任务 / 责任单位 / 完成时限 / 牵头单位 / 配合单位): the sub-columns take its place."""
    roles = [c.role for c in columns]
    if "responsible" not in roles or "lead" not in roles or "support" not in roles:
        return columns
    at = roles.index("responsible")
    subs = [c for c in columns[at + 1:] if c.role in ("lead", "support")]
    if len(subs) != 2 or roles.index("lead") < at:
        return columns
    rest = [c for c in columns if c is not columns[at] and c not in subs]
    return rest[:at] + subs + rest[at:]


# -- what a cell looks like ---------------------------------------------------------------------


@lru_cache(maxsize=4096)
def cell_kind(text: str) -> str:
    """empty | number | bodies | person | date | text: enough to tell which column a cell fits.

    Lenient on purpose (most names look like bodies): it places cells, it never reads them."""
    text = text.strip()
    if not text or text in ("—", "-", "/", "无", "——"):
        return "empty"
    if row_number(text) is not None:
        return "number"
    if len(text) <= 200 and "。" not in text.rstrip("。") and not SENTENCE.search(text):
        names = [n for part in text.split() for n in split_names(part)]
        bodies = sum(looks_like_body(n) and not _deed(n) for n in names)
        if names and looks_like_body(names[0]) and not _deed(names[0]) and (
                bodies == len(names) or (bodies >= 2 and 2 * bodies >= len(names))):
            return "bodies"
        if not TASK_VERB.match(text) and read_note(text) is not None:
            return "bodies"
        if len(text) <= 30 and DATE_WORDS.search(text):
            return "date"
        if names and all(PERSON.match(n) and not looks_like_body(n) for n in names) and len(text) <= 30:
            return "person"
    return "text"


def _deed(name: str) -> bool:
    """A name that begins with what is to be done is a task (建设数据中心); a short one is a body's
    name whose first word is also a verb (建设局, 组织部)."""
    return len(name) > 4 and bool(TASK_VERB.match(name))


# How well a cell of a kind fits a column of a role: higher is better, None is impossible.
FIT: dict[str | None, dict[str, int | None]] = {
    "number": {"number": 3, "empty": 0},
    "task": {"text": 2, "date": 0, "number": 0, "empty": 0, "person": 0},  # 招商引资: short like a name
    "content": {"text": 2, "date": 0, "number": 0, "empty": 0, "person": 0},
    "category": {"text": 1, "empty": 0, "person": 0},
    "lead": {"bodies": 3, "text": 0, "empty": 0},
    "support": {"bodies": 3, "text": 0, "empty": 0},
    "responsible": {"bodies": 3, "text": 0, "empty": 0},
    "person": {"person": 2, "text": 0, "empty": 0},
    "deadline": {"date": 2, "text": 0, "number": 0, "empty": 0},
    "other": {"text": 0, "date": 0, "number": 0, "empty": 0, "person": 0},
    None: {"text": 0, "date": 0, "number": 0, "empty": 0, "person": 0},
}


def align(cells: list[Cell], roles: list[str | None]) -> list[Cell | None] | None:
    """Place cells in columns, in order, each where it fits; missing cells fall at the end
    when nothing says otherwise. None when the cells cannot all be placed."""
    n, m = len(cells), len(roles)
    kinds = [cell_kind(c.text) for c in cells]
    fit = [[FIT[r].get(k) for r in roles] for k in kinds]
    # best[i][j]: best score placing cells i.. in columns j..; None when impossible
    best: list[list[int | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    for j in range(m + 1):
        best[n][j] = 0
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            options = [best[i][j + 1]]
            if fit[i][j] is not None and best[i + 1][j + 1] is not None:
                options.append(fit[i][j] + best[i + 1][j + 1])  # type: ignore[operator]
            valid = [o for o in options if o is not None]
            best[i][j] = max(valid) if valid else None
    if best[0][0] is None:
        return None
    placed: list[Cell | None] = [None] * m
    i = j = 0
    while i < n:
        if fit[i][j] is not None and best[i + 1][j + 1] is not None and fit[i][j] + best[i + 1][j + 1] == best[i][j]:  # type: ignore[operator]
            placed[j] = cells[i]
            i += 1
        j += 1
    return placed


# -- building rows --------------------------------------------------------------------------------


def line_cell(line: Line, start: int, raw: str) -> Cell:
    """`raw` (a piece of `line` starting at `start`) as a cell: stripped, with its span."""
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    return Cell(text, start + lead, start + lead + len(text))


def join_bodies(first: Cell, more: Cell) -> Cell:
    """Two lines of one body cell as one list: 县水务局 + 县住建局 → 县水务局、县住建局, spanning both."""
    sep = "" if first.text[-1:] in "、，,；;" else "、"
    return Cell(first.text + sep + more.text, first.start, more.end)


def make_row(number: str | None, cells: list[Cell | None], columns: list[Column], category: str | None) -> Row:
    """A row spanning its first to its last cell."""
    present = [c for c in cells if c is not None]
    return Row(number, cells, present[0].start, present[-1].end, category, [c.role for c in columns])


def positional(cells: list[Cell], m: int) -> list[Cell | None]:
    """Cells in columns by position, when nothing tells better."""
    placed: list[Cell | None] = list(cells[:m])
    return placed + [None] * (m - len(placed))


def inherit(row: Row, above: Row) -> None:
    """A row whose leading cells are merged with the row above takes them as its categories."""
    text_cols = [j for j, r in enumerate(row.roles) if r in TEXT_ROLES]
    first = next((j for j in text_cols if row.cells[j] is not None), None)
    if first is None or first == text_cols[0]:
        return  # the row starts a group of its own
    inherited = [above.category] if above.category else []
    inherited += [c.text for j, c in enumerate(above.cells) if j < first and j in text_cols and c]
    row.category = " > ".join(inherited) or row.category
