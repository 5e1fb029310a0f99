"""Ways of playing at full speed, measured side by side in one window (printed, never asserted).

    python benchmarks/play_variants.py [--seconds S] [--rounds N] [--lesson NAME]

Each variant sets how the stepping thread and the window share the interpreter: how long the worker
steps between snapshots (``CHUNK_BUDGET``), whether it waits for the window to have drawn a snapshot
before stepping on (``wait_for_window``), when the window says it has (right after its redraw, or after
the repaint that redraw asked for), and the interpreter's thread switch interval.  The variants take
turns, round after round, so that the machine's load falls on all of them alike; every figure is the
median over the rounds.  Reported per variant: steps per second per run, the lateness of a 5 ms timer on
the main thread (p50, p99, max), and the frames drawn per second.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import dataclass

from PySide6.QtCore import QTimer
from window_harness import FrameClock, LatencyProbe, find_lesson, full_speed, open_window, pause, play, settle, spin

import gui.worker
from gui.session import Options


@dataclass(frozen=True)
class Variant:
    name: str
    budget: float  # seconds of stepping between snapshots
    wait: bool  # the worker stops stepping until the window acknowledges
    after_paint: bool  # the window acknowledges after the repaint, not right after its redraw
    switch: float  # sys.setswitchinterval


VARIANTS = (
    Variant("ack before paint, 10 ms, switch 1 ms", 0.010, True, False, 0.001),
    Variant("ack after paint, 10 ms, switch 1 ms", 0.010, True, True, 0.001),
    Variant("ack after paint, 10 ms, switch 0.1 ms", 0.010, True, True, 0.0001),
    Variant("ack after paint, 10 ms, switch 0.05 ms", 0.010, True, True, 0.00005),
    Variant("ack after paint, 6 ms, switch 0.1 ms", 0.006, True, True, 0.0001),
    Variant("ack after paint, 14 ms, switch 0.1 ms", 0.014, True, True, 0.0001),
    Variant("no waiting, switch 0.1 ms", 0.010, False, True, 0.0001),
)


def apply(window, variant: Variant) -> None:
    gui.worker.CHUNK_BUDGET = variant.budget
    window.worker.wait_for_window = variant.wait
    sys.setswitchinterval(variant.switch)
    client = window.client
    if variant.after_paint:
        client.__dict__.pop("acknowledge_after_paint", None)
    else:  # what the window did before: a zero timer, which runs before the repaint it asked for
        client.acknowledge_after_paint = lambda: QTimer.singleShot(0, lambda: client.send("acknowledge"))


def measure(window, clock: FrameClock, seconds: float) -> dict:
    before = window.entries[0].step
    probe = LatencyProbe()
    start = time.perf_counter()
    play(window)
    probe.start()
    spin(seconds)
    gaps = probe.stop()
    elapsed = time.perf_counter() - start
    frames = len(clock.intervals(start))
    pause(window)
    return {"rate": (window.entries[0].step - before) / elapsed, "p50": gaps.p50, "p99": gaps.p99,
            "max": gaps.max, "fps": frames / elapsed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="play time per variant and round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--lesson", default="rosenbrock")
    args = parser.parse_args()
    results: dict[str, list[dict]] = {v.name: [] for v in VARIANTS}
    with open_window() as window:
        window.open_lesson(find_lesson(window, args.lesson))
        full_speed(window)
        clock = FrameClock(window)
        for _ in range(args.rounds):
            for variant in VARIANTS:
                # every variant plays the same steps: 0 to about 100,000 (the trajectories thin alike)
                window.set_options(Options(None, 1_000_000, 0.0))
                window.reset()
                settle(window)
                apply(window, variant)
                measure(window, clock, 0.3)  # warm-up: the worker sizes its slices
                results[variant.name].append(measure(window, clock, args.seconds))
        apply(window, VARIANTS[1])
    print(f"lesson {args.lesson!r}, {len(window.entries)} runs; {args.rounds} rounds of {args.seconds:.1f} s per "
          f"variant; medians over rounds (max: the median of each round's worst gap, then the worst of all)")
    print(f"{'variant':<44} {'steps/s/run':>12} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} {'worst':>7} {'fps':>5}")
    for variant in VARIANTS:
        rows = results[variant.name]
        med = {key: statistics.median(r[key] for r in rows) for key in rows[0]}
        worst = max(r["max"] for r in rows)
        print(f"{variant.name:<44} {med['rate']:12,.0f} {med['p50']:7.2f} {med['p99']:7.2f} {med['max']:7.1f} "
              f"{worst:7.1f} {med['fps']:5.0f}")


if __name__ == "__main__":
    main()
