"""What `policykg read` shows: how one document was read, before anyone trusts it.

Built from the `PlanGraph` alone (nothing is written): the plan's metadata, the
outline with each unit's leads and supports (basis and quote), the targets, and
the reader's warnings. One dict per document for `--json`, and a text rendering.
"""

from graph.model import PlanGraph


def reading_report(graph: PlanGraph) -> dict:
    names = {d.id: d.name for d in graph.departments}
    p = graph.plan
    units = []
    for u in graph.units:
        own = [a for a in graph.assignments if a.unit_id == u.id]
        units.append({
            "id": u.id, "type": u.type, "path": u.path, "title": u.title, "annex": u.annex, "deadline": u.deadline,
            **{role: [{"department": names[a.department_id], "as_written": a.surface, "basis": a.basis,
                       "quote": a.evidence.quote, "start": a.evidence.start, "end": a.evidence.end}
                      for a in own if a.role == role] for role in ("leads", "supports")},
        })
    return {
        "source": p.source,
        "plan": {"title": p.title, "title_derived": p.title_derived, "issuer": p.issuer,
                 "jurisdiction": p.jurisdiction, "issued": p.issued, "doc_number": p.doc_number,
                 "implements": [{"title": i.plan.title, "doc_number": i.plan.doc_number} for i in graph.implements]},
        "units": units,
        "targets": [{"name": i.name, "comparator": i.comparator, "value": i.target_value, "unit": i.unit,
                     "year": i.target_year, "baseline": i.baseline_value, "baseline_year": i.baseline_year,
                     "quote": i.evidence.quote} for i in graph.indicators],
        "warnings": [{"kind": w.kind, "message": w.message, "quote": w.evidence.quote if w.evidence else None}
                     for w in graph.warnings],
        "counts": {"units": len(graph.units), "leads": sum(a.role == "leads" for a in graph.assignments),
                   "supports": sum(a.role == "supports" for a in graph.assignments),
                   "departments": len(graph.departments), "targets": len(graph.indicators),
                   "warnings": len(graph.warnings)},
    }


def _departments(items: list[dict]) -> str:
    return "、".join(d["department"] + (f"（{d['as_written']}）" if d["as_written"] not in d["department"] else "")
                    for d in items)


def render_text(report: dict) -> str:
    p = report["plan"]
    lines = [f"== {report['source']}",
             f"title        {p['title']}{'  (derived: the text gives none)' if p['title_derived'] else ''}",
             f"issuer       {p['issuer'] or '–'}",
             f"jurisdiction {p['jurisdiction'] or '– (not told by the text; names kept as written)'}",
             f"issued       {p['issued'] or '–'}    number {p['doc_number'] or '–'}"]
    for i in p["implements"]:
        lines.append(f"implements   《{i['title']}》 {i['doc_number'] or ''}")
    c = report["counts"]
    lines.append(f"read         {c['units']} units, {c['leads']} leads, {c['supports']} supports, "
                 f"{c['departments']} departments, {c['targets']} targets, {c['warnings']} warnings")
    lines.append("")
    for u in report["units"]:
        depth = u["path"].count(" > ")
        lines.append(f"{'  ' * depth}{'[附件] ' if u['annex'] else ''}{u['title']}"
                     + (f"  〈{u['deadline']}〉" if u["deadline"] else ""))
        for role, label in (("leads", "牵头"), ("supports", "配合")):
            if u[role]:
                basis = sorted({d["basis"] for d in u[role]})
                lines.append(f"{'  ' * depth}  {label} {_departments(u[role])}  [{', '.join(basis)}]"
                             f"  « {u[role][0]['quote'][:60]} »")
    if report["targets"]:
        lines.append("\ntargets")
        for t in report["targets"]:
            value = "–" if t["value"] is None else f"{t['comparator']} {t['value']:g}{t['unit']}"
            base = f" (from {t['baseline']:g} in {t['baseline_year']})" if t["baseline"] is not None else ""
            lines.append(f"  {t['year'] or '–'}  {t['name']}  {value}{base}")
    if report["warnings"]:
        lines.append("\nwarnings")
        for w in report["warnings"]:
            lines.append(f"  {w['kind']}: {w['message']}" + (f"  « {w['quote'][:60]} »" if w["quote"] else ""))
    return "\n".join(lines)
