"""The one load path, for the CLI and for `POST /documents`: read each document, write
them in batches, name every one that fails.

Reading (parsing and jieba) is CPU work done by a pool of worker processes, one
per core, while this process writes; each batch is written in one transaction
(all of it or none). A batch the store rejects is written again one document at
a time, so a bad document is named and the others still load. Memory stays
bounded: at most two batches are being read ahead of the writer.

Formats: text and HTML, PDF, Word (.docx; .doc/.wps through LibreOffice), Excel
(.xlsx/.xls). A notice and its attachments (附件) are one plan when the caller says
so (`attachments`): the notice first, each attachment after it.

Every plan is written with the corrections people made to it re-applied (one query per
batch finds them); a correction whose unit or quote the document no longer has is stored and
reported as stale.
"""

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import DocumentError, PolicyKGError, StoreError
from graph.model import Correction, PlanGraph
from graph.store import GraphStore
from loaders.documents import file_bytes, load_path, located, read_with_attachments
from loaders.pipeline import read_document
from queries.corrections import WRITING, correct_plans, store_states

BATCH = 32
PARALLEL_FROM = 8  # fewer documents than this are read in this process (a pool costs a second to start)
DOCUMENT_SUFFIXES = {".txt", ".html", ".htm", ".pdf", ".docx", ".doc", ".wps", ".xlsx", ".xls"}
ATTACHMENT = ("附件", "附表")  # how an attachment's file is named: 附件1.xlsx, 附件2 任务分解表.docx


@dataclass(frozen=True)
class Upload:
    """A document that arrived as bytes (an HTTP upload) rather than as a file."""

    name: str
    data: bytes
    attachments: tuple[tuple[str, bytes], ...] = ()  # (name, data) of each file attached to it


@dataclass(frozen=True)
class Attached:
    """A notice and the files attached to it, read as one plan named after the notice."""

    notice: Path
    attachments: tuple[Path, ...]

    @property
    def name(self) -> str:
        return self.notice.name


Source = Path | Upload | Attached


@dataclass
class LoadReport:
    loaded: int = 0
    failed: list[str] = field(default_factory=list)
    plans: list[PlanGraph] = field(default_factory=list)  # kept only when asked for (one upload)
    stale: list[Correction] = field(default_factory=list)  # corrections the documents as loaded no longer fit


def iter_documents(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the .txt/.html/.htm files under folders, in name order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
                            and not p.name.startswith(("~$", ".~lock")))  # Word's and LibreOffice's lock files
        else:
            found.append(path)
    return found


def is_attachment(path: Path) -> bool:
    return path.name.startswith(ATTACHMENT)


def with_attachments(paths: Iterable[Path]) -> list[Source]:
    """The documents to load when attachments join their notice: files given one after another
    are one plan, the first the notice and the others its attachments; a folder is one plan per
    folder, its file not named 附件… the notice and its files named 附件… the attachments."""
    paths = list(paths)
    files = [p for p in paths if not p.is_dir()]
    found: list[Source] = []
    if files:
        found.append(Attached(files[0], tuple(files[1:])) if len(files) > 1 else files[0])
    for folder in (p for p in paths if p.is_dir()):
        by_folder: dict[Path, list[Path]] = {}
        for f in iter_documents([folder]):
            by_folder.setdefault(f.parent, []).append(f)
        for members in by_folder.values():
            notices = [f for f in members if not is_attachment(f)]
            attached = tuple(f for f in members if is_attachment(f))
            if len(notices) == 1:
                found.append(Attached(notices[0], attached) if attached else notices[0])
            else:  # no notice, or several: whose attachments these are is not told; each is its own
                found += members
    return found


def _reason(source: Source, e: PolicyKGError) -> str:
    return e.message if e.message.startswith(source.name) else f"{source.name}: {e.message}"


def load_paths(store: GraphStore, documents: list[Source], on_document: Callable[[Source], None] = lambda p: None,
               on_failure: Callable[[str], None] = lambda r: None, batch: int = BATCH,
               keep_plans: bool = False, on_stale: Callable[[Correction], None] = lambda c: None) -> LoadReport:
    """Read and write `documents` (files or uploads); a bad one is named in `failed`, the rest load.
    `on_stale` hears of each stored correction a loaded document no longer fits."""
    report = LoadReport()

    def fail(reason: str) -> None:
        report.failed.append(reason)
        on_failure(reason)

    def written(graphs: list[PlanGraph], corrections: list[Correction]) -> None:
        mine = {g.plan.id for g in graphs}
        states = [c for c in corrections if c.plan_id in mine]
        store_states(store, states)
        report.loaded += len(graphs)
        if keep_plans:
            report.plans += graphs
        for c in states:
            if c.stale:
                report.stale.append(c)
                on_stale(c)

    read: list[tuple[Source, PlanGraph]] = []
    for path, outcome in _read_all(documents, batch):
        if isinstance(outcome, PolicyKGError):
            fail(_reason(path, outcome))
        else:
            read.append((path, outcome))
        on_document(path)
        if len(read) >= batch:
            _write(store, read, fail, written)
            read = []
    _write(store, read, fail, written)
    return report


def _read_one(source: Source) -> PlanGraph | PolicyKGError:
    try:
        if isinstance(source, Upload) and not source.attachments:
            return located(read_document(source.data, source.name), source.data, source.name)
        if isinstance(source, Upload):
            return read_with_attachments((source.name, source.data), list(source.attachments))
        if isinstance(source, Attached):
            return read_with_attachments((source.notice.name, file_bytes(source.notice)),
                                         [(p.name, file_bytes(p)) for p in source.attachments])
        return load_path(source)
    except PolicyKGError as e:
        return e


def _read_all(documents: list[Source], batch: int) -> Iterator[tuple[Source, PlanGraph | PolicyKGError]]:
    """Each document read, in order; in worker processes when there are enough to be worth it."""
    workers = os.cpu_count() or 1
    if len(documents) < PARALLEL_FROM or workers < 2:
        for path in documents:
            yield path, _read_one(path)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[tuple[Source, Future]] = deque()
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


def _write(store: GraphStore, read: list[tuple[Source, PlanGraph]], fail: Callable[[str], None],
           written: Callable[[list[PlanGraph], list[Correction]], None]) -> None:
    if not read:
        return
    with WRITING:  # no correction is made or taken back between reading the plans' and writing them
        _write_corrected(store, read, fail, written)


def _write_corrected(store: GraphStore, read: list[tuple[Source, PlanGraph]], fail: Callable[[str], None],
                     written: Callable[[list[PlanGraph], list[Correction]], None]) -> None:
    graphs, corrections = correct_plans(store, [g for _, g in read])
    try:
        store.replace_plans(graphs)
        written(graphs, corrections)
        return
    except DocumentError:
        pass  # a document the rows check refused: found below, one at a time
    except StoreError as e:
        if len(read) == 1 or e.detail.get("fatal"):
            raise
    for (source, _), graph in zip(read, graphs, strict=True):  # find the document the store rejects
        try:
            store.replace_plan(graph)
            written([graph], corrections)
        except (DocumentError, StoreError) as e:
            fail(_reason(source, e))
