"""Is the store answering, and how big is the graph."""

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from api.deps import StoreDep
from api.schemas import Health
from graph.errors import StoreError
from queries import service

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, summary="Store status and node/edge counts",
            responses={503: {"model": Health, "description": "the store does not answer"}})
def health(store: StoreDep):
    """`status: ok` with the counts of every node and edge kind; 503 when the store does not answer."""
    try:
        return {"status": "ok", "counts": service.counts(store)}
    except StoreError as e:
        return JSONResponse(status_code=503, content={"status": "unavailable", "message": e.message})
