"""Loading many documents: read each, write them in batches, name every one that fails.

Reading happens outside the store; each batch is written in one transaction
(all of it or none). A batch the store rejects is written again one document
at a time, so a bad document is named and the others still load. Memory stays
bounded by the batch size, whatever the number of documents.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import PolicyKGError, StoreError
from graph.model import PlanGraph
from graph.store import GraphStore
from loaders.pipeline import load_file

BATCH = 32
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

    for start in range(0, len(documents), batch):
        read: list[tuple[Path, PlanGraph]] = []
        for path in documents[start:start + batch]:
            try:
                read.append((path, load_file(path)))
            except PolicyKGError as e:
                fail(_reason(path, e))
            on_document(path)
        _write(store, read, report, fail)
    return report


def _write(store: GraphStore, read: list[tuple[Path, PlanGraph]], report: LoadReport,
           fail: Callable[[str], None]) -> None:
    if not read:
        return
    try:
        store.replace_plans([g for _, g in read])
        report.loaded += len(read)
        return
    except StoreError:
        if len(read) == 1:
            raise
    for path, graph in read:  # find the document the store rejects; the others still load
        try:
            store.replace_plan(graph)
            report.loaded += 1
        except StoreError as e:
            fail(_reason(path, e))
