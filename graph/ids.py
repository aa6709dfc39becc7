"""Deterministic ids: the same documents give the same ids in any store.

An id is a readable kind prefix plus a short hash of the content that makes
the thing what it is (a plan's issuer and number, a unit's place in its plan,
a department's jurisdiction and canonical name), never a counter or a uuid.
"""

import hashlib


def content_id(kind: str, *parts: object) -> str:
    key = "\x1f".join("" if p is None else str(p) for p in parts)
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return f"{kind}-{digest}"


def plan_id(jurisdiction: str | None, doc_number: str | None, title: str, issued: str | None) -> str:
    """A plan is identified by its number when it has one, else by title and date."""
    if doc_number:
        return content_id("plan", doc_number)
    return content_id("plan", jurisdiction, title, issued)


def national_plan_id(doc_number: str | None, title: str | None) -> str:
    """A national document cited by several plans is one node, keyed like a plan."""
    return content_id("plan", doc_number) if doc_number else content_id("plan", None, title, None)


def unit_id(plan: str, path_key: str) -> str:
    return content_id("unit", plan, path_key)


def department_id(jurisdiction: str | None, canonical_name: str) -> str:
    return content_id("dept", jurisdiction, canonical_name)


def indicator_id(plan: str, owner: str, name: str, year: int | None, start: int) -> str:
    return content_id("ind", plan, owner, name, year, start)
