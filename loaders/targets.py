"""Targets placed in the plan: which unit states each one, and which are status reports.

`loaders.indicators` finds targets in running text and `loaders.indicator_tables`
in indicator tables; this module reconciles
the two readings (one goal stated twice is one target; a table row borrows the
unit the text gives its figure), decides whom each target belongs to, and drops
figures of years already past at issue.
"""

from collections.abc import Container

from graph import ids
from graph.model import Indicator, PlanGraph
from loaders.indicator_tables import table_targets
from loaders.indicators import Target, plan_horizon, running_text_targets
from loaders.metadata import Metadata
from loaders.outline import Heading, Outline


def target_owner(outline: Outline, pos: int, text: str = "", units: Container[int] | None = None) -> Heading | None:
    """The unit whose text states a target (None: the plan's). A unit whose heading is the target
    (1.地区生产总值增长5%以上) owns it; other goals of a 发展目标 section, and those of a heading that
    holds no tasks, belong to the plan. `units`: the starts of the headings that are units."""
    h = outline.innermost(pos)
    if h is None or h.kind == "section" or (units is not None and h.start not in units):
        return None
    title_at = text.find(h.title, h.start) if text else -1  # the heading line's title, after its numbering
    if title_at >= 0 and h.start <= pos < title_at + len(h.title):
        return h
    if any("目标" in n.title for n in [*h.ancestors(), h]):
        return None
    return h


def plan_year(meta: Metadata) -> int | None:
    """The year 今年 means: the year of issue, else the year the title names, else the year whose
    work the preamble says the plan carries out (现就2013年《政府工作报告》确定的…)."""
    return int(meta.issued[:4]) if meta.issued else plan_horizon(meta.title or "") or meta.work_year


def is_status_report(t: Target, issued_year: int | None) -> bool:
    """A figure for a year already past when the plan was issued reports, it does not promise."""
    return bool(issued_year and t.year and t.year < issued_year)


def add_indicators(graph: PlanGraph, outline: Outline, unit_ids: dict[int, str], doc, meta: Metadata,
                   body_start: int, reported: list[tuple[int, int]] = ()) -> None:
    """Every target of the body, placed in the unit that states it (a task table's row, else the outline's
    unit), past years left out. When the body states none, the annex is the plan's task list (任务分解表)
    and its targets are read there. `reported`: spans of a task table's progress cells (进展情况), whose
    figures say what was done (同比下降12.7%), not what the plan sets."""
    text = doc.source.text
    issued_year = int(meta.issued[:4]) if meta.issued else None
    horizon = plan_horizon(meta.title or "", issued_year) or (None if issued_year else meta.work_year)
    found = _targets_in(text, body_start, outline.body_end, horizon, plan_year(meta))
    if not any(t.value is not None for t in found):
        found += _targets_in(text, outline.body_end, len(text), horizon, plan_year(meta))
    annex_units = [u for u in graph.units if u.annex and u.evidence is not None]  # task table rows
    for t in sorted(dedupe(found), key=lambda t: t.start):
        if is_status_report(t, issued_year) or any(s <= t.start < e for s, e in reported):
            continue
        evidence = doc.evidence(t.start, t.end)
        row = next((u.id for u in annex_units if u.evidence.start <= evidence.start < u.evidence.end), None)
        owner = target_owner(outline, t.start, text, unit_ids) if t.start < outline.body_end else None
        owner_id = row or (unit_ids[owner.start] if owner else graph.plan.id)
        graph.indicators.append(
            Indicator(
                id=ids.indicator_id(graph.plan.id, owner_id, t.name, t.year, t.start),
                name=t.name, target_value=t.value, comparator=t.comparator, unit=t.unit,  # type: ignore[arg-type]
                target_year=t.year, baseline_value=t.baseline_value, baseline_year=t.baseline_year,
                owner_id=owner_id, evidence=evidence,
            )
        )


def _targets_in(text: str, start: int, end: int, horizon: int | None, year: int | None) -> list[Target]:
    found = running_text_targets(text, start, end, horizon, year) + table_targets(text, start, end)
    units_from_text(found)
    return found


# -- the text and the tables read together ------------------------------------------------------

def units_from_text(targets: list[Target]) -> None:
    """A table row with no unit (电子信息制造业总产值 / 2807 / 5000) takes the unit the text gives the same
    figure of the same thing (规模以上电子信息制造业年产值达2807亿元): the reader's cross-reference."""
    stated = [t for t in targets if not t.from_table and t.unit and t.value is not None]
    for row in (t for t in targets if t.from_table and not t.unit and t.value is not None):
        for t in stated:
            if t.value in (row.value, row.baseline_value) and _shared_run(t.name, row.name) >= 4:
                row.unit = t.unit
                break


MAGNITUDES = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "千万": 1e7, "百万": 1e6, "亿": 1e8, "万": 1e4}


def _same_amount(a: Target, b: Target) -> bool:
    """5000 and 5000; 1.3万亿元 and 13000亿元 (a unit's magnitude counted in)."""
    if a.value == b.value:
        return True  # 100兆比特／秒 and 100 (Mbps): one figure, its unit written two ways
    if a.value is None or b.value is None or not (a.unit and b.unit):
        return False
    return _scaled(a.value, a.unit) == _scaled(b.value, b.unit)


def _scaled(value: float, unit: str) -> tuple[float, str]:
    prefix = next((p for p in MAGNITUDES if unit.startswith(p) and len(unit) > len(p)), "")
    return round(value * MAGNITUDES.get(prefix, 1), 6), unit[len(prefix):]


def _shared_run(a: str, b: str) -> int:
    """Length of the longest piece of text two names share."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] not in b:
                break
            best = j - i
    return best


def dedupe(targets: list[Target]) -> list[Target]:
    """A goal stated in the text and again in the table is one indicator (the table's): same year and
    figure, names sharing a piece of four characters (数字证书持有量 / 数字证书发证数) or one inside the other."""
    table = [t for t in targets if t.from_table]
    kept = []
    for t in targets:
        if not t.from_table and any(
            t.year == x.year and _same_amount(t, x) and _shared_run(t.name, x.name) >= min(4, len(t.name), len(x.name))
            for x in table
        ):
            continue
        if any(t.name == k.name and t.year == k.year and t.value == k.value for k in kept):
            continue
        kept.append(t)
    return kept
