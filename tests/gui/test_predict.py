"""Run ▸ Predict: guesses, then Step reveals the true next point and each guess's distance to it."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPointF, Qt

from core.functions import get_function
from core.optimizers import OPTIMIZERS
from core.run import Run

from .conftest import wait_steps


def _click(qtbot, window, x, y):
    box = window.contour.getPlotItem().getViewBox()
    pos = window.contour.mapFromScene(box.mapViewToScene(QPointF(x, y)))
    qtbot.mouseClick(window.contour.viewport(), Qt.MouseButton.LeftButton, pos=pos)


@pytest.mark.parametrize("name", ["sgd", "adam", "nesterov"])
def test_guesses_then_step_reveals_the_truth_and_the_distances(qtbot, window, name):
    window.model.choose_optimizer(name)
    qtbot.waitUntil(lambda: window.model.synced and window.selected().recorded.name == name)
    for _ in range(2):
        window.action_step.trigger()
    wait_steps(qtbot, window, 2)
    window.action_predict.trigger()
    _click(qtbot, window, 1.0, 3.0)
    _click(qtbot, window, -1.0, 5.0)
    prediction = window.predict.prediction
    assert [g.number for g in prediction.guesses] == [1, 2] and prediction.step == 2
    assert window.selected().start == (0.0, 0.0)  # clicks are guesses now, not new starts
    window.action_step.trigger()
    qtbot.waitUntil(lambda: window.predict.prediction.truth is not None)
    opt = window.selected().optimizer
    alone = Run(get_function("quadratic"), opt, (0.0, 0.0), decimals=4, max_steps=3)
    alone.advance(3)
    truth = (alone.history.row(3)["x"], alone.history.row(3)["y"])
    assert window.predict.prediction.truth == truth
    for guess, distance in zip(prediction.guesses, prediction.distances(), strict=True):
        assert distance == pytest.approx(math.hypot(guess.x - truth[0], guess.y - truth[1]), abs=1e-12)
    assert "guess 1:" in window.predict.text() and "guess 2:" in window.predict.text()
    window.action_clear_guesses.trigger()  # Escape
    assert window.predict.prediction is None and not window.predict.summary.isVisible()
    assert OPTIMIZERS[name] is type(opt)


def test_the_revealed_guesses_stay_clear_of_the_legend(qtbot, window):
    window.resize(1297, 729)  # the window on a 1366 x 768 laptop
    qtbot.waitUntil(lambda: window.contour.width() > 500)
    window.set_language("ko")
    for _ in range(2):
        window.action_step.trigger()
    wait_steps(qtbot, window, 2)
    window.action_predict.trigger()
    for x, y in ((1.0, 3.0), (-1.0, 5.0), (2.0, 2.0), (3.0, 5.0), (-2.0, 1.0)):  # a class guesses
        _click(qtbot, window, x, y)
    window.action_step.trigger()
    qtbot.waitUntil(lambda: window.predict.prediction.truth is not None)
    summary = window.predict.summary
    assert summary.isVisible() and "예측 5" in window.predict.text()
    qtbot.waitUntil(lambda: window.legend.isVisible())
    # five distances in one line had run on under the legend in the plot's top-right corner
    assert not summary.sceneBoundingRect().intersects(window.legend.sceneBoundingRect())
    assert window.predict.text().count(";") == 1  # the status bar keeps it on one line
