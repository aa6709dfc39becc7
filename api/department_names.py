"""Names as written, resolved for a correction the way the reader resolves them: in the plan's
jurisdiction, as it stood when the plan was issued (loaders/departments.py). Lives in the api
layer because only it may join queries (the corrections service) to loaders."""

from graph.errors import NotFound
from graph.model import Department, Plan
from loaders.departments import looks_like_body, resolve, short_stem
from loaders.knowledge import jurisdiction_by_name


def resolve_name(name: str, plan: Plan) -> Department:
    name = name.strip()
    if not (looks_like_body(name) or short_stem(name)):
        raise NotFound(f"{name!r} is not read as the name of a body (a department, government or group)",
                       department=name)
    year = int(plan.issued[:4]) if plan.issued and plan.issued[:4].isdigit() else None
    return resolve(name, jurisdiction_by_name(plan.jurisdiction, year), plan.issued)
