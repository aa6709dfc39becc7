"""Text as the eval compares it: folded here, never by the code under test.

Both the gold and what was read pass through the same folding: Simplified
characters (OpenCC t2s), half-width punctuation and brackets, no spaces, and
for department names no trailing 等 / 等有关部门.
"""

import re
import unicodedata

import opencc

from graph.model import Unit

_T2S = opencc.OpenCC("t2s")
_FOLD = str.maketrans({"〔": "(", "〕": ")", "【": "(", "】": ")", "［": "(", "］": ")", "[": "(", "]": ")",
                       "“": '"', "”": '"', "‘": "'", "’": "'", "，": ",", "；": ";", "：": ":"})
_TRAILING = re.compile(r"(等有关部门|等有关单位|等相关部门|等相关单位|等部门|等单位|等)$")
_STATE = re.compile(r"^(中共|中国共产党|中华人民共和国)")


def norm(text: str | None) -> str:
    """Simplified characters, half-width punctuation and brackets, no spaces."""
    text = unicodedata.normalize("NFKC", _T2S.convert(text or ""))
    return re.sub(r"\s+", "", text.translate(_FOLD))


def norm_name(name: str) -> str:
    """A department name as written, without the trailing 等 that is no part of it."""
    return _TRAILING.sub("", norm(name))


def norm_canonical(name: str) -> str:
    """A full name; 中共安徽省委宣传部 and 安徽省委宣传部, 中华人民共和国财政部 and 财政部 are one name."""
    return _STATE.sub("", norm_name(name))


def _sentences(text: str, count: int) -> str:
    """The first `count` sentences of folded text (up to 200 characters when it has no full stop)."""
    out = ""
    for _ in range(count):
        m = re.search(r"[。!?;]", text)
        if not m:
            return out + text[:200]
        out, text = out + text[: m.end()], text[m.end():]
    return out


def opening(unit: Unit) -> str:
    """A unit's heading sentence and the first clause after it (1.创新监管模式。综合保税区内企业从境外进口…)."""
    text, title = norm(unit.text), norm(unit.title)
    first = _sentences(text, 1)
    return _sentences(text, 2) if title and title in first else first


def unit_matches(piece: str, unit: Unit) -> bool:
    """The gold's distinctive piece is in the unit's heading, else in the opening of its text."""
    p = norm(piece)
    return p in norm(unit.title) or p in opening(unit)


def units_for(piece: str, units: list[Unit]) -> set[str]:
    """The units a gold piece names: heading matches before text matches, then the most specific heading
    (a section heading that lists all its items, 知识产权保护方面5项：…, does not take its items' edges)."""
    p = norm(piece)
    found = [u for u in units if p in norm(u.title)] or [u for u in units if p in opening(u)]
    if not found:
        return set()
    shortest = min(len(norm(u.title)) for u in found)
    return {u.id for u in found if len(norm(u.title)) == shortest}


def rate(part: int, whole: int) -> float:
    """A precision or recall; nothing to find (or nothing found) counts as 1.0."""
    return part / whole if whole else 1.0


class Ratios:
    """Precision and recall of counts held as `found`/`expected` and `correct`/`extracted`."""

    found: int
    expected: int
    correct: int
    extracted: int

    @property
    def precision(self) -> float:
        return rate(self.correct, self.extracted)

    @property
    def recall(self) -> float:
        return rate(self.found, self.expected)
