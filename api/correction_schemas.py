"""Request and response models of the reading view (GET /plans/{id}/source) and of corrections."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from api.schemas import CorrectionMarkOut

Kind = Literal["remove-assignment", "add-assignment", "change-role", "same-body", "split-name", "fix-target"]


class SpanOut(BaseModel):
    start: int = Field(description="index of the first character in `text`")
    end: int = Field(description="index after the last character")
    kind: Literal["heading", "lead", "support", "target"]
    unit_id: str | None = Field(None, description="the unit it belongs to (a heading's own unit)")
    department_id: str | None = None
    department: str | None = Field(None, description="the department's canonical name")
    surface: str | None = Field(None, description="the department's name as written")
    indicator_id: str | None = None
    basis: str | None = Field(None, description="how a lead or support was read (stated, rule, first-listed) or "
                                                "`corrected`; `corrected` on a target a person fixed")
    label: str | None = Field(None, description="a title, a department's name or a target's name")
    correction: CorrectionMarkOut | None = Field(None, description="set on a fact a correction made or changed")


class SourceWarningOut(BaseModel):
    kind: str = Field(description="note-unplaced, name-unresolved, heading-skipped, jurisdiction-unknown …")
    message: str
    start: int | None = Field(None, description="where in `text` it concerns; null when it concerns no place")
    end: int | None = None


class SourceOut(BaseModel):
    plan_id: str
    title: str
    text: str = Field(description="the document's text as read: every span indexes it")
    spans: list[SpanOut] = Field(description="headings, leads, supports and targets, sorted by start")
    warnings: list[SourceWarningOut] = Field(description="what the reader could not place or resolve")


EXAMPLES = {
    "remove": {"summary": "remove a wrong lead", "value": {
        "plan_id": "plan-…", "kind": "remove-assignment", "unit_id": "unit-…", "department": "省财政厅",
        "role": "leads", "by": "王芳", "why": "财政厅只负责资金保障"}},
    "add": {"summary": "add a missing support, by the name as written", "value": {
        "plan_id": "plan-…", "kind": "add-assignment", "unit_id": "unit-…", "department": "省通信管理局",
        "role": "supports", "by": "王芳"}},
    "change-role": {"summary": "a support is the lead", "value": {
        "plan_id": "plan-…", "kind": "change-role", "unit_id": "unit-…", "department": "dept-…",
        "role": "supports", "new_role": "leads", "by": "王芳"}},
    "same-body": {"summary": "two names of one body", "value": {
        "plan_id": "plan-…", "kind": "same-body", "department": "省经济和信息化委", "other": "省经信厅", "by": "王芳"}},
    "split-name": {"summary": "one name read is two bodies", "value": {
        "plan_id": "plan-…", "kind": "split-name", "department": "省发展改革委经信委",
        "names": ["省发展改革委", "省经信委"], "by": "王芳"}},
    "fix-target": {"summary": "fix a target's value and year", "value": {
        "plan_id": "plan-…", "kind": "fix-target", "indicator_id": "ind-…", "target_value": 95, "target_year": 2020,
        "by": "王芳"}},
}


class CorrectionIn(BaseModel):
    """What to correct in one plan; which fields a kind needs is said beside each."""

    model_config = ConfigDict(extra="forbid")

    plan_id: str = Field(min_length=1, description="a plan id from /plans")
    kind: Kind
    unit_id: str | None = Field(None, description="a unit of the plan (remove-assignment, add-assignment, "
                                                  "change-role; optional for same-body and split-name)")
    department: str | None = Field(None, description="a department id, or a name as written (resolved in the "
                                                     "plan's jurisdiction); for same-body the body both names mean, "
                                                     "for split-name the name read as one body")
    role: Literal["leads", "supports"] | None = Field(None, description="the role to add, or the role held now")
    new_role: Literal["leads", "supports"] | None = Field(None, description="change-role: the role it should be "
                                                                            "(default: the other one)")
    other: str | None = Field(None, description="same-body: the second name of the same body")
    names: list[str] | None = Field(None, description="split-name: the names of the bodies one name stands for")
    indicator_id: str | None = Field(None, description="fix-target: a target of the plan")
    target_value: float | None = None
    unit: str | None = Field(None, description="fix-target: the target's unit as it should read (万户, %)")
    target_year: int | None = Field(None, ge=1949, le=2100)
    by: str = Field(min_length=1, max_length=200, description="who makes the correction (a person's name)")
    why: str = Field("", max_length=2000)


class CorrectionOut(BaseModel):
    id: str
    plan_id: str
    kind: str
    unit_path: str | None = Field(description="the unit's place in the outline, which keys the correction")
    quote: str | None = Field(description="the quote it concerns: the note, the unit's heading or the target")
    body: dict = Field(description="what the correction does (department, role, names, target fields …)")
    by: str
    at: str = Field(description="when it was made, ISO 8601 UTC")
    why: str
    stale: bool = Field(description="true when the document as last loaded no longer has its unit or quote")
    stale_reason: str | None
