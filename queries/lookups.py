"""The in-memory helpers built from the store: the search index and the question dictionary.

Built on first use and again after any write, so searches and questions see
every plan loaded; a generation counter says when they are stale.
"""

import threading

from graph.store import GraphStore
from queries.ask import Asker
from queries.entities import EntityDictionary
from queries.search import SearchIndex


class Lookups:
    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._generation = 0
        self._built: tuple | None = None
        self._search: SearchIndex | None = None
        self._asker: Asker | None = None

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
