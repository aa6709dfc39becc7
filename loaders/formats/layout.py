"""A document laid out as text, with where each piece of it stands in the file.

Every format reader (PDF, Word, Excel) writes the document as lines of text, a
table row as one tab-separated line, the way the HTML reader does, so that the
outline and table readers work on it unchanged. Beside the text it keeps
*marks*: from this offset on, the text comes from this place in the file (page
and line, paragraph, table cell, sheet and cell). A quote's locator is the
place of its first character, and of its last when that is elsewhere, because
a character offset into a binary file means nothing to a reader.
"""

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass
class Layout:
    text: str = ""
    starts: list[int] = field(default_factory=list)  # mark offsets, ascending
    places: list[str] = field(default_factory=list)  # the place each mark names
    notes: dict[str, str] = field(default_factory=dict)  # how it was read (e.g. {"ocr": "tesseract"})

    def add(self, text: str, place: str | None) -> None:
        """Append `text` read at `place` (None: a separator that stands nowhere)."""
        if place is not None and text:
            self.starts.append(len(self.text))
            self.places.append(place)
        self.text += text

    def line(self, text: str, place: str | None) -> None:
        self.add(text, place)
        self.add("\n", None)

    def row(self, cells: list[tuple[str, str]]) -> None:
        """One table row: each cell's text with its place, tab-separated, on one line."""
        for i, (text, place) in enumerate(cells):
            if i:
                self.add("\t", None)
            self.add(text, place)
        self.add("\n", None)

    def place(self, offset: int) -> str | None:
        i = bisect_right(self.starts, offset) - 1
        return (self.places[i] or None) if i >= 0 else None

    def locate(self, start: int, end: int) -> str | None:
        """The place of text[start:end]: one place, or `first – last` when it spans several."""
        first = self.place(start)
        last = self.place(max(start, end - 1))
        return first if first == last or last is None else f"{first} – {last}"

    def extend(self, other: "Layout", prefix: str = "") -> None:
        """Append another layout (an attachment), its places prefixed with its file's name; text
        with no places of its own (a .txt or HTML file) stands nowhere (offsets are its locator)."""
        base = len(self.text)
        self.starts.append(base)
        self.places.append("")
        self.starts += [base + s for s in other.starts]
        self.places += [f"{prefix}{p}" for p in other.places]
        self.text += other.text
