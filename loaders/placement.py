"""Which heading a responsibility note belongs to, read as a reader of the document would.

A note inside an item's own paragraph belongs to that item (the innermost heading holding it).
A note on its own line (or ending a paragraph of 一是…二是… items) follows an item, and then:
  - when the item's siblings carry notes of their own, it is the item's own note
    (1．… 牵头单位：X  2．… 牵头单位：Y: each item has its own);
  - when it follows the last of several siblings none of which has a note, it speaks for the
    whole run, and belongs to their parent ((一)… 1． 2． 3． （责任单位：X、Y）: the action's).
A note standing before a heading's first sub-item is that heading's own.
"""

from loaders.outline import Heading, Outline
from loaders.responsibility import Note


def place_notes(outline: Outline, notes: list[Note]) -> list[Heading | None]:
    """The heading each note belongs to (None before any heading), in the notes' order."""
    deepest = [outline.deepest(n.start) for n in notes]
    with_notes = {h for h in deepest if h is not None}
    carrying = {a for h in with_notes for a in [h, *h.ancestors()]}
    return [_owner(outline, n, h, carrying) for n, h in zip(notes, deepest, strict=True)]


def _owner(outline: Outline, note: Note, h: Heading | None, carrying: set[Heading]) -> Heading | None:
    if h is None or not (note.standalone or h.inline):
        return h
    if any(not c.inline for c in h.children):
        return h  # the note stands before the heading's first sub-item
    siblings = h.parent.children if h.parent is not None else outline.roots
    run = [s for s in siblings if s.inline == h.inline]
    others_carry = any(s in carrying for s in run if s is not h)
    if h.parent is not None and len(run) >= 2 and run[-1] is h and not others_carry:
        return h.parent
    return h
