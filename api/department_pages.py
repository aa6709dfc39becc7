"""The two busiest questions, a department's leads and its supports, answered before FastAPI's routing.

A page costs the engine 0.2–0.4 ms and FastAPI about 0.6 ms more: matching the path against each route in
turn, solving and validating the parameters, validating the answer. Under diverse traffic that was two thirds
of a request. This middleware answers `GET /departments/{name}/leads|supports` when every parameter is
well-formed by the route's own rules (limit 1–1000 and offset 0–MAX_OFFSET written as plain digits, each
parameter at most once), reads through the same dictionary of names and sort keys (queries/lookups.py), and
renders the answer with the route's own response field and headers, so the bytes are FastAPI's. A page read on
the event loop comes with its rows already rendered (graph/page_item.py): the answer is rendered without
them and they are spliced in, which spares converting, checking and rendering twenty rows per request. A page past
the end is answered on the event loop; so is every page on a read-only store (`serve --workers`), where no
write or checkpoint can hold up a read: bundled corpus, --workers 2, p99 35–39 ms with reads on a thread,
21–24 ms on the loop.

Anything else (another route or method, a malformed or repeated parameter, a trailing slash) and any error
(an unknown department, a store fault) is handed to FastAPI, which answers it as before and documents the
routes in OpenAPI. tests/test_department_pages_fast.py holds the two to the same answers.
"""

import re
import urllib.parse
from functools import lru_cache
from typing import NamedTuple

from fastapi import FastAPI
from fastapi.routing import APIRoute

from api.deps import read
from api.routes import departments
from graph.embedded_dialect import MAX_OFFSET
from graph.errors import PolicyKGError

PATH = re.compile(r"/departments/([^/]+)/(leads|supports)")
DIGITS = re.compile(r"[0-9]{1,6}")
BOUNDS = {"limit": (1, 1000), "offset": (0, MAX_OFFSET)}
# A page's rows already rendered are spliced in here: the answer with no items renders `departments` first, and
# a quote inside a rendered text is always escaped, so the first match is the field itself.
EMPTY_ITEMS = b'"items":[]'


class PageParameters(NamedTuple):
    limit: int = 100
    offset: int = 0
    jurisdiction: str = ""


@lru_cache(maxsize=4096)
def page_parameters(query_string: bytes) -> PageParameters | None:
    """limit, offset and jurisdiction as the route would take them, or None when FastAPI must judge them.
    Parameters the route does not take are ignored, as FastAPI ignores them. Kept per query string: a
    few hundred recur (pages × jurisdictions), and percent-decoding a place name costs more than its read."""
    values: dict = {}
    try:
        pairs = urllib.parse.parse_qsl(query_string.decode("latin-1"), keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        return None
    for key, value in pairs:
        if key in values:
            return None
        if key in BOUNDS:
            low, high = BOUNDS[key]
            if not DIGITS.fullmatch(value) or not low <= int(value) <= high:
                return None
            values[key] = int(value)
        elif key == "jurisdiction":
            values[key] = value
    return PageParameters(**values)


def _route(path: str) -> APIRoute:
    return next(r for r in departments.router.routes if isinstance(r, APIRoute) and r.path == path)


class DepartmentPages:
    def __init__(self, app, api: FastAPI) -> None:
        self.app = app
        self.api = api
        self.routes = {role: _route(f"/departments/{{name}}/{role}") for role in ("leads", "supports")}

    async def __call__(self, scope, receive, send) -> None:
        answer = await self._answer(scope) if scope["type"] == "http" and scope["method"] == "GET" else None
        if answer is None:
            await self.app(scope, receive, send)
            return
        body, total = answer
        await send({"type": "http.response.start", "status": 200, "headers": [
            (b"content-length", str(len(body)).encode()), (b"content-type", b"application/json"),
            (b"x-total-count", str(total).encode())]})
        await send({"type": "http.response.body", "body": body})

    async def _answer(self, scope) -> tuple[bytes, int] | None:
        found = PATH.fullmatch(scope["path"])
        if found is None or scope.get("root_path"):
            return None
        params = page_parameters(scope["query_string"])
        if params is None:
            return None
        name, role = found.groups()
        state = self.api.state
        lookups = state.lookups
        try:
            if getattr(state.store, "read_only", False):  # `serve --workers`: nothing writes or checkpoints under it
                result = lookups.page_when_ready(name, role, params.jurisdiction, params.limit, params.offset,
                                                 as_json=True)
            else:  # a read waits for a checkpoint: only the dictionary's answers on the loop
                result = lookups.page_without_reading(name, role, params.jurisdiction, params.offset)
            if result is None:
                result = await read(state.store, lambda _: lookups.department_units(
                    name, role, params.jurisdiction, params.limit, params.offset, as_json=True))
        except PolicyKGError:
            return None  # FastAPI asks again and answers with the error in its one shape
        items = result["items"]
        if items and isinstance(items[0], str):  # rows as the JSON the API sends (graph/page_item.py)
            body = self._render(role, {**result, "items": []})
            if body is not None:
                body = body.replace(EMPTY_ITEMS, b'"items":[' + ",".join(items).encode() + b"]", 1)
        else:
            body = self._render(role, result)
        return None if body is None else (body, result["total"])

    def _render(self, role: str, result: dict) -> bytes | None:
        """The answer's bytes as the route's response model renders them; None when it does not fit the model
        (FastAPI then reports it)."""
        route = self.routes[role]
        value, errors = route.response_field.validate(result, {}, loc=("response",))
        if errors:
            return None
        return route.response_field.serialize_json(
            value, include=route.response_model_include, exclude=route.response_model_exclude,
            by_alias=route.response_model_by_alias, exclude_unset=route.response_model_exclude_unset,
            exclude_defaults=route.response_model_exclude_defaults,
            exclude_none=route.response_model_exclude_none)
