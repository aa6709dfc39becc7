"""Departments: search, and everything a department leads or supports across plans.

Every route is `async def` and hands its store work to api.deps.read: for the embedded store, two dedicated
reader threads (Neo4j: FastAPI's threadpool). Never the event loop itself, where a read would stall every
other request, and not FastAPI's 40-thread pool for plain `def` routes and dependencies, whose hops (two to
four a request) cost more than the read. Diverse uncached traffic on the bundled corpus (wrk 2 threads x 32
connections, one process): plain `def` 4.4-5.1 ms of server CPU a request, 270-300 req/s; async routes with
one hop to FastAPI's pool 3.8 ms; on the reader threads 3.1-3.6 ms, 420-480 req/s, p99 down 40%. Reading on the
loop itself cost 2.6-3.1 ms but answered fewer requests (the engine's share no longer ran beside the HTTP
work) and made new connections wait up to 2 s for their first answer.
"""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from api.deps import PageDep, StoreDep, read
from api.schemas import DepartmentOut, DepartmentPartners, DepartmentUnits, ErrorOut
from queries import service

router = APIRouter(prefix="/departments", tags=["departments"])

NAME = Path(
    description="a department's id, full name or any alias as written in a plan",
    openapi_examples={
        "alias": {"summary": "as written in an Anhui plan", "value": "省经济和信息化委"},
        "full": {"summary": "canonical name", "value": "安徽省发展和改革委员会"},
        "shenzhen": {"summary": "written without its prefix", "value": "经贸信息委"},
    },
)
JURISDICTION = Query(
    description="narrow to one jurisdiction when a name is used in several",
    openapi_examples={"anhui": {"summary": "Anhui", "value": "安徽省"}, "none": {"summary": "all", "value": ""}},
)


@router.get("", response_model=list[DepartmentOut], summary="Find departments")
async def list_departments(
    store: StoreDep,
    page: PageDep,
    response: Response,
    q: Annotated[str, Query(description="part of a name or alias", openapi_examples={
        "health": {"summary": "卫生计生", "value": "卫生计生"}})] = "",
    jurisdiction: Annotated[str, JURISDICTION] = "",
):
    """Departments whose name or any alias contains `q`; the total is in `X-Total-Count`."""
    items, total = await read(store, service.list_departments, q, jurisdiction, page.limit, page.offset)
    response.headers["X-Total-Count"] = str(total)
    return items


def _department_partners(_, lookups, name: str, jurisdiction: str, limit: int) -> dict:
    return lookups.department_partners(name, jurisdiction, limit)


async def _units(role: str, name: str, jurisdiction: str, store, page, request: Request, response: Response):
    lookups = request.app.state.lookups  # its dictionary of names and totals: rebuilt from the store after a write
    result = await read(store, lambda _: lookups.department_units(name, role, jurisdiction, page.limit, page.offset))
    response.headers["X-Total-Count"] = str(result["total"])
    return result


@router.get("/{name}/leads", response_model=DepartmentUnits, summary="What a department leads",
            responses={404: {"model": ErrorOut, "description": "no department by that name"}})
async def leads(name: Annotated[str, NAME], store: StoreDep, page: PageDep, request: Request, response: Response,
                jurisdiction: Annotated[str, JURISDICTION] = ""):
    """Every action and project the department leads, across all plans, each with its plan, how the
    lead was read (`basis`) and the quote it was read from. A name used in several jurisdictions
    returns all of them in `departments`; `jurisdiction=` narrows."""
    return await _units("leads", name, jurisdiction, store, page, request, response)


@router.get("/{name}/supports", response_model=DepartmentUnits, summary="What a department supports",
            responses={404: {"model": ErrorOut, "description": "no department by that name"}})
async def supports(name: Annotated[str, NAME], store: StoreDep, page: PageDep, request: Request, response: Response,
                   jurisdiction: Annotated[str, JURISDICTION] = ""):
    """Every action and project the department supports (配合), across all plans; same shape as leads."""
    return await _units("supports", name, jurisdiction, store, page, request, response)


@router.get("/{name}/partners", response_model=DepartmentPartners, summary="Who a department works with",
            responses={404: {"model": ErrorOut, "description": "no department by that name"}})
async def partners(name: Annotated[str, NAME], store: StoreDep, request: Request, response: Response,
                   jurisdiction: Annotated[str, JURISDICTION] = "",
                   limit: Annotated[int, Query(ge=1, le=1000, description="at most this many partners")] = 20):
    """The departments that lead or support the same actions and projects as this one, with how
    many they share, most shared first."""
    result = await read(store, _department_partners, request.app.state.lookups, name, jurisdiction, limit)
    response.headers["X-Total-Count"] = str(result["total"])
    return result
