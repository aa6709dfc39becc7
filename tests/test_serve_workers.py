"""`policykg serve --workers N` as a user runs it: several processes answer, each as the default single
process (which accepts writes) would; writes are refused with a reason, and no other process can write
the store while they read it."""

import http.client
import json
import os
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest

from graph.cache import CachedStore
from graph.embedded import EmbeddedStore
from graph.errors import StoreError
from tests.conftest import doc, free_port
from tests.minimal_documents import read

TOKEN = "test-token"
URLS = [
    "/health",
    "/plans",
    f"/departments/{quote('省经济和信息化委')}/leads?jurisdiction={quote('安徽省')}",
    f"/departments/{quote('省经济和信息化委')}/leads?jurisdiction={quote('安徽省')}&limit=2&offset=1",
    f"/departments/{quote('省经济和信息化委')}/supports",
    f"/departments/{quote('不存在的委员会')}/leads",
    "/departments?limit=5",
    "/indicators?limit=5",
    "/plans?limit=5000",
]


def policykg(*args: str, env: dict | None = None, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "from api.cli import main; main()", *args],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kwargs)


def get(port: int, url: str) -> tuple[int, object]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", url)
        r = conn.getresponse()
        return r.status, json.loads(r.read())
    finally:
        conn.close()


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    return inodes


def accepted_by(server_port: int, client_port: int, workers: list[int]) -> int | None:
    """The worker holding the server's end of the connection from `client_port` (from /proc/net/tcp)."""
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote, inode = fields[1], fields[2], fields[9]
        if int(local.split(":")[1], 16) == server_port and int(remote.split(":")[1], 16) == client_port:
            return next((w for w in workers if inode in socket_inodes(w)), None)
    return None


@contextmanager
def serving(directory: Path, *options: str, ready: str):
    """`policykg serve` on `directory` until the block ends; up once its log says `ready`."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("NEO4J_URI", "POLICYKG_WORKER")}
    proc = policykg("serve", *options, "--store", str(directory), "--port", str(port),
                    env=env | {"POLICYKG_API_TOKEN": TOKEN})
    log: list[str] = []
    up = threading.Event()

    def drain() -> None:  # read the log as it comes, so that the pipe never fills
        for line in proc.stdout:
            log.append(line)
            if ready in line:
                up.set()

    threading.Thread(target=drain, daemon=True).start()
    try:
        assert up.wait(60), "the server did not start within 60 s:\n" + "".join(log)
        yield proc, port
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def post_document(port: int, path: Path) -> tuple[int, dict]:
    body = (b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + path.name.encode()
            + b"\"\r\n\r\n" + path.read_bytes() + b"\r\n--b--\r\n")
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("POST", "/documents", body=body, headers={
            "Authorization": f"Bearer {TOKEN}", "Content-Type": "multipart/form-data; boundary=b"})
        r = conn.getresponse()
        return r.status, json.loads(r.read())
    finally:
        conn.close()


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    """A store filled through the default, single-process server (which writes), and its answers."""
    directory = tmp_path_factory.mktemp("workers") / "store"
    with serving(directory, ready="Uvicorn running on") as (proc, port):
        status, body = post_document(port, doc("000"))
        assert status == 201, body
        expected = {url: get(port, url) for url in URLS}
        proc.send_signal(signal.SIGTERM)  # as a service manager stops it: the store is closed, nothing lost
        assert proc.wait(timeout=30) == 0
    return directory, expected


@pytest.fixture(scope="module")
def server(store_dir):
    with serving(store_dir[0], "--workers", "2", ready="2 workers serving") as running:
        yield running


def children_serving(pid: int) -> list[int]:
    """Worker processes: the supervisor's children that hold a socket (not multiprocessing's tracker)."""
    workers = []
    for child in children(pid):
        cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
        if b"spawn_main" in cmdline:
            workers.append(child)
    return workers


def test_both_workers_answer(server):
    proc, port = server
    workers = children_serving(proc.pid)
    assert len(workers) == 2

    def one(url: str) -> int | None:
        """Open a connection, get an answer, and say which worker holds the connection."""
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            conn.request("GET", url)
            r = conn.getresponse()
            r.read()
            assert r.status < 500
            return accepted_by(port, conn.sock.getsockname()[1], workers)
        finally:
            conn.close()

    seen: set[int] = set()
    with ThreadPoolExecutor(16) as pool:
        for _ in range(10):  # the kernel hands each connection to whichever worker accepts first
            seen |= set(pool.map(one, URLS[:3] * 6)) - {None}
            if len(seen) == 2:
                break
    assert seen == set(workers)


def test_workers_accept_one_connection_at_a_time(server):
    """libuv reads UV_TCP_SINGLE_ACCEPT from the worker's own environment when it starts listening: each
    worker then takes one connection and yields the socket, so a client's pool is spread over both."""
    proc, _ = server
    for worker in children_serving(proc.pid):
        environment = Path(f"/proc/{worker}/environ").read_bytes().split(b"\0")
        assert b"UV_TCP_SINGLE_ACCEPT=1" in environment


