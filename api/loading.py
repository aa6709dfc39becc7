"""Loading many documents: read each, write them in batches, name every one that fails.

Reading (parsing and jieba) is CPU work done by a pool of worker processes, one
per core, while this process writes; each batch is written in one transaction
(all of it or none). A batch the store rejects is written again one document at
a time, so a bad document is named and the others still load. Memory stays
bounded: at most two batches are being read ahead of the writer.
"""

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import PolicyKGError, StoreError
from graph.model import PlanGraph
from graph.store import GraphStore
from loaders.pipeline import load_file

BATCH = 32
PARALLEL_FROM = 8  # fewer documents than this are read in this process (a pool costs a second to start)
DOCUMENT_SUFFIXES = {".txt", ".html", ".htm"}


@dataclass
class LoadReport:
    loaded: int = 0
    failed: list[str] = field(default_factory=list)


def iter_documents(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the .txt/.html/.htm files under folders, in name order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)
        else:
            found.append(path)
    return found


def _reason(path: Path, e: PolicyKGError) -> str:
    return e.message if e.message.startswith(path.name) else f"{path.name}: {e.message}"


def load_paths(store: GraphStore, documents: list[Path], on_document: Callable[[Path], None] = lambda p: None,
               on_failure: Callable[[str], None] = lambda r: None, batch: int = BATCH) -> LoadReport:
    report = LoadReport()

    def fail(reason: str) -> None:
        report.failed.append(reason)
        on_failure(reason)

    read: list[tuple[Path, PlanGraph]] = []
    for path, outcome in _read_all(documents, batch):
        if isinstance(outcome, PolicyKGError):
            fail(_reason(path, outcome))
        else:
            read.append((path, outcome))
        on_document(path)
        if len(read) >= batch:
            _write(store, read, report, fail)
            read = []
    _write(store, read, report, fail)
    return report


def _read_one(path: Path) -> PlanGraph | PolicyKGError:
    try:
        return load_file(path)
    except PolicyKGError as e:
        return e


def _read_all(documents: list[Path], batch: int) -> Iterator[tuple[Path, PlanGraph | PolicyKGError]]:
    """Each document read, in order; in worker processes when there are enough to be worth it."""
    workers = os.cpu_count() or 1
    if len(documents) < PARALLEL_FROM or workers < 2:
        for path in documents:
            yield path, _read_one(path)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[tuple[Path, Future]] = deque()
        queue = iter(documents)
        for path in queue:
            pending.append((path, pool.submit(_read_one, path)))
            if len(pending) >= 2 * batch:
                break
        while pending:
            path, future = pending.popleft()
            yield path, future.result()
            nxt = next(queue, None)
            if nxt is not None:
                pending.append((nxt, pool.submit(_read_one, nxt)))


def _write(store: GraphStore, read: list[tuple[Path, PlanGraph]], report: LoadReport,
           fail: Callable[[str], None]) -> None:
    if not read:
        return
    try:
        store.replace_plans([g for _, g in read])
        report.loaded += len(read)
        return
    except StoreError as e:
        if len(read) == 1 or e.detail.get("fatal"):
            raise
    for path, graph in read:  # find the document the store rejects; the others still load
        try:
            store.replace_plan(graph)
            report.loaded += 1
        except StoreError as e:
            fail(_reason(path, e))
