"""Which heading a responsibility note belongs to, read as a reader of the document would.

A note inside an item's own paragraph belongs to that item (the innermost heading holding it).
A note on its own line (or ending a paragraph of 一是…二是… items) follows an item, and then:
  - when the item's siblings carry notes of their own, it is the item's own note
    (1．… 牵头单位：X  2．… 牵头单位：Y: each item has its own);
  - when it follows the last of several siblings none of which has a note, it speaks for the
    whole run, and belongs to their parent ((一)… 1． 2． 3． （责任单位：X、Y）: the action's),
    unless the parent has a note of its own: a heading's departments are stated once, so the note
    after its numbered sub-items is the last one's ((一)…（X负责） 1． 2． （Y负责）: 2．'s).
A note standing before a heading's first sub-item is that heading's own.
When a heading's own text holds two or more notes, each closing the clauses written since the one
before (or since its paragraph began; a note on a line of its own closes the paragraphs since the
note before it), each group of clauses with its note is a task of the
heading, titled by its first clause (政府工作报告 分工意见: 加快…。（X牵头） / 大力…，推进…（Y牵头），
建设…（Z牵头）。), not one task with every department of them. A note right after the heading's
title is the heading's own; a single note stays with the heading.
"""

import re

from loaders.outline import Heading, Outline, heading_title
from loaders.responsibility import Note


def place_notes(outline: Outline, notes: list[Note], text: str = "", paragraphs: bool = True) -> list[Heading | None]:
    """The heading each note belongs to (None before any heading), in the notes' order; with
    `paragraphs`, a text with no outline may have its note-closed paragraphs as tasks."""
    if text:
        _clause_items(outline, notes, text)
        if paragraphs:
            _paragraph_tasks(outline, notes, text)
    deepest = [outline.deepest(n.start) for n in notes]
    with_notes = {h for h in deepest if h is not None}
    carrying = {a for h in with_notes for a in [h, *h.ancestors()]}
    return [_owner(outline, n, h, carrying, with_notes) for n, h in zip(notes, deepest, strict=True)]


def _owner(outline: Outline, note: Note, h: Heading | None, carrying: set[Heading],
           with_notes: set[Heading]) -> Heading | None:
    if h is None or not (note.standalone or h.inline):
        return h
    if any(not c.inline for c in h.children):
        return h  # the note stands before the heading's first sub-item
    siblings = h.parent.children if h.parent is not None else outline.roots
    run = [s for s in siblings if s.inline == h.inline]
    others_carry = any(s in carrying for s in run if s is not h)
    if h.parent is not None and len(run) >= 2 and run[-1] is h and not others_carry:
        if not h.inline and h.parent in with_notes:
            return h  # the parent stated its departments already: this note is the last item's own
        return h.parent
    return h


def _clause_items(outline: Outline, notes: list[Note], text: str) -> None:
    """A heading's own text closed by two or more notes, each after its clauses: each group of
    clauses with its note is an item of the heading (read as a task when classified)."""
    own: dict[Heading, list[Note]] = {}
    for note in notes:
        h = outline.deepest(note.start)
        if h is not None and not h.inline and note.form != "heading":  # the heading's title names its lead
            own.setdefault(h, []).append(note)
    for h, mine in own.items():
        if len(mine) < 2:
            continue  # a single note is the heading's own
        for start, end in clause_groups(h, mine, text):
            outline.add_paragraph(h, start, end, clause_title(text[start:end]))


def _paragraph_tasks(outline: Outline, notes: list[Note], text: str) -> None:
    """A text with no numbered outline whose paragraphs each end with a note (a news repost of a
    分工 list: 着力…。（X牵头） / 发挥…。（Y牵头）): each paragraph with its note is a task."""
    mine = [n for n in notes if n.start < outline.body_end]
    if outline.headings or len(mine) < 2:
        return
    prev_end, groups = 0, []
    for note in mine:
        if note.standalone:  # the paragraph before the note's own line
            above = len(text[:note.start].rstrip())
            start = max(prev_end, text.rfind("\n", 0, above) + 1)
        else:
            start = max(prev_end, text.rfind("\n", 0, note.start) + 1)
        while start < note.start and text[start] in CLAUSE_GAP + "\n":
            start += 1
        if start < note.start and not _only_labels(text[start:note.start]):
            groups.append((start, note.end))
        prev_end = note.end
    if len(groups) >= 2:
        for start, end in groups:
            outline.add_paragraph(None, start, end, clause_title(text[start:end]))


def clause_groups(h: Heading, notes: list[Note], text: str) -> list[tuple[int, int]]:
    """(start, end) of the clauses each note closes: from the end of the note before it, the start of
    its paragraph or the end of the heading's own title, whichever is last, to the note's end. A note
    right after the heading's title closes no clauses of its own (it is the heading's); one right
    after another note, or after only label lines (牵头领导：张三, 完成时限：…), goes with that note's
    clauses (…（X牵头）（Y配合）)."""
    at = text.find(h.title, h.start)
    title_end = at + len(h.title) if at >= 0 else h.line_end
    prev_end, groups = h.start, []
    for note in notes:
        line_start = text.rfind("\n", 0, note.start) + 1
        if note.standalone:  # a note on its own line closes the paragraphs since the note before it
            start = max(prev_end, title_end)
        else:
            start = max(prev_end, line_start, title_end if line_start <= h.start else line_start)
        while start < note.start and text[start] in CLAUSE_GAP + "\n":
            start += 1
        if start < note.start and not _only_labels(text[start:note.start]):
            groups.append((start, note.end))
        elif groups and groups[-1][1] == prev_end and (
                not text[prev_end:note.start].strip(CLAUSE_GAP + "\n") or _only_labels(text[prev_end:note.start])):
            groups[-1] = (groups[-1][0], note.end)
        prev_end = note.end
    return groups


CLAUSE_GAP = " \t\u3000。；;，,、：:）)"
LABEL_LINE = re.compile(r"^[^：:。，,；;\n]{2,10}[：:]")  # 牵头领导：张三 / 完成时限：2024年底


def _only_labels(between: str) -> bool:
    """Text between two notes that is only label lines (a person, a deadline) closes no clauses."""
    lines = [ln.strip() for ln in between.splitlines() if ln.strip()]
    return bool(lines) and all(LABEL_LINE.match(ln) for ln in lines)


def clause_title(group: str) -> str:
    """A clause group's title: its first clause (to the first comma outside quotation marks, or the
    sentence's end), without the note that closes it."""
    sentence = heading_title(group, "。；;（(") or group.strip()[:20]
    depth = 0
    for i, ch in enumerate(sentence):
        if ch in "“‘《":
            depth += 1
        elif ch in "”’》":
            depth -= 1
        elif ch in "，," and depth <= 0 and i >= 4:
            return sentence[:i]
    return sentence