def test_answers_equal_the_single_process_servers(server, store_dir):
    _, port = server
    _, expected = store_dir
    for _ in range(2):  # the second round comes from each worker's response cache
        for url in URLS:
            assert get(port, url) == expected[url], url


def test_writes_are_refused_with_the_reason(server, store_dir):
    _, port = server
    directory, _ = store_dir
    status, body = post_document(port, doc("000"))
    assert status == 409 and body["error"]["code"] == "read_only"
    assert "read-only" in body["error"]["message"] and "--workers" in body["error"]["message"]
    # nor can another process write the store while the workers read it
    with pytest.raises(StoreError, match="policykg serve"):
        EmbeddedStore(directory)


def test_stopping_the_server_stops_its_workers_and_frees_the_store(server, store_dir):
    proc, _ = server
    directory, _ = store_dir
    workers = children_serving(proc.pid)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 0
    assert not any(Path(f"/proc/{w}").exists() for w in workers)
    EmbeddedStore(directory).close()  # writable again


def test_workers_must_be_at_least_one(tmp_path):
    r = policykg("serve", "--workers", "0", "--store", str(tmp_path / "s"))
    out, _ = r.communicate(timeout=60)
    assert r.returncode == 2 and "--workers" in out


def test_a_worker_stops_when_its_supervisor_is_killed(tmp_path):
    """SIGKILL gives the supervisor no chance to stop its workers, and frees the store's write lock."""
    worker = tmp_path / "worker.py"
    worker.write_text("import time\nfrom api.server import exit_with_parent\n"
                      "exit_with_parent(0.1)\nprint('ready', flush=True)\ntime.sleep(60)\n")
    supervisor = tmp_path / "supervisor.py"
    supervisor.write_text("import subprocess, sys, time\n"
                          f"child = subprocess.Popen([sys.executable, {str(worker)!r}])\n"
                          "print(child.pid, flush=True)\ntime.sleep(60)\n")
    proc = subprocess.Popen([sys.executable, str(supervisor)], stdout=subprocess.PIPE, text=True,
                            cwd=Path(__file__).resolve().parent.parent)
    try:
        child = int(proc.stdout.readline())
        assert proc.stdout.readline().strip() == "ready"
    finally:
        proc.kill()
        proc.wait()
    cmdline = Path(f"/proc/{child}/cmdline")
    deadline = time.monotonic() + 10
    while cmdline.exists() and b"worker.py" in cmdline.read_bytes():  # a zombie's command line is empty
        assert time.monotonic() < deadline, "the worker outlived its supervisor"
        time.sleep(0.1)


def test_a_worker_that_cannot_open_the_store_stops_the_server(tmp_path):
    """Said once with the reason, not restarted forever: here the store is not there to read."""
    env = os.environ | {"POLICYKG_WORKER": json.dumps({"store": str(tmp_path / "none"), "read_only": True})}
    script = f"from api.server import serve_workers\nserve_workers(1, '127.0.0.1', {free_port()})"
    r = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode != 0
    assert "cannot open the embedded store" in r.stderr and "could not start" in r.stderr
    assert r.stderr.count("Cannot create an empty database") == 1  # said once: not restarted


def test_workers_open_what_the_command_opened(tmp_path, monkeypatch):
    """The embedded store by its absolute path, read-only; a Neo4j URI as given (its own driver, writes allowed)."""
    from api.settings import Settings
    from api.stores import WORKER_ENV, hand_down, open_worker_store
    from graph.errors import ReadOnly

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(WORKER_ENV, "{}")  # hand_down sets it below; the test's end removes it
    monkeypatch.setenv("NEO4J_URI", "bolt://elsewhere:7687")  # --store wins over it, in the workers too
    store = CachedStore(EmbeddedStore("s"))
    store.replace_plan(read("一、发展特色产业\n（一）壮大茶叶产业。（市农业农村局牵头，市商务局配合）\n"))
    hand_down(store, "s", None)
    store.close()
    worker = Settings().policykg_worker
    assert (worker.store, worker.neo4j, worker.read_only) == (str(tmp_path / "s"), None, True)
    reader = open_worker_store(Settings())
    try:
        assert reader.name == "embedded" and reader.run("plans_total") == [{"total": 1}]
        with pytest.raises(ReadOnly):
            reader.replace_plan(read("一、壮大茶叶产业。（市农业农村局牵头）\n"))
    finally:
        reader.close()

    class Neo4jLike:  # no Neo4j here: what is handed down depends only on the store's kind
        name = "neo4j"

    hand_down(Neo4jLike(), None, "bolt://db:7687")
    worker = Settings().policykg_worker
    assert (worker.store, worker.neo4j, worker.read_only) == (None, "bolt://db:7687", False)
