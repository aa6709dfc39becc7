"""A plan's metadata: title, issuer, jurisdiction, issued date, number, what it implements.

Read as published: a page's metadata labels (发文字号：…, 成文日期：…, 发文机关：…,
标题：…) when present; the heading that names the document (joined when split
over lines, cut where a page ran the number on); the notice that wraps a plan
(关于印发…的通知: the plan's title, or the notice's own when it prints several);
the signature and date lines; the number wherever it stands in the head; and the
preamble's citations (《…》（国发〔2015〕40号）). A date the text garbles (2024115)
is read only when the page's publication date leaves one reading. A title the
text does not give is derived honestly and marked as derived, never the number.
"""

import re
from dataclasses import dataclass, field

from loaders.dates import ISSUER, issued_date, previous, work_year, year_span
from loaders.divisions import chain_span
from loaders.jurisdiction import read_jurisdiction
from loaders.knowledge import NATIONAL, Jurisdiction, doc_number_candidates, jurisdiction_by_name
from loaders.lines import split_lines
from loaders.text import SourceText

OPEN, CLOSE = "〔\\[［【(（", "〕\\]］】)）"
DOC_NUMBER = rf"[\u4e00-\u9fff]{{1,12}}[{OPEN}]\d{{4}}[{CLOSE}]第?\d+号"
_NUMBER = re.compile(rf"([\u4e00-\u9fff]{{1,12}})[{OPEN}](\d{{4}})[{CLOSE}]第?(\d+)号")
CITATION = re.compile(rf"《([^《》\n]+)》[（(]({DOC_NUMBER})[）)]")
LABEL = re.compile(r"(发文字号|文号|成文日期|发布日期|发布时间|时间|浏览次数|发文机关|发文单位|标题|名称|"
                   r"索引号|主题分类|信息来源|来源)"
                   r"[：:]\s*")
NOTICE = re.compile(r"(?:关于|^|[府厅室会院])印发(.+?)的通知")
HEADING_WORD = re.compile(r"关于|印发|转发")  # 国务院办公厅转发…的通知, 某市人民政府印发…的通知
TITLE_IN_NOTICE = re.compile(r"(?:现将|将)?《([^《》\n]+)》(?:印发|已经)")
GENRE_END = re.compile(r"(通知|意见|方案|决定|规划|计划|办法|细则|纲要|要点|报告|批复|通报|公告|函|"
                       r"分解表|分工表|清单|任务表)$")
TITLE_END = re.compile(rf"(?:{GENRE_END.pattern[:-1]}|分解)$")  # a page's own title may end 责任分解
ISSUER_HEAD = re.compile(r"^(.{2,30}?(?:国务院办公厅|国务院|人民政府办公厅|人民政府办公室|人民政府|"
                         r"政府办公室|政府办公厅|政府|办公厅|办公室|委员会))(?:关于|印发|转发)")
TOC = re.compile(r"^目\s*录$")
# a saved page's furniture: where-you-are trails, page dates and counters, print buttons, the site's name
FURNITURE = re.compile(r"^(当前位置|您当前的位置|您的位置|首页|简体版|繁體版|【?打印|【?字体|字号|浏览次数|时间[：:]|"
                       r"发布时间|发布日期|日期[：:]|来源[：:]|信息来源|分享到|•|>)|>>|首页\s*>|门户网站|www\.")
COLUMN_TAG = re.compile(r"^【[^】]{1,20}】")  # 【市政府重点工作及责任分解】滁州市人民政府关于…
FILE_NAME = re.compile(r"\.(docx?|pdf|wps|xlsx?|txt)$", re.IGNORECASE)
YEAR_TAIL = re.compile(r"[（(]\d{4}(?:[—－-]\d{4})?年?[）)]$")
RELAYED = re.compile(r"^(?:\d{1,2}月\d{1,2}日[，,]?)?(国务院办公厅|国务院|[\u4e00-\u9fff]{2,12}?"
                     r"(?:人民政府办公厅|人民政府办公室|人民政府))印发(关于[^，。,；]+?的(?:意见|通知|方案|决定|规划|计划))")
