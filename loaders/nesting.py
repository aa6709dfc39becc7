"""Numbered lines into a tree of headings, nested as a reader nests them.

Families (loaders/numbering.py) nest in the order they first appear: the first family met is the
top level, a new family nests under the heading open when it appears (a notice whose top level
is 1. has 1. as its first level); when it could go several places, the conventional order
(一、 > （一） > 1. > （1） > ①) decides. A numbered line is a heading only when it continues its
family's sequence: 1 under a new parent, n+1 after n, or the number after the family's last one
(projects numbered 1–21 across their actions); a number that starts a run (k, then k+1) is read
too, so an excerpt that begins at 2. still reads, and so is a small gap where items were left out
(1, 2, 4, 5). An excerpt or repost that begins mid-way (二、… then （五）…) opens there: the first
heading of the text may start its family at k, and so may a heading on the line right after its
parent's when that parent began mid-way too; both are reported (`openings`). A text that begins so
quotes parts of a plan: its lists may leave out more items (二、… 五、, （五）… （十二）…), and any
heading of it may start its sub-list mid-way on the line after its own. A stray "2." in prose
is not a heading, nor is the second entry of a list begun on the line before (附件：1．… / 2．…).
一是…二是… items, in one paragraph or opening paragraphs of their own, are items of the heading
they stand under.
"""

import re

from loaders.headings import Heading, Skipped, heading_title
from loaders.lines import Line
from loaders.numbering import (
    CONTAINERS,
    CONVENTION,
    INLINE,
    cn_number,
    inline_items,
    item_body,
    label,
    leading_item,
    line_marker,
)


def _holds_entry(line: str, family: str, number: int) -> bool:
    """The line holds entry `number` of the family after a colon or a space (附件：1．…)."""
    for m in re.finditer(r"[：:\s]", line):
        marker = line_marker(line[m.end():].strip())
        if marker is not None and marker.family == family and marker.number == number:
            return True
    return False


EXCERPT_GAP = 30  # in a text that quotes parts of a plan, a list may leave out any number of items


def _ranks(h: Heading) -> int:
    return CONVENTION.index(h.family) if h.family in CONVENTION else len(CONVENTION)


def _style(numeral: str) -> str:
    """Which list an item numbering belongs to: 一是 / 第一 / 首先 (never mixed in one list)."""
    return "di" if numeral[:1] == "第" else "word" if not cn_number(numeral) else "shi"


