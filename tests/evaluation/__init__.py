"""The parts of `make eval` (tests/evaluate.py): reading the gold, scoring, floors.

Nothing here asks the code under test how to read the gold: names, units and
figures are normalised and compared by this package alone.
"""
