"""Who leads and who supports: the responsibility notes of a plan.

Reads the styles policy documents use, in body notes and in annex cells:
  （X、Y等负责，列第一位的为牵头部门，下同）   rule: the first listed leads
  （X牵头，Y等配合） / X牵头，Y等按职责分工负责   stated
  （牵头单位：X，配合单位：Y）                   stated
  （责任单位：X、Y等）                           first-listed: no lead named
A note is read only when every name in it looks like a body's name, so an
ordinary parenthesis is never taken for one.
"""

import re
from dataclasses import dataclass

from loaders.departments import looks_like_body

LABEL = re.compile(r"(牵头单位|牵头部门|牵头责任单位|配合单位|配合部门|参与单位|协办单位|责任单位|责任部门)\s*[：:]")
LEAD_LABELS = {"牵头单位", "牵头部门", "牵头责任单位"}
SUPPORT_LABELS = {"配合单位", "配合部门", "参与单位", "协办单位"}
RULE = re.compile(r"[，,]?\s*列第一位的为牵头(?:部门|单位)(?:[，,]\s*下同)?")
SAME_BELOW = "下同"
LEAD_VERB = re.compile(r"^(?P<leads>.+?)牵头(?:[，,、]\s*(?P<supports>.+?))?$")
SUPPORT_TAIL = re.compile(r"(?:等)?(?:单位)?(?:配合|按职责分工负责|分工负责|参与|协助|共同负责|负责)$")
PLAIN_TAIL = re.compile(r"(?:等)?(?:按职责分工负责|分工负责|负责)$")
# 各市、县人民政府 / 各市、县（市、区）人民政府 / 各区政府（新区管委会）: one group, not two names.
GROUP_LIST = re.compile(r"各[^、，,（]{1,6}、[^、，,（]{1,6}(?:（[^）]*）)?(?:人民政府|政府)")
# A note in parentheses, allowing one nested pair: （…各市、县（市、区）人民政府…）
NOTE = re.compile(r"（((?:[^（）\n]|（[^（）\n]*）)+)）")


@dataclass
class Reading:
    """One note read: names as written, in text order."""

    leads: list[str]
    supports: list[str]
    basis: str  # stated | rule | first-listed
    declares_rule: bool = False  # the note states 列第一位的为牵头部门，下同


def split_names(text: str) -> list[str]:
    """`省发改委、省科技厅、各市、县人民政府等` → the names, groups kept whole."""
    protected: list[str] = []

    def keep(m: re.Match[str]) -> str:
        protected.append(m.group(0))
        return f"\x00{len(protected) - 1}\x00"

    masked = GROUP_LIST.sub(keep, text)
    depth, buf, parts = 0, [], []
    for ch in masked:
        if ch == "（":
            depth += 1
        elif ch == "）":
            depth -= 1
        if depth == 0 and ch in "、，,；;":
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    parts.append("".join(buf))
    names = []
    for part in parts:
        name = re.sub(r"\x00(\d+)\x00", lambda m: protected[int(m.group(1))], part).strip()
        name = re.sub(r"(?:等(?:单位|部门)?)$", "", name).strip()
        if name:
            names.append(name)
    return names


def _all_bodies(names: list[str]) -> bool:
    return bool(names) and all(looks_like_body(n) for n in names)


def read_labelled(text: str) -> Reading | None:
    """`牵头单位：X，配合单位：Y` and `责任单位：X、Y等` (labels inline or on their own lines)."""
    parts = LABEL.split(text)
    if len(parts) < 3 or parts[0].strip(" ，,；;\n"):
        return None
    leads: list[str] = []
    supports: list[str] = []
    responsible: list[str] = []
    for label, value in zip(parts[1::2], parts[2::2], strict=True):
        names = split_names(value.strip(" ，,；;。\n"))
        if not _all_bodies(names):
            return None
        if label in LEAD_LABELS:
            leads += names
        elif label in SUPPORT_LABELS:
            supports += names
        else:
            responsible += names
    if leads:
        supports += [n for n in responsible if n not in leads]
        return Reading(leads, supports, "stated")
    if responsible:
        return Reading(responsible[:1], responsible[1:] + supports, "first-listed")
    return None


def read_note(text: str, rule_in_force: bool = False) -> Reading | None:
    """Read one responsibility note (without its parentheses), or None if it is not one."""
    text = text.strip()
    labelled = read_labelled(text)
    if labelled is not None or LABEL.search(text):
        return labelled
    declares = bool(RULE.search(text))
    core = RULE.sub("", text).strip(" ，,。")
    m = LEAD_VERB.match(core)
    if m and "牵头" not in (m.group("supports") or ""):
        leads = split_names(m.group("leads"))
        supports_text = SUPPORT_TAIL.sub("", m.group("supports") or "").strip(" ，,")
        supports = split_names(supports_text) if supports_text else []
        if _all_bodies(leads) and (not supports_text or _all_bodies(supports)):
            return Reading(leads, supports, "stated", declares)
        return None
    if PLAIN_TAIL.search(core):
        names = split_names(PLAIN_TAIL.sub("", core).strip(" ，,"))
        if not _all_bodies(names):
            return None
        basis = "rule" if declares or rule_in_force else "first-listed"
        return Reading(names[:1], names[1:], basis, declares)
    return None


def declares_same_below(text: str) -> bool:
    m = RULE.search(text)
    return bool(m and SAME_BELOW in m.group(0))


@dataclass
class Note:
    start: int  # span of the whole note, parentheses included, in the reading text
    end: int
    reading: Reading
    standalone: bool  # the note is a paragraph of its own


def find_notes(text: str, start: int = 0, end: int | None = None) -> list[Note]:
    """Every responsibility note in `text[start:end]`, in order, with 下同 carried forward."""
    end = len(text) if end is None else end
    notes: list[Note] = []
    rule_in_force = False
    for m in NOTE.finditer(text, start, end):
        reading = read_note(m.group(1), rule_in_force)
        if reading is None:
            continue
        if reading.declares_rule and declares_same_below(m.group(1)):
            rule_in_force = True
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        standalone = not text[line_start : m.start()].strip() and not text[m.end() : line_end].strip(" 。")
        notes.append(Note(m.start(), m.end(), reading, standalone))
    return notes
