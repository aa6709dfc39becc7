"""The outline of a plan: its numbered headings (any family, nested as a reader nests them, see
loaders/nesting.py) and which of them are tasks.

Which headings are tasks is `Outline.classify`'s rule: tasks sit at the levels that carry them.
By default the second numbered level holds actions and the third projects (the first level
groups them), or the only level holds actions; levels where responsibility notes sit are task
levels too. Headings such as 总体要求 / 指导思想 / 保障措施 (loaders/data/outline_headings.txt) hold
no tasks unless a note names departments there. Lines inside task tables and after the annex
marker are left to the table reader; a table of contents (目录) is not read as headings. A number
alone on its line takes its title from the next line (一、\n总体要求).
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from loaders.headings import Heading, Skipped, heading_title
from loaders.lines import Line, split_lines
from loaders.nesting import Nesting
from loaders.numbering import PARAGRAPH, line_marker

__all__ = ["Heading", "Outline", "Skipped", "heading_title", "holds_no_tasks", "parse_outline"]

ANNEX = re.compile(r"^附件\s*\d*\s*$")
ANNEX_REF = re.compile(r"^附件\s*\d*\s*[：:]")
TOC = re.compile(r"^目\s*录$")
NOT_A_TITLE = "）)〕】]，,。；;、：:”’"  # a title never opens with closing or pausing punctuation


@dataclass
class Outline:
    headings: list[Heading]  # every heading, items included, in document order
    body_end: int  # where the annex begins (or the end of the text)
    action_level: int = 1  # the default level of actions (see classify)
    skipped: list[Skipped] = field(default_factory=list)
    openings: list[Skipped] = field(default_factory=list)  # lists the text starts mid-way (an excerpt)
    annex_marks: list[int] = field(default_factory=list)  # where lines reading 附件 / 附件：… start
    annex: "Outline | None" = None  # the annex's own outline, after a body that has one

    @property
    def roots(self) -> list[Heading]:
        return [h for h in self.headings if h.parent is None]

    @property
    def units(self) -> list[Heading]:
        return [h for h in self.headings if h.is_unit]

    def deepest(self, pos: int) -> Heading | None:
        """The innermost heading whose span holds `pos` (an inline item included)."""
        if pos >= self.body_end:
            return None
        found, level = None, self.roots
        while True:
            inside = next((h for h in level if h.contains(pos)), None)
            if inside is None:
                return found
            found, level = inside, inside.children

    def add_paragraph(self, owner: Heading | None, start: int, end: int, title: str) -> Heading:
        """An unnumbered paragraph of `owner`'s own text read as an item of it (of the text itself,
        a root, when there is no owner)."""
        siblings = owner.children if owner is not None else self.roots
        number = sum(1 for c in siblings if c.family == PARAGRAPH) + 1
        item = Heading(PARAGRAPH, number, "", title, start, end, end=end, parent=owner)
        if owner is not None:
            at = next((i for i, c in enumerate(owner.children) if c.start > start), len(owner.children))
            owner.children.insert(at, item)
        self.headings.append(item)
        self.headings.sort(key=lambda h: h.start)
        return item

    def heading_before(self, pos: int) -> Heading | None:
        """The unit or section a table at `pos` sits under: none when an annex begins in between."""
        h = self.innermost(pos)
        if h is not None and any(h.start < mark < pos for mark in self.annex_marks):
            return None
        return h

    def innermost(self, pos: int) -> Heading | None:
        """The innermost unit or section holding `pos` (text of an item is its unit's text)."""
        h = self.deepest(pos)
        while h is not None and h.kind == "item":
            h = h.parent
        return h

    def classify(self, owners: Iterable[Heading] = ()) -> None:
        """Decide which headings are tasks, given the headings responsibility notes belong to.

        Actions sit at the default action level, or higher when a note sits higher; projects
        under them down to the deepest level a note sits at (at least the level below the
        default action level). Levels above
        group (sections); levels below are text of their unit. Inline items (一是…) are units only
        when a note belongs to them. Under a heading that holds no tasks (总体要求 …) only the
        headings a note belongs to, and their ancestors, are tasks."""
        owned = set(owners)
        levels = [h.level for h in owned]
        top = min([self.action_level, *levels])
        bottom = max([self.action_level + 1, *levels])
        carrying = {a for h in owned for a in [h, *h.ancestors()]}
        for h in self.headings:
            if h.level < top:
                h.kind = "section"
            elif h.family == "box":
                h.kind = "box"
            elif h.level > bottom or (h.inline and h not in owned):
                h.kind = "item"
            else:
                h.kind = "action" if h.level == top else "project"
            if h.is_unit and _holds_no_tasks(h) and h not in carrying:
                h.kind = "section"


@lru_cache(maxsize=1)
def _no_task_pattern() -> re.Pattern[str]:
    text = resources.files("loaders").joinpath("data", "outline_headings.txt").read_text(encoding="utf-8")
    terms = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    term = "|".join(sorted(map(re.escape, terms), key=len, reverse=True))
    return re.compile(rf"^(?:{term})(?:[和与及、](?:{term}))*$")


def holds_no_tasks(title: str) -> bool:
    """总体要求, 指导思想和发展目标, 发展现状及形势 …: a heading of this kind states no task itself."""
    return bool(_no_task_pattern().match(re.sub(r"[\s。：:；;，,]+$", "", title)))


def _holds_no_tasks(h: Heading) -> bool:
    return any(holds_no_tasks(n.title) for n in [*h.ancestors(), h])


def annex_start(lines: list[Line]) -> int | None:
    """The line index where the annex begins: a line reading just 附件, else 附件：…"""
    alone = [i for i, ln in enumerate(lines) if ANNEX.match(ln.text.strip())]
    if alone:
        return alone[-1]
    refs = [i for i, ln in enumerate(lines) if ANNEX_REF.match(ln.text.strip())]
    return refs[-1] if refs else None


def parse_outline(text: str, skip: Iterable[tuple[int, int]] = ()) -> Outline:
    """The headings of the body; lines inside the `skip` spans (task tables) are not read.

    The annex (after a line reading 附件, else 附件：…) is read as an outline of its own (`annex`,
    the pipeline keeps it where notes name departments in it) when the body before it has an
    outline; when it has none, the annex is the plan (通知 … 附件：XX实施方案 … 一、…) and is read."""
    lines = split_lines(text)
    spans = sorted(skip)
    cut = annex_start(lines)
    if cut is not None:
        outline = _parse(text, lines, cut, spans)
        if outline.headings:
            annex = _parse(text, lines, None, spans, first=cut)
            outline.annex = annex if annex.headings else None
            return outline
    return _parse(text, lines, None, spans)


def contents_span(lines: list[Line]) -> tuple[int, int] | None:
    """A table of contents (目录, then the headings it lists) runs until its first entry
    comes again as the body's heading."""
    at = next((i for i, ln in enumerate(lines) if TOC.match(ln.stripped)), None)
    if at is None:
        return None
    first = next((ln for ln in lines[at + 1:] if ln.stripped), None)
    if first is None:
        return None
    entry = re.sub(r"[\s.．…·]*\d*$", "", first.stripped)  # 第一章 总体要求……1
    again = next((ln for ln in lines if ln.start > first.start and ln.stripped == entry), None)
    return (lines[at].start, again.start) if again is not None else None


def _title_below(lines: list[Line], i: int, spans: list[tuple[int, int]]) -> Line | None:
    """A number alone on its line (一、 / （三） / 2．) takes its title from the next line with text,
    when that line is no numbered line of its own nor inside a table."""
    below = next((ln for ln in lines[i + 1:] if ln.stripped), None)
    if below is None or line_marker(below.stripped) is not None or any(s <= below.start < e for s, e in spans):
        return None
    return below


def _parse(text: str, lines: list[Line], cut: int | None, spans: list[tuple[int, int]], first: int = 0) -> Outline:
    body_end = lines[cut].start if cut is not None else len(text)
    contents = contents_span(lines)
    spans = spans + ([contents] if contents else [])
    outline = Outline([], body_end)
    outline.annex_marks = [ln.start for ln in lines if ANNEX.match(ln.stripped) or ANNEX_REF.match(ln.stripped)]
    entries: list[tuple[Line, Heading | None]] = []
    body = lines[first:cut]
    for i, line in enumerate(body):
        if any(s <= line.start < e for s, e in spans):
            continue
        stripped = line.text.strip()
        marker = line_marker(stripped)
        h = None
        if marker is not None:
            start = line.start + line.text.index(stripped[:1])
            title, line_end = heading_title(marker.rest), line.end
            if not title and (below := _title_below(body, i, spans)) is not None:
                title, line_end = heading_title(below.text), below.end
            if title and title[0] in NOT_A_TITLE:
                outline.skipped.append(Skipped(start, line.end, f"{stripped[:12]}: the number stands before "
                                               "punctuation, not a title (a page number, a broken line)"))
            elif title:
                h = Heading(marker.family, marker.number, marker.numeral, title, start, line_end)
            else:
                outline.skipped.append(Skipped(start, line.end, f"{stripped[:12]}: a numbered line without a title"))
        entries.append((line, h))
    nesting = Nesting(entries, body_end)
    nesting.build()
    outline.headings, outline.action_level = nesting.headings, nesting.action_level
    outline.skipped += nesting.skipped
    outline.openings += nesting.openings
    outline.classify()
    return outline


