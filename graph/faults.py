"""Fault injection for the crash tests: kill this process at a named point.

`POLICYKG_FAULT=embedded-mid-write policykg load …` dies by SIGKILL half-way
through writing a document, as a power cut or an OOM kill would; the tests then
check that the store still holds exactly what it held before.
"""

import os
import signal


def fault_point(name: str) -> None:
    if os.environ.get("POLICYKG_FAULT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
