"""The in-memory helpers built from the store: the search index, the question dictionary and the
dictionary of department names.

Built on first use and again after any write, so searches, questions and name lookups see every
plan loaded; a generation counter says when they are stale.
"""

import heapq
import itertools
import json
import threading
from collections import Counter

from graph.rows import unit_of_order_key
from graph.store import GraphStore
from queries import service
from queries.ask import Asker
from queries.entities import EntityDictionary
from queries.search import SearchIndex

ROLES = ("leads", "supports")


class DepartmentNames:
    """Every department by its id, canonical name and each alias: what `department_lookup` answers,
    as a dictionary lookup instead of a scan of every department on every request; and the sort keys
    of each one's leads and supports in page order (`department_order_keys`): how many there are, and
    which keys begin and end any page. About 100 bytes a lead or support (11 MB at 1,000 plans). The keys also
    say which departments share a unit (`partners`)."""

    def __init__(self, departments: list[dict], order_keys: list[dict] | None = None) -> None:
        self._by_name: dict[str, list[dict]] = {}
        self._by_id = {d["id"]: d for d in departments}
        self._sharing: dict[str, tuple[str, ...]] | None = None
        for d in departments:  # in the query's order (jurisdiction, name), which each list keeps
            for surface in dict.fromkeys([d["id"], d["name"], *(d["aliases"] or [])]):
                self._by_name.setdefault(surface, []).append(d)
        self._keys: dict[tuple[str, str], list[str]] = {}
        for row in order_keys or []:
            self._keys.setdefault((row["id"], row["role"]), []).append(row["order_key"])
        for keys in self._keys.values():
            keys.sort()

    def total(self, ids: list[str], role: str) -> int:
        """How many units the departments `ids` have in `role` (leads or supports)."""
        return sum(len(self._keys.get((i, role), ())) for i in ids)

    def bounds(self, ids: list[str], role: str, offset: int, limit: int) -> tuple[str, str] | None:
        """The first and last sort keys of a page, None for a page past the end. Each key names its
        department, so keys never repeat and the range holds exactly the page."""
        lists = [self._keys.get((i, role), []) for i in ids]
        if len(lists) == 1:
            page = lists[0][offset:offset + limit]
        else:
            page = list(itertools.islice(heapq.merge(*lists), offset, offset + limit))
        return (page[0], page[-1]) if page else None

    def partners(self, ids: list[str], limit: int) -> list[dict]:
        """`department_partners` from the keys: the departments (not `ids`) that lead or support a unit that one
        of `ids` leads or supports, with how many such units, most first, then by name (then jurisdiction and
        id, where the query leaves the order of equals open). At 1,000 plans the query walked two hops through
        every unit the department shares (136-230 ms for the busiest); here it counts over its keys (9-14 ms)."""
        sharing = self._units_shared()
        units = {unit_of_order_key(k) for i in ids for role in ROLES for k in self._keys.get((i, role), ())}
        shared: Counter = Counter()
        for unit in units:
            shared.update(o for o in sharing[unit] if o not in ids)
        found = [{**self._by_id[o], "shared": n} for o, n in shared.items()]
        found.sort(key=lambda p: (-p["shared"], p["name"], p["jurisdiction"] or "", p["id"]))
        return found[:limit]

    def _units_shared(self) -> dict[str, tuple[str, ...]]:
        """Each unit's departments in either role, built on the first question of partners (about 19,000 units
        at 1,000 plans, 0.23 s); threads that race to build it build the same."""
        if self._sharing is None:
            sharing: dict[str, set[str]] = {}
            for (department, _), keys in self._keys.items():
                for key in keys:
                    sharing.setdefault(unit_of_order_key(key), set()).add(department)
            self._sharing = {unit: tuple(departments) for unit, departments in sharing.items()}
        return self._sharing

    def find(self, name: str, jurisdiction: str = "") -> list[dict]:
        found = self._by_name.get(name, [])
        return [dict(d) for d in found if not jurisdiction or d["jurisdiction"] == jurisdiction]


