"""A cache of whole GET responses, valid exactly as long as the store is unchanged.

Every answer the API gives is a function of the request and the store; the
embedded store is written only through this process, whose `CachedStore`
counts writes. A response is replayed while that count is unchanged, so a
repeated question costs a dictionary lookup. Stores that others may write
(Neo4j) report no count, and nothing is cached for them. Only JSON answers are
kept: the explorer's pages and assets are files that may change on disk.
"""

from collections import OrderedDict
from collections.abc import Callable

MAX_ENTRIES = 2048
MAX_BODY = 512 * 1024


class ResponseCache:
    def __init__(self, app, generation: Callable[[], int | None]) -> None:
        self.app = app
        self.generation = generation
        self.entries: OrderedDict[tuple, tuple[int, dict, bytes]] = OrderedDict()

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        generation = self.generation()
        if generation is None:
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope["query_string"])
        hit = self.entries.get(key)
        if hit is not None and hit[0] == generation:
            self.entries.move_to_end(key)
            await send(hit[1])
            await send({"type": "http.response.body", "body": hit[2]})
            return
        start: dict = {}
        chunks: list[bytes] = []

        async def capture(message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, capture)
        body = b"".join(chunks)
        content_type = dict(start.get("headers") or []).get(b"content-type", b"")
        if (start.get("status") == 200 and content_type.startswith(b"application/json") and len(body) <= MAX_BODY
                and self.generation() == generation):  # API answers only: pages and assets may change on disk
            self.entries[key] = (generation, start, body)
            if len(self.entries) > MAX_ENTRIES:
                self.entries.popitem(last=False)
