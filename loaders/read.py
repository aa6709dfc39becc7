"""Bytes in, reading text out: encoding, HTML, PDF/Word/Excel, and the text as a reader reads it.

PDF, Word and Excel files are laid out as lines of text by loaders.formats (tables
as tab-separated rows); that text is then "the text as written" for spans and quotes,
and each place in the file (page and line, paragraph, cell) is kept beside it.

Encodings are detected by charset-normalizer (after BOMs and strict UTF-8);
an HTML page becomes its visible text and the document inside it (loaders.html).
The reading text is then cleaned step by step, each step keeping the map back to
the text as written: Traditional → Simplified (OpenCC, length-preserving),
full-width digits and letters → ASCII, page furniture lines dropped, pinyin
annotations dropped, lost line breaks restored, spaces read as separators or
dropped, punctuation made full-width.
"""

import codecs
import re
from functools import lru_cache

import charset_normalizer
import opencc

from graph.errors import DocumentError
from loaders.formats import read_layout, unbundle
from loaders.formats.layout import Layout
from loaders.furniture import drop_furniture
from loaders.html import read_page
from loaders.pinyin import drop_pinyin
from loaders.runon import break_run_on_lines
from loaders.spaces import separate_names
from loaders.text import Draft, SourceText, ascii_forms, finish

MAX_BYTES = 16 * 1024 * 1024  # the largest real plans are around 1 MB; a 50 MB file is not one
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
HAN = re.compile(r"[\u3400-\u9fff]")
_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


def check_size(size: int, name: str) -> None:
    if size > MAX_BYTES:
        raise DocumentError(f"{name}: too large ({size / 1024 / 1024:.0f} MB; the limit is "
                            f"{MAX_BYTES // 1024 // 1024} MB)")


def decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise DocumentError(f"{name}: empty file")
    check_size(len(data), name)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data[:8192]:
        raise DocumentError(f"{name}: binary content, not a text document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.start >= len(data) - 3 and e.reason == "unexpected end of data":
            return data[: e.start].decode("utf-8")  # a file cut off inside its last character
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise DocumentError(f"{name}: binary or undecodable content (no text encoding fits)")
    return str(best)


def check_text(text: str, name: str) -> None:
    """Decoded, but is it a Chinese document? Control characters mean binary; no Han means the
    wrong encoding or not a Chinese text at all."""
    sample = text[:20000]
    if len(CONTROL.findall(sample)) > max(8, len(sample) // 200):
        raise DocumentError(f"{name}: binary content, not a text document")
    if len(HAN.findall(sample)) < min(20, len(sample) // 10 + 1):
        raise DocumentError(f"{name}: no Chinese text found (wrong encoding, or not a policy document)")


def looks_like_html(name: str, text: str) -> bool:
    if name.lower().endswith((".html", ".htm")):
        return True
    head = text.lstrip()[:512].lower()
    return head.startswith("<!doctype html") or head.startswith("<html") or "<body" in head


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → Simplified with the same length, so spans still line up.

    OpenCC converts phrases, which can change length; a line whose length
    changes is converted character by character instead.
    """
    converter = _t2s()
    out = []
    for line in text.split("\n"):
        converted = converter.convert(line)
        if len(converted) != len(line):
            converted = "".join(c if len(c := converter.convert(ch)) == 1 else ch for ch in line)
        out.append(converted)
    return "\n".join(out)


def clean(draft: Draft) -> Draft:
    """Every cleaning step but the last (`text.finish`), in order."""
    draft = draft.convert(ascii_forms(to_simplified(draft.text)))
    draft = drop_furniture(draft)
    draft = drop_pinyin(draft)
    draft = break_run_on_lines(draft)
    return separate_names(draft)


def read_text(data: bytes, name: str) -> SourceText:
    return read_placed(data, name)[0]


@lru_cache(maxsize=4)
def read_placed(data: bytes, name: str) -> tuple[SourceText, Layout | None]:
    """The reading text, and for a PDF, Word or Excel file (or a bundle of a notice and its
    attachments) the places in the file that its text came from. Kept for the last few
    documents, so that the pipeline and whoever adds places read a file once."""
    if not data.strip():
        raise DocumentError(f"{name}: empty file")
    parts = unbundle(data, name)  # a notice and its attachments: each file within the size limit
    written = [_written(part, part_name) for part_name, part in parts]
    if len(written) == 1:
        original, draft, layout = written[0]
    else:
        original, draft, layout = _join_parts(written, [n for n, _ in parts])
    check_text(original, parts[0][0])
    return _finish(draft, original, name), layout


def _written(data: bytes, name: str) -> tuple[str, Draft, Layout | None]:
    """A file's text as written, its reading draft, and its places (None for text and HTML)."""
    if not data.strip():
        raise DocumentError(f"{name}: empty file")
    check_size(len(data), name)
    layout = read_layout(data, name)
    if layout is not None:  # PDF, Word, Excel: laid out as lines by loaders.formats
        return layout.text, Draft.of(layout.text), layout
    text = decode(data, name)
    if looks_like_html(name, text):
        page = read_page(text)
        return page.text, page.draft, None
    original = text.replace("\r\n", "\n").replace("\r", "\n")
    return original, Draft.of(original), None


def _join_parts(written: list[tuple[str, Draft, Layout | None]], names: list[str]) -> tuple[str, Draft, Layout]:
    """A notice and its attachments as one text: each after the one before, a blank line
    between; an attachment's places carry its file name (附件1.xlsx: sheet 任务, cell C3)."""
    original, texts, offsets = "", [], []
    places = Layout()
    for k, ((text, draft, layout), part_name) in enumerate(zip(written, names, strict=True)):
        if k:
            gap = "\n\n"
            texts.append(gap)
            offsets += [len(original)] * len(gap)
            original += gap
        base = len(original)
        places.text = original  # the places of this part start where its text does
        places.extend(layout or Layout(text), prefix=f"{part_name}: " if k else "")
        texts.append(draft.text)
        offsets += [base + o for o in draft.offsets]
        original += text
    places.text = original
    return original, Draft("".join(texts), offsets), places


def _finish(draft: Draft, original: str, name: str) -> SourceText:
    source = finish(clean(draft), original)
    if not source.text.strip():
        raise DocumentError(f"{name}: no text")
    return source
