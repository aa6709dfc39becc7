"""The Neo4j store, on the official driver (Bolt).

Same rows and named queries as the embedded store; writes are batched
`UNWIND $rows … MERGE` statements in one managed transaction per document
(the driver retries transient errors), after uniqueness constraints on `id`.
Driver errors leave this module only as `StoreError`.
"""

from typing import Any

from neo4j import GraphDatabase, RoutingControl
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable

from graph import catalog
from graph.errors import StoreError
from graph.model import PlanGraph
from graph.rows import PlanRows, to_rows
from graph.schema import NODES, PLAN_OWNED, columns

# Every statement this store sends besides the named queries; linted like them.
SCHEMA = [f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
          for label in NODES] + [
    # A plan's units, targets, text and corrections by its id: the /plans/{id} queries and replacing a plan.
    *(f"CREATE INDEX {label.lower()}_plan_id IF NOT EXISTS FOR (n:{label}) ON (n.plan_id)"
      for label in (*PLAN_OWNED, "Correction")),
    # Chinese full text for the Browser: Lucene's CJK analyzer on the text as written, and a
    # whitespace analyzer on the jieba tokens stored at load (词 rather than character bigrams).
    "CREATE FULLTEXT INDEX unit_text IF NOT EXISTS FOR (n:Action|Project) ON EACH [n.title, n.text] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}",
    "CREATE FULLTEXT INDEX unit_tokens IF NOT EXISTS FOR (n:Action|Project|Indicator|Plan) ON EACH [n.tokens] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}",
    "CREATE FULLTEXT INDEX department_names IF NOT EXISTS FOR (n:Department) ON EACH [n.name] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}",
]
DELETE_OWNED = [f"MATCH (n:{label}) WHERE n.plan_id = $id DETACH DELETE n" for label in PLAN_OWNED]
DELETE_IMPLEMENTS = "MATCH (p:Plan {id: $id})-[r:IMPLEMENTS]->(:Plan) DELETE r"
DELETE_PLAN = "MATCH (p:Plan {id: $id}) DETACH DELETE p"
# Orphans are looked for only among the plan's own departments and cited documents, found before
# its old version is deleted: a load never scans every department of a large graph.
LINKED_DEPARTMENTS = ("MATCH (d:Department)-[:LEADS|SUPPORTS]->(u:Action|Project) WHERE u.plan_id = $id "
                      "RETURN DISTINCT d.id AS id")
LINKED_NATIONALS = "MATCH (:Plan {id: $id})-[:IMPLEMENTS]->(n:Plan) RETURN DISTINCT n.id AS id"
DROP_ORPHANS = [
    "UNWIND $departments AS i MATCH (d:Department {id: i}) "
    "WHERE NOT EXISTS { MATCH (d)-[:LEADS|SUPPORTS]->() } DELETE d",
    "UNWIND $nationals AS i MATCH (p:Plan {id: i}) "
    "WHERE p.national = true AND NOT EXISTS { MATCH (p)<-[:IMPLEMENTS]-() } DELETE p",
]
FIND_PLAN = "MATCH (p:Plan {id: $id}) WHERE p.national = false RETURN p.id"
PLAN_PROPS = ", ".join(f"p.{c} = row.{c}" for c in columns("Plan") if c != "id")
UPSERT_PLAN = f"UNWIND $rows AS row MERGE (p:Plan {{id: row.id}}) SET {PLAN_PROPS}"
UPSERT_NATIONAL = f"UNWIND $rows AS row MERGE (p:Plan {{id: row.id}}) ON CREATE SET {PLAN_PROPS}"
UPSERT_DEPARTMENTS = (
    "UNWIND $rows AS row MERGE (d:Department {id: row.id}) "
    "SET d.type = row.type, d.name = row.name, d.jurisdiction = row.jurisdiction, d.kind = row.kind, "
    "d.aliases = reduce(acc = coalesce(d.aliases, []), a IN row.aliases | "
    "CASE WHEN a IN acc THEN acc ELSE acc + a END)"
)


def create_nodes(label: str) -> str:
    props = ", ".join(f"n.{c} = row.{c}" for c in columns(label) if c != "id")
    return f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET {props}"


def create_edges(rel: str, start: str, end: str) -> str:
    props = ", ".join(f"r.{c} = row.{c}" for c in columns(rel))
    return (f"UNWIND $rows AS row MATCH (a:{start} {{id: row.from}}), (b:{end} {{id: row.to}}) "
            f"MERGE (a)-[r:{rel}]->(b) SET {props}")


def write_statements() -> list[str]:
    """All write statements, for the grammar check."""
    from graph.schema import RELS

    edges = [create_edges(rel, a, b) for rel, (pairs, _) in RELS.items() for a, b in pairs]
    return [*SCHEMA, *DELETE_OWNED, DELETE_IMPLEMENTS, DELETE_PLAN, LINKED_DEPARTMENTS, LINKED_NATIONALS,
            *DROP_ORPHANS, FIND_PLAN, UPSERT_PLAN, UPSERT_NATIONAL, UPSERT_DEPARTMENTS,
            *(create_nodes(label) for label in NODES), *edges]


