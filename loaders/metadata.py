"""A plan's metadata: title, issuer, jurisdiction, issued date, number, what it implements.

Read from the notice that wraps a plan (关于印发…的通知, the issuer and date
lines, the document number) and from the preamble's citations
(《…》（国发〔2015〕40号）). A title the text does not give is derived honestly
from what the text does say and marked as derived, never the document number.
"""

import re
from dataclasses import dataclass, field

from loaders.knowledge import Jurisdiction, jurisdiction_by_name, jurisdiction_of_doc_number, jurisdictions
from loaders.lines import split_lines
from loaders.text import SourceText

DOC_NUMBER = r"[\u4e00-\u9fff]{1,8}〔\d{4}〕\d+号"
OWN_NUMBER = re.compile(rf"^（?({DOC_NUMBER})）?$")
CITATION = re.compile(rf"《([^《》\n]+)》（({DOC_NUMBER})）")
DATE_LINE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
NOTICE = re.compile(r"关于印发(.+?)的通知")
TITLE_IN_NOTICE = re.compile(r"(?:现将|将)?《([^《》\n]+)》(?:印发|已经)")
ISSUER = re.compile(r"(?:人民政府|政府|办公厅|委员会)$")
GENRES = [("提出以下意见", "实施意见"), ("制定以下实施方案", "实施方案"), ("制定本行动计划", "行动计划"),
          ("制定本规划", "规划"), ("制定本方案", "实施方案")]


@dataclass
class Citation:
    title: str
    doc_number: str
    start: int
    end: int


@dataclass
class Metadata:
    title: str
    title_derived: bool
    issuer: str | None
    jurisdiction: Jurisdiction | None
    issued: str | None
    doc_number: str | None
    title_span: tuple[int, int] = (0, 0)
    implements: list[Citation] = field(default_factory=list)


def _lines(text: str) -> list[tuple[int, str]]:
    return [(ln.start, ln.stripped) for ln in split_lines(text)]


def read_metadata(source: SourceText, preamble_end: int) -> Metadata:
    text = source.text
    lines = _lines(text)
    head = [(pos, ln) for pos, ln in lines if pos < preamble_end]
    doc_number = next((m.group(1) for _, ln in head[:20] if (m := OWN_NUMBER.match(ln))), None)
    date_index = next((i for i, (_, ln) in enumerate(lines) if DATE_LINE.match(ln)), None)
    issued = None
    issuer = None
    if date_index is not None:
        y, mo, d = DATE_LINE.match(lines[date_index][1]).groups()  # type: ignore[union-attr]
        issued = f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"
        before = next((ln for _, ln in reversed(lines[:date_index]) if ln), "")
        if ISSUER.search(before) and len(before) <= 30:
            issuer = before
    jurisdiction = jurisdiction_of_doc_number(doc_number) if doc_number else None
    notice = _notice_title(head)
    if issuer is None and notice and "关于印发" in notice[0]:
        issuer = notice[0].split("关于印发")[0] or None
    if jurisdiction is None:
        jurisdiction = _jurisdiction_from(issuer) or _jurisdiction_from(notice[0] if notice else None)
    if issuer is None and jurisdiction is not None:
        issuer = f"{jurisdiction.name}人民政府"
    implements = [Citation(m.group(1), m.group(2), m.start(), m.end())
                  for m in CITATION.finditer(text, 0, preamble_end)]
    title, span, derived = _title(text, head, notice, issuer, implements)
    if jurisdiction is None:
        jurisdiction = _jurisdiction_from(title)
    return Metadata(title, derived, issuer, jurisdiction, issued, doc_number, span, implements)


def _notice_title(head: list[tuple[int, str]]) -> tuple[str, int] | None:
    """The notice's heading, joined when it is split over lines (…关于印发“互联网＋”/行动计划的通知)."""
    nonempty = [(pos, ln) for pos, ln in head if ln]
    for i, (pos, ln) in enumerate(nonempty[:12]):
        if "关于印发" in ln:
            joined = ln
            for _, nxt in nonempty[i + 1 : i + 3]:
                if "的通知" in joined:
                    break
                joined += nxt
            return joined, pos
    return None


def _title(text, head, notice, issuer, implements) -> tuple[str, tuple[int, int], bool]:
    for pos, ln in head[:40]:
        m = TITLE_IN_NOTICE.search(ln)
        if m:
            return m.group(1), (pos + ln.find(m.group(1)) , pos + ln.find(m.group(1)) + len(m.group(1))), False
    if notice:
        m = NOTICE.search(notice[0])
        if m:
            return m.group(1), (notice[1], notice[1] + len(notice[0])), False
    first = next(((pos, ln) for pos, ln in head if ln), None)
    if first and len(first[1]) <= 60 and not re.search(r"[。：:；]|〔\d{4}〕", first[1]):
        return first[1], (first[0], first[0] + len(first[1])), False
    return _derived_title(text, head, issuer, implements), (0, 0), True


def _derived_title(text, head, issuer, implements) -> str:
    """No title in the text: `{issuer}关于{topic}的{genre}` from the cited document and the closing phrase."""
    preamble = "".join(ln for _, ln in head)
    genre = next((g for phrase, g in GENRES if phrase in preamble), "文件")
    who = issuer or "未署名机关"
    if implements:
        cited = implements[0].title
        topic = re.sub(r"^.*?关于", "", cited)
        topic = re.sub(r"的(?:指导)?意见$|的通知$|的决定$", "", topic)
        return f"{who}关于{topic}的{genre}"
    first_line = next((ln for _, ln in head if len(ln) > 4), "")
    return f"{who}{genre}（{first_line[:20]}…）"


def _jurisdiction_from(name: str | None) -> Jurisdiction | None:
    if not name:
        return None
    for j in jurisdictions():
        if name.startswith(j.name):
            return j
    m = re.match(r"^([\u4e00-\u9fff]{1,6}?[省市])", name)
    if m and not m.group(1).endswith(("各市", "城市")):
        return jurisdiction_by_name(m.group(1)) or Jurisdiction(m.group(1)[:1], m.group(1), m.group(1)[-1], ())
    return None
