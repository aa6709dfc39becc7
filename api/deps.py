"""FastAPI dependencies: the store and the paging parameters every list takes."""

from typing import Annotated

from fastapi import Depends, Query, Request

from graph.embedded import MAX_OFFSET
from graph.store import GraphStore


def get_store(request: Request) -> GraphStore:
    return request.app.state.store


StoreDep = Annotated[GraphStore, Depends(get_store)]


class Page:
    def __init__(
        self,
        limit: Annotated[int, Query(ge=1, le=1000, description="At most this many items (1–1000).")] = 100,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description=(
            f"Skip this many items first (at most {MAX_OFFSET}; narrow the question to reach further)."))] = 0,
    ) -> None:
        self.limit = limit
        self.offset = offset


PageDep = Annotated[Page, Depends(Page)]