class Neo4jStore:
    name = "neo4j"

    def __init__(self, uri: str, user: str, password: str, database: str | None = None,
                 connect: bool = True) -> None:
        """`connect=False` skips the start-up check and schema (the server then reports health itself)."""
        self.database = database
        try:
            # Bounded waits: a Neo4j that is down gives an error in seconds, not a hung request.
            self._driver = GraphDatabase.driver(uri, auth=(user, password), connection_timeout=5,
                                                connection_acquisition_timeout=10, max_transaction_retry_time=10)
            if connect:
                self._driver.verify_connectivity()
                for statement in SCHEMA:
                    self._driver.execute_query(statement, database_=database)
        except (Neo4jError, DriverError, ValueError, OSError) as e:
            raise StoreError(f"cannot reach Neo4j at {uri}: {_reason(e)}") from e

    generation = None  # others may write a Neo4j database: no answer from it is cached

    def run(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return self._named(query, params, RoutingControl.READ, "Neo4j")

    def write(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return self._named(query, params, RoutingControl.WRITE, "Neo4j write failed")

    def _named(self, query: str, params: dict[str, Any] | None, routing: RoutingControl,
               failure: str) -> list[dict[str, Any]]:
        """One named query in its own managed transaction, routed to a reader or the writer of a cluster."""
        try:
            records, _, _ = self._driver.execute_query(catalog.load(query).text, params or {},
                                                       database_=self.database, routing_=routing)
        except (Neo4jError, DriverError, OSError) as e:
            raise StoreError(f"{failure}: {_reason(e)}") from e
        return [r.data() for r in records]

    def check(self) -> None:
        self.run("plans_total")

    def replace_plan(self, graph: PlanGraph) -> None:
        rows = to_rows(graph)

        def work(tx) -> None:
            linked = self._linked(tx, graph.plan.id)
            self._delete(tx, graph.plan.id)
            self._create(tx, rows)
            self._orphans(tx, *linked)

        self._write(work)

    def replace_plans(self, graphs: list[PlanGraph]) -> None:
        """One transaction per plan: a Neo4j transaction this size gains nothing from batching."""
        for graph in graphs:
            self.replace_plan(graph)

    def delete_plan(self, plan_id: str) -> bool:
        try:
            found = self._driver.execute_query(FIND_PLAN, {"id": plan_id}, database_=self.database).records
        except (Neo4jError, DriverError) as e:
            raise StoreError(f"Neo4j: {_reason(e)}") from e
        if not found:
            return False

        def work(tx) -> None:
            linked = self._linked(tx, plan_id)
            self._delete(tx, plan_id)
            tx.run(DELETE_PLAN, id=plan_id).consume()
            self._orphans(tx, *linked)

        self._write(work)
        return True

    def _write(self, work) -> None:
        try:
            with self._driver.session(database=self.database) as session:
                session.execute_write(work)
        except (Neo4jError, DriverError, OSError) as e:
            raise StoreError(f"Neo4j write failed: {_reason(e)}") from e

    @staticmethod
    def _delete(tx, plan_id: str) -> None:
        for statement in DELETE_OWNED:
            tx.run(statement, id=plan_id).consume()
        tx.run(DELETE_IMPLEMENTS, id=plan_id).consume()

    @staticmethod
    def _linked(tx, plan_id: str) -> tuple[list[str], list[str]]:
        """The plan's departments and cited documents: the only candidates to become orphans."""
        departments = [r["id"] for r in tx.run(LINKED_DEPARTMENTS, id=plan_id)]
        nationals = [r["id"] for r in tx.run(LINKED_NATIONALS, id=plan_id)]
        return departments, nationals

    @staticmethod
    def _orphans(tx, departments: list[str], nationals: list[str]) -> None:
        departments_gone, nationals_gone = DROP_ORPHANS
        if departments:
            tx.run(departments_gone, departments=departments).consume()
        if nationals:
            tx.run(nationals_gone, nationals=nationals).consume()

    @staticmethod
    def _create(tx, rows: PlanRows) -> None:
        tx.run(UPSERT_PLAN, rows=rows.plans).consume()
        if rows.national:
            tx.run(UPSERT_NATIONAL, rows=rows.national).consume()
        if rows.departments:
            tx.run(UPSERT_DEPARTMENTS, rows=rows.departments).consume()
        for label, node_rows in rows.nodes.items():
            tx.run(create_nodes(label), rows=node_rows).consume()
        for (rel, start, end), edge_rows in rows.edges.items():
            tx.run(create_edges(rel, start, end), rows=edge_rows).consume()

    def close(self) -> None:
        try:
            self._driver.close()
        except (Neo4jError, DriverError, OSError) as e:
            raise StoreError(f"Neo4j: {_reason(e)}") from e


def _reason(e: Exception) -> str:
    if isinstance(e, ServiceUnavailable):
        return "the server does not answer (is Neo4j running?)"
    if isinstance(e, AuthError):
        return "authentication failed (check NEO4J_USER and NEO4J_PASSWORD)"
    return str(e).splitlines()[0] if str(e) else type(e).__name__
