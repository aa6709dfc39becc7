"""Bytes in, reading text out: encoding, HTML and Traditional characters.

Encodings are detected by charset-normalizer (after BOMs and strict UTF-8);
HTML is reduced to its text by BeautifulSoup; Traditional characters are
converted by OpenCC while quotes keep the text as written.
"""

import codecs
from functools import lru_cache

import charset_normalizer
import opencc
from bs4 import BeautifulSoup

from graph.errors import DocumentError
from loaders.text import SourceText, normalise

MAX_BYTES = 64 * 1024 * 1024
_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


def decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise DocumentError(f"{name}: empty file")
    if len(data) > MAX_BYTES:
        raise DocumentError(f"{name}: too large ({len(data) // (1024 * 1024)} MB; the limit is 64 MB)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise DocumentError(f"{name}: binary or undecodable content (no text encoding fits)")
    text = str(best)
    if "\x00" in text:
        raise DocumentError(f"{name}: binary content")
    return text


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
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    simplified = to_simplified(text)
    source = normalise(text, simplified if simplified != text else None)
    if not source.text.strip():
        raise DocumentError(f"{name}: no text")
    return source
