"""Memory of the window holding six runs of a million steps (printed, never asserted).

    python benchmarks/gui_memory.py [--steps N] [--lesson NAME]

Opens the lecture notes' "all six" lesson (SGD, Momentum, Nesterov, AdaGrad, RMSProp and Adam on the
quadratic) with rounding off, tolerance 0 and a step limit of a million, plays it to the end at full speed
offscreen, and prints this process's resident memory (VmRSS now, VmHWM at its peak, from /proc) at the
start, every few seconds, at the end and after a collection, with what the runs' histories hold:
the rows recorded, the blocks they live in (the worker's, shared read-only by the window), and whatever
arrays the plots keep of their own.
"""

from __future__ import annotations

import argparse
import gc
import time

import numpy as np
from window_harness import find_lesson, full_speed, memory, open_window, play, settle, spin, spin_until

from gui.session import Options

MB = 1024 * 1024


def history_bytes(window) -> dict[str, float]:
    """MB of the recorded rows, of the distinct blocks holding them (worker and window), and of every
    other numpy array the plots hold for the runs."""
    rows = blocks = 0.0
    seen: set[int] = set()
    for run in window.worker.playback.runs.values():
        rows += run.history.nbytes * len(run.history) / max(run.history.capacity, 1)
        block = run.history._data
        seen.add(id(block))
        blocks += block.nbytes
    for entry in window.entries:  # the window's views: counted only if not the worker's blocks
        base = entry.history._data.base if entry.history._data.base is not None else entry.history._data
        if id(base) not in seen:
            seen.add(id(base))
            blocks += base.nbytes
    return {"rows": rows / MB, "blocks": blocks / MB, "plots": plot_bytes(window) / MB}


def plot_bytes(window) -> int:
    """Bytes of the arrays pyqtgraph items keep (data, display copies, downsampled caches), each once."""
    seen: dict[int, int] = {}
    items = list(window.loss.getPlotItem().items) + list(window.contour.getPlotItem().items)
    for item in items:
        for obj in (item, getattr(item, "curve", None), getattr(item, "scatter", None)):
            for value in vars(obj).values() if obj is not None else ():
                for array in _arrays(value):
                    seen[id(array)] = array.nbytes
    return sum(seen.values())


def _arrays(value):
    if isinstance(value, np.ndarray) and value.base is None:
        yield value
    elif isinstance(value, np.ndarray) and isinstance(value.base, np.ndarray) and value.base.base is None:
        yield value.base
    elif isinstance(value, list | tuple):
        for v in value:
            if isinstance(v, np.ndarray):
                yield from _arrays(v)
    elif hasattr(value, "__dict__") and type(value).__name__ == "PlotDataset":
        for v in vars(value).values():
            yield from _arrays(v)


def line(label: str, window=None) -> None:
    rss = memory()
    text = f"{label:<34} RSS {rss['VmRSS']:7.0f} MB   peak {rss['VmHWM']:7.0f} MB"
    if window is not None:
        held = history_bytes(window)
        text += (f"   histories: rows {held['rows']:6.0f} MB in blocks of {held['blocks']:6.0f} MB; "
                 f"plot arrays {held['plots']:5.0f} MB")
    print(text, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=1_000_000)
    parser.add_argument("--lesson", default="notes-all")
    parser.add_argument("--every", type=float, default=10.0, help="seconds between progress lines")
    args = parser.parse_args()
    with open_window() as window:
        line("window open")
        window.open_lesson(find_lesson(window, args.lesson))
        window.set_options(Options(None, args.steps, 0.0))
        full_speed(window)
        settle(window)
        line(f"lesson {args.lesson!r} open", window)
        start = time.perf_counter()
        play(window)
        done = lambda: not window.playing and all(e.stop is not None for e in window.entries)  # noqa: E731
        while not spin_until(done, args.every):
            line(f"playing, step {window.entries[0].step:,}", window)
        took = time.perf_counter() - start
        settle(window)
        spin(1.0)
        line(f"end, step {window.entries[0].step:,} ({took:.0f} s)", window)
        gc.collect()
        line("after gc.collect()", window)
        print(f"{len(window.entries)} runs, columns {[len(e.history.columns) for e in window.entries]}")


if __name__ == "__main__":
    main()
