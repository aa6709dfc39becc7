"""Chinese segmentation with jieba, initialised once, as spaCy's Chinese pipeline does.

One `jieba.Tokenizer` for the process; its user dictionary holds the names the
graph knows (departments and their aliases, unit titles, indicator names) so
that 省经济和信息化委 stays one token. Search-mode segmentation feeds the index.
"""

import re
import threading
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

import jieba

from loaders.knowledge import named_bodies, stems

_lock = threading.Lock()
_added: set[str] = set()
_WORD = re.compile(r"[\w\u3400-\u9fff]")
jieba.setLogLevel(60)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    text = resources.files("loaders").joinpath("data", "stopwords.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    t = jieba.Tokenizer()
    t.initialize()
    with _lock:
        for stem, s in stems().items():
            for word in (stem, "省" + stem, "市" + stem, s.canonical):
                _add(t, word)
        for (_, surface), body in named_bodies().items():
            _add(t, surface)
            _add(t, body.canonical)
    return t


def _add(t: jieba.Tokenizer, word: str) -> None:
    if word and word not in _added and len(word) >= 2:
        t.add_word(word, freq=20000)
        _added.add(word)


def add_words(words: Iterable[str]) -> None:
    """Teach the segmenter names the graph knows (idempotent, thread-safe)."""
    t = tokenizer()
    with _lock:
        for w in words:
            _add(t, w.strip())


def tokens(text: str) -> list[str]:
    """Search-mode tokens of `text`, without stop words and punctuation."""
    stop = stopwords()
    return [w for w in tokenizer().cut_for_search(text) if _WORD.search(w) and w not in stop]
