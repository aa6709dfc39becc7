"""Response models: the shapes CONTRACT.md promises, with examples for OpenAPI."""

from typing import Literal

from pydantic import BaseModel, Field


def locator_field():
    """Where in a PDF, Word or Excel file a quote stands (text and HTML documents have offsets instead)."""
    return Field(None, description="for a PDF, Word or Excel file, where the quote stands in it: page 3, line 12; "
                                   "paragraph 40; table 1, row 5, cell 3; sheet 任务分解表, cell C5")


class Counts(BaseModel):
    plan: int
    action: int
    project: int
    department: int
    indicator: int
    leads: int
    supports: int
    targets: int


class Health(BaseModel):
    status: Literal["ok", "unavailable"]
    counts: Counts | None = None
    message: str | None = None


class PlanOut(BaseModel):
    id: str
    title: str
    issuer: str | None
    jurisdiction: str | None
    issued: str | None = Field(description="YYYY-MM-DD, the date of the notice that issued the plan")
    doc_number: str | None = Field(description="e.g. 皖政〔2018〕20号; null when the document has none")
    source: str | None = Field(description="the loaded file's name")


class DepartmentOut(BaseModel):
    id: str
    name: str = Field(description="full canonical name, e.g. 安徽省经济和信息化委员会")
    jurisdiction: str | None = Field(description="its government; null when the document does not tell")
    aliases: list[str] = Field(description="every surface form seen in the documents plus known abbreviations")
    kind: str = Field(description="department, government, group, central-branch, enterprise or party")


class CorrectionMarkOut(BaseModel):
    """Who made or changed a fact by a correction, and when (the fact's basis is then `corrected`)."""

    id: str = Field(description="the correction's id (GET /corrections)")
    by: str = Field(description="the person who made it")
    at: str = Field(description="when, ISO 8601")


def correction_field():
    return Field(None, description="who made or changed this fact by a correction, and when; null when it is as read")


class IndicatorOut(BaseModel):
    id: str
    name: str = Field(description="the target's name as written, e.g. 固定宽带家庭普及率")
    target_value: float | None
    comparator: str | None
    unit: str | None
    target_year: int | None
    baseline_value: float | None
    baseline_year: int | None
    plan: str = Field(description="the id of the plan that sets the target")
    unit_id: str | None = Field(description="the unit whose text states it; null for the plan's own goals")
    quote: str | None = Field(description="the statement the target was read from")
    locator: str | None = locator_field()
    basis: Literal["stated", "corrected"] = Field("stated", description="stated: as read; corrected: a person "
                                                                        "fixed its value, unit or year")
    correction: CorrectionMarkOut | None = correction_field()


class SearchHit(BaseModel):
    id: str
    type: Literal["plan", "action", "project", "department", "indicator"]
    title: str
    plan: "PlanRef | None"
    score: float = Field(description="BM25 relevance; higher is better")
    snippet: str = Field(description="the text around the first matching word")


class AskEntity(BaseModel):
    text: str
    type: str
    ids: list[str]


class AskOut(BaseModel):
    question: str
    understood: bool
    intent: str | None = Field(description="the rule that understood the question, null when none did")
    entities: list[AskEntity]
    answer: str = Field(description="a Chinese sentence answering the question")
    items: list[dict] = Field(description="what the answer rests on: units, departments, indicators or plans, "
                                          "each with `type`, `id`, `title` or `name`, and its quote")
    query: str | None = Field(description="the named query that was run (see `policykg query list`)")
    suggestions: list[str] = Field(default_factory=list, description="questions to try when not understood")


class UnitDepartmentOut(DepartmentOut):
    basis: str | None = Field(None, description="how this role was read: stated, rule, first-listed, or "
                                                  "corrected (a person's correction)")
    quote: str | None = Field(None, description="the responsibility note the role was read from")
    locator: str | None = locator_field()
    correction: CorrectionMarkOut | None = correction_field()


class UnitOut(BaseModel):
    id: str
    type: Literal["action", "project"]
    title: str
    path: str
    parent_id: str | None
    leads: list[UnitDepartmentOut]
    supports: list[UnitDepartmentOut]
    indicators: list[IndicatorOut]
    deadline: str | None
    annex: bool = Field(False, description="an annex task (a row of the plan's task table)")
    related_ids: list[str] = Field(default_factory=list,
                                   description="an annex task's body units it names, and a body unit's annex tasks")
    quote: str | None = None
    locator: str | None = locator_field()


class ImplementsOut(BaseModel):
    title: str | None
    doc_number: str | None
    id: str


class PlanDetail(PlanOut):
    title_derived: bool = Field(False, description="true when the document gives no title and this one is derived")
    units: list[UnitOut]
    indicators: list[IndicatorOut] = Field(description="targets the plan itself sets (its 发展目标)")
    implements: list[ImplementsOut]


class PlanRef(BaseModel):
    id: str
    title: str


SearchHit.model_rebuild()


class UnitItem(BaseModel):
    id: str
    type: Literal["action", "project"]
    title: str
    plan: PlanRef
    basis: Literal["stated", "rule", "first-listed", "corrected"] = Field(
        description="stated: the text names it; rule: the document's rule (列第一位的为牵头部门); "
                    "first-listed: no lead named, the first listed is taken; corrected: a person's correction")
    quote: str = Field(description="the text the role was read from")
    locator: str | None = locator_field()
    deadline: str | None
    department_id: str
    correction: CorrectionMarkOut | None = correction_field()


class Partner(DepartmentOut):
    shared: int = Field(description="how many actions and projects the two lead or support together")


class DepartmentPartners(BaseModel):
    departments: list[DepartmentOut]
    items: list[Partner]
    total: int


class DepartmentUnits(BaseModel):
    departments: list[DepartmentOut]
    items: list[UnitItem]
    total: int


class ErrorBody(BaseModel):
    code: str
    message: str
    detail: dict = Field(default_factory=dict)


class ErrorOut(BaseModel):
    error: ErrorBody
