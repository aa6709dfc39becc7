"""The text a document is read as, with a map back to the text as written.

Parsing works on a normalised reading text (Simplified characters, full-width
punctuation, ASCII digits, no stray spaces); evidence must quote what the
document says. `SourceText` keeps both and maps every reading-text index to its
original index. A `Draft` is the reading text under construction: every cleaning
step edits it and carries the map along, so steps compose without losing it.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

CJK = r"\u3400-\u9fff\uf900-\ufaff"
# Half-width punctuation that Chinese documents mean as full-width.
_FULLWIDTH = str.maketrans({"(": "（", ")": "）", ":": "：", ";": "；", ",": "，", "?": "？", "!": "！"})
# Full-width digits and Latin letters mean the ASCII ones (２０２０年, ＧＤＰ); full-width punctuation stays.
ASCII_FORMS = str.maketrans({chr(c): chr(c - 0xFEE0) for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                                               *range(0xFF41, 0xFF5B)]})
_WIDE = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
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


@dataclass
class Draft:
    """Reading text under construction: `offsets[i]` is the original index `text[i]` stands for."""

    text: str
    offsets: list[int] = field(repr=False)

    @classmethod
    def of(cls, text: str) -> "Draft":
        return cls(text, list(range(len(text))))

    def edit(self, edits: Iterable[tuple[int, int, str]]) -> "Draft":
        """Apply `(start, end, replacement)` edits, given in order and not overlapping.

        A replacement's characters stand for the characters they replace (the last
        one repeated); an insertion stands for the character after it, so a line break
        put before a heading points at the heading as written.
        """
        parts: list[str] = []
        offsets: list[int] = []
        pos = 0
        for start, end, new in edits:
            parts.append(self.text[pos:start])
            offsets.extend(self.offsets[pos:start])
            parts.append(new)
            if end > start:
                offsets.extend(self.offsets[min(start + k, end - 1)] for k in range(len(new)))
            else:
                anchor = self.offsets[start] if start < len(self.offsets) else (self.offsets[-1] if self.offsets else 0)
                offsets.extend([anchor] * len(new))
            pos = end
        if not parts:
            return self
        parts.append(self.text[pos:])
        offsets.extend(self.offsets[pos:])
        return Draft("".join(parts), offsets)

    def replace(self, pattern: re.Pattern[str], repl: str) -> "Draft":
        """Every match of `pattern` replaced by `repl` (a fixed string)."""
        return self.edit((m.start(), m.end(), repl) for m in pattern.finditer(self.text))

    def convert(self, converted: str) -> "Draft":
        """The same characters after a length-preserving conversion (Traditional → Simplified)."""
        if len(converted) != len(self.text):
            raise ValueError("converted text must keep the original's length")
        return Draft(converted, self.offsets)


def ascii_forms(text: str) -> str:
    """０-９, Ａ-Ｚ, ａ-ｚ → 0-9, A-Z, a-z (the same length)."""
    return text.translate(ASCII_FORMS) if _WIDE.search(text) else text


def _is_cjk(ch: str) -> bool:
    return bool(ch) and bool(_CJK_CHAR.match(ch))


def normalise(original: str, converted: str | None = None) -> SourceText:
    """Reading text of `original`, optionally after a length-preserving conversion `converted`."""
    draft = Draft.of(original) if converted is None else Draft.of(original).convert(converted)
    return finish(draft, original)


def finish(draft: Draft, original: str) -> SourceText:
    """The last cleaning step: punctuation and spaces.

    Punctuation is made full-width where it sits among Chinese text, digits and Latin
    letters ASCII, and spaces are dropped at line starts and ends and next to Chinese
    characters (a space the layout put inside a name or between words).
    """
    base = ascii_forms(draft.text)
    source = draft.offsets
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
            offsets.append(source[i])
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
            offsets.append(source[i])
            continue
        line_start = False
        if ch in "(),:;?!":
            prev = out[-1] if out else ""
            nxt = base[i + 1] if i + 1 < n else ""
            if _is_cjk(prev) or _is_cjk(nxt):
                ch = ch.translate(_FULLWIDTH)
        out.append(ch)
        offsets.append(source[i])
    return SourceText(original=original, text="".join(out), offsets=offsets)
