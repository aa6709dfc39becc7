"""Chinese segmentation with jieba, initialised once, as spaCy's Chinese pipeline does.

One `jieba.Tokenizer` for the process, whose user dictionary is built once from
reviewed data files (department stems and named bodies, `domain_terms.txt`) and
never changed afterwards: a document's tokens do not depend on what was read
before it, in this process or in a worker, and a question is cut exactly as the
documents were. Search-mode segmentation feeds the index.
"""

import re
from functools import lru_cache
from importlib import resources

import jieba

from graph.model import PlanGraph
from loaders.knowledge import named_bodies, stems

_WORD = re.compile(r"[\w\u3400-\u9fff]")
LEVEL_PREFIXES = ("省", "市", "区", "县")
jieba.setLogLevel(60)


def _data_words(name: str) -> list[str]:
    text = resources.files("loaders").joinpath("data", name).read_text(encoding="utf-8")
    return [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(_data_words("stopwords.txt"))


def dictionary_words() -> list[str]:
    """Every user word, in a fixed order: the data files' names and terms."""
    words: list[str] = []
    for stem, s in stems().items():
        words += [stem, *(p + stem for p in LEVEL_PREFIXES), s.canonical]
    for (_, surface), body in named_bodies().items():
        words += [surface, body.canonical]
    words += _data_words("domain_terms.txt")
    # a canonical name with a {J} placeholder is a pattern filled per jurisdiction, not a word
    return [w for w in dict.fromkeys(words) if len(w) >= 2 and "{" not in w]


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    t = jieba.Tokenizer()
    t.initialize()
    for word in dictionary_words():
        t.add_word(word, freq=20000)
    return t


def tokens(text: str) -> list[str]:
    """Search-mode tokens of `text`, without stop words and punctuation."""
    stop = stopwords()
    return [w for w in tokenizer().cut_for_search(text) if _WORD.search(w) and w not in stop]


def segment_graph(graph: PlanGraph) -> None:
    """Search tokens for the plan, its units and targets (titles count twice over the text)."""
    graph.plan.tokens = tokens(graph.plan.title)
    for u in graph.units:
        u.tokens = tokens(u.title) * 2 + tokens(u.text)
    for i in graph.indicators:
        i.tokens = tokens(i.name) * 2 + tokens(i.evidence.quote)
