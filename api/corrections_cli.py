"""`policykg corrections list | export | import`: people's corrections as a file a team reviews in git.

The file is JSON Lines, one correction per line, sorted by plan, unit path and id (the
format and why: graph/correction_file.py). Import stores each correction as it is (id, who
and when kept; a line already stored is replaced, so importing twice changes nothing),
re-applies them to their plans and names every one that is stale: its unit or quote is
no longer in the document as loaded, or its plan is not loaded yet (it applies when it is).
Errors reach api.cli.main, which prints one line: exit 1 for a bad file, 2 for usage.
"""

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from api.department_names import resolve_name
from api.store_options import Neo4jOpt, StoreOpt, open_chosen
from graph import correction_file
from graph.model import Correction
from graph.store import GraphStore
from queries import corrections

corrections_app = typer.Typer(help="People's corrections: list them, export them to a file, import a file.",
                              no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)

PAGE = 1000
PlanOpt = Annotated[str, typer.Option("--plan", metavar="ID", help="only this plan's corrections (a plan id)")]


def every_correction(store: GraphStore, plan: str = "", stale: bool | None = None) -> list[Correction]:
    """All of them, page by page (the service pages like the API)."""
    found, total = corrections.list_corrections(store, plan, stale, PAGE, 0)
    while len(found) < total:
        more, _ = corrections.list_corrections(store, plan, stale, PAGE, len(found))
        if not more:
            break
        found += more
    return found


def describe(c: Correction) -> str:
    """One line: id, plan, kind, unit path, who and when, and why it is stale."""
    line = f"{c.id}\t{c.plan_id}\t{c.kind}\t{c.unit_path or '(plan)'}\t{c.by}\t{c.at}"
    return line + (f"\tSTALE: {c.stale_reason}" if c.stale else "")


@corrections_app.command("list")
def list_command(
    plan: PlanOpt = "",
    stale: Annotated[bool, typer.Option("--stale", help="only those that no longer fit their document")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="one JSON object per line, stale state included")] = False,
    store: StoreOpt = None,
    neo4j: Neo4jOpt = None,
) -> None:
    """List corrections, newest first: id, plan, kind, unit path, who, when, and why a stale one is stale."""
    target = open_chosen(store, neo4j)
    try:
        found = every_correction(target, plan, True if stale else None)
    finally:
        target.close()
    for c in found:
        typer.echo(json.dumps(c.model_dump(), ensure_ascii=False) if as_json else describe(c))
    if not as_json:
        typer.echo(f"{len(found)} corrections" + (", all stale" if stale else ""), err=True)


@corrections_app.command("export")
def export_command(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="where to write them ('-' = stdout)")],
    plan: PlanOpt = "",
    store: StoreOpt = None,
    neo4j: Neo4jOpt = None,
) -> None:
    """Write every correction (or one plan's) to FILE: JSON Lines, sorted by plan, unit path and id."""
    target = open_chosen(store, neo4j)
    try:
        found = every_correction(target, plan)
    finally:
        target.close()
    if str(file) == "-":
        sys.stdout.write(correction_file.dumps(found))
        return
    correction_file.write(file, found)
    typer.echo(f"wrote {len(found)} corrections to {file}", err=True)


@corrections_app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="a file `corrections export` wrote (JSON Lines)")],
    store: StoreOpt = None,
    neo4j: Neo4jOpt = None,
) -> None:
    """Store the corrections of FILE and re-apply them to their plans; name each stale one."""
    found = correction_file.read(file)  # the whole file is checked before anything is written
    target = open_chosen(store, neo4j)
    try:
        states = corrections.import_corrections(target, found, resolve=resolve_name)
    finally:
        target.close()
    stale = [c for c in states if c.stale]
    for c in stale:
        typer.echo(f"stale: {c.id} {c.kind} in plan {c.plan_id} unit {c.unit_path or '(plan)'}: {c.stale_reason}",
                   err=True)
    typer.echo(f"imported {len(states)} corrections from {file}: {len(states) - len(stale)} applied, "
               f"{len(stale)} stale")
