"""Writing a user's file without ever losing it: the commands that edit files in lokaal/.

`replace_file` writes the new bytes to a temporary file in the same folder,
flushes them to disk (fsync), and only then puts the temporary file in the
place of the original with one `os.replace`, which is atomic on the same file
system. A full disk or any other write error leaves the original exactly as it
was and removes the temporary file. The file's permissions are kept.

`Original` remembers the bytes a command read, so it can refuse to write when
someone (an editor, a `git pull`) changed the file in the meantime, and keeps
the file's line endings: text is edited with '\n' and written back with the
line ending the file had (a CRLF file stays CRLF, so git shows only the lines
that really changed).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

# The system call that writes the bytes; a test replaces it to simulate a full disk.
_write = os.write


class FileChanged(Exception):
    """The file is no longer what was read: writing would undo someone else's change."""


@dataclass(frozen=True)
class Original:
    """A file as a command read it: its bytes and its line ending."""

    file: Path
    data: bytes

    @classmethod
    def read(cls, file: Path) -> Original:
        return cls(file, file.read_bytes())

    @property
    def newline(self) -> str:
        """'\r\n' when every line of the file ends so, else '\n'."""
        lines = self.data.count(b"\n")
        return "\r\n" if lines and self.data.count(b"\r\n") == lines else "\n"

    @property
    def text(self) -> str:
        """The text with '\n' line endings (UTF-8; the check has read the file already)."""
        return self.data.decode("utf-8").replace(self.newline, "\n")

    def replace_text(self, text: str) -> None:
        """Write `text` (with '\n') in the file's own line endings, atomically.

        Raises `FileChanged` when the file differs from what was read, and
        `OSError` when it cannot be written; in both cases nothing changed.
        """
        if self.file.read_bytes() != self.data:
            raise FileChanged(str(self.file))
        replace_file(self.file, text.replace("\n", self.newline).encode("utf-8"))


def replace_file(file: Path, data: bytes) -> None:
    """Put `data` in `file` in one step, or leave `file` as it was and raise `OSError`."""
    handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.", suffix=".tmp")
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[_write(handle, view) :]
            os.fsync(handle)
        finally:
            os.close(handle)
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temporary, file.stat().st_mode & 0o7777)
        os.replace(temporary, file)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _sync_folder(file.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (not possible on every system; then skipped)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
