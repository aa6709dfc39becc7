"""The embedded store: LadybugDB in-process, persistent under a directory.

Dialect differences from Neo4j live here and only here: typed DDL before any
write, bulk writes with `COPY … FROM` CSV files inside one explicit
transaction (about 100× faster than row-wise MERGE), a connection per
thread for reads, each plan's text and reading in files beside the engine
(graph.source_files: the engine's checkpoints rewrite a text column whole, in
memory), and engine errors wrapped as `StoreError`.
"""

import csv
import hashlib
import logging
import tempfile
import threading
from pathlib import Path
from typing import Any

import ladybug

from graph import catalog
from graph.embedded_dialect import LINE_BREAK, MAX_OFFSET, paged, rows_of
from graph.errors import ReadOnly, StoreError
from graph.faults import fault_point
from graph.model import PlanGraph, merge_aliases
from graph.prepared_reads import PreparedReads
from graph.rows import PlanRows, merge_rows, to_rows
from graph.schema import NODES, PLAN_OWNED, RELS, columns
from graph.source_files import FIELDS, SourceFiles

ENGINE_DIR = "graph.lbug"
# Bulk writes go through CSV files, and LadybugDB 0.22.0's CSV reader can split a quoted line break
# at a block boundary (1 batch in ~400 of the generated corpus); its Arrow scan, which has no such
# problem, keeps ~14x the data in memory for good. So line breaks are stored as U+2028 (LINE_BREAK) in
# the embedded store and turned back into line breaks in every row read from it (graph.embedded_dialect).
SCHEMA_FILE = "policykg-schema"
# LadybugDB 0.22.0 crashes the process (SIGSEGV) on ORDER BY … SKIP n for n past a few thousand
# (measured: 7,274 fine, 7,284 crashes on a one-plan store; the threshold moves with the data), while
# ORDER BY … LIMIT n is fine. So a page is read as LIMIT offset+limit and sliced, and pages deeper
# than MAX_OFFSET are refused to keep that read bounded (graph.embedded_dialect.paged).
__all__ = ["CHECKPOINT_EVERY", "MAX_OFFSET", "EmbeddedStore", "schema_fingerprint"]
# Documents written between checkpoints. LadybugDB 0.22.0 keeps rows written by COPY since the last
# checkpoint only until the process ends (measured: a plan written, the process killed before closing
# the store: its Plan and Source rows, written row-wise, are back; its units and edges are not). A bulk
# load checkpoints every CHECKPOINT_EVERY documents and on close (1,000 generated plans, texts still in
# the engine: 159 s with 64, 124 s with 256; with texts in files, peak memory 609 MB with 64, 596 MB with
# 256); a server, whose writes are rare, after each one (checkpoint_every=1). A plan caught between is
# removed whole when the store is next opened (_recover).
CHECKPOINT_EVERY = 256
log = logging.getLogger("policykg")


def ddl() -> list[str]:
    statements = []
    for table, props in NODES.items():
        cols = ", ".join(f"{name} {kind}" for name, kind in props)
        statements.append(f"CREATE NODE TABLE IF NOT EXISTS {table}({cols}, PRIMARY KEY(id))")
    for table, (pairs, props) in RELS.items():
        ends = ", ".join(f"FROM {a} TO {b}" for a, b in pairs)
        cols = "".join(f", {name} {kind}" for name, kind in props)
        statements.append(f"CREATE REL TABLE IF NOT EXISTS {table}({ends}{cols})")
    return statements


def _csv_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\n", LINE_BREAK)
    return "" if value is None else value


# The engine caches pages up to this much memory (its default is most of the machine's RAM,
# which made a 1,000-document load peak at 3 GB); settings may give another figure. A bulk load uses
# little of it (1,000 generated plans: under 70 MB between batches; with a 128 MB pool the same load
# peaks at the same ~600 MB): what a load's memory is spent on is not the cache (see graph.source_files).
DEFAULT_BUFFER_POOL_MB = 1024


def schema_fingerprint() -> str:
    return hashlib.sha1("\n".join(ddl()).encode()).hexdigest()[:12]


