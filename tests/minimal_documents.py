"""Minimal documents written for a test: a notice heading, a body, and what was read from it."""

from graph.model import PlanGraph
from loaders.pipeline import read_document

HEAD = "某某市人民政府关于印发某某工作方案的通知\n"


def read(body: str, head: str = HEAD) -> PlanGraph:
    return read_document((head + body).encode("utf-8"), "test.txt")


def staffed(graph: PlanGraph) -> dict[str, list[str]]:
    """unit title → its departments in written order (L:/S: and the name as written)."""
    titles = {u.id: u.title for u in graph.units}
    out: dict[str, list[str]] = {}
    for a in sorted(graph.assignments, key=lambda a: (a.unit_id, a.role, a.rank)):
        out.setdefault(titles[a.unit_id], []).append(("L:" if a.role == "leads" else "S:") + a.surface)
    return out
