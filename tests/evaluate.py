"""How well policykg reads documents, measured against what people read in them (`make eval`).

Prints one row per bundled plan (corpus/, gold in tests/fixtures/gold) and one per
development-set document (tests/fixtures/devset), then micro figures over the
devset; `-v` adds under each row the facts missed and the facts read wrongly.
Exits 1 when a bundled plan is below its thresholds (tests/evaluation/floors.py).

Why it looks like this: the measurement must be able to disagree with the code,
so the gold is never interpreted by the code under test. Departments are compared
as written (the extracted `Assignment.surface` against the gold's name, both folded
by tests/evaluation/text.py); whether a surface landed on the right body is judged
against a person's mapping to canonical names (tests/fixtures/gold_names.tsv) and
the gold's same/distinct department facts, on the nodes the graph attached each
surface to. Targets are judged both ways where a person listed every target of the
plan (`"indicators_complete": true`), comparator and baseline mistakes shown apart.
`--corrections FILE` (as `policykg corrections export` writes it) adds what people's
corrections to these documents say as extra gold (tests/evaluation/corrections.py).
"""

import argparse
import json
import sys
from pathlib import Path

from graph.correction_file import read as read_corrections
from graph.errors import PolicyKGError
from tests.evaluation.cases import fixture_sets
from tests.evaluation.corrections import CorrectionBook
from tests.evaluation.floors import (
    bundled_failures,
    bundled_hints,
    devset_failures,
    devset_hints,
    raise_devset_floors,
)
from tests.evaluation.report import Report, Totals, evaluate_bundled, evaluate_devset

HEADER = (f"{'document':34} {'juris':>5} {'P':>6} {'R':>6} {'leads+sup':>9} {'targets':>7} {'tgt P':>6}"
          f" {'c/b!':>4} {'names':>7}")
LEGEND = ("P/R: leads and supports as (unit, role, department as written); targets: found/annotated;"
          " tgt P: target precision where the gold lists every target; c/b!: comparator or baseline read wrongly;"
          " names: surfaces whose node carries the reviewed canonical name; facts: same/distinct departments")


def details(r: Report, verbose: bool = True) -> list[str]:
    """The facts behind a row: what was missed, what was read wrongly."""
    t = r.targets
    groups = [
        ("jurisdiction", [r.jurisdiction_error] if r.jurisdiction_error and not r.error else []),
        ("missed", r.assignments.missed), ("wrong", r.assignments.wrong), ("basis", r.basis_errors),
        ("target missed", t.missed), ("target wrong", t.wrong), ("comparator", t.comparator),
        ("baseline", t.baseline), ("goal without a figure, not judged", t.unvalued if verbose else []),
        ("name", r.name_errors), ("resolution", r.resolution_failures),
    ]
    return [f"    {label}: {line}" for label, lines in groups for line in lines]


def row(r: Report) -> str:
    s, t = r.assignments, r.targets
    if r.error:
        return f"{r.document[:34]:34} not loaded: {r.error[:90]}"
    precision = "–" if t.precision is None else f"{t.precision:.3f}"
    return (f"{r.document[:34]:34} {'yes' if r.jurisdiction_right else 'NO':>5} {s.precision:6.3f} {s.recall:6.3f}"
            f" {s.found:>4}/{s.expected:<4} {t.found:>3}/{t.expected:<3} {precision:>6}"
            f" {len(t.comparator) + len(t.baseline):>4} {r.names_checked - len(r.name_errors):>3}/{r.names_checked:<3}")


def micro_row(totals: Totals) -> str:
    return (f"{'micro':34} {totals.jurisdiction_right:>2}/{totals.documents:<2} {totals.precision:6.3f}"
            f" {totals.recall:6.3f} {totals.found:>4}/{totals.expected:<4}"
            f" {totals.targets_found:>3}/{totals.targets_expected:<3} {'':11} {totals.names_right:>3}/{totals.names_checked:<3}"
            f"  loaded {totals.loaded}/{totals.documents}")


def print_bundled(verbose: bool, book: CorrectionBook | None = None) -> bool:
    """The bundled plans' rows; True when every plan holds its thresholds."""
    print("Bundled plans (corpus/, gold in tests/fixtures/gold)")
    print(HEADER + f" {'facts':>7}")
    ok = True
    for r in evaluate_bundled(book):
        print(row(r) + f" {r.resolution_facts - len(r.resolution_failures):>3}/{r.resolution_facts:<3}")
        failures = bundled_failures(r)
        ok = ok and not failures
        if verbose or failures:
            print("\n".join(details(r, verbose)) or "    (nothing missed)")
        for why in failures:
            print(f"    BELOW THRESHOLD: {why}")
        for hint in bundled_hints(r):
            print(f"    ratchet: {hint}")
    return ok


def print_devset(verbose: bool, folder: Path, book: CorrectionBook | None = None) -> None:
    title = "Development set" if folder.name == "devset" else f"Check set '{folder.name}'"
    print(f"\n{title} (tests/fixtures/{folder.name}; targets are samples: recall only)")
    print(HEADER)
    reports, totals = evaluate_devset(folder, book)
    for r in reports:
        print(row(r))
        if verbose:
            print("\n".join(details(r)) or "    (nothing missed)")
    print(micro_row(totals))
    for why in devset_failures(reports, totals, folder):
        print(f"    BELOW FLOOR: {why}")
    hints = devset_hints(reports, totals, folder)
    if hints:
        print(f"    ratchet: {len(hints)} figures above their floor in tests/fixtures/{folder.name}/floors.json"
              " (raise them: python -m tests.evaluate --raise-floors)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print missed and wrong facts under each row")
    parser.add_argument("--raise-floors", action="store_true",
                        help="lift each fixture set's floors.json to today's figures (never lowers)")
    parser.add_argument("--set", action="append", metavar="NAME",
                        help="only this fixture set (devset, fresh, …); repeatable; default: every set")
    parser.add_argument("--corrections", type=Path, metavar="FILE",
                        help="people's corrections (policykg corrections export) as extra gold for their documents")
    args = parser.parse_args(argv)
    if args.raise_floors and args.corrections:
        parser.error("--raise-floors lifts the floors to the reviewed gold alone: drop --corrections")
    sets = [f for f in fixture_sets() if not args.set or f.name in args.set]
    try:
        book = CorrectionBook(read_corrections(args.corrections), str(args.corrections)) if args.corrections else None
    except PolicyKGError as e:
        print(f"error: {e.message}", file=sys.stderr)
        return 1
    if args.raise_floors:
        for folder in sets:
            print(folder.name, json.dumps(raise_devset_floors(*evaluate_devset(folder), folder), ensure_ascii=False))
        return 0
    ok = print_bundled(args.verbose, book)
    for folder in sets:
        print_devset(args.verbose, folder, book)
    if book:
        print("\n" + "\n".join(book.summary()))
    print("\n" + LEGEND)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