class EmbeddedStore:
    name = "embedded"

    def __init__(self, directory: str | Path, read_only: bool = False,
                 buffer_pool_mb: int = DEFAULT_BUFFER_POOL_MB, checkpoint_every: int = CHECKPOINT_EVERY) -> None:
        self.directory = Path(directory)
        self.read_only = read_only
        self.checkpoint_every = checkpoint_every
        self.recovered: list[str] = []  # documents found half-written at open and removed (see _recover)
        self._check_schema_version()
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._db = ladybug.Database(str(self.directory / ENGINE_DIR), read_only=read_only,
                                        buffer_pool_size=buffer_pool_mb * 1024 * 1024, auto_checkpoint=False)
        except Exception as e:  # the engine raises RuntimeError for locks, versions and I/O alike
            raise StoreError(f"cannot open the embedded store at {self.directory}: {_reason(e)}") from e
        self._sources = SourceFiles(self.directory)  # each plan's text and reading (see graph.source_files)
        self._reads_source: dict[str, bool] = {}
        self._local = threading.local()
        self._connections: list[ladybug.Connection] = []
        self._prepared: list[PreparedReads] = []
        self._write_lock = threading.Lock()
        self._since_checkpoint = 0
        self._writes = 0
        self._copying = False
        self._broken = False
        if not read_only:
            for statement in ddl():
                self._execute(self._connection(), statement)
            # auto_checkpoint=False above: a checkpoint after every commit costs about a second once
            # the store holds a few thousand units, so checkpoints run every `checkpoint_every`
            # documents and on close (see CHECKPOINT_EVERY for what a crash between them costs).
            (self.directory / SCHEMA_FILE).write_text(schema_fingerprint() + "\n", encoding="utf-8")
            self.recovered = self._recover()
            self._collect_sources()

    def _check_schema_version(self) -> None:
        """A store written with another schema would fail on its first query: say so up front."""
        marker = self.directory / SCHEMA_FILE
        if not (self.directory / ENGINE_DIR).exists():
            return
        found = marker.read_text(encoding="utf-8").strip() if marker.exists() else "unknown"
        if found != schema_fingerprint():
            raise StoreError(f"the store at {self.directory} was written by another version of policykg "
                             f"(schema {found}, this version {schema_fingerprint()}): remove the directory "
                             f"and load the documents again")

    # -- connections -------------------------------------------------------------------------
    def _connection(self, reader: bool = False) -> ladybug.Connection:
        """This thread's connection for writes, or for reads (`reader`): a read runs on one engine thread,
        as a named query touches tens of rows and the server's own threads already use every core (one
        thread measured 1.04 ms against 1.38 ms with the engine's default for a department's page)."""
        attribute = "reader" if reader else "conn"
        conn = getattr(self._local, attribute, None)
        if conn is None:
            try:
                conn = ladybug.Connection(self._db)
                if reader:
                    conn.set_max_threads_for_exec(1)
            except Exception as e:
                raise StoreError(f"embedded store: {_reason(e)}") from e
            setattr(self._local, attribute, conn)
            self._connections.append(conn)
        return conn

    @staticmethod
    def _execute(conn: ladybug.Connection | PreparedReads, statement: str, params: dict | None = None,
                 skip: int = 0) -> list[dict[str, Any]]:
        try:
            result = conn.execute(statement, params or {})
            names, types, data = result.get_column_names(), result.get_column_data_types(), result.get_all()
        except Exception as e:
            raise StoreError(f"embedded store: {_reason(e)}") from e
        return rows_of(names, types, data[skip:] if skip else data)

    def _reader(self) -> PreparedReads:
        """This thread's read connection, with the statements it has prepared."""
        reads = getattr(self._local, "reads", None)
        if reads is None:
            reads = self._local.reads = PreparedReads(self._connection(reader=True))
            self._prepared.append(reads)
        return reads

    def run(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        text = catalog.load(query).text
        statement, params, skip = paged(text, params)
        rows = self._execute(self._reader(), statement, params, skip)
        reads_source = self._reads_source.get(query)
        if reads_source is None:
            reads_source = self._reads_source[query] = ":Source" in text
        return self._sources.resolve(rows) if reads_source else rows

    def write(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """One named query that writes (a correction): under the write lock, counted as a write."""
        with self._write_lock:
            self._refuse_if_broken()
            self._writes += 1
            try:
                found = self._execute(self._connection(), catalog.load(query).text, params)
            finally:
                self._writes += 1
            self._count_written(self._connection(), 1)
            return found

    def check(self) -> None:
        self.run("plans_total")

    @property
    def generation(self) -> int:
        """Writes begun or ended by this process, the only one that can write this store."""
        return self._writes

    # -- writes ------------------------------------------------------------------------------
    def replace_plan(self, graph: PlanGraph) -> None:
        self.replace_plans([graph])

    def replace_plans(self, graphs: list[PlanGraph]) -> None:
        """Write several plans in one transaction: all of them or none (each whole, as one would be).

        One bulk COPY per table for the whole batch is what makes loading many documents fast."""
        latest = {g.plan.id: g for g in graphs}  # the same plan twice in a batch: the last one wins
        rows = merge_rows([to_rows(g) for g in latest.values()])
        ids = list(latest)
        with self._write_lock:
            self._refuse_if_broken()
            conn = self._connection()
            self._writes += 1
            self._execute(conn, "BEGIN TRANSACTION")
            try:
                departments, nationals = self._linked(conn, ids)
                self._delete_owned(conn, ids)
                self._write(conn, rows)
                fault_point("embedded-mid-write")
                self._drop_orphans(conn, departments, nationals)
                self._execute(conn, "COMMIT")
            except BaseException as e:
                self._rollback(conn)
                if self._copying:  # see _write: the engine's heap is not to be trusted after this
                    self._broken = True
                    raise StoreError("the embedded store failed during a bulk write; nothing of this batch "
                                     "was written, but this process must stop: run the load again "
                                     f"({getattr(e, 'message', e)})", fatal=True) from e
                raise
            finally:
                self._copying = False
                self._writes += 1
            self._count_written(conn, len(ids))

    def _count_written(self, conn: ladybug.Connection, documents: int) -> None:
        self._since_checkpoint += documents
        if self._since_checkpoint >= self.checkpoint_every:
            self._checkpoint(conn)

    def _recover(self) -> list[str]:
        """Remove, whole, every plan whose bulk-written rows a process that died before its next
        checkpoint took with it (its Plan row, written row-wise, is there; its OWNS edges to its units,
        written by COPY, are not; every plan has a unit): a document is in the store all or nothing,
        and the log says which to load again."""
        conn = self._connection()
        plans = self._execute(conn, "MATCH (p:Plan) WHERE p.national = false RETURN p.id AS id, p.source AS source")
        written = {r["id"] for r in self._execute(conn, "MATCH (p:Plan)-[:OWNS]->() RETURN DISTINCT p.id AS id")}
        lost = [r for r in plans if r["id"] not in written]
        if not lost:
            return []
        ids = [r["id"] for r in lost]
        self._execute(conn, "BEGIN TRANSACTION")
        try:
            self._delete_owned(conn, ids)
            self._execute(conn, "MATCH (p:Plan) WHERE p.id IN $ids DETACH DELETE p", {"ids": ids})
            self._execute(conn, "MATCH (d:Department) WHERE NOT EXISTS { MATCH (d)-[:LEADS|SUPPORTS]->() } DELETE d")
            self._execute(conn, "MATCH (p:Plan) WHERE p.national = true AND NOT EXISTS { MATCH (p)<-[:IMPLEMENTS]-() } "
                                "DELETE p")
            self._execute(conn, "COMMIT")
        except BaseException:
            self._rollback(conn)
            raise
        self._checkpoint(conn)
        names = [r["source"] or r["id"] for r in lost]
        log.warning("policykg: %d document(s) written to %s since its last checkpoint were lost when a process "
                    "stopped without closing it, and were removed whole; load them again: %s",
                    len(names), self.directory, ", ".join(names))
        return names

    def _collect_sources(self) -> None:
        """Remove the text files no Source names any more (see graph.source_files)."""
        rows = self._execute(self._connection(), "MATCH (s:Source) RETURN s.text AS text, s.reading AS reading")
        removed = self._sources.collect({r[f] for r in rows for f in FIELDS if r[f]})
        if removed:
            log.info("policykg: removed %d text file(s) no plan names from %s", removed, self.directory)

    def _checkpoint(self, conn: ladybug.Connection) -> None:
        self._execute(conn, "CHECKPOINT")
        self._since_checkpoint = 0

    def delete_plan(self, plan_id: str) -> bool:
        with self._write_lock:
            self._refuse_if_broken()
            conn = self._connection()
            found = self._execute(conn, "MATCH (p:Plan) WHERE p.id = $id AND p.national = false RETURN p.id",
                                  {"id": plan_id})
            if not found:
                return False
            self._writes += 1
            self._execute(conn, "BEGIN TRANSACTION")
            try:
                departments, nationals = self._linked(conn, [plan_id])
                self._delete_owned(conn, [plan_id])
                self._execute(conn, "MATCH (p:Plan) WHERE p.id = $id DETACH DELETE p", {"id": plan_id})
                self._drop_orphans(conn, departments, nationals)
                self._execute(conn, "COMMIT")
            except BaseException:
                self._rollback(conn)
                raise
            finally:
                self._writes += 1
            self._count_written(conn, 1)
            return True

    def _refuse_if_broken(self) -> None:
        if self.read_only:
            raise ReadOnly(f"the embedded store at {self.directory} is open read-only in this process: "
                           "load documents and make corrections with the server stopped, or through a "
                           "server started without --workers")
        if self._broken:
            raise StoreError("the embedded store failed during a bulk write in this process; restart it", fatal=True)

    def _rollback(self, conn: ladybug.Connection) -> None:
        try:  # a failed statement has already rolled the transaction back by itself
            conn.execute("ROLLBACK")
        except Exception:
            pass

    def _linked(self, conn: ladybug.Connection, ids: list[str]) -> tuple[list[str], list[str]]:
        """Departments and cited documents the plans link to now: the only candidates for orphans."""
        departments = self._execute(conn, "MATCH (d:Department)-[r:LEADS|SUPPORTS]->() WHERE r.plan_id IN $ids "
                                          "RETURN DISTINCT d.id AS id", {"ids": ids})
        nationals = self._execute(conn, "MATCH (p:Plan)-[:IMPLEMENTS]->(n:Plan) WHERE p.id IN $ids "
                                        "RETURN DISTINCT n.id AS id", {"ids": ids})
        return [r["id"] for r in departments], [r["id"] for r in nationals]

    def _delete_owned(self, conn: ladybug.Connection, ids: list[str]) -> None:
        for label in PLAN_OWNED:
            self._execute(conn, f"MATCH (n:{label}) WHERE n.plan_id IN $ids DETACH DELETE n", {"ids": ids})
        self._execute(conn, "MATCH (p:Plan)-[r:IMPLEMENTS]->(:Plan) WHERE p.id IN $ids DELETE r", {"ids": ids})

    def _drop_orphans(self, conn: ladybug.Connection, departments: list[str], nationals: list[str]) -> None:
        if departments:
            self._execute(conn, "MATCH (d:Department) WHERE d.id IN $ids AND "
                                "NOT EXISTS { MATCH (d)-[:LEADS|SUPPORTS]->() } DELETE d", {"ids": departments})
        if nationals:
            self._execute(conn, "MATCH (p:Plan) WHERE p.id IN $ids AND p.national = true AND "
                                "NOT EXISTS { MATCH (p)<-[:IMPLEMENTS]-() } DELETE p", {"ids": nationals})

    def _write(self, conn: ladybug.Connection, rows: PlanRows) -> None:
        """Row-wise upserts first, then the bulk COPYs.

        LadybugDB 0.22.0 corrupts its heap when a transaction that ran COPY is rolled back (the
        process aborts later, at close: measured with a duplicate key and with an explicit
        ROLLBACK). Rows are therefore checked before the transaction (`to_rows`), and everything
        that can fail runs before the first COPY; a rollback before it is clean."""
        for plan in rows.plans:
            self._upsert_plan(conn, plan, national=False)
        for national in rows.national:
            self._upsert_plan(conn, national, national=True)
        self._upsert_departments(conn, rows.departments)
        self._create_sources(conn, rows.nodes.get("Source", []))
        fault_point("embedded-before-copy")
        self._copying = True
        with tempfile.TemporaryDirectory(prefix="policykg-") as tmp:
            for label, node_rows in rows.nodes.items():
                if label != "Source":
                    self._copy(conn, Path(tmp), label, node_rows, columns(label))
            for (rel, start, end), edge_rows in rows.edges.items():
                self._copy(conn, Path(tmp), rel, edge_rows, ["from", "to", *columns(rel)], start, end)

    def _create_sources(self, conn: ladybug.Connection, sources: list[dict]) -> None:
        """A plan's text and reading (tens of kilobytes each) in files, written and synced before the
        transaction commits; the Source node, holding their names, in one CREATE per batch (COPY
        through CSV took about 30 ms a document). (The plan's previous Source went with its other
        owned nodes; its files, if no Source names them now, at the next open or close.)"""
        if sources:
            sources = [{**r, **{f: self._sources.put(r[f]) for f in FIELDS}} for r in sources]
            self._sources.sync()
            props = ", ".join(f"{c}: r.{c}" for c in columns("Source"))
            self._execute(conn, f"UNWIND $rows AS r CREATE (s:Source {{{props}}})", {"rows": sources})

    def _upsert_plan(self, conn: ladybug.Connection, row: dict, national: bool) -> None:
        """A cited national document never overwrites a plan loaded under the same number."""
        props = [c for c in columns("Plan") if c != "id"]
        sets = ", ".join(f"p.{c} = $row.{c}" for c in props)
        if national:
            statement = f"MERGE (p:Plan {{id: $row.id}}) ON CREATE SET {sets}"
        else:
            statement = f"MERGE (p:Plan {{id: $row.id}}) SET {sets}"
        self._execute(conn, statement.replace("$row.", "$"), row)

    def _upsert_departments(self, conn: ladybug.Connection, departments: list[dict]) -> None:
        """Departments are shared by plans: keep every alias any plan has seen."""
        if not departments:
            return
        found = self._execute(conn, "MATCH (d:Department) WHERE d.id IN $ids RETURN d.id AS id, d.aliases AS aliases",
                              {"ids": [d["id"] for d in departments]})
        known = {r["id"]: r["aliases"] or [] for r in found}
        merged = [{**d, "aliases": merge_aliases(known.get(d["id"]), d["aliases"])} for d in departments]
        self._execute(
            conn,
            "UNWIND $rows AS r MERGE (d:Department {id: r.id}) "
            "SET d.type = r.type, d.name = r.name, d.jurisdiction = r.jurisdiction, d.aliases = r.aliases, "
            "d.kind = r.kind",
            {"rows": merged},
        )

    def _copy(self, conn, tmp: Path, table: str, rows: list[dict], cols: list[str],
              start: str | None = None, end: str | None = None) -> None:
        """Bulk-write rows through a CSV file with no line break inside any field (see LINE_BREAK)."""
        path = tmp / f"{table}-{start or ''}-{end or ''}.csv"
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(cols)
            writer.writerows([_csv_value(r[c]) for c in cols] for r in rows)
        options = "header=true, parallel=false"
        if start:
            options += f", from='{start}', to='{end}'"
        self._execute(conn, f"COPY {table} FROM '{path.as_posix()}' ({options})")

    def close(self) -> None:
        if self._broken:
            return  # closing would free the corrupted heap and abort; the log holds every commit
        if not self.read_only and self._since_checkpoint:
            try:
                with self._write_lock:
                    self._checkpoint(self._connection())
            except StoreError:
                pass  # the write-ahead log still holds every committed write
        if not self.read_only:
            try:
                with self._write_lock:
                    self._collect_sources()
            except (StoreError, OSError):
                pass  # left for the next open
        for reads in self._prepared:
            reads.clear()
        self._prepared.clear()
        for conn in self._connections:
            try:
                conn.close()
            except Exception:
                pass
        self._connections.clear()
        self._local = threading.local()
        try:
            self._db.close()
        except Exception:
            pass


def _reason(e: Exception) -> str:
    text = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    if "lock" in text.lower():
        return f"{text} (is another policykg process, such as `policykg serve`, using this store?)"
    return text
