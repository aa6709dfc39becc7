"""Legacy Word (.doc) and WPS (.wps) files: converted to .docx by LibreOffice, then read as .docx.

There is no maintained pure-Python reader for the binary Word format; LibreOffice
(Debian: libreoffice-writer-nogui) converts it faithfully. Without it the file is
refused, naming what to install. The conversion runs headless in a temporary
directory with its own profile and a time limit, so it can neither hang a load nor
touch the user's LibreOffice settings. Places are those of the converted .docx.
"""

import shutil
import subprocess
import tempfile
from pathlib import Path

from graph.errors import DocumentError
from loaders.formats.docx import read_docx
from loaders.formats.layout import Layout

TIMEOUT = 120  # seconds; a real plan converts in a few


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_legacy_word(data: bytes, name: str) -> Layout:
    program = soffice()
    if program is None:
        raise DocumentError(f"{name}: a legacy Word/WPS file (.doc/.wps) needs LibreOffice to be read: install "
                            "it (Debian: apt-get install libreoffice-writer-nogui) or save the file as .docx")
    suffix = Path(name).suffix.lower() if Path(name).suffix.lower() in (".doc", ".wps") else ".doc"
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"document{suffix}"
        source.write_bytes(data)
        try:
            subprocess.run([program, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                            "--convert-to", "docx", "--outdir", tmp, str(source)],
                           check=True, capture_output=True, timeout=TIMEOUT)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as e:
            raise DocumentError(f"{name}: LibreOffice could not convert it ({type(e).__name__})") from e
        converted = source.with_suffix(".docx")
        if not converted.exists():
            raise DocumentError(f"{name}: LibreOffice could not convert it (not a Word/WPS document?)")
        return read_docx(converted.read_bytes(), name)
