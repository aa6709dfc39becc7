"""The outline of a plan: numbered headings of any family, nested as a reader nests them.

Families (loaders/numbering.py) nest in the order they first appear: the first family met is the
top level, a new family nests under the heading open when it appears (a notice whose top level
is 1. has 1. as its first level). A numbered line is a heading only when it continues its
family's sequence: 1 under a new parent, n+1 after n, or the number after the family's last one
(projects numbered 1–21 across their actions); a number that starts a run (k, then k+1) is read
too, so an excerpt that begins at 2. still reads, and so is a small gap where items were left out
(1, 2, 4, 5). A stray "2." in prose is not a heading.

Which headings are tasks is `Outline.classify`'s rule: tasks sit at the levels that carry them.
By default the second numbered level holds actions and the third projects (the first level
groups them), or the only level holds actions; levels where responsibility notes sit are task
levels too. Headings such as 总体要求 / 指导思想 / 保障措施 (loaders/data/outline_headings.txt) hold
no tasks unless a note names departments there. Lines inside task tables and after the annex
marker are left to the table reader; a table of contents (目录) is not read as headings.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from loaders.lines import Line, split_lines
from loaders.numbering import (
    CONTAINERS,
    CONVENTION,
    INLINE,
    PARAGRAPH,
    inline_items,
    label,
    leading_item,
    line_marker,
)

ANNEX = re.compile(r"^附件\s*\d*\s*$")
ANNEX_REF = re.compile(r"^附件\s*\d*\s*[：:]")
TOC = re.compile(r"^目\s*录$")
UNIT_KINDS = ("action", "project", "box")


@dataclass(eq=False)
class Heading:
    family: str
    number: int
    marker: str  # the numeral as written: 一, 1, ①
    title: str
    start: int  # offset of the marker in the reading text
    line_end: int
    end: int = 0  # where the next heading of the same or a higher level starts (inline: the paragraph's end)
    parent: "Heading | None" = None
    children: list["Heading"] = field(default_factory=list)
    kind: str = "section"  # section (holds no tasks) | action | project | box | item (text of its unit)
    run: int = 0  # how many times the family's numbering restarted under the same parent before this one
    paragraph: bool = False  # an inline item opening a paragraph of its own (runs to the next item or heading)

    @property
    def level(self) -> int:
        return 1 if self.parent is None else self.parent.level + 1

    @property
    def inline(self) -> bool:
        return self.family in (INLINE, PARAGRAPH)

    @property
    def is_unit(self) -> bool:
        return self.kind in UNIT_KINDS

    @property
    def label(self) -> str:
        return f"{label(self.family, self.marker)}{self.title}"

    @property
    def key(self) -> str:
        """The heading's place among its siblings, as unit ids spell it."""
        restart = f"~{self.run}" if self.run else ""
        if self.family == PARAGRAPH:
            return f"¶{self.number}"
        return f"{label(self.family, self.marker).strip()}{restart}"

    def ancestors(self) -> list["Heading"]:
        chain, node = [], self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain[::-1]

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end


@dataclass
class Skipped:
    start: int
    end: int
    reason: str


@dataclass
class Outline:
    headings: list[Heading]  # every heading, items included, in document order
    body_end: int  # where the annex begins (or the end of the text)
    action_level: int = 1  # the default level of actions (see classify)
    skipped: list[Skipped] = field(default_factory=list)
    annex_marks: list[int] = field(default_factory=list)  # where lines reading 附件 / 附件：… start

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

    def add_paragraph(self, owner: Heading, start: int, end: int, title: str) -> Heading:
        """An unnumbered paragraph of `owner`'s own text read as an item of it."""
        number = sum(1 for c in owner.children if c.family == PARAGRAPH) + 1
        item = Heading(PARAGRAPH, number, "", title, start, end, end=end, parent=owner)
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


def heading_title(rest: str, stops: str = "。") -> str:
    """A heading's title is its text up to the first full stop."""
    rest = rest.strip()
    cuts = [i for i in (rest.find(s) for s in stops) if i >= 0]
    title = rest[: min(cuts)] if cuts else rest
    return title.strip().rstrip("：:；;，,")


def annex_start(lines: list[Line]) -> int | None:
    """The line index where the annex begins: a line reading just 附件, else 附件：…"""
    alone = [i for i, ln in enumerate(lines) if ANNEX.match(ln.text.strip())]
    if alone:
        return alone[-1]
    refs = [i for i, ln in enumerate(lines) if ANNEX_REF.match(ln.text.strip())]
    return refs[-1] if refs else None


