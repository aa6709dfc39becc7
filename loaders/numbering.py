"""The numbering families of Chinese official documents, and the number each marker stands for.

A heading line opens with one marker of a family: 第一部分, 第一章, 第一节, 第一条, 一、, （一）, 1. / 1、 / 1．,
（1） / 1), ①, 专栏1. Width variants are one family (（一） and (一); 1. and 1．). Inside a paragraph,
一是…二是…三是… numbers the paragraph's own items. This module only reads markers; how families
nest is the outline's business (loaders/outline.py). Paragraphs opening with 一是… / 第一，… / 首先，…
number the items of the heading they stand under (only as openers of their paragraphs).
"""

import re
from dataclasses import dataclass

CN = "一二三四五六七八九十百零〇两"
_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
             "九": 9}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# family → (pattern on a stripped line, label format); the pattern's groups are (numeral, rest).
FAMILIES: dict[str, tuple[re.Pattern[str], str]] = {
    "part": (re.compile(rf"^第([{CN}\d]+)(?:部分|篇)\s*(.*)$"), "第{}部分"),
    "chapter": (re.compile(rf"^第([{CN}\d]+)章\s*(.*)$"), "第{}章"),
    "jie": (re.compile(rf"^第([{CN}\d]+)节\s*(.*)$"), "第{}节"),
    "article": (re.compile(rf"^第([{CN}\d]+)条\s*(.*)$"), "第{}条"),
    "box": (re.compile(rf"^专栏\s*([{CN}\d]+)\s*[：:]?\s*(.*)$"), "专栏{} "),
    "cn": (re.compile(rf"^([{CN}]+)\s*[、．.]\s*(.*)$"), "{}、"),
    "cn-paren": (re.compile(rf"^[（(]\s*([{CN}]+)\s*[）)]\s*[、，,．.]?\s*(.*)$"), "（{}）"),
    "num-paren": (re.compile(r"^(?:[（(]\s*(\d{1,2})\s*[）)]|(\d{1,2})[)）])\s*[、，,．.]?\s*(.*)$"), "（{}）"),
    "num": (re.compile(r"^(\d{1,2})\s*[．.、](?!\d)\s*(.*)$"), "{}．"),
    "circled": (re.compile(rf"^([{CIRCLED}])\s*[、，,．.]?\s*(.*)$"), "{}"),
}
# Families that group the chapters of a long plan (第一部分, 第一章, 第一节): never task levels by default.
CONTAINERS = ("part", "chapter", "jie")
# The order a reader expects when a new family appears (used only to break ties, see outline.py).
CONVENTION = ("part", "chapter", "jie", "article", "cn", "cn-paren", "num", "num-paren", "circled")
INLINE = "inline"  # 一是…二是…
PARAGRAPH = "paragraph"  # an unnumbered paragraph that carries its own note (loaders/placement.py)
INLINE_ITEM = re.compile(rf"(?:^|(?<=[。；;：:，,！？\s]))([{CN}]{{1,3}})是")
LEADING_ITEM = re.compile(rf"^\s*([{CN}]{{1,3}})是")
# 第一，…第二，… and 首先，…其次，…再次，…最后，… numbering paragraphs (only as their openers, with the comma)
LEADING_ORDINAL = re.compile(rf"^\s*(第[{CN}]{{1,3}}|首先|其次|再次|最后)[，,、：:]")
ORDINAL_WORDS = {"首先": 1, "其次": 2, "再次": 3}
LAST = "最后"  # closes the list: the number after the one before it


@dataclass
class Marker:
    family: str
    number: int
    numeral: str  # as written: 一, 1, ①
    rest: str  # the line after the marker


def cn_number(numeral: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105, 12 → 12; None when it is not a number."""
    if numeral.isdigit():
        return int(numeral)
    if not numeral or any(ch not in _CN_DIGIT and ch not in "十百" for ch in numeral):
        return None
    total, digit = 0, None
    for ch in numeral:
        if ch in "零〇" and total:
            continue  # 一百零五: a place left empty
        if ch in "十百":
            total += (1 if digit is None else digit) * (10 if ch == "十" else 100)
            digit = None
        elif digit is not None:
            return None  # 一二: two digits in a row is not a numeral
        else:
            digit = _CN_DIGIT[ch]
    return total + (digit or 0) or None


def line_marker(line: str) -> Marker | None:
    """The marker a stripped line opens with, if any."""
    for family, (pattern, _label) in FAMILIES.items():
        m = pattern.match(line)
        if not m:
            continue
        numeral = next(g for g in m.groups()[:-1] if g is not None)
        number = CIRCLED.index(numeral) + 1 if family == "circled" else cn_number(numeral)
        if number:
            return Marker(family, number, numeral, m.group(m.lastindex or 0))
    return None


def label(family: str, numeral: str) -> str:
    """The marker written the one way paths show it: （一）, 1．, 一是, 第二，, 其次，."""
    if family == INLINE:
        return f"{numeral}，" if numeral[:1] == "第" or numeral in ORDINAL_WORDS or numeral == LAST else f"{numeral}是"
    if family == PARAGRAPH:
        return ""
    return FAMILIES[family][1].format(numeral)


def inline_items(line: str) -> list[tuple[int, int, str]]:
    """一是…二是… in one paragraph: (offset of the marker, number, numeral) of each item, when the
    paragraph numbers at least two items in order from 一; else nothing."""
    chain: list[tuple[int, int, str]] = []
    for m in INLINE_ITEM.finditer(line):
        number = cn_number(m.group(1))
        if number == len(chain) + 1:
            chain.append((m.start(1), number, m.group(1)))
    return chain if len(chain) >= 2 else []


def leading_item(line: str) -> tuple[int, int, str] | None:
    """A paragraph that opens with one 一是/二是 …, 第一，/第二，… or 首先，/其次，… of a list running over
    paragraphs: (offset, number, numeral as written). 最后 has number 0: the one after the item before it."""
    m = LEADING_ITEM.match(line)
    number = cn_number(m.group(1)) if m else None
    if m and number:
        return m.start(1), number, m.group(1)
    m = LEADING_ORDINAL.match(line)
    if m is None:
        return None
    word = m.group(1)
    number = 0 if word == LAST else ORDINAL_WORDS.get(word) or cn_number(word[1:])
    return (m.start(1), number, word) if number is not None else None


def item_body(text: str, pos: int, numeral: str) -> int:
    """Where an item's own text starts after its numbering: 一是建…, 第一，建…, 首先，建…"""
    at = pos + len(numeral)
    if numeral[-1:] in CN and numeral[:1] != "第" and text[at : at + 1] == "是":
        at += 1
    while at < len(text) and text[at] in "，,、：: \t\u3000":
        at += 1
    return at