QUOTED = re.compile(r"《([^《》\n]{4,60})》")
# a repost's lead: 今天，宁夏回族自治区人民政府网站发布了《…》 (the government publishing it, then the document)
NEWS_LEAD = re.compile(r"(?:人民政府|政府)(?:办公厅|办公室)?(?:门户)?(?:网站|官网)?(?:日前|近日|近期|今天|今日|正式)*"
                       r"(?:发布|印发|公布|出台|下发)了?《([^《》\n]+)》")
TABLE_LABELS = {"标题": "标题", "文件名称": "标题", "公文标题": "标题", "发文字号": "发文字号", "文号": "发文字号",
                "成文日期": "成文日期", "发文日期": "成文日期", "印发日期": "成文日期"}
GENRES = [("提出以下意见", "实施意见"), ("提出如下意见", "实施意见"), ("制定以下实施方案", "实施方案"),
          ("制定本行动计划", "行动计划"), ("制定本规划", "规划"), ("制定本方案", "实施方案")]


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

    year_span: str | None = None  # YYYY/YYYY: the years the text places it in when it has no date or number
    work_year: int | None = None  # the year whose work the preamble says it carries out (2013年《政府工作报告》)

    @property
    def as_of(self) -> str | None:
        """The document's date as far as the text tells: `issued`, else its number's year (YYYY), else
        the span its work year or gazette issue allows (YYYY/YYYY). Department forms dated by a
        reform are read by it (a 2023 document's 税务局 is after the 2018 merger)."""
        if self.issued:
            return self.issued
        m = _NUMBER.search(self.doc_number or "")
        return m.group(2) if m else self.year_span


def standard_number(head: str, year: str, serial: str) -> str:
    """Any brackets → 〔〕, as GB/T 9704 writes them: 辽政发[2023]2号 → 辽政发〔2023〕2号."""
    return f"{head}〔{year}〕{serial}号"


def _number_head(run: str) -> str:
    """The number's own head within a run of characters a page joined to it
    (…若干意见国发〔2019〕3号 → 国发): a known stem, else what follows a genre word."""
    for size in range(min(len(run), 12), 0, -1):
        if doc_number_candidates(run[-size:] + "〔"):
            return run[-size:]
    cut = max((m.end() for m in re.finditer(r"(通知|意见|方案|决定|规划|计划|办法|报告)", run)), default=0)
    return run[cut:] or run


# a law database's record: 【发布文号】晋政发[2008]8号, 【发布日期】2008-02-03 (the document's own date)
RECORD_LABEL = re.compile(r"^【(发布文号|发布日期|生效日期|发布单位|标题)】\s*(\S.*)?$")


def _labels(lines: list[tuple[int, str]]) -> dict[str, str]:
    """`标签：值` pairs of a page's metadata block (several may share a line); a law database's
    `【发布文号】…` record gives its number as 发文字号 and, beside it, its 发布日期 as the 成文日期."""
    out: dict[str, str] = {}
    record = {m.group(1): (m.group(2) or "").strip() for _, ln in lines[:30] if (m := RECORD_LABEL.match(ln))}
    if record.get("发布文号"):
        out["发文字号"] = record["发布文号"]
        if record.get("发布日期"):
            out["成文日期"] = record["发布日期"]
    for _, ln in lines[:30]:
        _table_pairs(ln, out)
        marks = list(LABEL.finditer(ln))
        if not marks or marks[0].start() != 0:
            continue
        for m, nxt in zip(marks, [*marks[1:], None], strict=True):
            value = ln[m.end() : nxt.start() if nxt else len(ln)].strip()
            if value:
                out.setdefault(m.group(1), re.split(r"\s{2,}", value)[0].strip())
    return out


# the office's name ends where the next label starts, spaced or not (…办公室发布日期：)
PUBLISHER = re.compile(r"发[ \u3000]*布[ \u3000]*机[ \u3000]*构[ \u3000]*[：:][ \u3000]*([\u4e00-\u9fff、]{4,40}?)"
                       r"(?=发布日期|生成日期|成文日期|发文日期|发布时间|主题分类|公开方式|公开时限|文号|索引号|有效性|[^\u4e00-\u9fff、]|$)")


def _publisher(lines: list[tuple[int, str]]) -> str | None:
    """The office a page's 发布机构 label names (索 引 号: … 发布机构: 下陆区政府办公室): the portal's, a clue."""
    return next((m.group(1) for _, ln in lines[:30] if (m := PUBLISHER.search(ln))), None)


