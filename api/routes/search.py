"""Search and questions: jieba-segmented BM25 search, and answers to Chinese questions."""

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response

from api.deps import PageDep
from api.schemas import AskOut, SearchHit

router = APIRouter(tags=["search"])


@router.get("/search", response_model=list[SearchHit], summary="Ranked search over titles, text and quotes")
def search(
    request: Request,
    page: PageDep,
    response: Response,
    q: Annotated[str, Query(min_length=1, max_length=200, description="words to look for", openapi_examples={
        "medical": {"summary": "互联网+医疗", "value": "互联网+医疗"},
        "broadband": {"summary": "宽带普及率", "value": "宽带普及率"},
        "department": {"summary": "a department", "value": "省经信委"}})],
    type: Annotated[Literal["", "plan", "action", "project", "department", "indicator"],
                    Query(description="only hits of this type")] = "",
):
    """Plans, units, departments and targets ranked by BM25 over jieba search-mode tokens (titles weigh
    most); the number of matching hits is in `X-Total-Count`."""
    hits, total = request.app.state.lookups.search().search(q, page.limit, page.offset, type)
    response.headers["X-Total-Count"] = str(total)
    return hits


@router.get("/ask", response_model=AskOut, summary="Answer a question asked in Chinese")
def ask(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200, description="a question in Chinese", openapi_examples={
        "leads": {"summary": "what a department leads", "value": "省经济和信息化委牵头哪些工作？"},
        "who": {"summary": "who leads a unit", "value": "“互联网+”医疗行动由哪个部门牵头？"},
        "targets": {"summary": "targets", "value": "2020年关于宽带的目标有哪些？"},
        "implements": {"summary": "plans implementing a national document",
                       "value": "哪些规划贯彻落实国发〔2015〕40号？"},
        "partners": {"summary": "who works with whom", "value": "哪些部门和省发展改革委共同承担任务？"}})],
):
    """Recognises the departments, units, plans and national documents the question names (longest
    match wins), picks an intent by rule, runs one named query and answers with the items and quotes
    it rests on. A question no rule understands gets `understood: false` and suggestions."""
    return request.app.state.lookups.asker().ask(q)
