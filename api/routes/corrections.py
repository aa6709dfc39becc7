"""Corrections: list them, make one, take one back. Writes are behind the bearer token.

A correction changes its plan's facts at once (basis `corrected`, with who and when) and is
kept apart from the plan, keyed by unit path and quote, so that it is re-applied every time
the document is loaded again, or reported stale when its unit or quote is gone.
"""

from typing import Annotated

from fastapi import APIRouter, Body, Header, Path, Query, Request, Response

from api.correction_schemas import EXAMPLES, CorrectionIn, CorrectionOut
from api.department_names import resolve_name
from api.deps import PageDep, StoreDep
from api.routes.documents import require_token
from api.schemas import ErrorOut
from graph.errors import NotFound
from queries import corrections

router = APIRouter(prefix="/corrections", tags=["corrections"])
TOKEN = Header(description="Bearer <POLICYKG_API_TOKEN>")
WRITE_ERRORS = {401: {"model": ErrorOut, "description": "no token, or a wrong one"},
                403: {"model": ErrorOut, "description": "the server has no token: writes are disabled"},
                409: {"model": ErrorOut, "description": "the store is open read-only in this process"}}


@router.get("", response_model=list[CorrectionOut], summary="People's corrections")
def list_corrections(
    store: StoreDep,
    page: PageDep,
    response: Response,
    plan: Annotated[str, Query(description="a plan id from /plans ('' = all)")] = "",
    stale: Annotated[bool | None, Query(description="true: only the stale ones; false: only those that apply")] = None,
):
    """Corrections newest first, each with who made it, when and why, and whether it still fits the
    document as last loaded (`stale`, with the reason); the total is in `X-Total-Count`."""
    items, total = corrections.list_corrections(store, plan, stale, page.limit, page.offset)
    response.headers["X-Total-Count"] = str(total)
    return [c.model_dump() for c in items]


@router.post("", status_code=201, response_model=CorrectionOut, summary="Correct a plan",
             responses={**WRITE_ERRORS, 404: {"model": ErrorOut, "description": "unknown plan, unit, department "
                                                                                 "or target"},
                        422: {"model": ErrorOut, "description": "a malformed or incomplete correction"}})
def add_correction(
    request: Request,
    store: StoreDep,
    correction: Annotated[CorrectionIn, Body(openapi_examples=EXAMPLES)],
    authorization: Annotated[str | None, TOKEN] = None,
):
    """Remove a wrong lead or support, add a missing one (a department id, or a name as written,
    resolved in the plan's jurisdiction), change lead ↔ support, say two names are one body or one
    name is several, or fix a target's value, unit or year. The plan's facts change at once."""
    require_token(request, authorization)
    made = corrections.add_correction(store, correction.model_dump(exclude_none=True), resolve=resolve_name)
    request.app.state.lookups.invalidate()
    return made.model_dump()


@router.delete("/{correction_id}", status_code=204, summary="Take a correction back",
               responses={**WRITE_ERRORS, 404: {"model": ErrorOut}})
def delete_correction(
    request: Request,
    store: StoreDep,
    correction_id: Annotated[str, Path(description="a correction id from /corrections")],
    authorization: Annotated[str | None, TOKEN] = None,
):
    """The plan's facts return to what was read, with the other corrections still applied."""
    require_token(request, authorization)
    if not corrections.delete_correction(store, correction_id):
        raise NotFound(f"no correction with id {correction_id!r}", correction_id=correction_id)
    request.app.state.lookups.invalidate()
    return Response(status_code=204)
