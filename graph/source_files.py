"""A plan's text and reading, kept by the embedded store in files beside the engine; its Source node
holds their names.

Why not in the Source node itself: LadybugDB 0.22.0 rewrites a string column whole, in memory, at
the checkpoint after rows are added to it, at about six times the column's bytes (measured: 435 MB
for 74 MB of text). Every plan's text and reading (113 MB for 1,000 generated plans) made each
checkpoint of a bulk load cost more memory than the one before: 460 MB more at 1,000 plans, past the
1 GB buffer pool (the load fails) at about 2,500.

All or nothing is kept: a file is written and synced before the transaction naming it commits, so a
committed Source always finds its files; a file no Source names (a batch rolled back, a plan replaced,
deleted or lost with its process) is removed when a writable store opens or closes. A file is named
by its content, so loading the same document again writes nothing new.
"""

import hashlib
import os
import zlib
from pathlib import Path

from graph.errors import StoreError

FOLDER = "sources"
MARK = "\ue000source:"  # a private-use character no document text starts with, then the file's name
FIELDS = ("text", "reading")  # the Source properties kept in files


def is_reference(value: object) -> bool:
    return isinstance(value, str) and value.startswith(MARK)


class SourceFiles:
    def __init__(self, store_directory: Path) -> None:
        self.directory = store_directory / FOLDER
        self._unsynced: list[Path] = []

    def put(self, value: str | None) -> str | None:
        """The reference to a file holding `value`, written if it is not there yet (synced by `sync`)."""
        if value is None:
            return None
        data = value.encode("utf-8")
        name = hashlib.sha256(data).hexdigest()
        path = self.directory / name
        if not path.exists():
            self.directory.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(f"{name}.{os.getpid()}.partial")
            with partial.open("wb") as f:
                f.write(zlib.compress(data, 1))
                f.flush()
                os.fsync(f.fileno())
            partial.replace(path)
            self._unsynced.append(path)
        return MARK + name

    def sync(self) -> None:
        """Make the names of the files written since the last call durable (their contents already are)."""
        if self._unsynced:
            descriptor = os.open(self.directory, os.O_RDONLY)
            try:
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
            self._unsynced = []

    def get(self, reference: str) -> str:
        path = self.directory / reference[len(MARK):]
        try:
            return zlib.decompress(path.read_bytes()).decode("utf-8")
        except FileNotFoundError:
            raise StoreError(f"a plan's text is missing from {self.directory}: the store was changed by another "
                             "process after this one opened it; restart this process") from None
        except (OSError, zlib.error, UnicodeDecodeError) as e:
            raise StoreError(f"cannot read a plan's text from {path}: {e}") from e

    def resolve(self, rows: list[dict]) -> list[dict]:
        """Rows with every reference replaced by the text it names."""
        for row in rows:
            for key, value in row.items():
                if is_reference(value):
                    row[key] = self.get(value)
        return rows

    def collect(self, referenced: set[str]) -> int:
        """Remove every file no reference names (and files a writer left half-written); how many went.
        Only the writing process calls this, while it holds the store."""
        if not self.directory.is_dir():
            return 0
        names = {r[len(MARK):] for r in referenced if is_reference(r)}
        removed = 0
        for path in self.directory.iterdir():
            if path.name not in names:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
