"""Request size limits, before any route reads a byte: a body over the limit is a 413."""

import json

from loaders.read import MAX_BYTES

MAX_BODY = MAX_BYTES + 64 * 1024  # one document plus its multipart envelope


def _too_large() -> tuple[dict, dict]:
    body = json.dumps({"error": {"code": "too_large", "message": f"request body over {MAX_BODY} bytes",
                                 "detail": {}}}).encode()
    start = {"type": "http.response.start", "status": 413,
             "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]}
    return start, {"type": "http.response.body", "body": body}


class BodySizeLimit:
    def __init__(self, app, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            for message in _too_large():
                await send(message)
            return
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise ValueError("request body too large")
            return message

        try:
            await self.app(scope, counted, send)
        except ValueError as e:
            if str(e) != "request body too large":
                raise
            for message in _too_large():
                await send(message)
