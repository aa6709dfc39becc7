"""The date a document was issued, as its text gives it.

The notice's date stands in its head, or closes it (under the signature or the annex
list, over the release note); a State Council notice signs at its end. A deadline cell
on its own line in a task table is no issue date. Dates in Chinese numerals
(二〇一五年十二月二十四日) are read; a garbled one (2024115) only when the page's
publication date leaves one reading. Without a date, a gazette issue or the year's
work places the document within two years (YYYY/YYYY); so does the year whose work its preamble says
it carries out (现就2013年《政府工作报告》确定的…).
"""

import re
from datetime import date

DATE = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
DATE_LINE = re.compile(rf"^{DATE}$")
CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0, "O": 0, "Ｏ": 0}
_CN = "一二三四五六七八九十"
CN_DATE_LINE = re.compile(rf"^([〇○零OＯ一二三四五六七八九]{{4}})年([{_CN}]{{1,3}})月([{_CN}]{{1,3}})日$")
ISO_DATE = re.compile(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})")
GARBLED_DATE = re.compile(r"^(\d{4})(\d{2,4})日?$")  # 2024115, 2022121日: 年 and 月 lost
ISSUER = re.compile(r"(?:国务院|人民政府|政府|办公厅|办公室|委员会)$")


def iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _published(labels: dict[str, str]) -> str | None:
    for key in ("发布日期", "发布时间"):
        m = ISO_DATE.search(labels.get(key, "")) or re.search(DATE, labels.get(key, ""))
        if m:
            return iso(*(int(g) for g in m.groups()))
    return None


def _garbled(digits: str, published: str | None) -> str | None:
    """2024115 → 2024-01-15 when the publication date rules out 2024-11-05; else None."""
    m = GARBLED_DATE.match(digits)
    if not m or published is None:
        return None
    y, rest = int(m.group(1)), m.group(2)
    readings = {iso(y, int(rest[:i]), int(rest[i:])) for i in range(1, len(rest)) if len(rest) - i <= 2}
    pub = date.fromisoformat(published)
    fits = [r for r in readings if r and date.fromisoformat(r) <= pub]
    return fits[0] if len(fits) == 1 else None


def issued_date(lines: list[tuple[int, str]], labels: dict[str, str], head_end: int,
                number: str) -> tuple[str | None, int | None]:
    """The notice's date and the index of its line: a date line in the head, or one under a
    signature anywhere (a State Council notice signs at its end); a deadline cell standing on
    its own line in a task table is neither."""
    m = re.search(DATE, labels.get("成文日期", "")) or ISO_DATE.search(labels.get("成文日期", ""))
    if m:  # the label's date; its line, when the notice signs with the same date, marks the signature
        labelled = iso(*(int(g) for g in m.groups()))
        same = (i for i, (_, ln) in enumerate(lines)
                if (d := DATE_LINE.match(ln)) and iso(*map(int, d.groups())) == labelled)
        return labelled, next(same, None)
    published = _published(labels)
    for i, (pos, ln) in enumerate(lines):
        if pos >= head_end and not _closes_notice(lines, i):
            continue
        m = DATE_LINE.match(ln) or re.match(rf"^{number}\s*{DATE}$", ln)
        if m:
            return iso(*(int(g) for g in m.groups()[-3:])), i
        cn = CN_DATE_LINE.match(ln)
        if cn:
            return iso(_cn_year(cn.group(1)), _cn_number(cn.group(2)), _cn_number(cn.group(3))), i
        if published and GARBLED_DATE.match(ln) and i and ISSUER.search(previous(lines, i)):
            return _garbled(ln, published), i
    return None, None


def _closes_notice(lines: list[tuple[int, str]], i: int) -> bool:
    """A date line that closes a notice: under its signature or its annex list (附件：…), or
    over its release note ((此件公开发布)) or its annex."""
    before = previous(lines, i)
    after = next((ln for _, ln in lines[i + 1 :] if ln), "")
    return ((bool(ISSUER.search(before)) and len(before) <= 30) or before.startswith("附件")
            or bool(re.match(r"^[（(]此件|^附件", after)))


def _cn_year(digits: str) -> int:
    """二〇一五 → 2015."""
    return int("".join(str(CN_DIGITS[c]) for c in digits))


def _cn_number(text: str) -> int:
    """十二 → 12, 二十四 → 24, 九 → 9."""
    if "十" not in text:
        return CN_DIGITS[text]
    tens, _, ones = text.partition("十")
    return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)


def previous(lines: list[tuple[int, str]], i: int) -> str:
    return next((ln for _, ln in reversed(lines[:i]) if ln), "")


# the year's work a preamble carries out: 现就2013年《政府工作报告》确定的…, 为完成2024年度重点工作任务
WORK_YEAR = re.compile(r"(20\d\d)年(?:度)?(?:《?政府工作报告》?"
                       r"|(?:[^\d年，,。；;《》]|\d{1,3}(?=[项个件条])){0,10}?(?:重点工作|工作要点|工作任务|目标任务))")


def work_year(preamble: list[str]) -> int | None:
    """The one year whose work (政府工作报告, 重点工作) the preamble's lines say the plan carries out."""
    years = {int(m.group(1)) for line in preamble for m in WORK_YEAR.finditer(line)}
    return years.pop() if len(years) == 1 else None


def year_span(opening: list[str], title: str = "", preamble: list[str] = ()) -> str | None:
    """A gazette issue of year Y (…主办2020年第2号) prints documents of Y or the end of Y-1; a page
    opening on the year's work (一、2024年经济社会发展目标) or titled by it (关于2020年重点工作…)
    was written in Y-1 or Y."""
    for line in opening:
        m = re.search(r"(?:主办|公报)\s*(\d{4})年第\s*\d+\s*[号期]", line) or re.match(
            r"^(?:[一二三四五六七八九十]+、)?(\d{4})年(?!\d)(?!.{0,3}月)", line)
        if m:
            year = int(m.group(1))
            return f"{year - 1}/{year}"
    m = (re.search(r"(?:关于|^)(\d{4})年(?:度)?(?:[^\d年]{0,8})(?:重点工作|工作要点|工作任务|政府工作报告)", title)
         or re.search(r"(?:重点工作|工作要点|工作任务|政府工作报告).*[（(](\d{4})年[）)]$", title))
    if m:
        year = int(m.group(1))
        return f"{year - 1}/{year}"
    year = work_year(preamble)
    return f"{year - 1}/{year}" if year else None
