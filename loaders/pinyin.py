"""Pinyin annotations that scraped pages put after a character: 创新(xīn) → 创新.

Some pages annotate a reading in brackets; the document itself does not say it.
An annotation is dropped only when it is a reading of the characters before it,
one syllable per character (checked with pypinyin, tone marks, tone numbers or
none), so (GDP), (试行) or (PPP) stay.
"""

import re
import unicodedata
from functools import lru_cache

from loaders.text import Draft

_SYLLABLE = r"[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]{1,6}[1-5]?"
ANNOTATION = re.compile(rf"(?<=[\u4e00-\u9fff])[（(]\s*({_SYLLABLE}(?:[\s'’·]+{_SYLLABLE}){{0,3}})\s*[）)]")


# The shape of a pinyin syllable (initial, final), checked before pypinyin is asked: (app), (Mbps) are not.
SHAPE = re.compile(r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:i?(?:ang|ao|an|a)|i?ong|uang|uai|uan|ua|uo|ai|ei|ui|ao|ou|"
                   r"iu|ie|ve|ue|er|ang|eng|ing|an|en|in|un|vn|van|ia|a|o|e|i|u|v|ng|n|m)")


def _plain(syllable: str) -> str:
    """xīn / xin1 / XIN → xin; ü and v are one letter."""
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c) and not c.isdigit())
    return letters.replace("ü", "v").replace("u\u0308", "v")


@lru_cache(maxsize=4096)
def readings(char: str) -> frozenset[str]:
    from pypinyin import Style, pinyin  # loaded only when a page has an annotation

    found = pinyin(char, style=Style.TONE3, heteronym=True, neutral_tone_with_five=True, v_to_u=False)
    return frozenset(_plain(r) for r in found[0]) if found else frozenset()


def is_reading(chars: str, annotation: str) -> bool:
    syllables = [s for s in re.split(r"[\s'’·]+", annotation) if s]
    if len(syllables) > len(chars) or not all(s.islower() and SHAPE.fullmatch(_plain(s)) for s in syllables):
        return False
    tail = chars[len(chars) - len(syllables):]
    return all(_plain(s) in readings(c) for s, c in zip(syllables, tail, strict=True))


def drop_pinyin(draft: Draft) -> Draft:
    text = draft.text
    edits = []
    for m in ANNOTATION.finditer(text):
        before = text[max(0, m.start() - 4): m.start()]
        if is_reading(before, m.group(1)):
            edits.append((m.start(), m.end(), ""))
    return draft.edit(edits)
