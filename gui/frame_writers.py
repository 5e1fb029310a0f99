"""Animation files written one frame at a time: GIF with Pillow, MP4 with imageio-ffmpeg (optional).

Frames are RGB arrays of shape (height, width, 3), uint8.  Neither writer holds more than a frame or two
in memory, so 600 frames of 1920 × 1080 cost no more than one.  Neither knows about Qt.

`GifWriter` writes to an open binary stream (`core.atomic.atomic_write` provides one that becomes the
file only when complete).  Every frame uses one global palette, taken from a reference frame (the last
one, where everything is drawn) plus the colours that must stay exact (the runs'), so colours never
flicker between frames; no dithering, so lines stay crisp.  After the first frame only the rectangle
that changed is stored.  The last frame is held longer before the animation starts over.

`Mp4Writer` feeds ffmpeg (from the ``video`` extra) through `imageio_ffmpeg.write_frames`; `temporary_path`
gives it a file beside the target that replaces the target only when complete.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import numpy as np
from PIL import GifImagePlugin, Image

from core.atomic import FileError, check_writable

__all__ = ["GifWriter", "Mp4Writer", "gif_palette", "mp4_available", "temporary_path"]

#: How long the last frame of a GIF stays before the animation starts again, in milliseconds.
GIF_HOLD_MS = 2000


def _rgb(color: str) -> tuple[int, int, int]:
    value = color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def gif_palette(reference: np.ndarray, exact: list[str]) -> Image.Image:
    """A 256-colour palette image: the ``exact`` colours ("#rrggbb") first, then the colours that best
    represent ``reference`` (median cut)."""
    fixed = list(dict.fromkeys(_rgb(c) for c in exact))[:128]
    adaptive = Image.fromarray(reference).quantize(colors=256 - len(fixed), method=Image.Quantize.MEDIANCUT,
                                                   dither=Image.Dither.NONE)
    flat = [channel for rgb in fixed for channel in rgb]
    flat += adaptive.getpalette()[: 3 * (256 - len(fixed))]
    palette = Image.new("P", (1, 1))
    palette.putpalette(flat + [0] * (768 - len(flat)))
    return palette


class GifWriter:
    """An animated GIF, looping, written frame by frame to ``stream`` (see the module docstring).

    ``frame_ms``: each frame's duration (GIF stores hundredths of a second).  Call `add` for each
    frame, then `close` once; nothing is complete before `close`."""

    def __init__(self, stream: IO[bytes], palette: Image.Image, frame_ms: int, hold_ms: int = GIF_HOLD_MS):
        self.stream, self.palette = stream, palette
        self.frame_ms, self.hold_ms = max(20, int(frame_ms)), hold_ms
        self.frames = 0
        self._pending: Image.Image | None = None  # written once the next one shows it is not the last
        self._previous: np.ndarray | None = None

    def add(self, frame: np.ndarray) -> None:
        indexed = Image.fromarray(frame).quantize(palette=self.palette, dither=Image.Dither.NONE)
        if self._pending is not None:
            self._write(self._pending, self.frame_ms)
        self._pending = indexed
        self.frames += 1

    def close(self) -> None:
        """Write the last frame (held longer) and the end of the file."""
        if self._pending is None:
            raise ValueError("a GIF needs at least one frame")
        self._write(self._pending, self.frame_ms + self.hold_ms)
        self._pending = None
        self.stream.write(b";")

    def _write(self, indexed: Image.Image, duration: int) -> None:
        pixels = np.asarray(indexed)
        if self._previous is None:
            header, _ = GifImagePlugin.getheader(indexed, None, {"loop": 0, "duration": duration})
            self.stream.write(b"".join(header))
            box = (0, 0, indexed.width, indexed.height)
        else:
            box = _changed_box(self._previous, pixels)
        self._previous = pixels
        # disposal 1: each frame stays under the next, which then only needs the rectangle that changed
        chunks = GifImagePlugin.getdata(indexed.crop(box), offset=box[:2], duration=duration, disposal=1)
        self.stream.write(b"".join(chunks))


def _changed_box(before: np.ndarray, after: np.ndarray) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of the pixels that differ; one pixel if none does (a frame must
    still be written, to keep its time)."""
    changed = before != after
    rows, cols = np.flatnonzero(changed.any(axis=1)), np.flatnonzero(changed.any(axis=0))
    if rows.size == 0:
        return 0, 0, 1, 1
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


def mp4_available() -> bool:
    """Whether MP4 can be written: the ``video`` extra (imageio-ffmpeg, which ships ffmpeg) is installed."""
    try:
        import imageio_ffmpeg
    except ImportError:
        return False
    try:
        return bool(imageio_ffmpeg.get_ffmpeg_exe())
    except RuntimeError:  # installed without a usable ffmpeg
        return False


class Mp4Writer:
    """An H.264 MP4 of ``size`` = (width, height), both even, at ``fps``, written to ``path`` by ffmpeg.

    Raises FileError when ffmpeg cannot start or fails; `close` finishes the file, `abort` stops ffmpeg
    and leaves whatever it wrote for the caller to delete."""

    def __init__(self, path: Path, size: tuple[int, int], fps: float):
        import imageio_ffmpeg

        self.path, self.frames = path, 0
        self._ffmpeg = imageio_ffmpeg.write_frames(str(path), size, fps=fps, codec="libx264", quality=8,
                                                   pix_fmt_in="rgb24", pix_fmt_out="yuv420p", macro_block_size=2,
                                                   ffmpeg_log_level="error")
        self._call(self._ffmpeg.send, None)

    def _call(self, fn, *args) -> None:
        try:
            fn(*args)
        except (OSError, RuntimeError, ValueError) as error:
            raise FileError(f"cannot write {self.path}: ffmpeg failed: {error}") from error

    def add(self, frame: np.ndarray) -> None:
        self._call(self._ffmpeg.send, np.ascontiguousarray(frame))
        self.frames += 1

    def close(self) -> None:
        self._call(self._ffmpeg.close)

    def abort(self) -> None:
        with contextlib.suppress(Exception):
            self._ffmpeg.close()


@contextlib.contextmanager
def temporary_path(path, suffix: str) -> Iterator[Path]:
    """A path beside ``path`` for a program that writes files by name, as `core.atomic.atomic_write` is
    for streams: when the block ends normally the file there replaces ``path`` (with the permissions a
    new file gets); when it raises, the file is deleted and the exception goes on (OSError as FileError)."""
    path = check_writable(path)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=f".part{suffix}", dir=path.parent)
        os.close(fd)
    except OSError as error:
        raise FileError(f"cannot write {path}: {error.strerror or error}") from error
    temporary = Path(name)
    try:
        yield temporary
        mask = os.umask(0o022)
        os.umask(mask)
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~mask)
        os.replace(temporary, path)
    except FileError:
        temporary.unlink(missing_ok=True)
        raise
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise FileError(f"cannot write {path}: {error.strerror or error}") from error
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
