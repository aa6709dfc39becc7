"""Questions in Chinese → an intent, the entities named, one named query, an answer with evidence.

Entities come from the graph's own names (Aho–Corasick, longest match wins);
intents are rules over the words around them; each intent runs one named,
parameterised query, never Cypher built from the question. A question no rule
understands is answered "not understood" with suggestions, never a guess.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from graph.store import GraphStore
from loaders.segment import tokens
from queries import service
from queries.entities import EntityDictionary, Mention

YEAR = re.compile(r"(20\d\d)\s*年?")
# The verbs a plan writes for a supporting role (配合, 协助, 协同, 参与, 支持, 协办): "哪些部门支持X" asks who
# supports X, never who leads it. "与A协同" asks for partners and is told apart before these.
SUPPORTING = r"配合|协助|协同|参与|支持|协办"
QUESTION_WORDS = {"哪些", "什么", "目标", "指标", "有", "年", "是", "多少", "相关", "关于", "哪个", "列出", "请问",
                  "主要", "要求", "提出", "设定", "规划", "计划", "方案", "查询", "到", "的", "吗", "呢"}


@dataclass
class Question:
    text: str
    mentions: list[Mention]
    year: int | None

    def ids(self, kind: str) -> list[str]:
        return [i for m in self.mentions if m.kind == kind for i in m.ids]

    def has(self, kind: str) -> bool:
        return any(m.kind == kind for m in self.mentions)

    def rest(self) -> str:
        """The question without the entities and the year."""
        text = self.text
        for m in sorted(self.mentions, key=lambda m: -m.start):
            text = text[: m.start] + " " + text[m.end:]
        return YEAR.sub(" ", text)


@dataclass
class Intent:
    name: str
    needs: str | None  # an entity kind the question must name
    pattern: re.Pattern[str]
    answer: Callable[["Asker", Question], dict]


class Asker:
    def __init__(self, store: GraphStore, entities: EntityDictionary) -> None:
        self.store = store
        self.entities = entities

    def ask(self, text: str) -> dict:
        text = text.strip()
        mentions = self.entities.find(text)
        year = YEAR.search(text)
        q = Question(text, mentions, int(year.group(1)) if year else None)
        entities = [{"text": m.text, "type": m.kind, "ids": m.ids} for m in mentions]
        for intent in INTENTS:
            if intent.needs and not q.has(intent.needs):
                continue
            if intent.pattern.search(q.rest() if intent.needs else text):
                result = intent.answer(self, q)
                return {"question": text, "understood": True, "intent": intent.name, "entities": entities,
                        "suggestions": [], **result}
        return {"question": text, "understood": False, "intent": None, "entities": entities,
                "answer": "没有理解这个问题。可以换一种问法，例如下面这些。", "items": [], "query": None,
                "suggestions": self.suggestions()}

    def suggestions(self) -> list[str]:
        return ["省经济和信息化委牵头哪些工作？", "“互联网+”医疗行动由哪个部门牵头？", "2020年关于宽带的目标有哪些？",
                "哪些规划贯彻落实国发〔2015〕40号？", "哪些部门和省发展改革委共同承担任务？"]

    # -- the department's jurisdiction narrows when the question names one --------------------
    def departments(self, q: Question) -> list[str]:
        ids = list(dict.fromkeys(q.ids("department")))
        named = set(q.ids("jurisdiction"))
        narrowed = [i for i in ids if self.entities.jurisdictions.get(i) in named]
        return narrowed or ids

    def department_label(self, ids: list[str]) -> str:
        return "、".join(self.entities.names[i] for i in ids)


def department_item(r: dict) -> dict:
    """A department as answers show it: its names as the documents write them come along (aliases)."""
    return {"type": "department", "id": r["id"], "name": r["name"], "title": r["name"],
            "jurisdiction": r["jurisdiction"], "aliases": list(r["aliases"] or []), "kind": r["kind"]}


def _department_units(role: str) -> Callable[[Asker, Question], dict]:
    verb = "牵头" if role == "leads" else "配合"

    def answer(asker: Asker, q: Question) -> dict:
        ids = asker.departments(q)
        rows = asker.store.run("department_units", {"ids": ids, "role": role, "offset": 0, "limit": 1000})
        items = [{"type": r["type"], "id": r["id"], "title": r["title"],
                  "plan": {"id": r["plan_id"], "title": r["plan_title"]}, "basis": r["basis"], "quote": r["quote"],
                  "deadline": r["deadline"]} for r in rows]
        plans = {i["plan"]["id"] for i in items}
        who = asker.department_label(ids)
        sentence = (f"{who}{verb}{len(items)}项工作，分布在{len(plans)}个规划中。" if items
                    else f"没有找到{who}{verb}的工作。")
        return {"answer": sentence, "items": items, "query": "department_units"}

    return answer


def _unit_departments(role: str) -> Callable[[Asker, Question], dict]:
    verb = "牵头" if role == "leads" else "配合"

    def answer(asker: Asker, q: Question) -> dict:
        unit_ids = q.ids("unit")
        rows = asker.store.run("unit_departments", {"ids": unit_ids, "role": role})
        items = [{**department_item(r), "unit": {"id": r["unit_id"], "title": r["unit_title"]},
                  "plan": {"id": r["plan_id"], "title": r["plan_title"]}, "basis": r["basis"], "quote": r["quote"]}
                 for r in rows]
        title = next(m.text for m in q.mentions if m.kind == "unit")
        title = title if title.startswith("“") else f"“{title}”"
        names = list(dict.fromkeys(i["name"] for i in items))
        sentence = f"{title}由{'、'.join(names)}{verb}。" if names else f"文中没有写明{title}由哪个部门{verb}。"
        return {"answer": sentence, "items": items, "query": "unit_departments"}

    return answer


def _partners(asker: Asker, q: Question) -> dict:
    ids = asker.departments(q)
    rows = asker.store.run("department_partners", {"ids": ids, "limit": 20})
    items = [{**department_item(r), "shared": r["shared"]} for r in rows]
    top = "、".join(f"{i['name']}（{i['shared']}项）" for i in items[:3])
    sentence = (f"与{asker.department_label(ids)}共同承担工作最多的是{top}。" if items
                else f"没有找到与{asker.department_label(ids)}共同承担工作的部门。")
    return {"answer": sentence, "items": items, "query": "department_partners"}


def _implements(asker: Asker, q: Question) -> dict:
    numbers = [m.text for m in q.mentions if m.kind == "national" and "〔" in m.text]
    found = re.search(r"[\u4e00-\u9fff]{1,8}〔\d{4}〕\d+号", q.text)
    number = numbers[0] if numbers else (found.group(0) if found else "")
    rows = asker.store.run("plans_implementing", {"doc_number": number})
    items = [{"type": "plan", "id": r["id"], "title": r["title"], "jurisdiction": r["jurisdiction"],
              "issued": r["issued"], "quote": r["quote"]} for r in rows]
    sentence = (f"有{len(items)}个规划贯彻落实{number}：" + "、".join(f"《{i['title']}》" for i in items) + "。"
                if items else f"没有规划写明贯彻落实{number or '这份文件'}。")
    return {"answer": sentence, "items": items, "query": "plans_implementing"}


def _plan_units(asker: Asker, q: Question) -> dict:
    plan_id = q.ids("plan")[0]
    rows = asker.store.run("plan_units", {"plan": plan_id})
    items = [{"type": r["type"], "id": r["id"], "title": r["title"], "path": r["path"],
              "plan": {"id": plan_id, "title": asker.entities.names.get(plan_id)}, "quote": r["quote"]}
             for r in rows]
    actions = sum(1 for i in items if i["type"] == "action")
    title = asker.entities.names.get(plan_id)
    sentence = f"《{title}》包含{actions}个行动（含附件任务）和{len(items) - actions}个项目。"
    return {"answer": sentence, "items": items, "query": "plan_units"}


def topic(q: Question) -> str:
    words = [w for w in tokens(q.rest()) if w not in QUESTION_WORDS and len(w) >= 2]
    return max(words, key=len) if words else ""


def _targets(asker: Asker, q: Question) -> dict:
    subject = topic(q)
    plan = (q.ids("plan") or [""])[0]
    params = {"plan": plan, "year": q.year or 0, "q": subject, "offset": 0, "limit": 1000}
    items = [{"type": "indicator", "id": r["id"], "title": r["name"], "name": r["name"],
              "target_value": r["target_value"], "comparator": r["comparator"], "unit": r["unit"] or "",
              "target_year": r["target_year"], "baseline_value": r["baseline_value"],
              "plan": {"id": r["plan"], "title": r["plan_title"]}, "quote": r["quote"]}
             for r in asker.store.run("indicators", params)]
    scope = "".join(x for x in (f"{q.year}年" if q.year else "", f"关于“{subject}”" if subject else ""))
    sentence = f"找到{len(items)}个{scope}的目标。" if items else f"没有找到{scope}的目标。"
    return {"answer": sentence, "items": items, "query": "indicators"}


INTENTS = [
    Intent("plans_implementing", None,
           re.compile(r"(贯彻|落实|实施|执行|依据|根据|响应).*〔\d{4}〕|〔\d{4}〕.*(贯彻|落实|实施)"), _implements),
    Intent("unit_supports", "unit", re.compile(SUPPORTING + r"|责任单位"), _unit_departments("supports")),
    Intent("unit_leads", "unit", re.compile(r"谁|哪个|哪些|什么|牵头|负责|主责|主管"), _unit_departments("leads")),
    Intent("department_partners", "department",
           re.compile(r"合作|协作|一起|共同|伙伴|搭档|联合|[与和同跟]\s*协同"), _partners),
    Intent("department_supports", "department", re.compile(SUPPORTING), _department_units("supports")),
    Intent("department_leads", "department", re.compile(r"牵头|负责|主抓|领衔|主导|承担|做什么|干什么|管"),
           _department_units("leads")),
    Intent("targets", None, re.compile(r"目标|指标|达到多少|要达到|普及率|覆盖率|任务数"), _targets),
    Intent("plan_units", "plan", re.compile(r"包括|包含|有哪些|有什么|内容|任务|行动|项目|部署"), _plan_units),
]

__all__ = ["Asker", "INTENTS", "service"]
