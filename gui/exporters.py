"""File ▸ Export image and Export animation: their dialogs, the progress of an animation, the writing.

A picture is a `gui.slide.Slide` of the window's plot: PNG or SVG, by the file name.  An animation draws
the runs step by step from step 0 to the step on view, one frame per step (or `AnimationOptions.max_frames`
evenly spaced steps when there are more), each frame naming its step: a GIF (Pillow) or, with the
``video`` extra installed, an MP4.  Frames are painted in the GUI thread, as Qt requires; the progress
dialog processes events between frames, and its Cancel stops the export.  Every file is written beside
the target and renamed into place only when complete, so a cancelled or failed export leaves nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QProgressDialog

from core.atomic import atomic_write, check_writable
from core.functions import file_stem

from .frame_writers import GifWriter, Mp4Writer, gif_palette, mp4_available, temporary_path
from .legend import GRADIENT_COLOR, STEP_COLOR
from .slide import Slide, SlideContent, SlideSize

__all__ = ["AnimationOptions", "ExportCancelled", "animation_formats", "animation_name", "export_animation",
           "export_image", "frame_steps", "image_formats", "image_name", "rgb_array"]

#: Frames an animation has at most unless the dialog says otherwise.
MAX_FRAMES = 600


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # marked with _t/_tr: see tools/i18n_gui.py


class ExportCancelled(Exception):
    """The user pressed Cancel; whatever was written has been removed."""


@dataclass(frozen=True)
class AnimationOptions:
    """The frames' size, how many a second, and the most frames to draw."""

    size: SlideSize
    fps: int = 5
    max_frames: int = MAX_FRAMES


# -- names and formats ---------------------------------------------------------------------------------
def image_name(content: SlideContent) -> str:
    """The default file name of a picture: ``quadratic-step10.png``."""
    return f"{file_stem(content.function)}-step{content.step}.png"


def animation_name(content: SlideContent) -> str:
    """The default file name of an animation: ``quadratic-steps-0-10.gif``."""
    return f"{file_stem(content.function)}-steps-0-{content.step}.gif"


def image_formats() -> tuple[tuple[str, str], ...]:
    """(suffix, file dialog filter) for each picture format, the default first."""
    return ((".png", _tr("PNG images (*.png)")), (".svg", _tr("SVG drawings (*.svg)")))


def animation_formats() -> tuple[tuple[str, str], ...]:
    """GIF, and MP4 only when the ``video`` extra is installed."""
    formats = [(".gif", _tr("GIF animations (*.gif)"))]
    if mp4_available():
        formats.append((".mp4", _tr("MP4 videos (*.mp4)")))
    return tuple(formats)


# -- pictures ------------------------------------------------------------------------------------------
def export_image(content: SlideContent, size: SlideSize, path: Path) -> Path:
    """Write the slide as PNG, or as SVG when ``path`` ends in .svg.  Raises FileError (nothing written)."""
    check_writable(path)  # before drawing: a 4K picture takes a moment
    slide = Slide(content, size)
    try:
        data = slide.svg() if path.suffix.lower() == ".svg" else png_bytes(slide.image())
    finally:
        slide.close()
    return atomic_write(path, lambda stream: stream.write(data), binary=True)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def rgb_array(image: QImage) -> np.ndarray:
    """The image's pixels as a (height, width, 3) uint8 array (a copy)."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(rgb.constBits(), np.uint8, rgb.bytesPerLine() * rgb.height())
    return rows.reshape(rgb.height(), rgb.bytesPerLine())[:, : 3 * rgb.width()].reshape(
        rgb.height(), rgb.width(), 3).copy()


# -- animations ----------------------------------------------------------------------------------------
def frame_steps(last: int, max_frames: int) -> list[int]:
    """The steps to draw: 0..last, or ``max_frames`` of them evenly spaced (0 and last always among them)."""
    if last + 1 <= max_frames:
        return list(range(last + 1))
    return sorted({round(i * last / (max_frames - 1)) for i in range(max_frames)})


def export_animation(parent, content: SlideContent, options: AnimationOptions, path: Path) -> int:
    """Draw and write the animation, showing progress over ``parent``; returns the number of frames.

    Raises ExportCancelled if the user cancels, FileError if the file cannot be written; either way
    nothing is left at ``path`` or beside it."""
    check_writable(path)
    steps = frame_steps(content.step, options.max_frames)
    size = options.size
    if path.suffix.lower() == ".mp4":  # H.264 in yuv420p needs an even width and height
        size = SlideSize(size.width - size.width % 2, size.height - size.height % 2, size.ratio, size.points)
    slide = Slide(content, size)
    progress = _progress(parent, len(steps))
    try:
        if path.suffix.lower() == ".mp4":
            _write_mp4(slide, steps, options.fps, path, progress)
        else:
            reference = rgb_array(slide.image())  # the last step: every colour the frames will need
            exact = [e.color for e in content.entries] + [GRADIENT_COLOR, STEP_COLOR, "#000000", "#ffffff"]
            palette = gif_palette(reference, exact)
            frame_ms = round(1000 / options.fps)
            atomic_write(path, lambda stream: _frames(slide, steps, GifWriter(stream, palette, frame_ms), progress),
                         binary=True)
    finally:
        progress.close()
        slide.close()
    return len(steps)


def _write_mp4(slide: Slide, steps: list[int], fps: int, path: Path, progress: QProgressDialog) -> None:
    with temporary_path(path, ".mp4") as temporary:
        writer = Mp4Writer(temporary, (slide.size.width, slide.size.height), fps)
        try:
            _frames(slide, steps, writer, progress)
        except BaseException:
            writer.abort()
            raise


def _frames(slide: Slide, steps: list[int], writer, progress: QProgressDialog) -> None:
    """Draw each step into the writer, letting the progress dialog process events between frames."""
    for i, step in enumerate(steps):
        if progress.wasCanceled():
            raise ExportCancelled
        progress.setLabelText(_tr("Drawing step {0} (frame {1} of {2})…").format(step, i + 1, len(steps)))
        slide.show_step(step)
        writer.add(rgb_array(slide.image()))
        progress.setValue(i + 1)  # a modal progress dialog processes events here: Cancel is heard
    if progress.wasCanceled():
        raise ExportCancelled
    writer.close()


def _progress(parent, frames: int) -> QProgressDialog:
    progress = QProgressDialog(_tr("Drawing the frames…"), _tr("Cancel"), 0, frames, parent)
    progress.setWindowTitle(_tr("Export animation"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setAutoClose(False)  # Cancel must still be readable after the last frame
    progress.setAutoReset(False)
    progress.setValue(0)
    return progress
