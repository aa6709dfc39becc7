"""Line breaks a copy lost: a document, or part of one, run together on one line.

Scraped pages often join a document's paragraphs with a space or nothing at all
(`…任务圆满完成。 一、加快提振市场信心 (一)全面促进消费增长。 1.把恢复…`). A reader
still sees where each paragraph begins: an outline marker (一、 （一） (一) 1. 1、 1．
（1） ① 第一章 第一节 第一条) that follows a sentence end or stands after a gap in
the middle of a line. Such a marker gets a line break before it in the reading
text; the break points at the gap it replaces, or at the marker itself.

A marker right after ；or ： (an inline list: 主要包括：（一）…；（二）…) starts a line
only on a line that has already lost breaks. On a line that has lost two or more,
the other gaps that end a paragraph become breaks too: after a sentence end, around
a document number (豫政〔2023〕5号) or a date. A gap between a document number and
a date is always a break (川办函〔2015〕160号 2015年9月1日). Table rows (tabs, |) are
left to the table reader.
"""

import re

from loaders.text import CJK, Draft

CN = "一二三四五六七八九十百零〇"
MARKER = re.compile(
    rf"[{CN}]{{1,3}}、"
    rf"|[（(][{CN}]{{1,3}}[）)]"
    rf"|\d{{1,2}}[.．、](?=[{CJK}“《（(])"
    r"|[（(]\d{1,2}[）)]"
    r"|[①-⑳]"
    rf"|第[{CN}]{{1,3}}[章节](?=[ \u3000{CJK}])"
    rf"|第[{CN}]{{1,3}}条(?=[ \u3000])"
)
GAP = " \u3000\u00a0"
SENTENCE_END = "。！？!?"
LIST_END = "；：;:"
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[［【(（]\d{4}[〕\]］】)）]\d+号")
DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
_GAPS = re.compile(f"[{GAP}]+")


def _note_start(line: str, close: int) -> int | None:
    """Index of the bracket opening the note that ends at `line[close]`."""
    depth = 0
    for i in range(close, max(-1, close - 400), -1):
        if line[i] in "）)":
            depth += 1
        elif line[i] in "（(":
            depth -= 1
            if depth == 0:
                return i
    return None


def _kind(line: str, start: int) -> str | None:
    """How the marker at `line[start]` follows what comes before it: 'end' (a sentence end, maybe
    with its note), 'gap' (a space), 'list' (；：), 'note' (a note not after a sentence end)."""
    before = line[:start].rstrip(GAP)
    if not before.strip(GAP):
        return None  # the line starts here
    if before[-1] in "|｜\t":
        return None
    if len(before) < start:
        return "gap"
    last = before[-1]
    if last in SENTENCE_END:
        return "end"
    if last in LIST_END:
        return "list"
    if last in "）)":
        opening = _note_start(before, len(before) - 1)
        if opening is not None and opening > 0 and before[:opening].rstrip(GAP)[-1:] in SENTENCE_END:
            return "end"
        return "note"
    return None


def _line_edits(line: str, base: int) -> list[tuple[int, int, str]]:
    if line.count("\t") >= 2 or line.count("|") + line.count("｜") >= 2:
        return []
    points = [(m.start(), kind) for m in MARKER.finditer(line) if (kind := _kind(line, m.start()))]
    strong = sum(1 for _, kind in points if kind in ("end", "gap"))
    breaks = {start for start, kind in points if kind in ("end", "gap") or (strong and kind == "list")
              or (strong >= 2 and kind == "note")}
    for gap in _GAPS.finditer(line):
        before, after = line[: gap.start()], line[gap.end():]
        if not before.strip() or not after.strip():
            continue
        if _ends_field(before, DOC_NUMBER) and DATE.match(after) or _ends_field(before, DATE) and \
                DOC_NUMBER.match(after):
            breaks.add(gap.end())
        elif strong >= 2 and (before[-1] in SENTENCE_END + LIST_END or _ends_field(before, DOC_NUMBER)
                              or _ends_field(before, DATE) or DOC_NUMBER.match(after) or DATE.match(after)):
            breaks.add(gap.end())
    edits = []
    for start in sorted(breaks):
        gap_start = len(line[:start].rstrip(GAP))
        edits.append((base + gap_start, base + start, "\n") if gap_start < start else (base + start, base + start,
                                                                                       "\n"))
    return edits


def _ends_field(text: str, pattern: re.Pattern[str]) -> bool:
    return any(m.end() == len(text) for m in pattern.finditer(text, max(0, len(text) - 30)))


def break_run_on_lines(draft: Draft) -> Draft:
    edits = []
    pos = 0
    for line in draft.text.split("\n"):
        if MARKER.search(line) or _GAPS.search(line):
            edits.extend(_line_edits(line, pos))
        pos += len(line) + 1
    return draft.edit(edits)
