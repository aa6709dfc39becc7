"""FastAPI dependencies: the store and the paging parameters every list takes, and how routes read.

The dependencies are `async def`: they only pick values, and FastAPI runs a plain `def` dependency in
its threadpool, a hop that costs more than the work (figures in api/routes/departments.py).
"""

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Query, Request
from starlette.concurrency import run_in_threadpool

from graph.embedded import MAX_OFFSET
from graph.store import GraphStore

T = TypeVar("T")

# The embedded store's reads are CPU work, mostly under the GIL: on a 2-core machine one or two threads
# cost the same CPU a request, two had the better p99 (101 against 203 ms), both far less than FastAPI's
# 40-thread pool. Threads start on first use, so a process that never reads starts none.
EMBEDDED_READERS = ThreadPoolExecutor(2, thread_name_prefix="store-read")


async def get_store(request: Request) -> GraphStore:
    return request.app.state.store


StoreDep = Annotated[GraphStore, Depends(get_store)]


async def read(store: GraphStore, query: Callable[..., T], *args: Any) -> T:
    """`query(store, *args)` off the event loop, where a blocking call would stall every other request:
    the embedded store's reads on EMBEDDED_READERS, Neo4j's (which wait on the network, many at once)
    in FastAPI's threadpool."""
    if store.name == "embedded":
        return await asyncio.get_running_loop().run_in_executor(
            EMBEDDED_READERS, functools.partial(query, store, *args))
    return await run_in_threadpool(query, store, *args)


@dataclass(frozen=True, slots=True)
class Page:
    limit: int
    offset: int


async def page(
    limit: Annotated[int, Query(ge=1, le=1000, description="At most this many items (1–1000).")] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description=(
        f"Skip this many items first (at most {MAX_OFFSET}; narrow the question to reach further)."))] = 0,
) -> Page:
    return Page(limit, offset)


PageDep = Annotated[Page, Depends(page)]