def parse_outline(text: str, skip: Iterable[tuple[int, int]] = ()) -> Outline:
    """The headings of the body; lines inside the `skip` spans (task tables) are not read.

    The annex (after a line reading 附件, else 附件：…) is left out when the body before it has
    an outline; when it has none, the annex is the plan (通知 … 附件：XX实施方案 … 一、…) and is read."""
    lines = split_lines(text)
    spans = sorted(skip)
    cut = annex_start(lines)
    if cut is not None:
        outline = _parse(text, lines, cut, spans)
        if outline.headings:
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


def _parse(text: str, lines: list[Line], cut: int | None, spans: list[tuple[int, int]]) -> Outline:
    body_end = lines[cut].start if cut is not None else len(text)
    contents = contents_span(lines)
    spans = spans + ([contents] if contents else [])
    outline = Outline([], body_end)
    outline.annex_marks = [ln.start for ln in lines if ANNEX.match(ln.stripped) or ANNEX_REF.match(ln.stripped)]
    entries: list[tuple[Line, Heading | None]] = []
    for line in lines[:cut]:
        if any(s <= line.start < e for s, e in spans):
            continue
        stripped = line.text.strip()
        marker = line_marker(stripped)
        h = None
        if marker is not None:
            start = line.start + line.text.index(stripped[:1])
            title = heading_title(marker.rest)
            if title:
                h = Heading(marker.family, marker.number, marker.numeral, title, start, line.end)
            else:
                outline.skipped.append(Skipped(start, line.end, f"{stripped[:12]}: a numbered line without a title"))
        entries.append((line, h))
    _Builder(outline, entries).build()
    outline.classify()
    return outline


