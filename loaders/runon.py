"""Line breaks a copy lost: a document, or part of one, run together on one line.

Scraped pages often join a document's paragraphs with a space or nothing at all
(`…任务圆满完成。 一、加快提振市场信心 (一)全面促进消费增长。 1.把恢复…`). A reader
still sees where each paragraph begins, and so does this module; each break it
puts in the reading text points at the gap it replaces, or at what follows it.

- An outline marker (一、 （一） (一) 1. 1、 1． （1） ① 第一章 第一节 第一条) that follows
  a sentence end (with its note: 。（X负责）) or a gap in the middle of a line starts
  a line. One right after ；or ： (an inline list: 主要包括：（一）…；（二）…) does so only
  on a line that has lost breaks already.
- On a line that has lost two or more (a run-on line): a marker that continues its
  family's numbering ((一) after a heading with no full stop, then (二)); and a gap
  that ends a paragraph: after a sentence end, a note, a title's genre word (…方案),
  a document number or a date, or before a label (牵头单位：), the addressees
  (各市人民政府，…：), a document number or a date. A signature run on after the last
  sentence (。国务院2019年1月12日) is its own two lines.
- Anywhere: a document number and a date side by side (川办函〔2015〕160号 2015年9月1日),
  and a signature standing between gaps before its date, are separate lines.

Table rows (tabs, |) are left to the table reader.
"""

import re

from loaders.departments import looks_like_body
from loaders.text import CJK, Draft

CN = "一二三四五六七八九十"
MARKER = re.compile(
    rf"(?P<cn>[{CN}]{{1,3}})、"
    rf"|[（(](?P<pcn>[{CN}]{{1,3}})[）)]"
    rf"|(?P<num>\d{{1,2}})(?P<dot>[.．、])(?=[{CJK}“《（(])"
    r"|[（(](?P<pnum>\d{1,2})[）)]"
    r"|(?P<circled>[①-⑳])"
    rf"|第(?P<chapter>[{CN}]{{1,3}})(?P<kind>[章节])(?=[ \u3000{CJK}])"
    rf"|第(?P<article>[{CN}]{{1,3}})条(?=[ \u3000])"
)
GAP = " \u3000\u00a0"
SENTENCE_END = "。！？!?"
LIST_END = "；：;:"
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[［【(（]\d{4}[〕\]］】)）]\d+号")
DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
GENRE_END = re.compile(r"(?:通知|意见|方案|计划|规划|办法|细则|决定|要点|纲要|分解表|分工表|清单|任务表)$")
LABEL = re.compile(r"[\u4e00-\u9fff]{2,8}[：:]")
# Labels of a task's responsibility and deadline, which begin a line even where nothing marks the join.
TASK_LABEL = re.compile(r"(?:(?:牵头|责任|配合|协办|主办|参与|主责|协同|承办)(?:单位|部门|领导)"
                        r"|完成时限|时间节点|完成时间)[：:]")
ADDRESSEES = re.compile(r"各[^。：:\n]{1,80}[：:]")
RUN_ON_SIGNATURE = re.compile(rf"(?<=[。！？）)])([\u4e00-\u9fff]{{2,25}})(?={DATE.pattern})")
_GAPS = re.compile(f"[{GAP}]+")
WINDOW = 400  # how far back a rule looks: a note, a number or a title is shorter


def _ordinal(numeral: str) -> int:
    """1, 一, 十二, ③ → the number; a numeral no document writes (十十) → 0."""
    try:
        return _number(numeral)
    except ValueError:
        return 0


def _number(numeral: str) -> int:
    if numeral.isdigit():
        return int(numeral)
    if numeral in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳":
        return ord(numeral) - ord("①") + 1
    tens, _, ones = numeral.partition("十")
    if "十" not in numeral:
        return CN.index(numeral[0]) + 1 if len(numeral) == 1 else 0
    return (CN.index(tens) + 1 if tens else 1) * 10 + (CN.index(ones) + 1 if ones else 0)


def _family(m: re.Match[str]) -> tuple[str, int]:
    for name in ("cn", "pcn", "pnum", "circled", "chapter", "article"):
        if m.group(name):
            return (name + (m.group("kind") or "") if name == "chapter" else name), _ordinal(m.group(name))
    return "num" + m.group("dot").replace("．", "."), int(m.group("num"))


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


def _after_note(before: str) -> bool:
    """`before` ends with a note that follows a sentence end, a gap or the line's start."""
    opening = _note_start(before, len(before) - 1)
    if opening is None:
        return False
    ahead = before[:opening]
    return not ahead.strip(GAP) or ahead[-1] in GAP or ahead[-1] in SENTENCE_END


def _depth(text: str) -> int:
    return sum(text.count(c) for c in "（(〔【[") - sum(text.count(c) for c in "）)〕】]")


