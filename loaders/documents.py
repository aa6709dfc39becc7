"""Documents in any published format, with each fact's place in the file.

`loaders.pipeline` reads a document into a `PlanGraph` whose evidence holds spans
into the text as written. For a PDF, Word or Excel file that text was laid out by
policykg (loaders.formats), so each evidence also gets its `locator`: the page and
line, paragraph, table cell, or sheet and cell it was read from. A notice and its
attachments (附件) are read as one plan (`read_with_attachments`): the notice first,
each attachment after it, the plan's title, number and date from the notice.
"""

from collections.abc import Iterator
from pathlib import Path

from graph.errors import DocumentError
from graph.model import Evidence, PlanGraph, ReadingWarning
from loaders.formats import bundle
from loaders.formats.layout import Layout
from loaders.pipeline import read_document
from loaders.read import check_size, read_placed


def _evidence(graph: PlanGraph) -> Iterator[Evidence]:
    if graph.plan.evidence is not None:
        yield graph.plan.evidence
    for items in (graph.units, graph.assignments, graph.indicators, graph.implements):
        yield from (item.evidence for item in items)
    yield from (w.evidence for w in graph.warnings if w.evidence is not None)


def add_locators(graph: PlanGraph, layout: Layout) -> PlanGraph:
    for e in _evidence(graph):
        e.locator = layout.locate(e.start, e.end)
    return graph


def located(graph: PlanGraph, data: bytes, name: str) -> PlanGraph:
    """`graph`, read from `data`, with its evidence located in the file (read once: cached)."""
    layout = read_placed(data, name)[1]
    if layout is None:
        return graph
    if "ocr" in layout.notes:
        graph.warnings.append(ReadingWarning(
            kind="ocr", message=f"read by OCR ({layout.notes['ocr']}): quotes may differ from the page"))
    return add_locators(graph, layout)


def read_bytes(data: bytes, name: str) -> PlanGraph:
    """One document (any format) as a plan, its evidence located in the file."""
    return located(read_document(data, name), data, name)


def file_bytes(path: Path) -> bytes:
    try:
        check_size(path.stat().st_size, path.name)
        return path.read_bytes()
    except OSError as e:
        raise DocumentError(f"{path.name}: cannot read ({e.strerror})") from e


def load_path(path: str | Path) -> PlanGraph:
    path = Path(path)
    return read_bytes(file_bytes(path), path.name)


def read_with_attachments(notice: tuple[str, bytes], attachments: list[tuple[str, bytes]]) -> PlanGraph:
    """A notice and its attachments as one plan, named after the notice."""
    if not attachments:
        return read_bytes(notice[1], notice[0])
    return read_bytes(bundle(notice, attachments), notice[0])
