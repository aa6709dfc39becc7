"""The text a document is read as, with a map back to the text as written.

Parsing works on a normalised reading text (Simplified characters, full-width
punctuation, no stray spaces); evidence must quote what the document says.
`SourceText` keeps both and maps every reading-text index to its original index.
"""

import re
from dataclasses import dataclass, field

CJK = r"\u3400-\u9fff\uf900-\ufaff"
# Half-width punctuation that Chinese documents mean as full-width.
_FULLWIDTH = str.maketrans({"(": "（", ")": "）", ":": "：", ";": "；", ",": "，", "?": "？", "!": "！"})
_SPACES = " \u3000\u00a0\u2002\u2003\u2009\ufeff"
_CJK_CHAR = re.compile(f"[{CJK}“”‘’《》（）【】、，。：；！？]")


@dataclass
class SourceText:
    """`text` is read by the parsers; `original[offsets[i]]` is where text[i] came from."""

    original: str
    text: str
    offsets: list[int] = field(repr=False)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Reading-text span → original-text span."""
        if start >= end:
            pos = self.offsets[start] if start < len(self.offsets) else len(self.original)
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1

    def quote(self, start: int, end: int) -> str:
        s, e = self.span(start, end)
        return self.original[s:e]


def _is_cjk(ch: str) -> bool:
    return bool(ch) and bool(_CJK_CHAR.match(ch))


def normalise(original: str, converted: str | None = None) -> SourceText:
    """Build the reading text of `original`.

    `converted` is `original` after a length-preserving conversion (Traditional →
    Simplified); punctuation is made full-width where it sits among Chinese text,
    and spaces are dropped at line starts and ends and between Chinese characters.
    """
    base = converted if converted is not None else original
    if len(base) != len(original):
        raise ValueError("converted text must keep the original's length")
    out: list[str] = []
    offsets: list[int] = []
    n = len(base)
    line_start = True
    for i, ch in enumerate(base):
        if ch == "\r":
            continue
        if ch == "\n":
            while out and out[-1] in _SPACES:  # trailing spaces of the line
                out.pop()
                offsets.pop()
            out.append("\n")
            offsets.append(i)
            line_start = True
            continue
        if ch in _SPACES:
            if line_start:
                continue
            prev = out[-1] if out else ""
            j = i + 1
            while j < n and base[j] in _SPACES:
                j += 1
            nxt = base[j] if j < n else ""
            if _is_cjk(prev) or _is_cjk(nxt) or nxt in "\r\n" or not nxt:
                continue
            out.append(" ")
            offsets.append(i)
            continue
        line_start = False
        if ch in "(),:;?!":
            prev = out[-1] if out else ""
            nxt = base[i + 1] if i + 1 < n else ""
            if _is_cjk(prev) or _is_cjk(nxt):
                ch = ch.translate(_FULLWIDTH)
        out.append(ch)
        offsets.append(i)
    return SourceText(original=original, text="".join(out), offsets=offsets)
