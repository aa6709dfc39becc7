"""A space between Chinese words: a list separator, or line wrapping.

Chinese is written without spaces, so a space between two Chinese characters is
the copy's, not the author's. Most come from line wrapping or letter-spacing
(自治 区农牧厅, 主 要 内 容) and are dropped by `text.finish`. One kind is meant: two
bodies' names side by side in a table cell (县教体局 各相关乡镇政府) are a list, read
as 县教体局、各相关乡镇政府 (the 、 points at the space).
"""

import re

from loaders.departments import looks_like_body
from loaders.text import Draft

_GAP = re.compile(r"(?<=[\u4e00-\u9fff）)])[ \u3000\u00a0]+(?=[\u4e00-\u9fff])")
_PIECE = r"(?:[^\s\u3000\u00a0、，,；;：:|｜。（()）]|[（(][^（()）\n]{0,12}[）)])"
_BEFORE = re.compile(rf"{_PIECE}+$")
_AFTER = re.compile(rf"{_PIECE}+")
# A column header or label ends like a body (责任单位) but names none.
_LABEL = re.compile(r"(?:牵头|责任|配合|协办|主办|参与|主责|协同|承办|联系|实施|相关|有关)(?:单位|部门|处室)$")
# Offices that belong to the body before them: 县人民政府 办公室 is one name wrapped, not two.
_OFFICE = re.compile(r"^(?:办公室|办公厅|党组|机关|机关党委|研究室|督查室|秘书处|综合处)$")


def _is_name(token: str) -> bool:
    return 2 <= len(token) <= 30 and looks_like_body(token) and not _LABEL.search(token)


def separate_names(draft: Draft) -> Draft:
    text = draft.text
    edits = []
    for gap in _GAP.finditer(text):
        before = _BEFORE.search(text, max(0, gap.start() - 40), gap.start())
        after = _AFTER.match(text, gap.end())
        if (before and after and _is_name(before.group()) and _is_name(after.group())
                and not _OFFICE.match(after.group())):
            edits.append((gap.start(), gap.end(), "、"))
    return draft.edit(edits)
