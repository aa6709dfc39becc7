"""Diverse traffic for `make bench`: every department's leads and supports, a few pages each, at random.

Real traffic asks about every department, both roles and different pages, so a cache of
answers cannot carry it: the server runs uncached (POLICYKG_RESPONSE_CACHE=0, and
POLICYKG_QUERY_CACHE=0 for the store's cache of query results) and wrk picks
each request at random from the whole list (a Lua script), beside the one-route app measured
with the same wrk settings. The list is built from the store before the server starts.
"""

import os
import re
import subprocess
import sys
import urllib.parse
from pathlib import Path

PAGES = 3  # offsets 0, LIMIT, 2 × LIMIT for every department and role (a page past the end is a valid answer)
LIMIT = 20
THREADS = 2
CLI = [sys.executable, "-c", "from api.cli import main; main()"]
LUA = """
math.randomseed(os.time())
local paths = {
%s
}
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
"""


def diverse_paths(store: Path) -> list[str]:
    """All departments × leads and supports × PAGES offsets, by canonical name and jurisdiction."""
    from graph.embedded import EmbeddedStore

    opened = EmbeddedStore(store, read_only=True)
    try:
        departments = opened.run("all_departments")
    finally:
        opened.close()
    paths = []
    for d in departments:
        name = urllib.parse.quote(d["name"], safe="")
        where = "&jurisdiction=" + urllib.parse.quote(d["jurisdiction"], safe="") if d["jurisdiction"] else ""
        for role in ("leads", "supports"):
            for page in range(PAGES):
                paths.append(f"/departments/{name}/{role}?limit={LIMIT}&offset={page * LIMIT}{where}")
    return paths


def lua_script(paths: list[str], folder: Path) -> Path:
    script = folder / "diverse.lua"
    script.write_text(LUA % ",\n".join(f'  "{p}"' for p in paths), encoding="utf-8")
    return script


def has_workers_option() -> bool:
    """`policykg serve --workers N` exists (read-only worker processes on the embedded store)."""
    out = subprocess.run([*CLI, "serve", "--help"], capture_output=True, text=True,
                         env={**os.environ, "COLUMNS": "200"}).stdout
    return "--workers" in out


def query_cache_can_be_disabled() -> bool:
    """POLICYKG_QUERY_CACHE=0 reaches graph.cache.CachedStore(enabled=False) through the settings."""
    from api.settings import Settings

    return "policykg_query_cache" in Settings.model_fields


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and all its descendants, from /proc (Linux): what a request
    costs the server, a figure that holds on a machine shared with other work, unlike req/s."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
        todo += children.get(current, [])
    return total / os.sysconf("SC_CLK_TCK")


def parse_wrk(out: str) -> dict:
    def latency(percent: str) -> float:
        found = re.search(rf"\b{percent}%\s+([\d.]+)(us|ms|s)\b", out)
        return float(found.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[found.group(2)]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), "p50_ms": latency("50"),
            "p99_ms": latency("99"), "non_2xx": int(errors.group(1)) if errors else 0,
            "requests": int(re.search(r"(\d+) requests in", out).group(1))}


def line(label: str, figures: dict, baseline: dict | None = None) -> str:
    ratio = f"  {figures['rps'] / baseline['rps']:.2f}x the one-route app" if baseline else ""
    errors = f"  non-2xx {figures['non_2xx']}" if figures["non_2xx"] else ""
    cpu = f"  server CPU {figures['cpu_ms']:.2f} ms/request" if "cpu_ms" in figures else ""
    return (f"  {label:34s} {figures['rps']:7.0f} req/s  p50 {figures['p50_ms']:6.1f} ms  "
            f"p99 {figures['p99_ms']:6.1f} ms{cpu}{ratio}{errors}")


def verdict(figures: dict, baseline: dict, ratio: float, p99_ms: float) -> str:
    met = figures["rps"] / baseline["rps"] >= ratio and figures["p99_ms"] <= p99_ms and not figures["non_2xx"]
    return f"targets {'met' if met else 'NOT met'} (>= {ratio}x the one-route app, p99 <= {p99_ms:.0f} ms)"
