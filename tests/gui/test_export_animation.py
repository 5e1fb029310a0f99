"""File ▸ Export animation: the runs drawn step by step, one frame a step, GIF (and MP4 with the extra)."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from core.functions import FUNCTIONS
from core.lessons import LessonRun
from core.optimizers import SGD
from gui import export_dialogs, exporters
from gui.export_dialogs import AnimationDialog
from gui.exporters import AnimationOptions, frame_steps
from gui.session import Options
from gui.slide import slide_size

from .conftest import wait_steps
from .export_support import answer_save_dialog, colour_near, record_slides

SIZE = slide_size(800, 450)


@pytest.fixture
def slides(monkeypatch):
    return record_slides(monkeypatch)


def _step(qtbot, window, steps: int) -> None:
    for _ in range(steps):
        window.action_step.trigger()
    wait_steps(qtbot, window, steps)


def _export(window, monkeypatch, path, options: AnimationOptions | None = None, choose: int = 0) -> list:
    options = options or AnimationOptions(SIZE, fps=4)
    monkeypatch.setattr(export_dialogs, "ask_animation_options", lambda win, last: options)
    asked = answer_save_dialog(monkeypatch, path, choose)
    window.action_export_animation.trigger()
    return asked


def _frames(path: Path) -> list[np.ndarray]:
    with Image.open(path) as gif:
        frames = []
        for k in range(gif.n_frames):
            gif.seek(k)
            frames.append(np.asarray(gif.convert("RGB")))
        return frames


def test_the_notes_sgd_lesson_after_ten_steps_is_eleven_frames_each_showing_its_step(qtbot, window, tmp_path,
                                                                                      monkeypatch, slides):
    _step(qtbot, window, 10)
    asked = _export(window, monkeypatch, tmp_path / "sgd")
    assert asked[0][1].endswith("quadratic-steps-0-10.gif") and "*.gif" in asked[0][2]
    frames = _frames(tmp_path / "sgd.gif")
    assert len(frames) == 11 and all(f.shape == (450, 800, 3) for f in frames)
    slide = slides[0]
    assert slide.labels[1:] == [f"step {k}" for k in range(11)]  # (the first label: the slide as built)
    entry = window.selected()
    for k, frame in enumerate(frames):
        assert colour_near(frame, slide.pixel(*entry.history.points()[k]), entry.color) >= 10, k
    with Image.open(tmp_path / "sgd.gif") as gif:
        assert gif.info["loop"] == 0 and gif.info["duration"] == 250  # 4 frames a second
    assert window.statusBar().currentMessage().startswith("Saved 11 frames to")


def test_frame_k_shows_the_path_up_to_step_k_and_not_beyond(qtbot, window, tmp_path, monkeypatch, slides):
    # the saddle x² − y² from (0, 0.03): y grows 1.5 times a step, so step 10 lies far beyond every earlier one
    window.model.open(FUNCTIONS["saddle"], Options(decimals=None), (LessonRun("SGD", SGD(lr=0.25), (0.0, 0.03)),))
    qtbot.waitUntil(lambda: window.function.name == "saddle" and window.selected().history is not None)
    _step(qtbot, window, 10)
    _export(window, monkeypatch, tmp_path / "saddle.gif")
    frames, slide, entry = _frames(tmp_path / "saddle.gif"), slides[0], window.selected()
    points = [slide.pixel(x, y) for x, y in entry.history.points()]
    assert np.allclose(points, slide.qt_pixels[entry.run_id], atol=0.6)  # Qt's own mapping agrees
    assert points[10][1] < points[9][1] - 30  # step 10 is well above step 9 in the picture
    for k, frame in enumerate(frames):
        assert colour_near(frame, points[k], entry.color) >= 10, k
        assert (colour_near(frame, points[10], entry.color) == 0) == (k < 10), k


def test_cancel_stops_the_export_and_leaves_nothing(qtbot, window, tmp_path, monkeypatch, slides):
    _step(qtbot, window, 10)
    real = QProgressDialog.setValue

    def cancel_after_four(self, value):
        real(self, value)
        if value == 4:
            self.cancel()  # as the Cancel button does
    monkeypatch.setattr(QProgressDialog, "setValue", cancel_after_four)
    out = tmp_path / "out"
    out.mkdir()
    _export(window, monkeypatch, out / "sgd.gif")
    assert list(out.iterdir()) == []  # neither the file nor its temporary
    assert slides[0].labels[1:] == ["step 0", "step 1", "step 2", "step 3"]
    assert window.statusBar().currentMessage() == "Export cancelled: nothing was written."


def test_a_missing_folder_shows_an_error_and_draws_nothing(qtbot, window, tmp_path, monkeypatch, slides):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    _step(qtbot, window, 2)
    _export(window, monkeypatch, tmp_path / "missing" / "sgd.gif")
    assert shown and "animation was not written" in shown[0] and "does not exist" in shown[0]
    assert slides == [] and not (tmp_path / "missing").exists()


def test_many_steps_are_capped_to_evenly_spaced_frames_and_the_dialog_says_so(qtbot, window, tmp_path, monkeypatch,
                                                                              slides):
    assert frame_steps(10, 600) == list(range(11))
    assert frame_steps(30, 7) == [0, 5, 10, 15, 20, 25, 30]
    assert frame_steps(1000, 3) == [0, 500, 1000]
    steps = frame_steps(99_999, 600)
    assert len(steps) == 600 and steps[0] == 0 and steps[-1] == 99_999 and len(set(np.diff(steps))) <= 2
    window.set_options(Options(decimals=4, tol=0.0))  # the notes' SGD would otherwise converge before step 30
    _step(qtbot, window, 30)
    _export(window, monkeypatch, tmp_path / "capped.gif", AnimationOptions(slide_size(320, 180), 10, 7))
    assert len(_frames(tmp_path / "capped.gif")) == 7
    assert slides[0].labels[1:] == [f"step {k}" for k in range(0, 31, 5)]
    dialog = AnimationDialog(None, window.contour.size(), None, 30)
    qtbot.addWidget(dialog)
    assert "31 frames" in dialog.summary.text()
    dialog.max_frames.setValue(7)
    assert "more than 7 frames" in dialog.summary.text() and "one step in 5.0" in dialog.summary.text()
    assert dialog.options() == AnimationOptions(slide_size(1280, 720), 5, 7)


def test_at_step_0_the_dialog_says_there_is_nothing_to_animate_yet(qtbot):
    dialog = AnimationDialog(None, QSize(600, 400), None, 0)
    qtbot.addWidget(dialog)
    assert "nothing to animate yet: step or play the runs first" in dialog.summary.text()
    assert not dialog.ok_button.isEnabled()
    moved = AnimationDialog(None, QSize(600, 400), None, 1)
    qtbot.addWidget(moved)
    assert moved.ok_button.isEnabled() and moved.summary.text().startswith("Steps 0 to 1: one frame each, 2 frames")


def test_without_the_video_extra_mp4_is_not_offered_and_the_dialog_says_how_to_get_it(qtbot, monkeypatch):
    monkeypatch.setitem(sys.modules, "imageio_ffmpeg", None)  # as if not installed: importing it fails
    assert [suffix for suffix, _ in exporters.animation_formats()] == [".gif"]
    dialog = AnimationDialog(None, QSize(600, 400), None, 10)
    qtbot.addWidget(dialog)
    assert 'pip install "gradstep[video]"' in dialog.formats.text()


def _fake_ffmpeg(written: list) -> types.ModuleType:
    """imageio_ffmpeg as far as GradStep uses it: write_frames's generator protocol, writing a file only
    when closed, as ffmpeg finishes an MP4 only at its end."""
    module = types.ModuleType("imageio_ffmpeg")
    module.get_ffmpeg_exe = lambda: "/usr/bin/ffmpeg"

    def write_frames(path, size, **options):
        record = {"path": path, "size": size, "options": options, "frames": []}
        written.append(record)
        while True:
            try:
                frame = yield
            except GeneratorExit:
                Path(path).write_bytes(b"MP4" + len(record["frames"]).to_bytes(4, "big"))
                return
            if frame is not None:
                record["frames"].append(np.frombuffer(frame, np.uint8).reshape(size[1], size[0], 3).copy())
    module.write_frames = write_frames
    return module


def test_with_the_video_extra_mp4_gets_every_frame_through_a_temporary_file(qtbot, window, tmp_path, monkeypatch,
                                                                            slides):
    written = []
    monkeypatch.setitem(sys.modules, "imageio_ffmpeg", _fake_ffmpeg(written))
    assert [suffix for suffix, _ in exporters.animation_formats()] == [".gif", ".mp4"]
    _step(qtbot, window, 10)
    out = tmp_path / "out"
    out.mkdir()
    _export(window, monkeypatch, out / "sgd", AnimationOptions(slide_size(801, 451), fps=12), choose=1)
    assert [p.name for p in out.iterdir()] == ["sgd.mp4"]
    (record,) = written
    assert Path(record["path"]).parent == out and Path(record["path"]).name.startswith(".sgd.mp4.")
    assert record["size"] == (800, 450) and record["options"]["fps"] == 12  # H.264 needs even sizes
    assert len(record["frames"]) == 11 and (out / "sgd.mp4").read_bytes() == b"MP4" + (11).to_bytes(4, "big")
    entry = window.selected()
    for k, frame in enumerate(record["frames"]):
        assert colour_near(frame, slides[0].pixel(*entry.history.points()[k]), entry.color, tol=0) >= 10, k


def test_a_cancelled_mp4_leaves_nothing(qtbot, window, tmp_path, monkeypatch):
    written = []
    monkeypatch.setitem(sys.modules, "imageio_ffmpeg", _fake_ffmpeg(written))
    real = QProgressDialog.setValue
    monkeypatch.setattr(QProgressDialog, "setValue",
                        lambda self, value: (real(self, value), value == 2 and self.cancel()))
    _step(qtbot, window, 5)
    out = tmp_path / "out"
    out.mkdir()
    _export(window, monkeypatch, out / "sgd.mp4")
    assert len(written[0]["frames"]) == 2 and list(out.iterdir()) == []
