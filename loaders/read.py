"""Bytes in, reading text out: encoding, HTML and Traditional characters.

Encodings are detected by charset-normalizer (after BOMs and strict UTF-8);
HTML is reduced to its text by BeautifulSoup; Traditional characters are
converted by OpenCC while quotes keep the text as written.
"""

import codecs
import re
from functools import lru_cache

import charset_normalizer
import opencc
from bs4 import BeautifulSoup

from graph.errors import DocumentError
from loaders.text import SourceText, normalise

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


def html_to_text(html: str) -> str:
    """The visible text of a page, one block per line (scripts and styles dropped)."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "head"]):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for cell in soup.find_all(["td", "th"]):
        cell.insert_after("\t")
    text = soup.get_text("")
    lines = [line.rstrip("\t ") for line in text.splitlines()]
    return "\n".join(line for line in lines if line.strip())


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


def read_text(data: bytes, name: str) -> SourceText:
    text = decode(data, name)
    if looks_like_html(name, text):
        text = html_to_text(text)
    check_text(text, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    simplified = to_simplified(text)
    source = normalise(text, simplified if simplified != text else None)
    if not source.text.strip():
        raise DocumentError(f"{name}: no text")
    return source
