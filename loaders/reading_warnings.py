"""What a user should see before trusting a reading (`policykg read` prints these).

Warnings never change what was read; they point at the places a reader should check: a numbered
line not read as a heading, a list the text starts mid-way (an excerpt), a document whose
jurisdiction or title the text does not give, a task left without departments while its siblings
have theirs. (Notes placed in no task are
warned about where they are placed, in loaders/pipeline.py.)
"""

from graph.model import PlanGraph, ReadingWarning
from loaders.metadata import Metadata
from loaders.outline import Outline


def reading_warnings(graph: PlanGraph, outline: Outline, meta: Metadata, doc) -> list[ReadingWarning]:
    out = [ReadingWarning(kind="heading-skipped", message=s.reason, evidence=doc.evidence(s.start, s.end))
           for s in outline.skipped]
    out += [ReadingWarning(kind="items-left-out", message=s.reason, evidence=doc.evidence(s.start, s.end))
            for s in outline.openings]
    if meta.jurisdiction is None:
        out.append(ReadingWarning(kind="jurisdiction-unknown",
                                  message="the text names no jurisdiction: departments keep the names as written"))
    if meta.title_derived:
        out.append(ReadingWarning(kind="title-derived", message=f"no title line; the title is derived: {meta.title}"))
    if not graph.assignments:
        out.append(ReadingWarning(kind="no-departments", message="no lead or supporting department was read"))
    else:
        out += _bare_units(graph)
    return out


def _bare_units(graph: PlanGraph) -> list[ReadingWarning]:
    """A task without departments among siblings that name theirs: perhaps a note was missed."""
    staffed = {a.unit_id for a in graph.assignments}
    groups: dict[tuple[str, str, bool], list] = {}
    for u in graph.units:
        groups.setdefault((u.path.rpartition(" > ")[0], u.type, u.annex), []).append(u)
    out = []
    for units in groups.values():
        if not any(u.id in staffed for u in units):
            continue
        for u in units:
            if u.id not in staffed:
                out.append(ReadingWarning(kind="unit-without-departments",
                                          message=f"{u.path}: no department read, while its siblings have theirs",
                                          evidence=u.evidence))
    return out
