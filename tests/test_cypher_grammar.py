"""Every Cypher statement the Neo4j store sends, linted by Neo4j's own tooling.

The statements are the files under queries/ (recursively) and everything
`graph.neo4j_store.write_statements()` returns (schema, writes). They go to
tools/cypher-lint/lint.mjs in one node process, which runs npm
`@neo4j-cypher/language-support`: Neo4j's Cypher parser and semantic analysis
(undefined variables, type errors, unknown functions or procedure columns).
Error diagnostics fail. Warnings do not: a label the schema does not declare,
Neo4j's performance notifications (cartesian products) and deprecations are
what Neo4j itself reports and still runs.

Skipped, with the reason, where node or the npm package is absent.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

import queries
from graph import catalog
from graph.neo4j_store import write_statements
from graph.schema import NODES, RELS

ROOT = Path(__file__).resolve().parent.parent
LINT = ROOT / "tools" / "cypher-lint"
INSTALL = "run `make install` with node present to fetch @neo4j-cypher/language-support"

NODE = shutil.which("node")
if NODE is None:
    pytest.skip(f"node is not on PATH: {INSTALL}", allow_module_level=True)
if not (LINT / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
    pytest.skip(f"{LINT.relative_to(ROOT)}/node_modules is missing: {INSTALL}", allow_module_level=True)

# Statements that must be flagged, to prove the linter is live (the package
# silently skips semantic analysis if it fails to load).
CANARIES = {
    "canary:syntax": "MATCH (n RETURN n",
    "canary:undefined-variable": "MATCH (p:Plan) RETURN q",
    "canary:unknown-function": "MATCH (p:Plan) RETURN coalesc(p.title, '')",
    "canary:two-statements": "MATCH (p:Plan) RETURN p; MATCH (d:Department) RETURN d",
    # Valid: built-in procedures and index options must not be flagged.
    "canary:fulltext-index": "CREATE FULLTEXT INDEX plan_text IF NOT EXISTS FOR (n:Plan) ON EACH [n.title] "
                             "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}",
    "canary:fulltext-query": "CALL db.index.fulltext.queryNodes('plan_text', $q) YIELD node, score "
                             "RETURN node.id AS id, score",
}


def statements() -> dict[str, str]:
    """name → text of every statement the Neo4j store sends."""
    folder = Path(queries.__file__).resolve().parent
    found = {f"queries/{p.relative_to(folder).as_posix()}": p.read_text(encoding="utf-8")
             for p in sorted(folder.rglob("*.cypher"))}
    for i, text in enumerate(write_statements()):
        found[f"write_statements()[{i}] {' '.join(text.split())[:60]}"] = text
    return found


def schema() -> dict:
    """Labels and types as graph.schema declares them, so that only misspelt ones warn.

    No propertyKeys or graphSchema: the package then warns on `row.from` of an
    UNWIND row and on negated types in NOT EXISTS, which is noise.
    """
    return {"labels": list(NODES), "relationshipTypes": list(RELS)}


def lint(texts: dict[str, str]) -> dict[str, list[dict]]:
    """One node run over `texts` (name → statement): name → diagnostics."""
    payload = {"schema": schema(), "statements": [{"name": n, "text": t} for n, t in texts.items()]}
    done = subprocess.run([NODE, str(LINT / "lint.mjs")], input=json.dumps(payload, ensure_ascii=False),
                          capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert done.returncode == 0, f"lint.mjs exited {done.returncode}:\n{done.stderr}"
    found: dict[str, list[dict]] = {name: [] for name in texts}
    for d in json.loads(done.stdout):
        found[d["name"]].append(d)
    return found


@pytest.fixture(scope="module")
def linted() -> tuple[dict[str, str], dict[str, list[dict]]]:
    """One node run over all statements and the canaries: (texts, name → diagnostics)."""
    texts = {**statements(), **CANARIES}
    return texts, lint(texts)


def describe(text: str, d: dict) -> str:
    lines = text.splitlines() or [""]
    line = lines[min(d["line"], len(lines)) - 1]
    return (f"  {d['severity']} at line {d['line']}, column {d['column']}: {d['message']}\n"
            f"    {line}\n    {' ' * (d['column'] - 1)}^")


def test_statements_are_collected():
    names = list(statements())
    assert any(n.startswith("queries/") for n in names), "no .cypher file found under queries/"
    assert any(n.startswith("write_statements()") for n in names), "write_statements() returned nothing"
    assert {f"queries/{n}.cypher" for n in catalog.names()} <= set(names)


def test_every_statement_passes_neo4j_lint(linted):
    texts, found = linted
    failures = [f"{name}\n" + "\n".join(describe(texts[name], d) for d in diags if d["severity"] == "error")
                for name, diags in found.items()
                if not name.startswith("canary:") and any(d["severity"] == "error" for d in diags)]
    assert not failures, (f"{len(failures)} Cypher statement(s) rejected by "
                          "@neo4j-cypher/language-support:\n\n" + "\n\n".join(failures))


@pytest.mark.parametrize("name, expected", [
    ("canary:syntax", "Invalid input 'RETURN'"),
    ("canary:undefined-variable", "Variable `q` not defined"),
    ("canary:unknown-function", "Function coalesc is not present"),
    ("canary:two-statements", "2 statements"),
])
def test_linter_reports_errors(linted, name, expected):
    _, found = linted
    errors = [d["message"] for d in found[name] if d["severity"] == "error"]
    assert any(expected in m for m in errors), f"{name}: expected an error with {expected!r}, got {errors}"


@pytest.mark.parametrize("name", ["canary:fulltext-index", "canary:fulltext-query"])
def test_linter_accepts_valid_statements(linted, name):
    _, found = linted
    assert not [d for d in found[name] if d["severity"] == "error"], found[name]
