"""What the export tests share: answering the file dialog, watching the slides an export draws, and
finding a run's colour in a picture at a data point projected independently of Qt."""

from __future__ import annotations

from typing import ClassVar

import numpy as np
from PySide6.QtWidgets import QFileDialog

from gui import exporters
from gui.slide import Slide


def answer_save_dialog(monkeypatch, path, choose: int = 0) -> list:
    """The save dialog answers ``path`` with its filter number ``choose``; returns what it was asked."""
    asked = []

    def fake(parent, caption, directory, pattern):
        asked.append((caption, directory, pattern))
        return str(path), pattern.split(";;")[choose]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


class RecordingSlide(Slide):
    """A Slide that keeps what the tests check after it is gone: its geometry (the data area in picture
    pixels and the visible box), its title, the step label of every frame, and where Qt itself maps
    each run's points."""

    made: ClassVar[list[RecordingSlide]] = []

    def __init__(self, content, size):
        self.labels: list[str] = []
        super().__init__(content, size)
        self.area, self.recorded_box = self.plot_area(), self.box
        self.title = self.plot.titleLabel.text
        self.qt_pixels = {e.run_id: [self.to_pixel(x, y) for x, y in e.history.points()] for e in content.entries
                          if e.history is not None}
        RecordingSlide.made.append(self)

    def show_step(self, step: int) -> None:
        super().show_step(step)
        self.labels.append(self.badge_text.text())

    def pixel(self, x: float, y: float) -> tuple[float, float]:
        """Data to picture pixels from the visible box and the data area alone (a linear map)."""
        x0, x1, y0, y1 = self.recorded_box
        a = self.area
        return a.left() + (x - x0) / (x1 - x0) * a.width(), a.top() + (y1 - y) / (y1 - y0) * a.height()


def record_slides(monkeypatch) -> list[RecordingSlide]:
    """From now on the exports draw RecordingSlides; the list they go into, in order."""
    monkeypatch.setattr(RecordingSlide, "made", [])
    monkeypatch.setattr(exporters, "Slide", RecordingSlide)
    return RecordingSlide.made


def rgb(color: str) -> np.ndarray:
    return np.array([int(color[i:i + 2], 16) for i in (1, 3, 5)])


def colour_near(pixels: np.ndarray, point: tuple[float, float], color: str, radius: int = 4, tol: int = 12) -> int:
    """How many pixels within ``radius`` of ``point`` have ``color`` (each channel within ``tol``)."""
    x, y = round(point[0]), round(point[1])
    patch = pixels[max(0, y - radius): y + radius + 1, max(0, x - radius): x + radius + 1, :3].astype(int)
    return int(np.count_nonzero(np.all(np.abs(patch - rgb(color)) <= tol, axis=-1)))
