"""The names a question may mention, found with Aho–Corasick; the longest match wins.

Built from the store: department names and every alias, unit titles, plan titles,
national document numbers and jurisdictions. One surface form may name several
things (省卫生计生委 in Anhui and in Zhejiang); a match keeps them all.
"""

from collections import defaultdict
from dataclasses import dataclass, field

import ahocorasick

from graph.store import GraphStore

JURISDICTION_SHORT = {"安徽": "安徽省", "浙江": "浙江省", "深圳": "深圳市"}


@dataclass
class Mention:
    text: str
    kind: str  # department | unit | plan | national | jurisdiction
    ids: list[str]
    start: int
    end: int


@dataclass
class EntityDictionary:
    automaton: ahocorasick.Automaton
    names: dict[str, str] = field(default_factory=dict)  # id → display name
    jurisdictions: dict[str, str] = field(default_factory=dict)  # department id → jurisdiction

    @classmethod
    def build(cls, store: GraphStore) -> "EntityDictionary":
        entries: dict[tuple[str, str], list[str]] = defaultdict(list)
        names: dict[str, str] = {}
        jurisdictions: dict[str, str] = {}
        for d in store.run("all_departments"):
            names[d["id"]] = d["name"]
            jurisdictions[d["id"]] = d["jurisdiction"]
            for surface in {d["name"], *(d["aliases"] or [])}:
                entries[(surface, "department")].append(d["id"])
        for r in store.run("search_documents"):
            names[r["id"]] = r["title"]
            if r["type"] in ("action", "project") and len(r["title"]) >= 4:
                entries[(r["title"], "unit")].append(r["id"])
            elif r["type"] == "plan":
                entries[(r["title"], "plan")].append(r["id"])
        for r in store.run("national_documents"):
            if r["doc_number"]:
                entries[(r["doc_number"], "national")].append(r["id"])
            if r["title"]:
                entries[(r["title"], "national")].append(r["id"])
        for short, full in JURISDICTION_SHORT.items():
            entries[(full, "jurisdiction")].append(full)
            entries[(short, "jurisdiction")].append(full)
        automaton = ahocorasick.Automaton()
        by_surface: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
        for (surface, kind), ids in entries.items():
            by_surface[surface].append((kind, list(dict.fromkeys(ids))))
        for surface, values in by_surface.items():
            automaton.add_word(surface, (surface, values))
        if by_surface:
            automaton.make_automaton()
        return cls(automaton, names, jurisdictions)

    def find(self, text: str) -> list[Mention]:
        """Non-overlapping mentions, the longest first; kinds ranked unit > plan > department."""
        if self.automaton.kind != ahocorasick.AHOCORASICK:
            return []
        candidates = []
        for end, (surface, values) in self.automaton.iter(text):
            start = end - len(surface) + 1
            for kind, ids in values:
                candidates.append(Mention(surface, kind, ids, start, end + 1))
        rank = {"national": 0, "plan": 1, "unit": 2, "department": 3, "jurisdiction": 4}
        candidates.sort(key=lambda m: (-(m.end - m.start), rank[m.kind], m.start))
        taken: list[Mention] = []
        for m in candidates:  # the same span twice: the better-ranked kind came first and stays
            if all(m.end <= t.start or m.start >= t.end for t in taken):
                taken.append(m)
        return sorted(taken, key=lambda m: m.start)