class Nesting:
    """Reads the body line by line, keeping the headings open above the current line."""

    def __init__(self, entries: list[tuple[Line, Heading | None]], body_end: int) -> None:
        self.entries = entries
        self.body_end = body_end
        self.headings: list[Heading] = []  # in document order once built
        self.skipped: list[Skipped] = []
        self.openings: list[Skipped] = []  # headings that open an excerpt mid-way (二、 with no 一、 before)
        self.midway: set[Heading] = set()  # first headings of their family that start past 1
        self.excerpt = False  # the text begins mid-way (its first heading is 二、/（五）…): it quotes parts
        self.action_level = 1
        self.order: list[str] = []  # families, outermost first
        self.stack: list[Heading] = []
        self.roots: list[Heading] = []
        self.last: dict[str, int] = {}  # the family's last accepted number anywhere
        found = [h for _line, h in entries if h is not None]
        self.index = {h: i for i, (_line, h) in enumerate(entries) if h is not None}
        self.found = found
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
                    self.skipped.append(
                        Skipped(h.start, h.line_end, f"{h.label[:20]}: its number does not continue a sequence"))
                h = None
            owner = h if h is not None else (self.stack[-1] if self.stack else None)
            if owner is not None and not self._open_inline(owner, line, (h.start - line.start) if h else 0) and not h:
                self._open_leading(owner, line, i)
        self.headings.sort(key=lambda x: x.start)
        self._close_spans()
        self.action_level = self._action_level()

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
            if not ok and self._opens_excerpt(h, parent):
                ok = True
                self.openings.append(Skipped(h.start, h.line_end, f"{h.label[:20]}: the text starts this list "
                                             f"at {h.marker}, the items before it are left out (an excerpt)"))
            if ok and h.number > 1:
                self.midway.add(h)
                self.excerpt = self.excerpt or (parent is None and not self.headings and not self._outline_later(h))
        elif h.number == prev.number + 1:
            ok, h.run = True, prev.run
        elif h.number == 1 and self._starts_run(h):
            ok, h.run = True, prev.run + 1  # the list starts again (a new part, a new group)
        else:
            reach = EXCERPT_GAP if self.excerpt else 3
            ok, h.run = prev.number + 1 < h.number <= prev.number + reach and self._ends_gap(h), prev.run
        if not ok and not known:
            self.order.remove(h.family)
        return ok

    def _starts_run(self, h: Heading) -> bool:
        """The next numbered line of the family continues from this one (k, then k+1)."""
        nxt = self.following.get(h)
        return nxt is not None and nxt.number == h.number + 1

    def _opens_excerpt(self, h: Heading, parent: Heading | None) -> bool:
        """An excerpt begins mid-way: its first heading (二、 with nothing numbered before), or a heading
        of a new family on the line right after its parent's, the parent begun mid-way too (二、… / （五）…).
        Not when this family or one a reader puts above it starts at 1 later on (the outline proper
        comes later: this was a stray number), nor when the line before holds the entry before it
        (附件：1．… / 2．…: a list in a sentence)."""
        if h.family in self.last and not self.excerpt:
            return False
        before = self._before(h)
        if before is not None and _holds_entry(before.text, h.family, h.number - 1):
            return False
        if parent is None:
            return not self.headings and not self._outline_later(h)
        return ((parent in self.midway or self.excerpt) and not parent.children and before is not None
                and parent.start <= before.end <= parent.line_end)

    def _outline_later(self, h: Heading) -> bool:
        """A list of this family, or of one a reader puts above it, starts at 1 after this heading."""
        return any(o.number == 1 and o.start > h.start and _ranks(o) <= _ranks(h) for o in self.found)

    def _before(self, h: Heading) -> Line | None:
        """The last non-blank line before the heading's line."""
        return next((ln for ln, _h in reversed(self.entries[: self.index[h]]) if ln.text.strip()), None)

    def _ends_gap(self, h: Heading) -> bool:
        """A number a little past the next one (items left out of a published excerpt) is read when
        the family goes on from it, starts again, or ends there (in a text quoting parts of a plan:
        or goes on past it)."""
        nxt = self.following.get(h)
        return nxt is None or nxt.number in (h.number + 1, 1) or (self.excerpt and nxt.number > h.number)

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
        parent = self.stack[-1] if self.stack else None
        h.run = sum(1 for s in self._siblings(parent) if s.family == "box" and s.number == h.number)  # 专栏1 again
        self._attach(h, parent)

    def _attach(self, h: Heading, parent: Heading | None) -> None:
        h.parent = parent
        (parent.children if parent is not None else self.roots).append(h)
        self.headings.append(h)
        self.stack.append(h)

    def _open_inline(self, owner: Heading, line: Line, offset: int) -> bool:
        """一是…二是… in a paragraph: items of the heading the paragraph belongs to, each to the next."""
        items = inline_items(line.text[offset:])
        for n, (pos, number, numeral) in enumerate(items):
            end = line.start + offset + items[n + 1][0] if n + 1 < len(items) else line.end
            self._add_item(owner, line, offset + pos, number, numeral, end)
        return bool(items)

    def _open_leading(self, owner: Heading, line: Line, i: int) -> None:
        """一是… / 第一，… / 首先，… opening paragraphs of their own: items when they run in order from
        the first (最后，closes a list begun before it), each style its own list."""
        found = leading_item(line.text)
        if found is None:
            return
        pos, number, numeral = found
        prev = next((c for c in reversed(owner.children) if c.inline and _style(c.marker) == _style(numeral)), None)
        if number == 0:  # 最后，: the item after the one before it
            if prev is None:
                return
            number = prev.number + 1
        after = next((leading_item(ln.text) if h is None else None for ln, h in self.entries[i + 1:]
                      if h is not None or leading_item(ln.text)), None)  # the next item before any heading
        follows = after is not None and _style(after[2]) == _style(numeral) and after[1] in (number + 1, 0)
        if (number == 1 and follows) or (prev is not None and prev.number == number - 1 and number > 1):
            self._add_item(owner, line, pos, number, numeral, 0)

    def _add_item(self, owner: Heading, line: Line, pos: int, number: int, numeral: str, end: int) -> None:
        title = heading_title(line.text[item_body(line.text, pos, numeral):], "。；;")
        item = Heading(INLINE, number, numeral, title or label(INLINE, numeral), line.start + pos, line.end, end=end,
                       paragraph=not end)
        item.parent = owner
        owner.children.append(item)
        self.headings.append(item)

    # -- spans and levels ------------------------------------------------------------------
    def _close_spans(self) -> None:
        def close(nodes: list[Heading], end: int) -> None:
            line_nodes = [n for n in nodes if not n.inline or n.paragraph]
            for n, h in enumerate(line_nodes):
                h.end = line_nodes[n + 1].start if n + 1 < len(line_nodes) else end
            for h in nodes:
                close(h.children, h.end)

        close(self.roots, self.body_end)

    def _action_level(self) -> int:
        """By default the first numbered level groups and the second holds actions; with one
        numbered level, it holds them. Chapters (第一章, 第一节) only group."""
        containers = sum(1 for f in self.order if f in CONTAINERS)
        numbered = [f for f in self.order if f not in CONTAINERS]
        return containers + (2 if len(numbered) >= 2 else 1)
