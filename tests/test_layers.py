"""The packages keep their jobs: import-linter checks the contracts in pyproject.toml."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is a dev dependency: run make install"
    r = subprocess.run([lint, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout[-3000:]
    assert "4 kept, 0 broken" in r.stdout


def test_a_forbidden_import_is_caught(tmp_path):
    """The check can fail: a copy of the packages where graph imports loaders breaks a contract."""
    for package in ("graph", "loaders", "api", "queries"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__", "data",
                                                                                          "*.cypher", "vocab"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    model = tmp_path / "graph" / "model.py"
    model.write_text("import loaders.pipeline  # noqa\n" + model.read_text(encoding="utf-8"), encoding="utf-8")
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    r = subprocess.run([lint, "--no-cache"], cwd=tmp_path, capture_output=True, text=True,
                       env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert r.returncode != 0 and "BROKEN" in r.stdout
