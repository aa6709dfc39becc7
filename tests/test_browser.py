"""The web explorer: its routes, and an end-to-end walk in a real browser.

The route tests need nothing but the app. The browser test starts a real `policykg serve` over a
store loaded from the bundled corpus, then drives Debian's Chromium (headless, through playwright-core
from web/node_modules) with tests/browser/e2e.mjs: search → department page → graph view → plan page →
targets view, and the same pages at a phone's width, checking each with axe-core. Screenshots of every
view are written to artifacts/screenshots/. Without node, the npm packages or Chromium the browser test
is skipped with the reason and the command that installs what is missing; set
POLICYKG_REQUIRE_BROWSER=1 (as .ci/run does, and as any run with CI=true is taken to) to make a missing
browser a failure instead.
"""

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.routes import web
from tests.conftest import free_port

ROOT = Path(__file__).resolve().parent.parent
WEB = ROOT / "web"
SCRIPT = Path(__file__).resolve().parent / "browser" / "e2e.mjs"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = os.environ.get("POLICYKG_CHROMIUM", "/usr/bin/chromium")
VIEWS = ["01-search", "02-department", "03-graph-department", "04-plan", "05-graph-plan", "06-targets",
         "07-phone-department", "08-phone-plan", "09-phone-targets"]


# ---------------------------------------------------------------- the routes, without a browser

@pytest.fixture
def web_only():
    app = FastAPI()
    app.include_router(web.router)
    return TestClient(app)


def browser_required() -> bool:
    """CI must run the browser tests; a developer without node or apt gets a skip with the reason."""
    return os.environ.get("POLICYKG_REQUIRE_BROWSER") == "1" or os.environ.get("CI", "").lower() == "true"


def skip_unless_required(reason: str) -> None:
    if browser_required():
        pytest.fail(f"the browser tests are required here (POLICYKG_REQUIRE_BROWSER=1 or CI=true) but {reason}")
    pytest.skip(reason)


def test_root_serves_the_explorer_page(web_only):
    if web.missing_files():
        skip_unless_required("the explorer's npm packages are not installed (make install with node present)")
    r = web_only.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert '<html lang="zh-CN">' in r.text and "/static/app/main.js" in r.text
    js = web_only.get("/static/app/main.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]
    lib = web_only.get("/static/vendor/cytoscape/cytoscape.esm.min.mjs")
    assert lib.status_code == 200 and "javascript" in lib.headers["content-type"]


def test_without_the_npm_packages_root_says_what_is_missing(web_only, monkeypatch):
    monkeypatch.setattr(web, "REQUIRED", [WEB / "node_modules" / "not-installed" / "lib.mjs"])
    r = web_only.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "尚未安装" in r.text and "make install" in r.text and "not-installed" in r.text
    assert "/docs" in r.text


def test_only_the_library_files_are_served(web_only):
    assert web_only.get("/static/vendor/cytoscape/../../playwright-core/package.json").status_code == 404
    assert web_only.get("/static/vendor/nothing/x.js").status_code == 404
    assert web_only.get("/static/app/no-such-file.js").status_code == 404


def test_a_missing_vendor_folder_is_a_404_not_a_server_error(tmp_path):
    files = web.InstalledFiles(directory=tmp_path / "absent", check_dir=False)
    app = FastAPI()
    app.mount("/v", files)
    assert TestClient(app).get("/v/lib.mjs").status_code == 404


PARTNERS_PROBE = """
globalThis.window = { location: { origin: 'http://explorer.test' } };
const asked = [];
globalThis.fetch = async (url) => {
  asked.push(url);
  const body = { departments: [{ id: 'dept-a' }], items: [{ id: 'dept-b', name: '乙', shared: 3 }], total: 1 };
  return { ok: true, json: async () => body, headers: { get: () => '1' } };
};
const { api } = await import(process.env.API_MODULE);
const partners = await api.partners({ id: 'dept-a', name: '省经济和信息化委' });
console.log(JSON.stringify({ asked, partners }));
"""


def test_the_explorer_asks_a_department_for_its_partners_by_their_route():
    """web/app/api.js, run in node with fetch recorded: partners come from GET /departments/{id}/partners,
    never from a question in Chinese put to /ask."""
    if not shutil.which("node"):
        skip_unless_required("node is not installed (the explorer's modules are run in node)")
    run = subprocess.run(["node", "--input-type=module", "-e", PARTNERS_PROBE], capture_output=True, text=True,
                         timeout=30, env={**os.environ, "API_MODULE": (WEB / "app" / "api.js").as_uri()})
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["asked"] == ["/departments/dept-a/partners?limit=1000"]
    assert result["partners"] == [{"id": "dept-b", "name": "乙", "shared": 3}]


def _pytest_browser(env: dict) -> subprocess.CompletedProcess:
    test = f"{Path(__file__).resolve()}::test_search_department_graph_plan_and_targets_in_chromium"
    clean = {k: v for k, v in os.environ.items() if k not in ("CI", "POLICYKG_REQUIRE_BROWSER")}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rsf", "-p", "no:cacheprovider", test],
                          cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**clean, "POLICYKG_CHROMIUM": "/nonexistent/chromium", **env})


