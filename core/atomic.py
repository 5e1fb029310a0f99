"""Write a file completely or not at all; write devices and FIFOs in place; follow symbolic links.

A regular file (or a new one) is written to a temporary file beside it, flushed to disk, and put in
place in one rename, so a crash, a full disk or a bad value half-way through never leaves a partial file,
and an existing file is only replaced by a complete new one.

The temporary file has one name per target, ``.<name>.gradstep-part``, and is held under an exclusive lock
while it is written.  An export that was killed leaves at most that one file; the next export of the same
target finds it unlocked and removes it, so leftovers never pile up (the leftovers of earlier versions,
``.<name>.<8 characters>.part``, are removed too).  A temporary file whose lock is held belongs to an
export still under way: it is left alone and the second export is refused.

A symbolic link is followed: its target is written and the link stays a link.  An existing file that is
not a regular file (a device such as /dev/null, a FIFO) is written in place, as other command-line tools
do: a rename would replace the device node with a plain file, or never reach the FIFO's reader.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import IO

from .i18n import _
from .values import shown

try:
    import fcntl
except ImportError:  # Windows: a file held open there cannot be deleted, which serves as the lock
    fcntl = None

__all__ = ["FileError", "atomic_write", "check_writable", "part_path"]

_PART = ".gradstep-part"
_NAME_MAX = 255  # bytes in one file name on every file system GradStep meets
_OLD_PART_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")  # tempfile.mkstemp's names


class FileError(OSError):
    """A file could not be read or written; the message names the file and the reason, in one line."""


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror[:1].lower() + error.strerror[1:]  # "No space left on device" mid-sentence
    return str(error) or type(error).__name__


def _named(path) -> str:
    """``path`` as a message names it: as written, unless that would break the line or run on and on."""
    text = os.fspath(path)
    return text if text.isprintable() and len(text) <= _NAME_MAX else shown(text)


def _refused(path, why) -> FileError:
    """FileError naming ``path``; ``why`` an exception or a reason in the current language."""
    reason = why if isinstance(why, str) else _reason(why)
    return FileError(_("cannot write {path}: {reason}").format(path=_named(path), reason=reason))


def _no_such_character(path) -> FileError:
    return _refused(path, _("no file name can hold that character"))


def _busy(path) -> FileError:
    return _refused(path, _("another export to it is under way"))


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _stat(path: Path, shown_as) -> os.stat_result | None:
    """The file's status (following links), None if there is none; FileError for any other trouble."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as error:  # a name too long, a loop of links, a file where a folder should be
        raise _refused(shown_as, error) from error
    except ValueError:
        raise _no_such_character(shown_as) from None


def _given(path) -> Path:
    text = os.fspath(path)
    if not text:
        raise FileError(_("cannot write a file with an empty name"))
    if text.endswith(tuple(s for s in (os.sep, os.altsep) if s)) and not os.path.isdir(text):
        # Path() would quietly drop the separator and write the file "x.csv" for "x.csv/"
        raise _refused(text, _("a name ending in {separator} names a folder").format(separator=text[-1]))
    return Path(text)


def _resolved(given: Path) -> Path:
    """The file a write of ``given`` reaches: symbolic links followed, to the end of the chain."""
    try:
        return Path(os.path.realpath(given))
    except OSError as error:
        raise _refused(given, error) from error
    except ValueError:  # a NUL or an unpaired surrogate: no file system takes it
        raise _no_such_character(given) from None


def check_writable(path) -> Path:
    """Raise FileError unless a file could be created or replaced at ``path``, or written in place if it
    is a device or a FIFO; returns ``path`` as a Path.  A symbolic link is judged by what it points to."""
    given = _given(path)
    target = _resolved(given)
    info = _stat(target, given)
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise _refused(given, _("it is a folder"))
    if info is not None and not stat.S_ISREG(info.st_mode):
        if not os.access(target, os.W_OK):
            raise _refused(given, _("permission denied"))
        return given
    folder = _stat(target.parent, given)
    if folder is None or not stat.S_ISDIR(folder.st_mode):
        raise _refused(given, _("the folder {folder} does not exist").format(folder=_named(given.parent)))
    if not os.access(target.parent, os.W_OK | os.X_OK):
        raise _refused(given, _("permission denied"))
    if info is not None and not os.access(target, os.W_OK):
        raise _refused(given, _("the file is read-only"))
    return given


