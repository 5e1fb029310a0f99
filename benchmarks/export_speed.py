"""Speed of File ▸ Export image and Export animation, printed as measured figures (never asserted).

    python benchmarks/export_speed.py [--lesson NAME] [--steps N] [--size WxH] [--keep DIR]

Runs offscreen with QSettings in a temporary folder.  Opens a lesson in the window, steps it, then
times: a PNG and an SVG picture at the size; a GIF of steps 0..N; an MP4 of the same when the ``video``
extra (imageio-ffmpeg) is installed, read back with ffmpeg to count its frames and check their size (the
test suite checks the MP4 path with a stand-in for imageio-ffmpeg, since CI installs no extra).  With
--keep, the files and the GIF's first, middle and last frames as PNG stay in DIR to be looked at.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gui.app import create_application  # noqa: E402
from gui.exporters import AnimationOptions, export_animation, export_image  # noqa: E402
from gui.frame_writers import mp4_available  # noqa: E402
from gui.slide import slide_size, window_content  # noqa: E402


def _until(app, condition, seconds: float = 30.0) -> None:
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise SystemExit(f"the window did not get there in time: {condition.__doc__ or ''}")
        app.processEvents()


def _prepared_window(app, lesson: str, steps: int):
    from gui.main_window import MainWindow

    window = MainWindow()
    window.show()
    window.open_lesson(next(item for item in window.lessons if item.name == lesson))
    _until(app, lambda: all(e.history is not None for e in window.entries) and window.model.synced)
    # no run stops before the last step (the notes' lessons stop at 10)
    window.set_options(dataclasses.replace(window.options, tol=0.0, max_steps=max(steps, window.options.max_steps)))
    for _ in range(steps):
        view = window.model.view
        window.action_step.trigger()
        _until(app, lambda view=view: window.model.synced and window.model.view == view + 1)
    return window


def _timed(label: str, fn) -> None:
    start = time.perf_counter()
    detail = fn()
    print(f"{label:<34} {time.perf_counter() - start:7.2f} s   {detail}")


def _gif_frames(path: Path, keep: Path | None) -> str:
    from PIL import Image

    with Image.open(path) as gif:
        count = gif.n_frames
        if keep is not None:
            for k in sorted({0, count // 2, count - 1}):
                gif.seek(k)
                gif.convert("RGB").save(keep / f"gif-frame-{k}.png")
        return f"{count} frames {gif.size[0]}x{gif.size[1]}, {path.stat().st_size / 1e6:.2f} MB"


def _mp4_frames(path: Path) -> str:
    import imageio_ffmpeg

    reader = imageio_ffmpeg.read_frames(str(path))
    meta = reader.__next__()
    count = sum(1 for _ in reader)
    width, height = meta["size"]
    return f"{count} frames {width}x{height} at {meta['fps']} fps, {path.stat().st_size / 1e6:.2f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lesson", default="notes-all")
    parser.add_argument("--steps", type=int, default=60)
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--keep", type=Path, default=None)
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    folder = Path(tempfile.mkdtemp())
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    app = create_application()
    window = _prepared_window(app, args.lesson, args.steps)
    out = args.keep or folder
    out.mkdir(parents=True, exist_ok=True)
    content, size = window_content(window), slide_size(width, height)
    print(f"{args.lesson}, steps 0..{content.step}, {width}x{height}")
    for suffix in (".png", ".svg"):
        path = out / f"slide{suffix}"
        _timed(f"picture {suffix[1:].upper()}",
               lambda path=path: f"{export_image(content, size, path).stat().st_size / 1e6:.2f} MB")
    options = AnimationOptions(size, fps=5)
    gif = out / "steps.gif"
    _timed("animation GIF", lambda: (export_animation(window, content, options, gif), _gif_frames(gif, args.keep))[1])
    if mp4_available():
        mp4 = out / "steps.mp4"
        _timed("animation MP4", lambda: (export_animation(window, content, options, mp4), _mp4_frames(mp4))[1])
    else:
        print("animation MP4: not measured: the video extra (imageio-ffmpeg) is not installed")
    window.close()


if __name__ == "__main__":
    main()
