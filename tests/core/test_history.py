"""History: rows shared with readers are never written again; drained histories keep memory flat."""

import numpy as np
import pytest

from core.functions import get_function
from core.history import History
from core.optimizers import Adam
from core.run import Run


def _rows(n, start=0):
    return [float(v) for k in range(start, start + n) for v in (k, 10 * k, 100 * k)]


def test_a_published_view_shares_memory_and_never_changes():
    history = History(("a", "b", "c"), capacity=8)
    history.extend(_rows(5), 5)
    view = history.publish()
    assert view.column("a").base is not None and np.shares_memory(view.column("a"), history.column("a"))
    history.extend(_rows(2, 5), 2)  # appending writes past the view: no copy needed
    assert np.shares_memory(view.column("a"), history.column("a"))
    assert len(view) == 5 and len(history) == 7
    before = view.array()
    history.truncate(3)  # a rewind, then new values where the view still reads the old ones
    history.extend([-1.0, -2.0, -3.0], 1)
    assert np.array_equal(view.array(), before)  # the reader's rows are as they were
    assert history.row(3) == {"a": -1.0, "b": -2.0, "c": -3.0}
    assert not np.shares_memory(view.column("a"), history.column("a"))  # the writer moved to a new block
    with pytest.raises(ValueError):
        view.column("a")[0] = 5.0


def test_growth_stops_at_the_limit():
    history = History(("a", "b", "c"), capacity=64, limit=100)
    history.extend(_rows(100), 100)
    assert history.capacity == 100  # not 128


def test_drain_returns_each_row_once_and_keeps_the_tail():
    history = History(("a", "b", "c"), capacity=4)
    history.extend(_rows(10), 10)
    first = history.drain()
    assert first[:, 0].tolist() == list(range(10))
    history.extend(_rows(5, 10), 5)
    second = history.drain()
    assert second[:, 0].tolist() == list(range(10, 15))
    assert len(history) == 15 and history.first == 13  # the last two rows stay readable
    assert history.row(14)["b"] == 140.0 and history.row(-2)["a"] == 13.0
    with pytest.raises(IndexError):
        history.row(12)


def test_a_streamed_run_keeps_its_memory_flat_and_its_numbers():
    fn = get_function("rosenbrock")
    whole = Run(fn, Adam(lr=0.01), (-1.2, 1.0), max_steps=20_000, tol=0.0)
    whole.advance(20_000)
    streamed = Run(fn, Adam(lr=0.01), (-1.2, 1.0), max_steps=20_000, tol=0.0)
    blocks = []
    while streamed.step < 20_000:
        streamed.advance(3_000)
        blocks.append(streamed.history.drain())
        assert streamed.history.capacity <= 4_096
    assert np.array_equal(np.vstack(blocks), whole.history.array())
