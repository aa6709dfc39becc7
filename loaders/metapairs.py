"""The metadata table a government page puts around a document (索引号, 主题分类, 发文机关 …).

Portals list `标签：值` pairs in a table or a list beside the document. They are read
from the page's visible text: runs of lines made only of such pairs, with two pairs
or more and a label only portals use (索引号, 主题分类 …), labels written with or
without spaces inside (标　　题：, 索 引 号：). The table itself is page furniture;
five of its pairs say what the document's head says and go at the top of the
reading text, one `标签：值` line each, with the label in its standard form:
标题, 发文字号, 发文机关, 成文日期, 发布日期 (loaders.metadata reads them). The
value is the page's text; the label's characters point at the label as written.
"""

import re

from loaders.text import Draft

# Standard label → the labels portals use for it, in the order the lines are written.
WANTED = {
    "标题": ("标题", "名称", "文件名称", "公文标题"),
    "发文字号": ("发文字号", "文号", "发文号", "文件编号"),
    "发文机关": ("发文机关", "发布机构", "发文单位", "发布机关", "制发机关"),
    "成文日期": ("成文日期", "发文日期", "印发日期", "成文时间"),
    "发布日期": ("发布日期", "发布时间"),
}
OTHER = ("索引号", "主题分类", "信息分类", "公开方式", "有效性", "体裁分类", "主题词", "公开范围", "公开时限",
         "组配分类", "效力状态", "信息来源", "所属机构", "内容概述", "实施日期", "废止日期", "统一编号", "生成日期",
         "分类", "时效", "主题")
_ALL = sorted({*OTHER, *(x for names in WANTED.values() for x in names)}, key=len, reverse=True)
_GAP = r"[ \u3000\u00a0]*"
_LABEL = "|".join(_GAP.join(map(re.escape, label)) for label in _ALL)
PAIR = re.compile(rf"(?P<label>{_LABEL}){_GAP}(?P<colon>[：:])[ \u3000\u00a0\t]*(?P<value>[^\t\n]*?)"
                  rf"(?=[ \u3000\u00a0\t]*(?:{_LABEL}){_GAP}[：:]|[ \u3000\u00a0]*(?:\t|\n|$))")
_STANDARD = {x: key for key, names in WANTED.items() for x in names}


def _squeeze(s: str) -> str:
    return re.sub(r"[\s\u3000\u00a0]+", "", s)


def _line_pairs(line: str) -> list[re.Match[str]] | None:
    """The pairs of a line made of nothing else, else None."""
    pairs = list(PAIR.finditer(line))
    rest = PAIR.sub("", line)
    return pairs if pairs and not rest.strip(" \u3000\u00a0\t") else None


def metadata_rows(text: str) -> list[tuple[int, int, list[re.Match[str]]]]:
    """The metadata table's lines: (start, end, the line's pairs with offsets within the line).
    Blank lines may stand between them."""
    rows: list[tuple[int, int, list[re.Match[str]]]] = []
    run: list[tuple[int, int, list[re.Match[str]]]] = []

    def close() -> None:
        labels = [_squeeze(m.group("label")) for _, _, ps in run for m in ps]
        if len(labels) >= 2 and any(label in OTHER for label in labels):
            rows.extend(run)
        run.clear()

    pos = 0
    for line in text.split("\n"):
        if line.strip():
            pairs = _line_pairs(line)
            if pairs:
                run.append((pos, pos + len(line), pairs))
            else:
                close()
        pos += len(line) + 1
    close()
    return rows


def metadata_lines(text: str) -> tuple[Draft, dict[str, str], list[tuple[int, int]]]:
    """The page's metadata: its `标签：值` lines for the reading text, the values by standard label,
    and the ranges of the metadata table's lines (to leave out of the document)."""
    rows = metadata_rows(text)
    found: dict[str, tuple[int, int, int, int]] = {}  # label → label start, colon, value start, value end
    for start, _, pairs in rows:
        for m in pairs:
            key = _STANDARD.get(_squeeze(m.group("label")))
            value = m.group("value").rstrip(" \u3000\u00a0")
            if key and value.strip() and key not in found:
                found[key] = (start + m.start(), start + m.start("colon"), start + m.start("value"),
                              start + m.start("value") + len(value))
    out, offsets = [], []
    for key in WANTED:
        if key in found:
            label, colon, s, e = found[key]
            out.append(f"{key}：{text[s:e]}\n")
            offsets.extend([*([label] * len(key)), colon, *range(s, e), e - 1])
    values = {key: text[s:e] for key, (_, _, s, e) in found.items()}
    return Draft("".join(out), offsets), values, [(s, e) for s, e, _ in rows]
