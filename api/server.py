"""Serving the app with uvicorn, accepting request targets written in raw UTF-8.

curl sends `/departments/省经济和信息化委/leads` unencoded, and the HTTP parsers
reject any byte above 0x7F in a request line. Before a new request reaches the
parser, the bytes of its request line above 0x7F are percent-encoded, which is
what a browser would have sent; headers and bodies are never touched.
"""

import re

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

MAX_REQUEST_LINE = 64 * 1024
_HIGH = re.compile(rb"[\x80-\xff]")


def percent_encode_high_bytes(line: bytes) -> bytes:
    return _HIGH.sub(lambda m: b"%%%02X" % m.group(0)[0], line)


class Utf8TargetProtocol(H11Protocol):
    _pending = b""

    def data_received(self, data: bytes) -> None:
        starts_request = self.conn.their_state is h11.IDLE and not self.conn.trailing_data[0]
        if starts_request:
            data = self._pending + data
            end = data.find(b"\n")
            if end < 0 and len(data) < MAX_REQUEST_LINE:
                self._pending = data  # the request line is still arriving
                return
            self._pending = b""
            if end >= 0:
                data = percent_encode_high_bytes(data[:end]) + data[end:]
        super().data_received(data)


def serve(app, host: str, port: int, access_log: bool = False) -> None:
    """uvicorn with uvloop, one process; access logging costs a third of a small request, so it is opt-in."""
    uvicorn.run(app, host=host, port=port, http=Utf8TargetProtocol, loop="uvloop", log_level="info",
                access_log=access_log)
