"""The formats governments publish in, each read as a `Layout` (text and places).

A file is told by what it holds (its magic bytes), its name's suffix only
deciding between the kinds of a zip or OLE container: %PDF → PDF; a zip with
word/document.xml → .docx, with xl/workbook.xml → .xlsx; an OLE file → .xls
(xlrd) or .doc/.wps (through LibreOffice). Text and HTML are not layouts
(`None`): loaders.read decodes them as before.

`read_layout` keeps the last few layouts it made, so that the reading text and
the places of one document are read from the file once.
"""

import io
import json
import zipfile
from functools import lru_cache

from graph.errors import DocumentError
from loaders.formats.layout import Layout

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
SUFFIXES = {".pdf", ".docx", ".doc", ".wps", ".xlsx", ".xls", ".et"}
SHEETS = (".xlsx", ".xls", ".et", ".xlsm")
MANIFEST = "policykg-bundle.json"
MAX_EXPANDED = 256 * 1024 * 1024  # a .docx/.xlsx of a real plan unpacks to a few MB; more is a zip bomb


def kind(data: bytes, name: str) -> str | None:
    """pdf, docx, xlsx, xls, doc or None (a text or HTML file)."""
    lower = name.lower()
    head = data[:1024]
    if b"%PDF-" in head[:1024] and head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if data.startswith(ZIP):
        try:
            members = zipfile.ZipFile(io.BytesIO(data)).infolist()
        except zipfile.BadZipFile as e:
            raise DocumentError(f"{name}: a damaged zip package (.docx/.xlsx cannot be opened)") from e
        if sum(m.file_size for m in members) > MAX_EXPANDED:
            raise DocumentError(f"{name}: expands to more than {MAX_EXPANDED // 1024 // 1024} MB (not a plan)")
        names = {m.filename for m in members}
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        raise DocumentError(f"{name}: a zip package that is neither a Word (.docx) nor an Excel (.xlsx) document")
    if data.startswith(OLE):
        return "xls" if lower.endswith(SHEETS) else "doc"
    if lower.endswith((".pdf", ".docx", ".xlsx")):
        raise DocumentError(f"{name}: not a {lower.rsplit('.', 1)[1].upper()} file (its content is not one)")
    return None


def bundle(notice: tuple[str, bytes], attachments: list[tuple[str, bytes]]) -> bytes:
    """A notice and its attachments (附件) packed as one document: a zip holding each file and a
    manifest, which `unbundle` (and so loaders.read) reads back as the notice followed by them."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        names = [notice[0], *(n for n, _ in attachments)]
        z.writestr(MANIFEST, json.dumps({"parts": names}, ensure_ascii=False))
        for k, (_, data) in enumerate([notice, *attachments]):
            z.writestr(f"part{k}", data)
    return out.getvalue()


def unbundle(data: bytes, name: str) -> list[tuple[str, bytes]]:
    """The files of a bundle (see `bundle`), the notice first; any other file is itself."""
    if not data.startswith(ZIP):
        return [(name, data)]
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        if MANIFEST not in z.namelist():
            return [(name, data)]
        names = json.loads(z.read(MANIFEST))["parts"]
        return [(n, z.read(f"part{k}")) for k, n in enumerate(names)]
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise DocumentError(f"{name}: a damaged zip package") from e


@lru_cache(maxsize=4)
def read_layout(data: bytes, name: str) -> Layout | None:
    found = kind(data, name)
    if found is None:
        return None
    if found == "pdf":
        from loaders.formats.pdf import read_pdf
        return read_pdf(data, name)
    if found == "docx":
        from loaders.formats.docx import read_docx
        return read_docx(data, name)
    if found == "xlsx":
        from loaders.formats.sheets import read_xlsx
        return read_xlsx(data, name)
    if found == "xls":
        from loaders.formats.sheets import read_xls
        return read_xls(data, name)
    from loaders.formats.legacy import read_legacy_word
    return read_legacy_word(data, name)
