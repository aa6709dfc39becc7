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
_PARTY = re.compile(r"^(中共|中国共产党)")


def norm(text: str | None) -> str:
    """Simplified characters, half-width punctuation and brackets, no spaces."""
    text = unicodedata.normalize("NFKC", _T2S.convert(text or ""))
    return re.sub(r"\s+", "", text.translate(_FOLD))


def norm_name(name: str) -> str:
    """A department name as written, without the trailing 等 that is no part of it."""
    return _TRAILING.sub("", norm(name))


def norm_canonical(name: str) -> str:
    """A full name; 中共安徽省委宣传部 and 安徽省委宣传部 are one name."""
    return _PARTY.sub("", norm_name(name))


def _first_sentence(text: str) -> str:
    text = norm(text)
    m = re.search(r"[。!?;]", text)
    return text[: m.end()] if m else text[:200]


def unit_matches(piece: str, unit: Unit) -> bool:
    """The gold's distinctive piece is in the unit's heading, else in the first sentence of its text."""
    p = norm(piece)
    return p in norm(unit.title) or p in _first_sentence(unit.text)
