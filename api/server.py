"""Serving the app with uvicorn, accepting request targets written in raw UTF-8.

curl sends `/departments/省经济和信息化委/leads` unencoded, and the HTTP parsers
reject any byte above 0x7F in a request line. Before a new request reaches the
parser, the bytes of its request line above 0x7F are percent-encoded, which is
what a browser would have sent; headers and bodies are never touched.

The parser is httptools (llhttp, in C) rather than h11 (pure Python): once the busiest
routes were answered before FastAPI's routing, h11 was the largest share of a
request's CPU (figures in the closing note of issue 14 and `make bench`).

One process serves by default. `serve_workers` runs several on one socket: uvicorn
spawns each afresh, and each builds its own app over its own store (`worker_app`).
"""

import atexit
import logging
import os
import re
import signal
import sys
import threading
import time

import uvicorn
from uvicorn.config import STARTUP_FAILURE
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
from uvicorn.supervisors import Multiprocess

from graph.errors import PolicyKGError, StoreError

MAX_REQUEST_LINE = 64 * 1024
# A worker answers the supervisor's health pings only once Python has started and re-imported the
# command (spawned processes do): seconds on a busy machine, past uvicorn's 5 s default, after which
# the supervisor kills it as hung and starts another, which fares no better.
WORKER_HEALTHCHECK_S = 60
SINGLE_ACCEPT = "UV_TCP_SINGLE_ACCEPT"
_HIGH = re.compile(rb"[\x80-\xff]")


def percent_encode_high_bytes(line: bytes) -> bytes:
    return _HIGH.sub(lambda m: b"%%%02X" % m.group(0)[0], line)


class Utf8TargetProtocol(HttpToolsProtocol):
    """The request line is held until it is whole, then encoded, when the bytes received begin a request: on a
    new connection, or after the parser finished the last message with nothing of the next one. (A request
    pipelined behind another in one packet reaches the parser as sent, as it did with h11.)"""

    _pending = b""
    _between_messages = True

    def on_message_begin(self) -> None:
        self._between_messages = False
        super().on_message_begin()

    def on_message_complete(self) -> None:
        self._between_messages = True
        super().on_message_complete()

    def data_received(self, data: bytes) -> None:
        if self._between_messages:
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
    """uvicorn with uvloop, one process; access logging costs a third of a small request, so it is opt-in.

    uvicorn shuts down gracefully on SIGTERM and then raises the signal again, which would end the
    process before whoever opened the store closes it. LadybugDB 0.22.0 keeps rows bulk-written
    since its last checkpoint only in memory (measured: a committed COPY is gone after a restart
    without one), so SIGTERM is made to end the server as Ctrl-C does: by returning."""
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    uvicorn.run(app, host=host, port=port, http=Utf8TargetProtocol, loop="uvloop", log_level="info",
                access_log=access_log)


def exit_with_parent(interval: float = 1.0) -> None:
    """Stop this process (as SIGTERM would: gracefully) once its parent is gone. A worker must not outlive
    the supervisor, which holds the embedded store's write lock: without it a load could change the
    data under this reader, whose answers and caches would then be stale or worse."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def worker_app():
    """The app of one worker process: the same app as `serve`'s, over a store this process opens itself
    (engine handles do not cross processes), as the parent described it in the environment."""
    from api.stores import open_worker_store

    exit_with_parent()
    try:
        store = open_worker_store()
        atexit.register(store.close)
        from api.app import create_app

        return create_app(store)
    except Exception as e:  # uvicorn would restart a worker that raises here, again and again
        log = logging.getLogger("uvicorn.error")
        if isinstance(e, PolicyKGError):
            log.error("worker %d: %s", os.getpid(), e.message)
        else:
            log.exception("worker %d could not start", os.getpid())
        sys.exit(STARTUP_FAILURE)  # which makes the supervisor stop every worker


class Supervisor(Multiprocess):
    """uvicorn's supervisor, which also says when every worker serves: until then the first ones carry all
    the traffic (scripts and benchmarks wait for the line)."""

    def init_processes(self) -> None:
        super().init_processes()
        if all(p.wait_until_ready(WORKER_HEALTHCHECK_S, self.should_exit) for p in self.processes):
            logging.getLogger("uvicorn.error").info("%d workers serving", len(self.processes))


def serve_workers(workers: int, host: str, port: int, access_log: bool = False) -> None:
    """`workers` processes accepting on one socket, each running `worker_app`; returns when they are stopped.

    uvicorn's supervisor restarts a worker that dies, and stops them all when one fails to start,
    which is reported here as an error rather than as a clean exit.

    Each worker's event loop (uvloop, on libuv) accepts one connection at a time and then yields the
    socket to the others (libuv's UV_TCP_SINGLE_ACCEPT, read from the environment the workers inherit).
    Without it a burst of connections, such as a client opening its pool, went to whichever worker woke
    first, and a worker holding more keep-alive connections than another answers them more slowly
    (bundled corpus, 32 connections on 2 workers: split 19/13, 21/11, 17/15 in three runs; 16/16 in two
    of three with it)."""
    os.environ.setdefault(SINGLE_ACCEPT, "1")
    config = uvicorn.Config("api.server:worker_app", factory=True, host=host, port=port, workers=workers,
                            http=Utf8TargetProtocol, loop="uvloop", log_level="info", access_log=access_log,
                            timeout_worker_healthcheck=WORKER_HEALTHCHECK_S)
    supervisor = Supervisor(config, sockets=[config.bind_socket()])
    supervisor.run()
    if any(p.exitcode == STARTUP_FAILURE for p in supervisor.processes):
        raise StoreError("a worker process could not start (its reason is logged above); the server stopped")
