"""Documents with a person's reading of them: the bundled plans, the development set and later check sets."""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graph.errors import DocumentError
from graph.model import PlanGraph
from loaders.pipeline import load_file

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
GOLD = FIXTURES / "gold"
CORPUS = ROOT / "corpus"
DEVSET = FIXTURES / "devset"
GOLD_NAMES = FIXTURES / "gold_names.tsv"


@dataclass
class Case:
    """One document and its gold."""

    name: str
    doc: Path
    gold: dict
    bundled: bool

    @property
    def key(self) -> str:
        """How gold refers to a bundled plan ('000:省发展改革委')."""
        return self.name[:3]


def gold_files() -> list[Path]:
    """The bundled plans' gold (tests/fixtures/gold/NNN_*.json)."""
    return sorted(GOLD.glob("[0-9][0-9][0-9]_*.json"))


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def bundled_cases() -> list[Case]:
    return [Case(g["document"], CORPUS / g["document"], g, True) for g in map(_read, gold_files())]


def fixture_sets() -> list[Path]:
    """Folders of documents with a person's reading of each (docs/ and gold/): the development set
    first, then the later check sets (fresh, …) in name order."""
    found = sorted(p for p in FIXTURES.iterdir() if (p / "docs").is_dir() and (p / "gold").is_dir())
    return sorted(found, key=lambda p: p != DEVSET)


def gold_names_files() -> list[Path]:
    """The reviewed canonical names: the bundled plans' and devset's file, and each check set's own."""
    return [GOLD_NAMES, *(p / "gold_names.tsv" for p in fixture_sets() if (p / "gold_names.tsv").exists())]


def devset_cases(folder: Path = DEVSET) -> list[Case]:
    """Each document of a fixture set that has gold beside it."""
    out = []
    for doc in sorted((folder / "docs").iterdir()):
        gold_path = folder / "gold" / (doc.stem + ".json")
        if gold_path.exists():
            out.append(Case(doc.name, doc, _read(gold_path), False))
    return out


@cache
def _load(path: Path) -> PlanGraph:
    return load_file(path)


def load(case: Case) -> PlanGraph | str:
    """The extracted graph, or the reason the document did not load."""
    try:
        return _load(case.doc)
    except DocumentError as e:
        return str(e)
    except Exception as e:  # noqa: BLE001 - a crash is a finding, not a reason to stop measuring
        return f"crash: {type(e).__name__}: {e}"
