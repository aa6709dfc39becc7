"""A heading of a plan's outline: its numbering, title, span and place in the tree.

`loaders.nesting` builds the tree line by line; `loaders.outline` decides which headings are tasks.
"""

from dataclasses import dataclass, field

from loaders.numbering import INLINE, PARAGRAPH, label

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


def heading_title(rest: str, stops: str = "。") -> str:
    """A heading's title is its text up to the first full stop."""
    rest = rest.strip()
    cuts = [i for i in (rest.find(s) for s in stops) if i >= 0]
    title = rest[: min(cuts)] if cuts else rest
    return title.strip().rstrip("：:；;，,")
