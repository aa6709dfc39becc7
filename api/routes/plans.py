"""Plans: the list, and one plan with its outline, departments, targets and sources.

The list and the plan are `async def`, read on the event loop as api/routes/departments.py explains; the
source view (a larger answer, rarely asked) stays in the threadpool."""

from typing import Annotated

from fastapi import APIRouter, Path, Response

from api.correction_schemas import SourceOut
from api.deps import PageDep, StoreDep, read
from api.schemas import ErrorOut, PlanDetail, PlanOut
from queries import service
from queries.plan_source import plan_source

router = APIRouter(prefix="/plans", tags=["plans"])


@router.get("", response_model=list[PlanOut], summary="Loaded plans")
async def list_plans(store: StoreDep, page: PageDep, response: Response):
    """Every loaded plan, oldest first; the total is in `X-Total-Count`."""
    items, total = await read(store, service.list_plans, page.limit, page.offset)
    response.headers["X-Total-Count"] = str(total)
    return items


@router.get("/{plan_id}", response_model=PlanDetail, summary="One plan with its units",
            responses={404: {"model": ErrorOut}})
async def get_plan(plan_id: Annotated[str, Path(description="a plan id from /plans")], store: StoreDep):
    """The plan's metadata, its units in document order (each with leads, supports, targets and
    deadline), the targets the plan itself sets, and the national documents it implements."""
    return await read(store, service.get_plan, plan_id)


@router.get("/{plan_id}/source", response_model=SourceOut, summary="A plan's text with its facts placed in it",
            responses={404: {"model": ErrorOut}})
def get_source(plan_id: Annotated[str, Path(description="a plan id from /plans")], store: StoreDep):
    """The document's text as read, the spans of its headings, of each lead and support (the name as
    written inside its note), and of each target, and the reader's warnings with their places: what the
    explorer's reading view highlights. Corrected facts are placed too (basis `corrected`)."""
    return plan_source(store, plan_id)