class _Builder:
    """Reads the body line by line, keeping the headings open above the current line."""

    def __init__(self, outline: Outline, entries: list[tuple[Line, Heading | None]]) -> None:
        self.outline = outline
        self.entries = entries
        self.order: list[str] = []  # families, outermost first
        self.stack: list[Heading] = []
        self.roots: list[Heading] = []
        self.last: dict[str, int] = {}  # the family's last accepted number anywhere
        found = [h for _line, h in entries if h is not None]
        self.following: dict[Heading, Heading] = {}  # a heading → the next candidate of its family
        latest: dict[str, Heading] = {}
        for h in found:
            if h.family in latest:
                self.following[latest[h.family]] = h
            latest[h.family] = h

    def build(self) -> None:
        for i, (line, h) in enumerate(self.entries):
            if h is not None and h.family == "box":
                self._open_box(h)
            elif h is not None and self._accept(h):
                self._open(h)
            else:
                if h is not None:
                    self.outline.skipped.append(
                        Skipped(h.start, h.line_end, f"{h.label[:20]}: its number does not continue a sequence"))
                h = None
            owner = h if h is not None else (self.stack[-1] if self.stack else None)
            if owner is not None and not self._open_inline(owner, line, (h.start - line.start) if h else 0) and not h:
                self._open_leading(owner, line, i)
        self.outline.headings.sort(key=lambda x: x.start)
        self._close_spans()
        self.outline.action_level = self._action_level()

    # -- nesting ---------------------------------------------------------------------------
    def _rank(self, family: str) -> int:
        return self.order.index(family)

    def _settle(self, family: str) -> None:
        """A family met for the first time nests under the heading open now; among the families
        already known below that one, it goes after those a reader puts above it by convention."""
        if family in self.order:
            return
        open_line = [h for h in self.stack if h.family in self.order]
        at = self._rank(open_line[-1].family) + 1 if open_line else 0
        conv = CONVENTION.index(family) if family in CONVENTION else len(CONVENTION)
        while at < len(self.order) and CONVENTION.index(self.order[at]) < conv:
            at += 1
        self.order.insert(at, family)

    def _parent_for(self, family: str) -> Heading | None:
        rank = self._rank(family)
        for h in reversed(self.stack):
            if h.family in self.order and self._rank(h.family) < rank:
                return h
        return None

    def _siblings(self, parent: Heading | None) -> list[Heading]:
        return parent.children if parent is not None else self.roots

    def _accept(self, h: Heading) -> bool:
        known = h.family in self.order
        self._settle(h.family)
        parent = self._parent_for(h.family)
        prev = next((s for s in reversed(self._siblings(parent)) if s.family == h.family), None)
        if prev is None:
            ok = h.number == 1 or h.number == self.last.get(h.family, -1) + 1 or self._starts_run(h)
        elif h.number == prev.number + 1:
            ok, h.run = True, prev.run
        elif h.number == 1 and self._starts_run(h):
            ok, h.run = True, prev.run + 1  # the list starts again (a new part, a new group)
        else:
            ok, h.run = prev.number + 1 < h.number <= prev.number + 3 and self._ends_gap(h), prev.run
        if not ok and not known:
            self.order.remove(h.family)
        return ok

    def _starts_run(self, h: Heading) -> bool:
        """The next numbered line of the family continues from this one (k, then k+1)."""
        nxt = self.following.get(h)
        return nxt is not None and nxt.number == h.number + 1

    def _ends_gap(self, h: Heading) -> bool:
        """A number a little past the next one (items left out of a published excerpt) is read when
        the family goes on from it, starts again, or ends there."""
        nxt = self.following.get(h)
        return nxt is None or nxt.number in (h.number + 1, 1)

    def _open(self, h: Heading) -> None:
        parent = self._parent_for(h.family)
        while self.stack and self.stack[-1] is not parent:
            self.stack.pop()
        self._attach(h, parent)
        self.last[h.family] = h.number

    def _open_box(self, h: Heading) -> None:
        """A 专栏 box is a project of the action it sits in: it closes anything deeper."""
        level = self._action_level()
        while self.stack and (self.stack[-1].level > level or self.stack[-1].family == "box"):
            self.stack.pop()
        self._attach(h, self.stack[-1] if self.stack else None)

    def _attach(self, h: Heading, parent: Heading | None) -> None:
        h.parent = parent
        (parent.children if parent is not None else self.roots).append(h)
        self.outline.headings.append(h)
        self.stack.append(h)

    def _open_inline(self, owner: Heading, line: Line, offset: int) -> bool:
        """一是…二是… in a paragraph: items of the heading the paragraph belongs to, each to the next."""
        items = inline_items(line.text[offset:])
        for n, (pos, number, numeral) in enumerate(items):
            end = line.start + offset + items[n + 1][0] if n + 1 < len(items) else line.end
            self._add_item(owner, line, offset + pos, number, numeral, end)
        return bool(items)

    def _open_leading(self, owner: Heading, line: Line, i: int) -> None:
        """一是… / 二是… opening paragraphs of their own: items when they run in order from 一."""
        found = leading_item(line.text)
        if found is None:
            return
        pos, number, numeral = found
        prev = next((c for c in reversed(owner.children) if c.inline), None)
        after = next((leading_item(ln.text) if h is None else None for ln, h in self.entries[i + 1:]
                      if h is not None or leading_item(ln.text)), None)  # the next item before any heading
        follows = after is not None and after[1] == number + 1
        if (number == 1 and follows) or (prev is not None and prev.number == number - 1 and number > 1):
            self._add_item(owner, line, pos, number, numeral, 0)

    def _add_item(self, owner: Heading, line: Line, pos: int, number: int, numeral: str, end: int) -> None:
        title = heading_title(line.text[pos + len(numeral) + 1 :], "。；;")
        item = Heading(INLINE, number, numeral, title or f"{numeral}是", line.start + pos, line.end, end=end,
                       paragraph=not end)
        item.parent = owner
        owner.children.append(item)
        self.outline.headings.append(item)

    # -- spans and levels ------------------------------------------------------------------
    def _close_spans(self) -> None:
        def close(nodes: list[Heading], end: int) -> None:
            line_nodes = [n for n in nodes if not n.inline or n.paragraph]
            for n, h in enumerate(line_nodes):
                h.end = line_nodes[n + 1].start if n + 1 < len(line_nodes) else end
            for h in nodes:
                close(h.children, h.end)

        close(self.outline.roots, self.outline.body_end)

    def _action_level(self) -> int:
        """By default the first numbered level groups and the second holds actions; with one
        numbered level, it holds them. Chapters (第一章, 第一节) only group."""
        containers = sum(1 for f in self.order if f in CONTAINERS)
        numbered = [f for f in self.order if f not in CONTAINERS]
        return containers + (2 if len(numbered) >= 2 else 1)
