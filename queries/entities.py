"""The names a question may mention, found with Aho–Corasick; the longest match wins.

Built from the store: department names and every alias, unit titles, plan titles,
national document numbers and the jurisdictions the graph's departments belong to
(what a question narrows departments by), each also by its short name: 辽宁 for 辽宁省. One
surface form may name several things (省卫生计生委 in Anhui and in Zhejiang); a
match keeps them all.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

import ahocorasick

from graph.store import GraphStore

# A division's name without its level, as people say it: 安徽省 → 安徽, 深圳市 → 深圳, 广西壮族自治区 → 广西,
# 香港特别行政区 → 香港. Shorter than two characters is no name (a 市 called 沙市 stays whole).
LEVEL = re.compile(r"(?:省|市|(?:壮族|回族|维吾尔)?自治区|特别行政区)$")


def short_name(jurisdiction: str) -> str | None:
    short = LEVEL.sub("", jurisdiction)
    return short if short != jurisdiction and len(short) >= 2 else None


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
        for full in sorted(set(filter(None, jurisdictions.values()))):  # the places questions narrow departments to
            for surface in filter(None, (full, short_name(full))):
                entries[(surface, "jurisdiction")].append(full)
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