@pytest.mark.parametrize("env", [{"POLICYKG_REQUIRE_BROWSER": "1"}, {"CI": "true"}], ids=["required", "ci"])
def test_in_ci_a_browser_that_cannot_run_fails_the_suite(env):
    run = _pytest_browser(env)
    assert run.returncode == 1 and "SKIPPED" not in run.stdout, run.stdout[-2000:]  # an error at set-up, not a skip
    assert "required here" in run.stdout, run.stdout[-2000:]


def test_a_developer_without_the_browser_gets_a_skip_with_the_reason():
    run = _pytest_browser({})
    assert run.returncode == 0 and "SKIPPED [1]" in run.stdout, run.stdout[-2000:]
    assert "no Chromium at /nonexistent/chromium" in run.stdout or "node is not installed" in run.stdout, run.stdout


def test_ci_requires_the_browser_and_runs_the_contract_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "export POLICYKG_REQUIRE_BROWSER=1" in ci and ci.rstrip().endswith("make test")


def test_the_explorer_stays_out_of_the_openapi_schema(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert "/" not in paths and not any(p.startswith("/static") for p in paths)
    assert client.get("/health").status_code == 200


# ---------------------------------------------------------------- the browser

def _missing_browser() -> str | None:
    if not shutil.which("node"):
        return "node is not installed, so the explorer's npm packages and playwright-core are absent " \
               "(install node and npm, then run make install)"
    for package in ("playwright-core", "axe-core"):
        if not (WEB / "node_modules" / package / "package.json").is_file():
            return f"web/node_modules/{package} is missing: run make install (npm ci in web/)"
    if web.missing_files():
        return "the explorer's npm packages are missing: run make install (npm ci in web/)"
    if not os.access(CHROMIUM, os.X_OK):
        return f"no Chromium at {CHROMIUM}: make install installs Debian's chromium with apt-get " \
               "(needs root), or set POLICYKG_CHROMIUM"
    return None


def _policykg() -> list[str]:
    script = Path(sys.executable).with_name("policykg")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "from api.cli import main; main()"]




@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    """`policykg serve` on a free port over the bundled corpus, as `make run` serves it."""
    reason = _missing_browser()
    if reason:
        skip_unless_required(reason)
    tmp = tmp_path_factory.mktemp("browser")
    store = tmp / "store"
    loaded = subprocess.run([*_policykg(), "load", str(ROOT / "corpus"), "--store", str(store)], cwd=ROOT,
                            capture_output=True, text=True, timeout=180)
    assert loaded.returncode == 0, loaded.stderr
    port = free_port()
    log = (tmp / "server.log").open("w")
    server = subprocess.Popen([*_policykg(), "serve", "--store", str(store), "--port", str(port)], cwd=ROOT,
                              stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"policykg serve did not start:\n{(tmp / 'server.log').read_text()}")
            time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def test_search_department_graph_plan_and_targets_in_chromium(live_server):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in ["00-home", *VIEWS, "failure"]:  # its own; tests/test_browser_corrections.py writes 10-14
        (SCREENSHOTS / f"{old}.png").unlink(missing_ok=True)
    started = time.monotonic()
    run = subprocess.run(["node", str(SCRIPT), "--base", live_server, "--out", str(SCREENSHOTS),
                          "--chromium", CHROMIUM], cwd=ROOT, capture_output=True, text=True, timeout=150)
    lines = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    summary = lines[-1] if lines and "steps" in lines[-1] else {}
    report = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + f"\n{run.stderr[-4000:]}"
    assert run.returncode == 0 and summary.get("ok"), f"the browser walk failed:\n{report}"
    assert not summary["problems"], report
    for view in VIEWS:
        shot = SCREENSHOTS / f"{view}.png"
        assert shot.is_file() and shot.stat().st_size > 10_000, f"no screenshot of {view}"
    assert time.monotonic() - started < 90, f"the browser walk took {time.monotonic() - started:.0f}s"
