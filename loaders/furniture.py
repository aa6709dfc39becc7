"""Page furniture: the lines a web page puts around a document (font size, print, share, trail).

Scraped text and HTML pages carry them; they are never a title or a unit. A line is
furniture only when it is made entirely of the pieces in `data/page_furniture.txt`,
so a sentence that mentions 打印 or 分享 stays.
"""

import re
from functools import lru_cache
from importlib import resources

from loaders.text import Draft

_BLANKS = re.compile(r"[\s\u3000\u00a0|｜·•]+")


@lru_cache(maxsize=1)
def _furniture() -> re.Pattern[str]:
    text = resources.files("loaders").joinpath("data", "page_furniture.txt").read_text(encoding="utf-8")
    pieces = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in pieces) + ")+")


def is_furniture(line: str) -> bool:
    squeezed = _BLANKS.sub("", line)
    return bool(squeezed) and _furniture().fullmatch(squeezed) is not None


def drop_furniture(draft: Draft) -> Draft:
    """The draft without its furniture lines (each removed with its line break)."""
    edits = []
    pos = 0
    for line in draft.text.split("\n"):
        end = pos + len(line)
        if len(line) <= 200 and is_furniture(line):
            edits.append((pos, min(end + 1, len(draft.text)), ""))
        pos = end + 1
    return draft.edit(edits)
