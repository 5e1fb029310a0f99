"""Write a file completely or not at all.

The content goes to a temporary file beside the target, is flushed to disk, and replaces the target in
one rename, so a crash, a full disk or a bad value half-way through never leaves a partial file, and an
existing file is only replaced by a complete new one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

__all__ = ["FileError", "atomic_write", "check_writable"]


class FileError(OSError):
    """A file could not be read or written; the message names the file and the reason, in one line."""


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror[:1].lower() + error.strerror[1:]  # "No space left on device" mid-sentence
    return str(error) or type(error).__name__


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def check_writable(path) -> Path:
    """Raise FileError unless a file could be created or replaced at ``path``; returns it as a Path."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise FileError(f"cannot write {path}: it is a folder")
    if not folder.is_dir():
        raise FileError(f"cannot write {path}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise FileError(f"cannot write {path}: permission denied")
    if path.exists() and not os.access(path, os.W_OK):
        raise FileError(f"cannot write {path}: the file is read-only")
    return path


def atomic_write(path, write: Callable[[IO], None], *, binary: bool = False) -> Path:
    """Call ``write(stream)`` on a temporary file, then rename it to ``path``.

    Text is UTF-8 with ``\\n`` line ends.  Raises FileError (the target untouched, no temporary file
    left behind) if anything fails; an exception raised by ``write`` itself propagates the same way.
    """
    path = check_writable(path)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as error:
        raise FileError(f"cannot write {path}: {_reason(error)}") from error
    try:
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")) as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise FileError(f"cannot write {path}: {_reason(error)}") from error
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path
