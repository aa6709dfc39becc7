"""Ranked Chinese search over titles, text and quotes: BM25 (bm25s) on jieba tokens.

The index is built from the store (tokens were made when each plan was
loaded) and rebuilt whole when plans change; a search never reads the store.
Titles count three times, so a query naming a unit finds that unit first.
"""

from dataclasses import dataclass

import bm25s

from graph.model import merge_aliases
from graph.store import GraphStore
from loaders.segment import tokens

SNIPPET = 36


@dataclass(frozen=True)
class Document:
    id: str
    type: str
    title: str
    plan_id: str | None
    plan_title: str | None
    text: str


def snippet(text: str, words: list[str]) -> str:
    """The text around the first query word it contains."""
    text = " ".join(text.split())
    hits = [text.find(w) for w in words if w and text.find(w) >= 0]
    if not hits:
        return text[: SNIPPET * 2] + ("…" if len(text) > SNIPPET * 2 else "")
    at = min(hits)
    start, end = max(0, at - SNIPPET), min(len(text), at + SNIPPET)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


class SearchIndex:
    def __init__(self, documents: list[Document], token_lists: list[list[str]]) -> None:
        self.documents = documents
        self._bm25 = bm25s.BM25()
        if documents:
            self._bm25.index([t or ["\x00"] for t in token_lists], show_progress=False)

    @classmethod
    def build(cls, store: GraphStore) -> "SearchIndex":
        documents, token_lists = [], []
        for r in store.run("search_documents"):
            documents.append(Document(r["id"], r["type"], r["title"], r["plan_id"], r["plan_title"], r["text"] or ""))
            token_lists.append((r["tokens"] or "").split())
        departments = store.run("all_departments")
        for d in departments:
            names = merge_aliases([d["name"]], d["aliases"])
            documents.append(Document(d["id"], "department", d["name"], None, None,
                                      f"{d['jurisdiction']} " + "、".join(names)))
            token_lists.append([t for n in names for t in tokens(n)] * 2)
        return cls(documents, token_lists)

    def _phrase_boost(self, i: int, phrase: str) -> float:
        """A title holding the whole query ranks higher, the more so the more of the title it is."""
        title = self.documents[i].title
        return 1 + len(phrase) / len(title) if phrase and phrase in title else 1.0

    def search(self, query: str, limit: int = 10, offset: int = 0, type_: str = "") -> tuple[list[dict], int]:
        words = tokens(query)
        if not words or not self.documents:
            return [], 0
        ids, scores = self._bm25.retrieve([words], k=len(self.documents), show_progress=False)
        phrase = "".join(query.split())
        ranked = [(int(i), float(s) * self._phrase_boost(int(i), phrase))
                  for i, s in zip(ids[0], scores[0], strict=True) if s > 0]
        ranked.sort(key=lambda pair: -pair[1])
        if type_:
            ranked = [(i, s) for i, s in ranked if self.documents[i].type == type_]
        page = ranked[offset: offset + limit]
        hits = []
        for i, score in page:
            d = self.documents[i]
            hits.append({
                "id": d.id, "type": d.type, "title": d.title,
                "plan": {"id": d.plan_id, "title": d.plan_title} if d.plan_id else None,
                "score": round(score, 4), "snippet": snippet(d.text, sorted(words, key=len, reverse=True)),
            })
        return hits, len(ranked)

