"""Loading a document over HTTP: the one write route, behind a bearer token."""

import hmac
from typing import Annotated

from fastapi import APIRouter, File, Header, Request, UploadFile
from pydantic import BaseModel, Field

from api.deps import StoreDep
from api.loading import Upload, load_paths
from api.schemas import ErrorOut, PlanOut
from graph.errors import DocumentError, Forbidden, TooLarge, Unauthorized
from loaders.read import MAX_BYTES

router = APIRouter(tags=["documents"])


class Loaded(BaseModel):
    plan: PlanOut
    units: int = Field(description="actions and projects read")
    leads: int
    supports: int
    indicators: int


def require_token(request: Request, authorization: str | None) -> None:
    token = request.app.state.api_token
    if not token:
        raise Forbidden("writes are disabled: set POLICYKG_API_TOKEN for the server to accept documents")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise Unauthorized("a valid `Authorization: Bearer <token>` header is required")


def _read_upload(file: UploadFile) -> tuple[str, bytes]:
    data = file.file.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise TooLarge(f"{file.filename}: too large (the limit is {MAX_BYTES // 1024 // 1024} MB)")
    return (file.filename or "upload.txt").replace("/", "_").replace("\\", "_"), data


@router.post("/documents", status_code=201, response_model=Loaded, summary="Load one document",
             responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 413: {"model": ErrorOut},
                        422: {"model": ErrorOut, "description": "the document could not be read"}})
def load_document(
    request: Request,
    store: StoreDep,
    file: UploadFile,
    attachments: Annotated[list[UploadFile], File(description="files attached to the document (附件), read as "
                                                              "its annex: one plan named after `file`")] = [],  # noqa: B006
    authorization: Annotated[str | None, Header(description="Bearer <POLICYKG_API_TOKEN>")] = None,
):
    """Read the uploaded file (.txt or .html in any encoding, .pdf with a text layer, .docx, .xlsx/.xls; .doc/.wps
    when LibreOffice is installed) and write its plan in one transaction,
    replacing an earlier version of the same plan. Readers keep answering meanwhile and see the
    plan whole or not at all."""
    require_token(request, authorization)
    name, data = _read_upload(file)
    attached = tuple(_read_upload(f) for f in attachments)
    report = load_paths(store, [Upload(name, data, attached)], keep_plans=True)
    if report.failed:
        raise DocumentError(report.failed[0])
    request.app.state.lookups.invalidate()
    graph = report.plans[0]
    p = graph.plan
    return {
        "plan": {"id": p.id, "title": p.title, "issuer": p.issuer, "jurisdiction": p.jurisdiction,
                 "issued": p.issued, "doc_number": p.doc_number, "source": p.source},
        "units": len(graph.units),
        "leads": sum(1 for a in graph.assignments if a.role == "leads"),
        "supports": sum(1 for a in graph.assignments if a.role == "supports"),
        "indicators": len(graph.indicators),
    }
