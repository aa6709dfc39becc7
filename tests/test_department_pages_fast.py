"""A department's leads and supports, answered before FastAPI's routing (api/department_pages.py), against
the same app answering through FastAPI alone: the same status, headers and bytes for every department, role
and page, and for every request the fast path must leave to FastAPI."""

import asyncio
import urllib.parse

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.department_pages import DepartmentPages, page_parameters

PAGES = ["", "?limit=7&offset=7", "?limit=1000&offset=10000", "?offset=3&limit=2&unknown=x"]
HANDED_ON = [  # each must reach FastAPI, which judges it: errors in its one shape, or an answer as usual
    "/departments/{n}/leads?limit=0", "/departments/{n}/leads?limit=1001", "/departments/{n}/leads?limit=abc",
    "/departments/{n}/leads?limit=", "/departments/{n}/leads?offset=-1", "/departments/{n}/leads?offset=10001",
    "/departments/{n}/leads?limit=5&limit=6", "/departments/{n}/leads?limit=+5", "/departments/{n}/leads?limit=5.0",
    "/departments/{n}/leads?jurisdiction=火星", "/departments/不存在的部门/leads", "/departments/{n}/leads/",
    "/departments/{n}/owns", "/departments/{n}/partners", "/departments/{n}/leads?jurisdiction=%FF",
]


def fastapi_only(store) -> TestClient:
    app = create_app(store)
    app.user_middleware = [m for m in app.user_middleware if m.cls is not DepartmentPages]
    return TestClient(app)


def answer(client: TestClient, url: str, method: str = "GET") -> tuple[int, list, bytes]:
    r = client.request(method, url)
    return r.status_code, [(k, v) for k, v in r.headers.items()], r.content


class ReadOnly:
    """The store as a `serve --workers` process sees it (`read_only`): the fast path reads pages on the event
    loop and splices their rows, rendered when they were written, into its answer."""

    read_only = True

    def __init__(self, store) -> None:
        self.store = store

    def __getattr__(self, name):
        return getattr(self.store, name)


@pytest.fixture(scope="module", params=["writable", "read-only"])
def both(request, loaded_store):
    served = ReadOnly(loaded_store) if request.param == "read-only" else loaded_store
    with TestClient(create_app(served)) as fast, fastapi_only(loaded_store) as slow:
        yield fast, slow


def test_every_department_role_and_page_is_answered_byte_for_byte_as_fastapi_answers(both, loaded_store):
    fast, slow = both
    departments = loaded_store.run("all_departments")
    with_items = 0
    for d in departments:
        name = urllib.parse.quote(d["name"])
        where = urllib.parse.quote(d["jurisdiction"] or "")
        for role in ("leads", "supports"):
            for page in PAGES:
                url = f"/departments/{name}/{role}{page}{'&' if page else '?'}jurisdiction={where}"
                expected = answer(slow, url)
                assert answer(fast, url) == expected, url
                with_items += expected[0] == 200 and b'"items":[{' in expected[2]
    assert with_items > 200


@pytest.mark.parametrize("template", HANDED_ON)
def test_what_the_fast_path_leaves_to_fastapi_is_answered_as_fastapi_answers(both, template):
    fast, slow = both
    url = template.format(n=urllib.parse.quote("省经济和信息化委"))
    assert answer(fast, url) == answer(slow, url)


def test_other_methods_are_answered_as_fastapi_answers(both):
    fast, slow = both
    url = "/departments/" + urllib.parse.quote("省经济和信息化委") + "/leads"
    for method in ("HEAD", "POST", "OPTIONS"):
        assert answer(fast, url, method) == answer(slow, url, method), method


def test_well_formed_pages_never_reach_fastapi_and_the_rest_always_do(loaded_store):
    app = create_app(loaded_store)
    reached = []

    async def downstream(scope, receive, send):
        reached.append(scope["path"] + "?" + scope["query_string"].decode())
        await send({"type": "http.response.start", "status": 599, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    pages = DepartmentPages(downstream, api=app)
    name = "省经济和信息化委"

    async def get(path: str, query: str) -> None:
        scope = {"type": "http", "method": "GET", "path": path, "query_string": query.encode(), "root_path": "",
                 "headers": []}

        async def send(_):
            pass

        await pages(scope, None, send)

    async def walk() -> None:
        for query in ("", "limit=5", "offset=20&limit=20&jurisdiction=" + urllib.parse.quote("安徽省")):
            await get(f"/departments/{name}/leads", query)
            await get(f"/departments/{name}/supports", query)
        assert reached == []
        await get(f"/departments/{name}/leads", "limit=0")
        await get("/departments/不存在的部门/leads", "")
        await get(f"/departments/{name}/partners", "")

    with TestClient(app):  # the app's lifespan, as the server runs it
        asyncio.run(walk())
    assert len(reached) == 3


def test_query_strings_are_read_as_the_route_reads_them():
    assert page_parameters(b"") == (100, 0, "")
    assert page_parameters(b"limit=20&offset=40&jurisdiction=%E5%AE%89%E5%BE%BD%E7%9C%81") == (20, 40, "安徽省")
    assert page_parameters(b"jurisdiction=&x=1&x=2") == (100, 0, "")
    for refused in (b"limit=0", b"limit=1001", b"offset=10001", b"limit=1&limit=1", b"limit=%201", b"limit=1e2",
                    b"jurisdiction=%FF"):
        assert page_parameters(refused) is None, refused
