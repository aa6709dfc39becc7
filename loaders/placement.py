"""Which heading a responsibility note belongs to, read as a reader of the document would.

A note inside an item's own paragraph belongs to that item (the innermost heading holding it).
A note on its own line (or ending a paragraph of 一是…二是… items) follows an item, and then:
  - when the item's siblings carry notes of their own, it is the item's own note
    (1．… 牵头单位：X  2．… 牵头单位：Y: each item has its own);
  - when it follows the last of several siblings none of which has a note, it speaks for the
    whole run, and belongs to their parent ((一)… 1． 2． 3． （责任单位：X、Y）: the action's).
A note standing before a heading's first sub-item is that heading's own.
When a heading's own text runs in unnumbered paragraphs and two or more of them end with a note
of their own, each such paragraph is a task of the heading (政府工作报告 分工: 加快…。（X牵头）
/ 大力…。（Y牵头）), not one task with every department of them.
"""

from loaders.outline import Heading, Outline, heading_title
from loaders.responsibility import Note


def place_notes(outline: Outline, notes: list[Note], text: str = "") -> list[Heading | None]:
    """The heading each note belongs to (None before any heading), in the notes' order."""
    if text:
        _paragraph_items(outline, notes, text)
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


def _paragraph_items(outline: Outline, notes: list[Note], text: str) -> None:
    """Paragraphs of a heading's own text that each end with their own note become its items."""
    lines: dict[Heading, set[int]] = {}
    for note in notes:
        h = outline.deepest(note.start)
        if h is not None and not h.inline and not note.standalone:
            lines.setdefault(h, set()).add(text.rfind("\n", 0, note.start) + 1)
    for h, starts in lines.items():
        if len(starts) < 2:
            continue
        for start in sorted(s for s in starts if s > h.start):  # the heading's own line keeps its note
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            paragraph = text[start:end]
            lead = len(paragraph) - len(paragraph.lstrip())
            outline.add_paragraph(h, start + lead, end, heading_title(paragraph) or paragraph.strip()[:20])
