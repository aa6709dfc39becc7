"""The real server over a socket: a raw UTF-8 request line, as curl sends it, is answered."""

import json
import socket
import threading
import time

import uvicorn

from api.app import create_app
from api.server import Utf8TargetProtocol, percent_encode_high_bytes
from tests.conftest import free_port


def test_high_bytes_are_percent_encoded_and_ascii_is_left_alone():
    line = "GET /departments/省发改委/leads?j=安徽省 HTTP/1.1".encode()
    assert percent_encode_high_bytes(line) == b"GET /departments/%E7%9C%81%E5%8F%91%E6%94%B9%E5%A7%94/leads" \
                                              b"?j=%E5%AE%89%E5%BE%BD%E7%9C%81 HTTP/1.1"




def serving(store) -> tuple[uvicorn.Server, threading.Thread, int]:
    port = free_port()
    config = uvicorn.Config(create_app(store), host="127.0.0.1", port=port, http=Utf8TargetProtocol,
                            log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    return server, thread, port


def read_reply(s: socket.socket) -> tuple[bytes, dict]:
    """One HTTP reply from a kept-alive connection: its status line and its JSON body."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += s.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(next(line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")))
    while len(body) < length:
        body += s.recv(65536)
    return head.split(b"\r\n")[0], json.loads(body[:length])


def test_raw_utf8_requests_one_after_another_on_one_connection_are_each_answered(loaded_store):
    server, thread, port = serving(loaded_store)
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            for name in ("省经济和信息化委", "省发展改革委", "省经济和信息化委"):
                s.sendall(f"GET /departments/{name}/leads?jurisdiction=安徽省&limit=1 HTTP/1.1\r\nHost: x\r\n\r\n"
                          .encode())
                status, body = read_reply(s)
                assert status == b"HTTP/1.1 200 OK" and body["departments"][0]["jurisdiction"] == "安徽省", name
            # a request line that arrives in two packets, split inside a character
            line = "GET /departments/省发展改革委/leads?limit=1 HTTP/1.1\r\nHost: x\r\n\r\n".encode()
            s.sendall(line[:20])
            time.sleep(0.2)
            s.sendall(line[20:])
            status, body = read_reply(s)
            assert status == b"HTTP/1.1 200 OK" and body["departments"][0]["name"] == "安徽省发展和改革委员会"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_curl_style_raw_utf8_url_is_answered(loaded_store):
    server, thread, port = serving(loaded_store)
    try:
        request = "GET /departments/省经济和信息化委/leads?jurisdiction=安徽省 HTTP/1.1\r\nHost: x\r\n" \
                  "Connection: close\r\n\r\n"
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            s.sendall(request.encode())
            reply = b""
            while chunk := s.recv(65536):
                reply += chunk
        head, _, body = reply.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 200")
        assert json.loads(body)["departments"][0]["name"] == "安徽省经济和信息化委员会"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_opentelemetry_is_off_unless_asked_for(loaded_store, monkeypatch):
    """FastAPI's native tracing, metrics and logs follow POLICYKG_OPENTELEMETRY (off by default: its check
    for configured providers ran on every request)."""
    from api.settings import settings

    try:
        for value, wanted in ((None, False), ("1", True), ("0", False)):
            if value is None:
                monkeypatch.delenv("POLICYKG_OPENTELEMETRY", raising=False)
            else:
                monkeypatch.setenv("POLICYKG_OPENTELEMETRY", value)
            settings.cache_clear()
            config = create_app(loaded_store)._telemetry  # what FastAPI(telemetry=...) was given, with its defaults
            assert (config["tracing"], config["metrics"], config["logs"]) == (wanted, wanted, wanted), value
    finally:
        settings.cache_clear()
