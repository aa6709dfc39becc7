"""The metadata table a government page puts around a document (索引号, 主题分类, 发文机关 …).

Portals list `标签：值` pairs in a table or a list beside the document. The pairs are
read from the page's visible text (lines made only of such pairs, among them a label
only portals use), labels written with or
without spaces inside (标　　题：, 索 引 号：). Four of them say what the document's
own head says, and are put at the top of the reading text as that head is laid
out: the title, the document number, the issuer, the date, each on its own line,
as the page writes the value (so a reader of a document head reads them without
knowing the portal's labels). Every character keeps its place in the page's text.
"""

import re

from loaders.text import Draft

# Canonical label → the labels portals use for it.
WANTED = {
    "标题": ("标题", "名称", "文件名称", "公文标题"),
    "发文字号": ("发文字号", "文号", "发文号", "文件编号"),
    "发文机关": ("发文机关", "发布机构", "发文单位", "发布机关", "制发机关"),
    "成文日期": ("成文日期", "发文日期", "印发日期", "成文时间"),
}
OTHER = ("索引号", "主题分类", "发布日期", "信息分类", "公开方式", "有效性", "体裁分类", "主题词", "公开范围",
         "公开时限", "组配分类", "效力状态", "发布时间", "信息来源", "所属机构", "内容概述", "实施日期", "废止日期",
         "统一编号", "生成日期", "分类", "时效", "主题")
ORDER = ("标题", "发文字号", "发文机关", "成文日期")
_ALL = sorted({*OTHER, *(x for names in WANTED.values() for x in names)}, key=len, reverse=True)
_GAP = r"[ \u3000\u00a0]*"
_LABEL = "|".join(_GAP.join(map(re.escape, label)) for label in _ALL)
PAIR = re.compile(rf"(?P<label>{_LABEL}){_GAP}[：:][ \u3000\u00a0\t]*(?P<value>[^\t\n]*?)"
                  rf"(?=[ \u3000\u00a0\t]*(?:{_LABEL}){_GAP}[：:]|[ \u3000\u00a0]*(?:\t|\n|$))")
_CANONICAL = {x: key for key, names in WANTED.items() for x in names}


def _squeeze(s: str) -> str:
    return re.sub(r"[\s\u3000\u00a0]+", "", s)


def _line_pairs(line: str) -> list[re.Match[str]] | None:
    """The pairs of a line made of nothing else, else None."""
    pairs = list(PAIR.finditer(line))
    rest = PAIR.sub("", line)
    return pairs if pairs and not rest.strip(" \u3000\u00a0\t") else None


def metadata_rows(text: str) -> list[tuple[int, int, list[re.Match[str]]]]:
    """Lines of a portal's metadata table: runs of lines made only of pairs, with two pairs or more
    and a label only portals use (索引号, 主题分类 …). Offsets of the matches are within the line."""
    rows: list[tuple[int, int, list[re.Match[str]]]] = []
    run: list[tuple[int, int, list[re.Match[str]]]] = []
    pos = 0
    for line in [*text.split("\n"), ""]:
        pairs = _line_pairs(line) if line.strip() else None
        if pairs:
            run.append((pos, pos + len(line), pairs))
        elif not line.strip() and run:
            pass  # a blank line inside the table
        else:
            labels = [_squeeze(m.group("label")) for _, _, ps in run for m in ps]
            if len(labels) >= 2 and any(label in OTHER for label in labels):
                rows.extend(run)
            run = []
        pos += len(line) + 1
    return rows


def metadata_lines(text: str) -> tuple[Draft, dict[str, str], list[tuple[int, int]]]:
    """The page's metadata: head lines for the reading text, the values by label, and the ranges of
    the metadata table's lines (to leave out of the document)."""
    rows = metadata_rows(text)
    found = [(start + m.start("value"), m.group("label"), m.group("value")) for start, _, pairs in rows
             for m in pairs]
    values: dict[str, tuple[int, int]] = {}
    for start, label, value in sorted(found):
        key = _CANONICAL.get(_squeeze(label))
        value = value.rstrip(" \u3000\u00a0")
        if key and value.strip():
            values.setdefault(key, (start, start + len(value)))
    out, offsets = [], []
    for key in ORDER:
        if key in values:
            s, e = values[key]
            out.append(text[s:e] + "\n")
            offsets.extend([*range(s, e), e - 1])
    return (Draft("".join(out), offsets), {k: text[s:e] for k, (s, e) in values.items()},
            [(s, e) for s, e, _ in rows])
