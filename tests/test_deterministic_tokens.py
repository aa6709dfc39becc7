"""A document's search tokens do not depend on what was read before it, nor on the process."""

import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from loaders.pipeline import load_file

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
TARGET = sorted(CORPUS.glob("003_*.txt"))[0]

_ALONE = """
import json, sys
from loaders.pipeline import load_file
g = load_file(sys.argv[1])
print(json.dumps([g.plan.tokens, *[u.tokens for u in g.units], *[i.tokens for i in g.indicators]]))
"""


def token_lists(path: Path) -> list[list[str]]:
    g = load_file(path)
    return [g.plan.tokens, *[u.tokens for u in g.units], *[i.tokens for i in g.indicators]]


def test_tokens_are_the_same_alone_after_others_and_in_a_worker():
    import json

    alone = json.loads(subprocess.run([sys.executable, "-c", _ALONE, str(TARGET)], check=True,
                                      capture_output=True, text=True).stdout)
    for other in sorted(CORPUS.glob("*.txt")):
        load_file(other)  # everything else first, in this process
    after_others = token_lists(TARGET)
    with ProcessPoolExecutor(max_workers=1) as pool:
        in_worker = pool.submit(token_lists, TARGET).result()
    assert len(alone) > 10
    assert after_others == alone
    assert in_worker == alone
