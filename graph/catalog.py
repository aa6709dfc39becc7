"""The catalog of named Cypher queries: the `.cypher` files of queries/, read as data.

One file per query, in the subset both stores run.

Each file starts with `//` header lines (`purpose:`, `params:`, `returns:`, and `index:`, which says
what Neo4j looks the query's starting nodes up by; a key repeated on the next line continues it)
and is pasteable as-is into the Neo4j Browser (with `:param` set).
"""

from dataclasses import dataclass
from functools import cache
from importlib import resources

from graph.errors import NotFound


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    purpose: str
    params: str
    returns: str
    index: str = ""


def text_of(relative: str) -> str:
    """Any file under queries/ (the Browser's style.grass, the Neo4j-only queries in neo4j/)."""
    return resources.files("queries").joinpath(relative).read_text(encoding="utf-8")


def names() -> list[str]:
    return sorted(p.name[: -len(".cypher")] for p in resources.files("queries").iterdir() if p.name.endswith(".cypher"))


@cache
def load(name: str) -> Query:
    if name not in names():
        raise NotFound(f"no query named {name!r}", available=names())
    text = resources.files("queries").joinpath(f"{name}.cypher").read_text(encoding="utf-8")
    header = {}
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        key, _, value = line[2:].strip().partition(":")
        key = key.strip()
        header[key] = f"{header[key]} {value.strip()}" if key in header else value.strip()
    return Query(name, text, header.get("purpose", ""), header.get("params", ""), header.get("returns", ""),
                 header.get("index", ""))
