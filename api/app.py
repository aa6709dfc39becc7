"""The FastAPI application: routers, one JSON error shape, the store's lifetime."""

import gc
import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.department_pages import DepartmentPages
from api.deps import read
from api.limits import BodySizeLimit
from api.response_cache import ResponseCache
from api.routes import corrections, departments, documents, export, guide, health, indicators, plans, search, web
from api.settings import settings
from graph.errors import PolicyKGError
from graph.store import GraphStore
from queries.lookups import Lookups

DESCRIPTION = """
policykg reads Chinese government policy documents (行动计划, 实施方案, 发展规划, 实施意见) into a
graph of plans, actions, projects, departments and indicators, and answers questions such as
*everything 省经济和信息化委 leads, across all plans*. Every answer carries the quote it rests on.
"""


def error_body(status: int, code: str, message: str, detail: dict | None = None) -> JSONResponse:
    return JSONResponse(status_code=status,
                        content={"error": {"code": code, "message": message, "detail": detail or {}}})


def create_app(store: GraphStore, api_token: str | None = None) -> FastAPI:
    """The app over `store`; `api_token` (default $POLICYKG_API_TOKEN) enables POST /documents."""
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        try:
            await read(store, lambda _: app.state.lookups.prepare())  # on a reader thread, as every read
        except PolicyKGError as e:  # the first page builds it then, or says what is wrong
            logging.getLogger("uvicorn.error").warning("the dictionary of departments was not built: %s", e.message)
        # What start-up built lives as long as the server: keep it out of the collector's
        # full passes, whose pauses were the slowest 1% of requests.
        gc.collect()
        gc.freeze()
        yield  # the store belongs to whoever opened it (the CLI closes it when the server stops)

    telemetry = settings().policykg_opentelemetry
    app = FastAPI(title="policykg", version="0.1.0", description=DESCRIPTION, lifespan=lifespan,
                  telemetry={"tracing": telemetry, "metrics": telemetry, "logs": telemetry})
    app.state.store = store
    app.state.lookups = Lookups(store)
    app.state.api_token = api_token if api_token is not None else settings().policykg_api_token or None

    @app.exception_handler(PolicyKGError)
    async def policykg_error(_: Request, e: PolicyKGError) -> JSONResponse:
        return error_body(e.status, e.code, e.message, {k: v for k, v in e.detail.items()})

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, e: RequestValidationError) -> JSONResponse:
        problems = [{"where": ".".join(str(p) for p in err["loc"]), "problem": err["msg"]} for err in e.errors()]
        return error_body(422, "invalid_request", "the request's parameters are not valid", {"problems": problems})

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, e: StarletteHTTPException) -> JSONResponse:
        code = "not_found" if e.status_code == 404 else "http_error"
        return error_body(e.status_code, code, str(e.detail))

    for router in (health.router, plans.router, departments.router, indicators.router, search.router, export.router,
                   documents.router, corrections.router, guide.router, web.router):
        app.include_router(router)
    app.add_middleware(DepartmentPages, api=app)  # innermost: the response cache, when on, keeps its answers
    if settings().policykg_response_cache:
        app.add_middleware(ResponseCache, generation=lambda: store.generation)
    app.add_middleware(BodySizeLimit)
    return app
