"""Security: every parameter is a query parameter, never Cypher; the API has no 5xx under fuzzing."""

import urllib.parse

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from api.app import create_app
from graph.embedded import EmbeddedStore
from loaders.pipeline import load_file
from queries import service
from tests.conftest import DOCS

INJECTIONS = [
    "' OR 1=1 //",
    "x\") DETACH DELETE n //",
    "省经信委'}) MATCH (n) DETACH DELETE n //",
    "$name",
    "}) RETURN 1 UNION MATCH (n) RETURN n //",
    "\\u0027; CALL db.labels() //",
    "%27%20OR%201%3D1",
    "`Department`",
    "a\u0000b",
    "省" * 300,
]


@pytest.fixture(scope="module")
def injected(tmp_path_factory):
    store = EmbeddedStore(tmp_path_factory.mktemp("inj") / "s")
    for path in DOCS[:2]:
        store.replace_plan(load_file(path))
    with TestClient(create_app(store, api_token="t")) as client:
        yield client, store


def _urls(value: str) -> list[str]:
    q = urllib.parse.quote(value, safe="")
    return [f"/departments/{q}/leads", f"/departments/{q}/supports", f"/departments/{q}/partners",
            f"/departments/{q}/leads?jurisdiction={q}",
            f"/departments?q={q}&jurisdiction={q}", f"/plans/{q}", f"/indicators?plan={q}&q={q}",
            f"/search?q={q}", f"/ask?q={q}", f"/export?plan={q}&format=nt"]


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_attempts_through_every_parameter_change_nothing(injected, value):
    client, store = injected
    before = service.counts(store)
    for url in _urls(value):
        r = client.get(url)
        assert r.status_code in (200, 404, 422), (url, r.status_code, r.text[:200])
        if r.status_code != 200:  # a refusal is the one JSON error shape, whatever the input
            assert r.headers["content-type"].startswith("application/json"), (url, r.headers["content-type"])
            assert set(r.json()["error"]) == {"code", "message", "detail"}, (url, r.text[:200])
            assert r.json()["error"]["code"] == ("not_found" if r.status_code == 404 else "invalid_request"), url
    assert service.counts(store) == before


@pytest.mark.parametrize("value", INJECTIONS[:5])
def test_injection_attempts_through_the_cli_query_parameters(tmp_path, value):
    from tests.test_cli import policykg

    store = str(tmp_path / "s")
    policykg("load", str(DOCS[3]), "--store", store)
    before = policykg("stats", "--store", store).stdout
    r = policykg("query", "department_lookup", "--param", f"name={value}", "--store", store)
    assert r.returncode == 0 and r.stdout == ""
    assert policykg("stats", "--store", store).stdout == before


def test_no_query_is_built_from_strings():
    """Every value reaches Cypher as a parameter: no f-string or format() builds a query from input."""
    import inspect

    import graph.rdf
    import queries.ask
    import queries.service

    for module in (queries.service, queries.ask, graph.rdf):
        source = inspect.getsource(module)
        assert ".run(f\"" not in source and ".run(f'" not in source and ".format(" not in source


def _fuzz_app():
    store = EmbeddedStore(__import__("tempfile").mkdtemp(prefix="policykg-fuzz-"))
    store.replace_plan(load_file(DOCS[3]))
    return create_app(store, api_token="fuzz-token")


schema = schemathesis.openapi.from_asgi("/openapi.json", _fuzz_app())


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_fuzzing_the_openapi_finds_no_server_error(case):
    response = case.call()
    assert response.status_code < 500, (case.method, case.path, response.status_code, response.text[:300])
