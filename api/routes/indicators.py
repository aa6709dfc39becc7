"""Targets: filter by plan, year and words in the name or quote (read on the event loop, as
api/routes/departments.py explains)."""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.deps import PageDep, StoreDep, read
from api.schemas import IndicatorOut
from queries import service

router = APIRouter(prefix="/indicators", tags=["indicators"])


@router.get("", response_model=list[IndicatorOut], summary="Targets the plans set")
async def list_indicators(
    store: StoreDep,
    page: PageDep,
    response: Response,
    plan: Annotated[str, Query(description="a plan id from /plans ('' = all)")] = "",
    year: Annotated[int | None, Query(ge=1949, le=2100, description="target year", openapi_examples={
        "2020": {"summary": "targets for 2020", "value": 2020}})] = None,
    q: Annotated[str, Query(description="words in the target's name or quote", openapi_examples={
        "broadband": {"summary": "宽带", "value": "宽带"},
        "ecommerce": {"summary": "电子商务", "value": "电子商务"}})] = "",
):
    """Each target with its value, comparator (=, >=, >, ~), unit as written, target year, baseline
    where the text gives one, the unit that states it and the quote; total in `X-Total-Count`."""
    items, total = await read(store, service.list_indicators, plan, year, q, page.limit, page.offset)
    response.headers["X-Total-Count"] = str(total)
    return items
