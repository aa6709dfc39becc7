"""The graph model: what one document becomes, before any store sees it.

Parsing produces one `PlanGraph` value; a store writes it whole. Every node and
edge carries `Evidence` (source file, character span, quote) so each fact can
be checked against the text it was read from.
"""

from typing import Literal

from pydantic import BaseModel, Field

UnitType = Literal["action", "project"]
Basis = Literal["stated", "rule", "first-listed", "corrected"]
Role = Literal["leads", "supports"]
Comparator = Literal["=", ">=", ">", "<=", "<", "~"]
DepartmentKind = Literal["department", "government", "group", "central-branch", "enterprise", "party"]


class Evidence(BaseModel):
    """Where a fact was read: `start`/`end` index the document text as read; for a PDF, Word or
    Excel file, whose text is laid out by policykg, `locator` says where that is in the file
    (page 3, line 12; paragraph 40; table 1, row 5, cell 3; sheet 任务表, cell C5)."""

    source: str
    start: int
    end: int
    quote: str
    locator: str | None = None


class CorrectionMark(BaseModel):
    """Who changed a fact by a correction, and when: shown as `basis: corrected`, and in RDF as
    prov:wasAttributedTo and prov:generatedAtTime."""

    id: str  # the correction's id
    by: str
    at: str  # ISO 8601 time


class Plan(BaseModel):
    id: str
    title: str
    title_derived: bool = False
    issuer: str | None = None
    jurisdiction: str | None = None
    issued: str | None = None
    doc_number: str | None = None
    source: str | None = None
    national: bool = False
    evidence: Evidence | None = None
    tokens: list[str] = Field(default_factory=list)  # jieba search-mode tokens, for the search index


class Unit(BaseModel):
    """An action or project of a plan (annex tasks are actions with `annex`)."""

    id: str
    type: UnitType
    title: str
    path: str
    parent_id: str | None
    order: int
    text: str = ""
    deadline: str | None = None
    annex: bool = False
    related_ids: list[str] = Field(default_factory=list)  # annex task ↔ the body unit it names
    evidence: Evidence
    tokens: list[str] = Field(default_factory=list)


def merge_aliases(*lists: list[str] | None) -> list[str]:
    """Every alias once, in first-seen order: the one rule for joining a department's names,
    used when a document names a body twice, when plans of one batch share it, and when a
    store already holds it."""
    return list(dict.fromkeys(a for names in lists for a in (names or [])))


class Department(BaseModel):
    id: str
    name: str
    jurisdiction: str | None = None  # null when the text does not tell
    aliases: list[str] = Field(default_factory=list)
    kind: DepartmentKind = "department"


class Assignment(BaseModel):
    """A LEADS or SUPPORTS edge: a department's role in a unit, as the text states it."""

    department_id: str
    unit_id: str
    role: Role
    basis: Basis
    surface: str
    rank: int = 0  # position in the note's list, so departments read back in the order written
    deadline: str | None = None
    evidence: Evidence
    correction: CorrectionMark | None = None  # set when a person's correction made or changed this fact


class Indicator(BaseModel):
    id: str
    name: str
    target_value: float | None
    comparator: Comparator | None = "="
    unit: str = ""
    target_year: int | None = None
    baseline_value: float | None = None
    baseline_year: int | None = None
    owner_id: str
    evidence: Evidence
    tokens: list[str] = Field(default_factory=list)
    correction: CorrectionMark | None = None


class Implements(BaseModel):
    """A national document this plan says it implements (《…》（国发〔2015〕40号）)."""

    plan: Plan
    evidence: Evidence


class ReadingWarning(BaseModel):
    """Something the reader could not place or resolve: shown by `policykg read`, never stored as a fact."""

    kind: str  # e.g. note-unplaced | name-unresolved | heading-skipped | jurisdiction-unknown
    message: str
    evidence: Evidence | None = None


class Correction(BaseModel):
    """A person's correction to what was read from one plan, kept apart from the reading so that
    it survives reloads: keyed by plan id, unit path and the quote it concerns, re-applied every
    time the plan is written, and reported stale when its unit or quote is no longer there.

    `kind` says what it does; `body` holds what that kind needs (a department's name, a role,
    a target's value …), so new kinds need no schema change."""

    id: str
    plan_id: str
    kind: str
    unit_path: str | None = None
    quote: str | None = None
    body: dict = Field(default_factory=dict)
    by: str
    at: str
    why: str = ""
    stale: bool = False
    stale_reason: str | None = None


class PlanGraph(BaseModel):
    plan: Plan
    units: list[Unit] = Field(default_factory=list)
    departments: list[Department] = Field(default_factory=list)
    assignments: list[Assignment] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    implements: list[Implements] = Field(default_factory=list)
    warnings: list[ReadingWarning] = Field(default_factory=list)
    text: str = ""  # the document's text as read: every Evidence span indexes it
    as_read: "PlanGraph | None" = None  # before corrections were applied; what a store keeps to re-apply them

    def unit(self, unit_id: str) -> Unit:
        return next(u for u in self.units if u.id == unit_id)
