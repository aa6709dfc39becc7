"""Lines of the reading text with their offsets: the one splitter every reader uses.

Parsers work line by line but must report spans into the whole text, so each
line carries where it starts and ends (the newline excluded).
"""

from dataclasses import dataclass


@dataclass
class Line:
    start: int
    end: int
    text: str  # as in the reading text, not stripped

    @property
    def stripped(self) -> str:
        return self.text.strip()


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """`text[start:end]` cut at newlines, each line with its offsets into `text`."""
    end = len(text) if end is None else end
    lines, pos = [], start
    for raw in text[start:end].split("\n"):
        lines.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return lines
