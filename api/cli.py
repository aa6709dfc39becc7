"""The command line: `policykg load | read | serve | stats | query | export | corrections`.

Each command opens the store and calls one library function. One wrapper turns
any policykg error into a one-line message and its exit code: 0 all well,
1 something failed (a bad file, an unavailable store), 2 a usage error.
"""

import json
import re
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from tqdm import tqdm

from api.corrections_cli import corrections_app
from api.store_options import Neo4jOpt, StoreOpt, open_chosen
from graph import catalog
from graph.errors import BadRequest, PolicyKGError
from queries import service

app = typer.Typer(help="policykg: Chinese policy documents as a knowledge graph.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)
app.add_typer(corrections_app, name="corrections")  # its commands live in api/corrections_cli.py



@app.command()
def load(
    paths: Annotated[list[Path], typer.Argument(
        help="files (.txt, .html, .htm, .pdf, .docx, .doc, .wps, .xlsx, .xls) and folders of them")],
    store: StoreOpt = None,
    neo4j: Neo4jOpt = None,
    attach: Annotated[bool, typer.Option(
        "--attach", help="read attachments as their notice's annex, one plan: the files given are the notice "
                         "then its attachments; in a folder, files named 附件… belong to its one other file")] = False,
) -> None:
    """Load documents; each is written whole or not at all, and reloading replaces it."""
    from api.loading import iter_documents, load_paths, with_attachments

    documents = with_attachments(paths) if attach else iter_documents(paths)
    if not documents:
        raise BadRequest("no documents found in the paths given")
    target = open_chosen(store, neo4j)
    started = time.perf_counter()
    try:
        with tqdm(total=len(documents), unit="doc", desc="loading", disable=None, file=sys.stderr) as bar:
            report = load_paths(target, documents, on_document=lambda _: bar.update(1),
                                on_failure=lambda reason: tqdm.write(f"failed: {reason}", file=sys.stderr),
                                on_stale=lambda c: tqdm.write(f"stale: {c.id} {c.kind} in plan {c.plan_id} unit "
                                                              f"{c.unit_path or '(plan)'}: {c.stale_reason}",
                                                              file=sys.stderr))
    finally:
        target.close()
    elapsed = time.perf_counter() - started
    typer.echo(f"loaded {report.loaded} of {len(documents)} documents in {elapsed:.1f}s "
               f"({report.loaded / elapsed:.1f} docs/s)")
    if report.stale:
        typer.echo(f"{len(report.stale)} stored corrections no longer fit their documents: "
                   "see `policykg corrections list --stale`")
    if report.failed:
        raise typer.Exit(1)


@app.command()
def read(
    paths: Annotated[list[Path], typer.Argument(help="files (.txt, .html, .htm) and folders of them")],
    as_json: Annotated[bool, typer.Option("--json", help="one JSON array of reports, for machines")] = False,
) -> None:
    """A dry run: print what would be read from each document (metadata, outline, leads and supports
    with basis and quote, targets, warnings); nothing is written."""
    from api.loading import iter_documents
    from api.reading_report import reading_report, render_text
    from loaders.pipeline import load_file

    documents = iter_documents(paths)
    if not documents:
        raise BadRequest("no documents found in the paths given")
    reports, failed = [], 0
    for path in documents:
        try:
            report = reading_report(load_file(path))
        except PolicyKGError as e:
            failed += 1
            typer.echo(f"failed: {e.message}", err=True)
            continue
        if as_json:
            reports.append(report)
        else:
            typer.echo(render_text(report) + "\n")
    if as_json:
        typer.echo(json.dumps(reports, ensure_ascii=False, indent=1))
    if failed:
        raise typer.Exit(1)


WORKERS_HELP = (
    "processes serving at once (default 1). With more than 1 on the embedded store, each opens it "
    "read-only and writes (POST /documents, corrections) are refused with 409 read_only; the server "
    "holds the store's write lock meanwhile, so `policykg load` fails at once instead of changing the "
    "data under the readers: stop the server, load, start it again. Each process keeps its own caches. "
    "With --neo4j each process has its own driver and writes are accepted, as Neo4j handles "
    "concurrent writers. The log says `N workers serving` once all of them answer.")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    store: StoreOpt = None,
    neo4j: Neo4jOpt = None,
    workers: Annotated[int, typer.Option("--workers", min=1, metavar="N", help=WORKERS_HELP)] = 1,
    access_log: Annotated[bool, typer.Option("--access-log", help="log every request")] = False,
) -> None:
    """Serve the HTTP API (OpenAPI at /docs) over what the store holds now (`policykg load` fills it).

    One process by default, which also accepts writes; `--workers N` serves read-heavy traffic from N processes."""
    from api.server import serve as run_server
    from api.server import serve_workers
    from api.stores import hand_down

    # With workers it checks the store and keeps others from writing it; alone it writes, and each of its
    # writes (uploads, corrections) must outlive a crash: LadybugDB keeps COPY rows only from a checkpoint on.
    target = open_chosen(store, neo4j, checkpoint_every=1 if workers == 1 else None)
    try:
        if workers == 1:
            from api.app import create_app

            run_server(create_app(target), host, port, access_log)
            return
        hand_down(target, store, neo4j)
        if target.name == "embedded":
            typer.echo(f"{workers} read-only workers: writes are refused until the server is started "
                       "without --workers", err=True)
        serve_workers(workers, host, port, access_log)
    finally:
        target.close()