class Lookups:
    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._generation = 0
        self._built: tuple | None = None
        self._search: SearchIndex | None = None
        self._asker: Asker | None = None
        self._names: tuple[tuple, DepartmentNames] | None = None

    def invalidate(self) -> None:
        """Call after a write: the next search or question rebuilds from the store."""
        with self._lock:
            self._generation += 1

    def _version(self) -> tuple:
        """Stale when invalidated, or when the store counts a write (so a search that runs between a
        write and its invalidate() cannot build, and have cached, an answer from the old index)."""
        return self._generation, self.store.generation

    def _ensure(self) -> tuple[SearchIndex, Asker]:
        with self._lock:
            version = self._version()
            if self._built != version or self._search is None or self._asker is None:
                self._search = SearchIndex.build(self.store)
                self._asker = Asker(self.store, EntityDictionary.build(self.store))
                self._built = version
            return self._search, self._asker

    def search(self) -> SearchIndex:
        return self._ensure()[0]

    def asker(self) -> Asker:
        return self._ensure()[1]

    def _department_names(self) -> tuple[tuple, DepartmentNames]:
        with self._lock:
            version = self._version()
            if self._names is None or self._names[0] != version:
                self._names = (version, DepartmentNames(self.store.run("all_departments"),
                                                        self.store.run("department_order_keys")))
            return self._names

    def prepare(self) -> None:
        """Build the dictionary of department names now, at start-up, rather than on the first page: 0.6 s at
        1,000 plans, which the connections of a worker that met its first page under load waited out (p99
        760 ms at 8 connections in one bench run of three). A store that others may write (Neo4j) has none."""
        if self.store.generation is not None:
            self._department_names()

    def find_departments(self, name: str, jurisdiction: str = "") -> list[dict]:
        """`service.find_departments`, from the dictionary of names while it is exact: a store that others
        may write (Neo4j, no generation) is asked every time."""
        if self.store.generation is None:
            return service.find_departments(self.store, name, jurisdiction)
        return _found(self._department_names()[1], name, jurisdiction)

    def _ready_names(self, role: str) -> DepartmentNames | None:
        """The dictionary if it is current, without waiting for a lock or building it (None otherwise)."""
        if self.store.generation is None or role not in ROLES:
            return None
        if not self._lock.acquire(blocking=False):
            return None
        try:
            current = self._names is not None and self._names[0] == self._version()
            return self._names[1] if current else None
        finally:
            self._lock.release()

    def page_without_reading(self, name: str, role: str, jurisdiction: str, offset: int) -> dict | None:
        """The page when the dictionary alone answers it (a page past the end, none at all, no such department),
        without reading the store or waiting for a lock, so that it can run on the server's event loop: None when
        the page has items to read, the dictionary is stale, or another thread is rebuilding it."""
        names = self._ready_names(role)
        if names is None:
            return None
        departments = _found(names, name, jurisdiction)
        total = names.total([d["id"] for d in departments], role)
        return {"departments": departments, "items": [], "total": total} if offset >= total else None

    def page_when_ready(self, name: str, role: str, jurisdiction: str, limit: int, offset: int,
                        as_json: bool = False) -> dict | None:
        """The page, reading the range of its keys, when the dictionary is current (without waiting for a lock
        or building it); None otherwise. For a read-only store, where no write or checkpoint can hold up a
        read, this runs on the server's event loop: one read of at most `limit` edges (about 1 ms at 1,000
        plans), and no hop to a reader thread, whose hand-over of the interpreter lock was the slowest 1%."""
        names = self._ready_names(role)
        return None if names is None else self._page(names, name, role, jurisdiction, limit, offset, as_json)

    def _page(self, names: DepartmentNames, name: str, role: str, jurisdiction: str, limit: int, offset: int,
              as_json: bool = False) -> dict:
        """A page by the dictionary's keys: the departments and total from it, the items the range they bound
        (`as_json`: each item as the JSON the API sends, for the server to splice into its answer)."""
        departments = _found(names, name, jurisdiction)
        ids = [d["id"] for d in departments]
        total, bounds = names.total(ids, role), names.bounds(ids, role, offset, limit)
        items = service.items_between(self.store, ids, role, *bounds) if bounds else []
        return {"departments": departments, "items": items if as_json else [json.loads(i) for i in items],
                "total": total}

    def department_partners(self, name: str, jurisdiction: str, limit: int) -> dict:
        """`service.department_partners`, from the dictionary while it is exact (as `department_units`)."""
        if self.store.generation is None:
            return service.department_partners(self.store, name, jurisdiction, limit)
        version, names = self._department_names()
        departments = _found(names, name, jurisdiction)
        items = names.partners([d["id"] for d in departments], limit)
        if self._version() != version:  # a write landed meanwhile: the store answers
            return service.department_partners(self.store, name, jurisdiction, limit, departments)
        return {"departments": departments, "items": items, "total": len(items)}

    def department_units(self, name: str, role: str, jurisdiction: str, limit: int, offset: int,
                         as_json: bool = False) -> dict:
        """`service.department_units`, with the department and its total from the dictionary while it is exact.
        A write between the dictionary and the page (the generation moved) has the total counted again, so
        the total always belongs to the page's own reading. `as_json`: the items may come as the JSON the API
        sends (from the dictionary's page) or as values (from the store's other answers)."""
        if self.store.generation is None:
            return service.department_units(self.store, name, role, jurisdiction, limit, offset)
        version, names = self._department_names()
        if role not in ROLES:
            return service.department_units(self.store, name, role, jurisdiction, limit, offset,
                                            self.find_departments(name, jurisdiction))
        answer = self._page(names, name, role, jurisdiction, limit, offset, as_json)
        if self._version() != version:  # a write landed meanwhile: the page and its total read afresh
            return service.department_units(self.store, name, role, jurisdiction, limit, offset, answer["departments"])
        return answer


def _found(names: DepartmentNames, name: str, jurisdiction: str) -> list[dict]:
    """The departments `name` may mean in `jurisdiction`, or NotFound naming what was asked."""
    departments = names.find(name.strip(), jurisdiction or "")
    if not departments:
        service.not_found(name, jurisdiction)
    return departments
