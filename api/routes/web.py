"""The web explorer's pages (placeholder until the explorer lands)."""

from fastapi import APIRouter

router = APIRouter(include_in_schema=False)