def _kind(line: str, start: int) -> str | None:
    """How the marker at `line[start]` follows what is before it: 'end' (a sentence end, maybe with its
    note), 'gap', 'list' (；：), 'note' (a note not after a sentence end), 'run' (a character)."""
    window = line[max(0, start - WINDOW):start]
    before = window.rstrip(GAP)
    if not before.strip(GAP):
        return "gap" if start > WINDOW else None  # None: the line starts here
    if before[-1] in "|｜\t":
        return None  # a table cell starts here
    if len(before) < len(window):
        return "gap"
    last = before[-1]
    if last in SENTENCE_END:
        return "end"
    if last in LIST_END:
        return "list"
    if last in "）)":
        return "end" if _after_note(before) else "note"
    return None if last in f"第{CN}0123456789" else "run"


def _ends_field(text: str, pattern: re.Pattern[str]) -> bool:
    return any(m.end() == len(text) for m in pattern.finditer(text, max(0, len(text) - 30)))


def _marker_breaks(line: str) -> tuple[set[int], bool]:
    """Markers that start a line, and whether the line is a run-on line (two breaks lost or more, or one
    in a long line with more markers)."""
    points = [(m, kind, _family(m)) for m in MARKER.finditer(line) if (kind := _kind(line, m.start()))]
    strong = sum(1 for _, kind, _ in points if kind in ("end", "gap"))
    run_on = strong >= 2 or (strong == 1 and len(points) >= 3 and len(line) > 200)
    second = {family: m.start() for m, _, (family, n) in points if n == 2}  # the last (二) of each family
    breaks = set()
    last: dict[str, int] = {}
    for m, kind, (family, n) in points:
        follows = n == last.get(family, 0) + 1 or (n == 1 and second.get(family, -1) > m.start())
        if (kind in ("end", "gap") or (strong and kind == "list") or (run_on and kind == "note")
                or (run_on and kind == "run" and family != "cn" and follows)):
            breaks.add(m.start())
            last[family] = n
    return breaks, run_on


def _gap_breaks(line: str, run_on: bool) -> set[int]:
    breaks = set()
    gaps = list(_GAPS.finditer(line))
    for i, gap in enumerate(gaps):
        if gap.start() == 0 or gap.end() == len(line):
            continue
        before = line[max(0, gap.start() - WINDOW): gap.start()]
        after = line[gap.end(): gap.end() + 120]
        number_date = (_ends_field(before, DOC_NUMBER) and DATE.match(after)
                       or _ends_field(before, DATE) and DOC_NUMBER.match(after))
        nxt = gaps[i + 1] if i + 1 < len(gaps) else None
        signature = (nxt is not None and nxt.start() - gap.end() <= 25 and DATE.match(line, nxt.end())
                     and looks_like_body(line[gap.end(): nxt.start()]))
        if number_date or signature:
            breaks.add(gap.end())
        elif run_on and (before[-1] in SENTENCE_END + LIST_END or (before[-1] in "）)" and _after_note(before))
                         or GENRE_END.search(before) or _ends_field(before, DOC_NUMBER) or _ends_field(before, DATE)
                         or DOC_NUMBER.match(after) or DATE.match(after) or LABEL.match(after)
                         or ADDRESSEES.match(after)):
            breaks.add(gap.end())
    return breaks


def _run_on_breaks(line: str) -> set[int]:
    """Paragraphs run on without a gap: the addressees after the title or number, a signature."""
    breaks = set()
    for m in ADDRESSEES.finditer(line):
        before = line[max(0, m.start() - WINDOW): m.start()]
        if before and (GENRE_END.search(before) or _ends_field(before, DOC_NUMBER)):
            breaks.add(m.start())
    for m in RUN_ON_SIGNATURE.finditer(line):
        if looks_like_body(m.group(1)):
            breaks.update((m.start(), m.end()))
            date_end = DATE.match(line, m.end()).end()  # type: ignore[union-attr]
            close = line.find("）", date_end, date_end + 20)
            if close > 0 and line[date_end] in "（(":  # its note: （此件公开发布）
                breaks.update(p for p in (date_end, close + 1) if p < len(line))
    depth, pos = 0, 0
    for m in TASK_LABEL.finditer(line):
        depth += _depth(line[pos: m.start()])
        pos = m.start()
        if m.start() > 0 and depth <= 0:  # a label inside a note stays in it
            breaks.add(m.start())
    return breaks


def _line_edits(line: str, base: int) -> list[tuple[int, int, str]]:
    if line.count("\t") >= 2 or line.count("|") + line.count("｜") >= 2:
        return []
    breaks, run_on = _marker_breaks(line)
    breaks |= _gap_breaks(line, run_on)
    if run_on:
        breaks |= _run_on_breaks(line)
    edits = []
    for start in sorted(breaks):
        gap_start = start
        while gap_start > 0 and line[gap_start - 1] in GAP:
            gap_start -= 1
        edits.append((base + gap_start, base + start, "\n"))
    return edits


def break_run_on_lines(draft: Draft) -> Draft:
    edits = []
    pos = 0
    for line in draft.text.split("\n"):
        if MARKER.search(line) or _GAPS.search(line):
            edits.extend(_line_edits(line, pos))
        pos += len(line) + 1
    return draft.edit(edits)
