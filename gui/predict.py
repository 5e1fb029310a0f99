"""Run ▸ Predict: guess where the next iterate lands, then Step reveals it and how far off each guess was.

Paused, the lecturer or the students click where they think the selected run's next point will be; each
click adds a numbered guess.  When the step on view moves to the next step (Step, or a replayed step),
the true point is revealed: a line from each guess to it, and the distances.  Escape clears the guesses.
Works for every optimizer and at any step, because the true point is simply the run's next recorded row.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPen

__all__ = ["Guess", "PredictOverlay", "Prediction"]

_GUESS_COLOR = "#7A1FA2"


@dataclass
class Guess:
    number: int
    x: float
    y: float


@dataclass
class Prediction:
    """Guesses for the point after step ``step`` of run ``run_id``; ``truth`` once revealed."""

    run_id: int
    step: int
    guesses: list[Guess] = field(default_factory=list)
    truth: tuple[float, float] | None = None

    def distances(self) -> list[float]:
        if self.truth is None:
            return []
        return [math.hypot(g.x - self.truth[0], g.y - self.truth[1]) for g in self.guesses]


class PredictOverlay(QObject):
    """The guesses drawn on a plot (a pyqtgraph PlotItem); ``changed(text)`` describes them for the
    status bar and the class."""

    changed = Signal(str)

    def __init__(self, plot: pg.PlotItem, parent: QObject | None = None):
        super().__init__(parent)
        self.plot = plot
        self.prediction: Prediction | None = None
        self._items: list = []
        self.markers = pg.ScatterPlotItem(symbol="x", size=16, pen=pg.mkPen(_GUESS_COLOR, width=3),
                                          brush=QColor(_GUESS_COLOR))
        self.markers.setZValue(40)
        plot.addItem(self.markers, ignoreBounds=True)
        self.summary = pg.TextItem(anchor=(0, 0), color=_GUESS_COLOR, fill=pg.mkBrush(255, 255, 255, 220))
        self.summary.setZValue(45)
        plot.addItem(self.summary, ignoreBounds=True)
        self.summary.setVisible(False)

    def add(self, run_id: int, step: int, x: float, y: float) -> Guess:
        """A guess for the point after ``step``; guesses for another step or run start afresh."""
        p = self.prediction
        if p is None or p.run_id != run_id or p.step != step or p.truth is not None:
            self.prediction = p = Prediction(run_id, step)
        guess = Guess(len(p.guesses) + 1, x, y)
        p.guesses.append(guess)
        self._draw()
        return guess

    def reveal(self, run_id: int, step: int, truth: tuple[float, float]) -> bool:
        """The step on view reached ``step``: if it is the one guessed, show the truth; True if so."""
        p = self.prediction
        if p is None or p.truth is not None or p.run_id != run_id or p.step + 1 != step or not p.guesses:
            return False
        p.truth = truth
        self._draw()
        return True

    def clear(self) -> None:
        self.prediction = None
        self._draw()

    def text(self) -> str:
        """The guesses in one line (the status bar's)."""
        lines = self.lines()
        return lines[0] + "; " + ", ".join(lines[1:]) if len(lines) > 1 else "".join(lines)

    def lines(self) -> list[str]:
        """Where the step landed, then each guess's distance, a line each (the plot's summary)."""
        p = self.prediction
        if p is None or not p.guesses:
            return []
        if p.truth is None:
            return [self.tr("{n} guess(es) for step {step}: press Step to see").format(n=len(p.guesses),
                                                                                         step=p.step + 1)]
        parts = [self.tr("guess {n}: {distance} away").format(n=g.number, distance=f"{d:.3g}")
                 for g, d in zip(p.guesses, p.distances(), strict=True)]
        where = self.tr("Step {step} is at ({x}, {y})").format(step=p.step + 1, x=f"{p.truth[0]:.4g}",
                                                               y=f"{p.truth[1]:.4g}")
        return [where, *parts]

    def _draw(self) -> None:
        for item in self._items:
            self.plot.removeItem(item)
        self._items = []
        p = self.prediction
        guesses = [] if p is None else p.guesses
        self.markers.setData([g.x for g in guesses], [g.y for g in guesses])
        for g in guesses:
            self._label(str(g.number), g.x, g.y, (0, 1))
        if p is not None and p.truth is not None:
            self._reveal_lines(p)
        # a line each: in one line, three guesses ran on under the legend in the plot's other top corner
        text = self.text()
        self.summary.setText("\n".join(self.lines()))
        self.summary.setVisible(bool(text))
        self._place_summary()
        self.changed.emit(text)

    def _reveal_lines(self, p: Prediction) -> None:
        pen = QPen(QColor(_GUESS_COLOR), 2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        for g, d in zip(p.guesses, p.distances(), strict=True):
            line = pg.PlotCurveItem([g.x, p.truth[0]], [g.y, p.truth[1]], pen=pen)
            line.setZValue(39)
            self.plot.addItem(line, ignoreBounds=True)
            self._items.append(line)
            self._label(f"{d:.3g}", (g.x + p.truth[0]) / 2, (g.y + p.truth[1]) / 2, (0.5, 0.5))
        star = pg.ScatterPlotItem([p.truth[0]], [p.truth[1]], symbol="o", size=14, pen=pg.mkPen("k", width=2),
                                  brush=QColor(_GUESS_COLOR))
        star.setZValue(41)
        self.plot.addItem(star, ignoreBounds=True)
        self._items.append(star)

    def _label(self, text: str, x: float, y: float, anchor) -> None:
        item = pg.TextItem(text, color=_GUESS_COLOR, anchor=anchor)
        font = QFont()
        font.setBold(True)
        item.setFont(font)
        item.setPos(x, y)
        item.setZValue(42)
        self.plot.addItem(item, ignoreBounds=True)
        self._items.append(item)

    def _place_summary(self) -> None:
        (x0, _x1), (_y0, y1) = self.plot.getViewBox().viewRange()
        self.summary.setPos(x0, y1)
