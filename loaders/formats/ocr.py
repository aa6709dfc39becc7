"""A scanned PDF (pages that are only images) read by OCR, where tesseract with Chinese is installed.

Optional: Debian's tesseract-ocr and tesseract-ocr-chi-sim. Each page is rendered
with pypdfium2 (already there for pdfplumber) at 300 dpi and read by `tesseract
… -l chi_sim tsv`, whose lines come with their boxes, so the same reading as for
a text layer applies (loaders.formats.pdf: furniture dropped, lines joined into
paragraphs). Tables are not found in a scan: their cells come as lines. The
layout is marked (`notes["ocr"]`) and every place says `(OCR)`, since a quote
read by OCR may differ from the page.
"""

import csv
import io
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

DPI = 300
TIMEOUT = 120  # seconds per page
LANGUAGE = "chi_sim"
# what tesseract reads for the full-width parentheses of a responsibility note: 〈 〉 are not written in plans
_MISREAD = str.maketrans({"〈": "（", "〉": "）"})


@lru_cache(maxsize=1)
def available() -> bool:
    program = shutil.which("tesseract")
    if program is None:
        return False
    try:
        langs = subprocess.run([program, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return LANGUAGE in langs.split()


def _lines(tsv: str) -> list[tuple[str, float, float, float, list[float]]]:
    """tesseract's words grouped into lines: (text, left, right, top, widths of its characters)."""
    lines: dict[tuple[str, str, str, str], list[dict]] = {}
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        if row.get("level") == "5" and (row.get("text") or "").strip():
            lines.setdefault((row["page_num"], row["block_num"], row["par_num"], row["line_num"]), []).append(row)
    out = []
    for words in lines.values():
        text = "".join(w["text"].strip() for w in words).translate(_MISREAD)
        left = min(float(w["left"]) for w in words)
        right = max(float(w["left"]) + float(w["width"]) for w in words)
        top = min(float(w["top"]) for w in words)
        widths = [float(w["width"]) / max(1, len(w["text"].strip())) for w in words for _ in w["text"].strip()]
        out.append((text, left, right, top, widths))
    return sorted(out, key=lambda line: line[3])


def ocr_pages(data: bytes) -> list[tuple[float, list[tuple[str, float, float, float, list[float]]]]]:
    """Each page's height (in pixels at DPI) and its lines, read by tesseract."""
    import pypdfium2

    pages = []
    pdf = pypdfium2.PdfDocument(data)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for index in range(len(pdf)):
                image = pdf[index].render(scale=DPI / 72).to_pil().convert("L")
                path = Path(tmp) / f"page{index}.png"
                image.save(path)
                tsv = subprocess.run([shutil.which("tesseract") or "tesseract", str(path), "stdout", "-l", LANGUAGE,
                                      "--psm", "6", "tsv"], capture_output=True, text=True, timeout=TIMEOUT,
                                     check=True).stdout
                pages.append((float(image.height), _lines(tsv)))
    finally:
        pdf.close()
    return pages
