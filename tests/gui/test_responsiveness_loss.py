"""The loss plot's cost does not grow with the runs: it summarizes each f column as it grows (a
`PeakEnvelope`) and hands pyqtgraph a few thousand points, whatever the run's length."""

from __future__ import annotations

import numpy as np
import pytest

from core.history import History
from gui.loss_plot import BLOCKS, PeakEnvelope, peaks
from gui.session import Options


def _by_hand(column: np.ndarray, block: int, count: int) -> tuple[np.ndarray, np.ndarray]:
    rows = column[: block * count].reshape(count, block)
    return rows.min(axis=1), rows.max(axis=1)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_envelope_grown_in_pieces_is_the_envelope_of_the_whole(seed):
    rng = np.random.default_rng(seed)
    column = rng.normal(size=30 * BLOCKS + 123)
    envelope, n = PeakEnvelope(), 0
    while n < len(column):
        n = min(len(column), n + int(rng.integers(1, 3 * BLOCKS)))
        envelope.update(column[:n])
        assert envelope.count == n // envelope.block <= BLOCKS
        low, high = _by_hand(column, envelope.block, envelope.count)
        assert np.array_equal(envelope.low[: envelope.count], low)
        assert np.array_equal(envelope.high[: envelope.count], high)
    assert envelope.block == 32  # the smallest power of two that keeps the blocks within BLOCKS


def test_the_curve_keeps_every_extreme_and_ends_at_the_last_step():
    column = np.sin(np.arange(100_003) / 77.0) * np.linspace(1, 3, 100_003)
    envelope = PeakEnvelope()
    envelope.update(column)
    x, y = envelope.curve(column)
    assert len(x) <= 2 * BLOCKS + envelope.block
    assert y.min() == column.min() and y.max() == column.max()
    assert (x[-1], y[-1]) == (len(column) - 1, column[-1])
    assert np.all(np.diff(x) >= 0)


def test_rows_rewritten_in_a_new_block_are_read_again():
    """A rewind rewrites published rows in a new block (core.history's copy on write): start over."""
    history = History(("f",), capacity=8)
    history.extend(list(range(5000)), 5000)
    envelope = PeakEnvelope()
    envelope.update(history.publish().column("f"))
    history.truncate(10)
    history.extend([-1.0] * 4990, 4990)  # the same length, other values
    column = history.publish().column("f")
    envelope.update(column)
    assert np.array_equal(envelope.low[: envelope.count], _by_hand(column, envelope.block, envelope.count)[0])


def test_a_zoomed_stretch_is_drawn_from_its_own_rows():
    column = np.arange(1_000_000, dtype=float) % 1000
    x, y = peaks(column, 500, 900)
    assert np.array_equal(x, np.arange(500, 901)) and np.array_equal(y, column[500:901])
    x, y = peaks(column, 10_000, 600_000)
    assert len(x) <= 2 * BLOCKS + 1 and x[0] == 10_000 and x[-1] == 600_000
    assert (y.min(), y.max()) == (0, 999)


def test_the_plot_holds_no_copy_of_a_long_history_and_shows_every_step_zoomed_in(qtbot, window):
    window.set_options(Options(None, 30_000, 0.0))
    window.speed.slider.setValue(window.speed.slider.maximum())
    window.toggle_play()
    qtbot.waitUntil(lambda: window.selected().stop is not None and not window.playing, timeout=60_000)
    qtbot.waitUntil(lambda: len(window.loss._curves[window.selected().run_id].xData) > 0)
    curve = window.loss._curves[window.selected().run_id]
    qtbot.waitUntil(lambda: curve.xData[-1] == 30_000)  # drawn up to the last step
    assert len(curve.xData) <= 2 * BLOCKS + 64
    window.loss._manual()  # as a zoom with the mouse does
    window.loss.getPlotItem().setXRange(100, 200, padding=0)
    qtbot.waitUntil(lambda: curve.xData[0] == 100 and curve.xData[-1] == 200)  # the steps themselves
    assert np.array_equal(curve.yData, window.selected().history.column("f")[100:201])
