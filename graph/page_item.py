"""One row of a department's page (what it leads or supports), as the API shows it, and as JSON on its edge.

A lead or support edge carries its row of the page, already in the JSON the API sends (`page_item`, written
with the edge by graph/rows.py). At 1,000 plans the engine reads every column of a department's edges before it
keeps a page's key range, so one column instead of thirteen made a page's read 0.55 -> 0.39 ms, and the rows
need no converting, checking and rendering again on every request: the server splices them into its answer
(api/department_pages.py). tests/test_department_pages_fast.py holds those answers byte for byte to FastAPI's.
"""

import json
from typing import Any


def correction_of(row: dict) -> dict | None:
    """Who made or changed a fact by a correction, and when (`correction_*` columns), else None."""
    if not row.get("correction_id"):
        return None
    return {"id": row["correction_id"], "by": row["corrected_by"], "at": row["corrected_at"]}


def unit_item(r: dict) -> dict[str, Any]:
    """One row of a department's page as the API shows it, from the columns the page queries return."""
    return {
        "id": r["id"], "type": r["type"], "title": r["title"],
        "plan": {"id": r["plan_id"], "title": r["plan_title"]},
        "basis": r["basis"], "quote": r["quote"], "locator": r["locator"], "deadline": r["deadline"],
        "department_id": r["department_id"], "correction": correction_of(r),
    }


def as_json(item: dict[str, Any]) -> str:
    """The item as the API's JSON renders it: compact, fields in the model's order, text as written (UTF-8)."""
    return json.dumps(item, ensure_ascii=False, separators=(",", ":"))
