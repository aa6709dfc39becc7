"""The outline of a plan: 一、 sections, （一） actions, 1． projects, 专栏 boxes.

Headings are found line by line in the reading text; each becomes a node with
its span, so later stages can place a responsibility note or a target in the
innermost unit that contains it. Everything after the annex marker is left to
the table reader.
"""

import re
from dataclasses import dataclass, field

from loaders.lines import Line, split_lines

NUMERALS = "一二三四五六七八九十"
SECTION = re.compile(rf"^([{NUMERALS}]+)、\s*(.*)$")
ACTION = re.compile(rf"^（([{NUMERALS}]+)）\s*(.*)$")
PROJECT = re.compile(r"^(\d{1,2})[．.、](?!\d)\s*(.*)$")
BOX = re.compile(rf"^专栏\s*([{NUMERALS}\d]+)\s*[：:]?\s*(.*)$")
ANNEX = re.compile(r"^附件\s*\d*\s*$")
ANNEX_REF = re.compile(r"^附件\s*\d*\s*[：:]")

LEVELS = {"section": 1, "action": 2, "project": 3, "box": 3}


@dataclass
class Heading:
    kind: str  # section | action | project | box
    marker: str
    title: str
    start: int  # offset of the heading line in the reading text
    line_end: int
    end: int = 0  # where the next heading of the same or a higher level starts
    parent: "Heading | None" = None
    children: list["Heading"] = field(default_factory=list)

    @property
    def level(self) -> int:
        return LEVELS[self.kind]

    @property
    def label(self) -> str:
        prefix = {
            "section": f"{self.marker}、",
            "action": f"（{self.marker}）",
            "project": f"{self.marker}．",
            "box": f"专栏{self.marker} ",
        }[self.kind]
        return f"{prefix}{self.title}"

    def ancestors(self) -> list["Heading"]:
        chain, node = [], self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain[::-1]


@dataclass
class Outline:
    headings: list[Heading]
    body_end: int  # where the annex begins (or the end of the text)

    def innermost(self, pos: int) -> Heading | None:
        """The most recent heading at or before `pos`, within the body."""
        best = None
        for h in self.headings:
            if h.start > pos:
                break
            best = h
        return best


def heading_title(rest: str) -> str:
    """A heading's title is its text up to the first full stop."""
    rest = rest.strip()
    cut = rest.find("。")
    title = rest[:cut] if cut >= 0 else rest
    return title.strip().rstrip("：:；;，,")


def annex_start(lines: list[Line]) -> int | None:
    """The line index where the annex begins: a line reading just 附件, else 附件：…"""
    alone = [i for i, ln in enumerate(lines) if ANNEX.match(ln.text.strip())]
    if alone:
        return alone[-1]
    refs = [i for i, ln in enumerate(lines) if ANNEX_REF.match(ln.text.strip())]
    return refs[-1] if refs else None


def _match(text: str) -> tuple[str, str, str] | None:
    for kind, pattern in (("section", SECTION), ("action", ACTION), ("box", BOX), ("project", PROJECT)):
        m = pattern.match(text)
        if m:
            return kind, m.group(1), m.group(2)
    return None


def parse_outline(text: str) -> Outline:
    lines = split_lines(text)
    cut = annex_start(lines)
    body_end = lines[cut].start if cut is not None else len(text)
    headings: list[Heading] = []
    for line in lines[:cut]:
        found = _match(line.text.strip())
        if not found:
            continue
        kind, marker, rest = found
        title = heading_title(rest)
        if not title:
            continue
        headings.append(Heading(kind, marker, title, line.start, line.end))
    _link(headings, body_end)
    return Outline(headings, body_end)


def _link(headings: list[Heading], body_end: int) -> None:
    """Give each heading its parent and the end of its span."""
    stack: list[Heading] = []
    for h in headings:
        while stack and stack[-1].level >= h.level:
            stack.pop().end = h.start
        h.parent = stack[-1] if stack else None
        if h.parent is not None:
            h.parent.children.append(h)
        stack.append(h)
    for h in stack:
        h.end = body_end