def _table_pairs(line: str, out: dict[str, str]) -> None:
    """A portal's metadata table copied as text, `索 引 号 | … | 成文日期 | 2025-02-28 |`: the title,
    number and date cells (the publishing office, 发布机构, is the portal's, not the issuer)."""
    if line.count("|") < 2:
        return
    cells = [re.sub(r"[ \u3000]", "", c) for c in line.split("|")]
    for label, value in zip(cells, cells[1:], strict=False):
        std = TABLE_LABELS.get(label)
        if std and value and value not in TABLE_LABELS:
            out.setdefault(std, value)


def _doc_number(head_lines: list[tuple[int, str]], labels: dict[str, str]) -> str | None:
    for text in [labels.get("发文字号"), labels.get("文号"), *(ln for _, ln in head_lines[:15])]:
        if not text:
            continue
        for m in _NUMBER.finditer(text):
            before = text[: m.start()]
            if re.search(r"》\s*[（(]?$", before):  # a citation: 《…》（国发〔2015〕40号）
                continue
            return standard_number(_number_head(m.group(1)), m.group(2), m.group(3))
    return None


def _page_lines(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Non-empty lines of the document itself: a saved page's furniture dropped, a column tag
    (【…】) and a file name's extension cut off, spans kept."""
    out = []
    for pos, ln in lines:
        if not ln or FURNITURE.search(ln):
            continue
        tag = COLUMN_TAG.match(ln)
        if tag and len(ln) > tag.end():
            pos, ln = pos + tag.end(), ln[tag.end() :]
        out.append((pos, FILE_NAME.sub("", ln)))
    return out


def _heading(head: list[tuple[int, str]]) -> tuple[str, int, int] | None:
    """The heading that names the document (X关于…的通知/意见), joined over up to three
    lines and cut at a number the page ran on; with its start and end."""
    nonempty = _without_contents(_page_lines(head))[:14]
    for i, (pos, ln) in enumerate(nonempty):
        if ln.startswith(("为", "根据", "现将", "《", "经")) or (not HEADING_WORD.search(ln) and not ISSUER.search(ln)):
            continue
        joined, end = ln, pos + len(ln)
        for npos, nxt in nonempty[i + 1 : i + 4]:
            if HEADING_WORD.search(joined) and GENRE_END.search(_cut(joined)) and _balanced(joined):
                break
            if _NUMBER.match(nxt) or nxt.endswith(("：", ":")) or len(joined + nxt) > 120:
                break
            joined, end = joined + nxt, npos + len(nxt)
        cut = _cut(joined)
        if HEADING_WORD.search(cut) and GENRE_END.search(cut) and "。" not in cut:
            return cut, pos, pos + len(cut) if cut == ln[: len(cut)] else end
    return None


def _balanced(text: str) -> bool:
    return text.count("《") == text.count("》") and text.count("“") == text.count("”")


def _without_contents(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A gazette's table of contents (目录, then the titles it lists) names other documents too."""
    out, in_toc = [], False
    for pos, ln in lines:
        if TOC.match(ln):
            in_toc = True
            continue
        if in_toc and (len(ln) <= 8 or (HEADING_WORD.search(ln) and GENRE_END.search(ln))):
            continue
        in_toc = False
        out.append((pos, ln))
    return out


def _cut(line: str) -> str:
    """A heading the page ran on into its number or first sentence: cut after the genre word."""
    m = _NUMBER.search(line)
    if m:
        line = line[: m.start() + len(m.group(1)) - len(_number_head(m.group(1)))]
    return re.split(r"[：:]", line, maxsplit=1)[0].strip()


def read_metadata(source: SourceText, preamble_end: int) -> Metadata:
    text = source.text
    lines = [(ln.start, ln.stripped) for ln in split_lines(text)]
    head = [(pos, ln) for pos, ln in lines if pos < max(preamble_end, 1)] or lines[:1]
    labels = _labels(head)
    doc_number = _doc_number(head, labels)
    issued, date_index = issued_date(lines, labels, max(preamble_end, 1), DOC_NUMBER)
    year = int(issued[:4]) if issued else None
    heading = _heading(head)
    signature = None
    if date_index is not None:
        before = previous(lines, date_index)
        if ISSUER.search(before) and len(before) <= 30:
            signature = before
    heading_issuer = None
    if heading:
        m = ISSUER_HEAD.match(heading[0])
        heading_issuer = m.group(1) if m else None
    source_label = labels.get("信息来源") or labels.get("来源")
    published_by = source_label if source_label and ISSUER.search(source_label) and len(source_label) <= 20 else None
    relayed = RELAYED.match(title_line) if (title_line := _relayed_line(head)) else None
    issuers = [i for i in (labels.get("发文机关"), signature, heading_issuer, relayed and relayed.group(1),
                           published_by) if i]
    title, span, derived = _title(text, head, heading, labels)
    jurisdiction = read_jurisdiction(issuers=issuers, doc_number=doc_number, title=heading[0] if heading else title,
                                     lines=[ln for _, ln in head if ln], text=text, year=year,
                                     publisher=_publisher(head))
    issuer = _issuer(issuers, jurisdiction, doc_number)
    implements = [Citation(m.group(1), _standard(m.group(2)), m.start(), m.end())
                  for m in CITATION.finditer(text, 0, max(preamble_end, min(len(text), 3000)))]
    if derived:
        title = _derived_title(head, issuer, implements)
    meta = Metadata(title, derived, issuer, jurisdiction, issued, doc_number, span, implements)
    preamble = [ln for _, ln in head if ln]
    meta.work_year = work_year(preamble)
    meta.year_span = year_span([ln for _, ln in lines[:3] if ln], title, preamble)
    return meta


def _relayed_line(head: list[tuple[int, str]]) -> str | None:
    return next((ln for _, ln in _without_contents(_page_lines(head))[:3] if RELAYED.match(ln)), None)


def _standard(number: str) -> str:
    m = _NUMBER.search(number)
    return standard_number(m.group(1), m.group(2), m.group(3)) if m else number


def _issuer(issuers: list[str], jurisdiction: Jurisdiction | None, doc_number: str | None) -> str | None:
    """The issuer as written; a level-only one (市人民政府) named in full; from the number
    (皖政 → 安徽省人民政府, 国办发 → 国务院办公厅) when the text names none."""
    issuer = issuers[0] if issuers else None
    level_only = re.match(r"^(省|市|县|区|旗|州|盟)(人民)?政府", issuer or "")
    if issuer and jurisdiction and not jurisdiction.national and level_only:
        return jurisdiction.name + issuer[1:].replace("政府", "人民政府", 1).replace("人民人民", "人民")
    if issuer:
        chain, end = chain_span(issuer)
        if chain and issuer[end:].startswith("政府"):  # 丽水市政府 → 丽水市人民政府
            return issuer[:end] + "人民" + issuer[end:]
        return issuer
    if jurisdiction is None or not doc_number:
        return issuer
    head = doc_number.split("〔")[0]
    if jurisdiction is NATIONAL or jurisdiction.national:
        return "国务院办公厅" if head.startswith("国办") else "国务院"
    if "办" not in head and jurisdiction_by_name(jurisdiction.name) is not None:
        return f"{jurisdiction.name}人民政府"
    return None


def _title(text, head, heading, labels) -> tuple[str, tuple[int, int], bool]:
    if labels.get("标题"):  # the page's own title label names the document as its heading does
        start = max(text.find(labels["标题"]), 0)
        heading = (labels["标题"], start, start + len(labels["标题"]))
    if heading:
        joined, start, end = heading
        m = NOTICE.search(joined)
        if m and not _prints_several(text, head):
            inner = m.group(1).strip("《》")
            quoted = _quoted_title(head)
            if quoted and _same_title(quoted[0], _nested(inner)):
                return quoted
            return _nested(inner), (start, end), False
        return joined, (start, end), False
    standing = _standing_title(head) or _news_title(head)
    if standing:
        return standing
    quoted = _quoted_title(head)
    if quoted:
        return quoted
    page = _without_contents(_page_lines(head))
    for pos, ln in page[:3]:
        m = RELAYED.match(ln)  # a repost: 3月29日，国务院印发关于…的意见
        if m:
            return m.group(1) + m.group(2), (pos + m.start(1), pos + m.end(2)), False
    for pos, ln in page[:6]:
        if ln.endswith(("：", ":")) or len(ln) > 80:
            break  # the address line or the body: no title above it
        numbered = re.match(r"^[一二三四五六七八九十]+、\s*", ln)  # a page that opens on its table's heading
        if numbered and _looks_like_title(ln[numbered.end() :]):
            pos, ln = pos + numbered.end(), ln[numbered.end() :]
        if _looks_like_title(ln):
            return ln, (pos, pos + len(ln)), False
        if numbered:
            break
    return "", (0, 0), True


def _standing_title(head) -> tuple[str, tuple[int, int], bool] | None:
    """县政府研究确定了《X》，现印发给你们 … X on a line of its own: the plan's heading line, which a
    page's metadata table (索引号 | … |) or a news lead above it does not name."""
    quoted = {_nested(m.group(1)) for _, ln in head[:40] for m in QUOTED.finditer(ln)}
    for pos, ln in head:
        if ln in quoted:
            return ln, (pos, pos + len(ln)), False
    return None


def _news_title(head) -> tuple[str, tuple[int, int], bool] | None:
    """今天，X人民政府网站发布了《关于印发Y的通知》: a repost's lead names the document (the plan Y)."""
    for pos, ln in _without_contents(_page_lines(head))[:3]:
        m = NEWS_LEAD.search(ln)
        if m:
            inner = NOTICE.search(m.group(1))
            if inner:
                start = pos + m.start(1) + inner.start(1)
                return _nested(inner.group(1).strip("《》")), (start, start + len(inner.group(1))), False
            return _nested(m.group(1)), (pos + m.start(1), pos + m.end(1)), False
    return None


def _quoted_title(head) -> tuple[str, tuple[int, int], bool] | None:
    """现将《X》印发 / 《X》已经…审议通过: the plan's title (inner 〈〉 are its own 《》)."""
    for pos, ln in head[:40]:
        m = TITLE_IN_NOTICE.search(ln)
        if m:
            return _nested(m.group(1)), (pos + m.start(1), pos + m.end(1)), False
    return None


def _same_title(quoted: str, named: str) -> bool:
    """The notice's 《X》 is the plan it names (深圳市“互联网＋”行动计划 for “互联网＋”行动计划),
    not another document its preamble quotes (《沙坪坝区人民政府工作报告》)."""
    return named in quoted or quoted in named


def _nested(title: str) -> str:
    """Inside 《》 a title's own 《》 are written 〈〉; the title itself has 《》 again."""
    return title.replace("〈", "《").replace("〉", "》")


def _prints_several(text: str, head) -> bool:
    """A notice that prints several documents (现将《A》、《B》…印发) is itself the title."""
    for _, ln in head[:40]:
        if "印发" in ln and len(re.findall(r"《[^《》]+》", ln.split("印发")[0])) >= 2:
            return True
    return False


def _looks_like_title(line: str) -> bool:
    """Short, no sentence punctuation, date or number, not numbered, ending with a genre word
    (…方案, …分解表; a trailing （2023年） allowed)."""
    return (len(line) <= 60 and not re.search(r"[。：:；，,]|〔\d{4}〕|\d{4}\s*年\s*\d{1,2}\s*月", line)
            and not re.match(r"^[（(]?[一二三四五六七八九十\d]+[、.．）)]", line)
            and bool(TITLE_END.search(YEAR_TAIL.sub("", line))))


def _derived_title(head, issuer, implements) -> str:
    """No title in the text: `{issuer}关于{topic}的{genre}` from the cited document and the closing phrase."""
    preamble = "".join(ln for _, ln in head)
    genre = next((g for phrase, g in GENRES if phrase in preamble), "文件")
    who = issuer or "未署名机关"
    if implements:
        cited = implements[0].title
        notice = NOTICE.search(cited)  # 《…关于印发X的通知》: the topic is X, not 印发X
        topic = _nested(notice.group(1)).strip("《》") if notice else re.sub(r"^.*?关于", "", cited)
        topic = re.sub(r"的(?:指导)?意见$|的通知$|的决定$", "", topic)
        return f"{who}关于{topic}的{genre}"
    first_line = next((ln for _, ln in head if len(ln) > 4), "")
    return f"{who}{genre}（{first_line[:20]}…）"