@app.command()
def stats(store: StoreOpt = None, neo4j: Neo4jOpt = None) -> None:
    """Print how many plans, units, departments, indicators and edges the store holds."""
    target = open_chosen(store, neo4j)
    try:
        for kind, n in service.counts(target).items():
            typer.echo(f"{kind:12} {n}")
    finally:
        target.close()


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", help="turtle, nt, jsonld or xml")] = "turtle",
    output: Annotated[Path | None,
                      typer.Option("--output", metavar="FILE", help="write here (default: stdout)")] = None,
    plan: Annotated[str | None, typer.Option("--plan", metavar="ID", help="only this plan (default: all)")] = None,
    store: StoreOpt = None,
    neo4j: Neo4jOpt = None,
) -> None:
    """Export the graph as RDF in the policykg vocabulary (https://w3id.org/policykg/ns#)."""
    from graph.rdf import FORMATS, export_graph, serialize

    if format not in FORMATS:
        raise BadRequest(f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
    target = open_chosen(store, neo4j)
    try:
        data = serialize(export_graph(target, plan), format)
    finally:
        target.close()
    if output:
        output.write_bytes(data)
        typer.echo(f"wrote {len(data)} bytes to {output}", err=True)
    else:
        sys.stdout.buffer.write(data)


def parse_params(pairs: list[str]) -> dict:
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise BadRequest(f"--param takes key=value, not {pair!r}")
        try:
            params[key] = json.loads(value)
        except json.JSONDecodeError:
            params[key] = value
    return params


@app.command()
def query(
    name: Annotated[str, typer.Argument(help="a query name from queries/ (try `policykg query list`)")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="key=value (JSON values allowed)")] = None,
    store: StoreOpt = None,
    neo4j: Neo4jOpt = None,
) -> None:
    """Run a named query and print its rows as JSON lines."""
    if name == "list":
        for q in catalog.names():
            typer.echo(f"{q:26} {catalog.load(q).purpose}")
        return
    q = catalog.load(name)
    params = {"offset": 0, "limit": 100, "q": "", "jurisdiction": ""} | parse_params(param or [])
    wanted = set(re.findall(r"\$(\w+)", q.text))
    missing = wanted - params.keys()
    if missing:
        raise BadRequest(f"query {name} needs --param for: {', '.join(sorted(missing))} ({q.params})")
    target = open_chosen(store, neo4j)
    try:
        for row in target.run(name, {k: v for k, v in params.items() if k in wanted}):
            typer.echo(json.dumps(row, ensure_ascii=False))
    finally:
        target.close()


def main() -> None:
    """Entry point: run the app, turning policykg errors into one line and an exit code."""
    try:
        result = app(standalone_mode=False)
    except PolicyKGError as e:
        typer.echo(f"error: {e.message}", err=True)
        sys.exit(e.exit_code)
    except typer.Abort:
        typer.echo("aborted", err=True)
        sys.exit(1)
    except Exception as e:
        if hasattr(e, "show") and hasattr(e, "exit_code"):  # click's usage errors, as typer raises them
            e.show()
            sys.exit(2)
        raise
    sys.exit(result if isinstance(result, int) else 0)