def part_path(target: Path) -> Path:
    """The temporary file beside ``target`` that an atomic write of it uses: one name per target."""
    name = f".{target.name}{_PART}"
    if len(os.fsencode(name)) > _NAME_MAX:  # the target's own name is near the limit already
        name = f".{hashlib.sha256(os.fsencode(target.name)).hexdigest()[:24]}{_PART}"
    return target.with_name(name)


def _open(fd: int, binary: bool) -> IO:
    return os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")


def atomic_write(path, write: Callable[[IO], None], *, binary: bool = False) -> Path:
    """Call ``write(stream)`` on a temporary file, then rename it to ``path``; returns ``path`` as a Path.

    Text is UTF-8 with ``\\n`` line ends.  Raises FileError (the target untouched, no temporary file
    left behind) if anything fails; an exception raised by ``write`` itself propagates the same way.
    A device or a FIFO at ``path`` is written in place instead (what was written before a failure stays
    written there); a symbolic link is followed and stays a link.
    """
    given = check_writable(path)
    target = _resolved(given)
    info = _stat(target, given)
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_in_place(given, target, write, binary)
    else:
        mode = info.st_mode & 0o777 if info is not None else 0o666 & ~_umask()
        _write_and_rename(given, target, mode, write, binary)
    return given


def _write_in_place(given: Path, target: Path, write, binary: bool) -> None:
    try:
        # no O_CREAT: the device or FIFO is there; if it has gone, failing beats making a plain file
        with _open(os.open(target, os.O_WRONLY | getattr(os, "O_BINARY", 0)), binary) as stream:
            write(stream)
    except OSError as error:
        raise _refused(given, error) from error


def _write_and_rename(given: Path, target: Path, mode: int, write, binary: bool) -> None:
    fd, part = _claim(given, target)
    try:
        with _open(os.dup(fd), binary) as stream:  # the dup is written and closed; fd keeps the lock
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(part, mode)
        if fcntl is None:  # Windows renames no file that is open
            os.close(fd)
            fd = -1
        os.replace(part, target)
    except OSError as error:
        _discard(part)
        raise _refused(given, error) from error
    except BaseException:
        _discard(part)
        raise
    finally:
        if fd >= 0:
            os.close(fd)


def _discard(part: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(part)


def _claim(given: Path, target: Path) -> tuple[int, Path]:
    """Create and lock ``target``'s temporary file, first removing a stale one; (descriptor, path)."""
    part = part_path(target)
    _remove_old_parts(target)
    for _attempt in range(5):
        try:
            fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        except FileExistsError:
            _remove_if_stale(given, part)
            continue
        except OSError as error:
            raise _refused(given, error) from error
        # between its creation and the lock another export may have taken this file for stale and
        # removed it; holding the lock on the file that still has the name settles it
        if _lock(fd) and _same_file(fd, part):
            return fd, part
        os.close(fd)
    raise _busy(given)


def _lock(fd: int) -> bool:
    """Take the exclusive lock on an open file without waiting; False if another process holds it."""
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _same_file(fd: int, path: Path) -> bool:
    try:
        named, held = os.stat(path), os.fstat(fd)
    except FileNotFoundError:
        return False
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _remove_if_stale(given: Path, part: Path) -> None:
    """Remove a temporary file left by an export that died; FileError if a live export holds it."""
    if fcntl is None:
        try:
            os.unlink(part)  # fails while the export that writes it has it open
        except FileNotFoundError:
            return
        except OSError as error:
            raise _busy(given) from error
        return
    try:
        fd = os.open(part, os.O_RDONLY)
    except FileNotFoundError:
        return
    except OSError as error:
        raise _refused(given, error) from error
    try:
        if not _lock(fd):
            raise _busy(given)
        if _same_file(fd, part):
            os.unlink(part)
    finally:
        os.close(fd)


def _remove_old_parts(target: Path) -> None:
    """Remove what killed exports of earlier versions left: ``.<name>.XXXXXXXX.part`` from mkstemp."""
    prefix, suffix = f".{target.name}.", ".part"
    with contextlib.suppress(OSError), os.scandir(target.parent) as entries:
        for entry in entries:
            middle = entry.name[len(prefix):-len(suffix)]
            if (entry.name.startswith(prefix) and entry.name.endswith(suffix) and len(middle) == 8
                    and set(middle) <= _OLD_PART_CHARACTERS and entry.is_file(follow_symlinks=False)):
                _discard(Path(entry.path))
