"""Does the window freeze when the user changes something while runs hold ~100,000 steps each?
(Printed figures, never asserted.)

    python benchmarks/gui_freeze.py [--steps N] [--repeats N] [--playing]

Five runs (the "rosenbrock" lesson's four and one added) are played at full speed to ``--steps`` steps and
paused (``--playing``: left playing).  Then each action a user might take is carried out as the user
would, while a 5 ms timer on the main thread records every gap in the event loop, until the window has
settled (the worker has answered, the window has drawn the answer, the contour map is on screen) plus
half a second.  Printed per action: how long the call itself took, the longest event-loop gap and the
99th percentile of the gaps' lateness, and how long until the window had settled.  The target: no gap
over 100 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from window_harness import LatencyProbe, find_lesson, full_speed, open_window, pause, play, settle, spin, spin_until

from gui.numbers import FULL, READABLE
from gui.session import Options

LESSON = "rosenbrock"


def prepare(window, steps: int, playing: bool, hidden: bool = False) -> None:
    """Five runs at about ``steps`` steps each, the first selected, paused unless ``playing``."""
    window.open_lesson(find_lesson(window, LESSON))
    settle(window)
    window.add_run()
    window.set_options(Options(None, 1_000_000, 0.0))
    settle(window)
    if hidden:
        window.model.set_run_visible(window.entries[1].run_id, False)
    window.model.select_run(window.entries[0].run_id)
    play(window)
    spin_until(lambda: window.entries[0].step >= steps, 600)
    if not playing:
        pause(window)


def settled(window) -> bool:
    return window.model.synced and not window._owe_acknowledgement and window.contour.contour_map is not None


def measure(window, label: str, action) -> dict:
    probe = LatencyProbe()
    probe.start()
    start = time.perf_counter()
    action()
    called = time.perf_counter() - start
    spin(0.05)  # let the command reach the worker before asking whether it has answered
    spin_until(lambda: settled(window), 60)
    done = time.perf_counter() - start
    spin(0.5)
    gaps = probe.stop()
    return {"label": label, "call": called * 1000, "max": gaps.max + probe.interval_ms, "p99": gaps.p99,
            "settled": done * 1000}


def other_run(window) -> int:
    return next(e.run_id for e in window.entries if e.run_id != window.model.selected_id)


def actions(window):
    """(label, needs a fresh set of runs first, the action)."""
    first = lambda: window.entries[0].run_id  # noqa: E731
    return [
        ("log scale on", False, lambda: window.action_log_loss.trigger()),
        ("log scale off", False, lambda: window.action_log_loss.trigger()),
        ("numbers: full precision", False, lambda: window.set_number_mode(FULL)),
        ("numbers: as written", False, lambda: window.set_number_mode(READABLE)),
        ("select another run", False, lambda: window.model.select_run(other_run(window))),
        ("select the first run again", False, lambda: window.model.select_run(first())),
        ("add a run", True, lambda: window.add_run()),
        ("change the function", True, lambda: window.choose_function("himmelblau")),
        ("reset", True, lambda: window.reset()),
        ("open a lesson (all six)", True, lambda: window.open_lesson(find_lesson(window, "notes-all"))),
        ("show a hidden run (it catches up)", "hidden",
         lambda: window.model.set_run_visible(window.entries[1].run_id, True)),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--playing", action="store_true", help="act while the runs play at full speed")
    parser.add_argument("--switch", type=float, help="the interpreter's thread switch interval, in seconds "
                        "(default: what gui.app sets)")
    parser.add_argument("--only", action="append", help="only the actions whose label contains this")
    args = parser.parse_args()
    results: dict[str, list[dict]] = {}
    with open_window() as window:
        if args.switch:
            sys.setswitchinterval(args.switch)
        full_speed(window)
        fresh = True
        for _ in range(args.repeats):
            for label, needs, action in actions(window):
                if args.only and not any(part in label for part in args.only):
                    continue
                if needs or fresh:
                    prepare(window, args.steps, args.playing, hidden=needs == "hidden")
                fresh = bool(needs)
                results.setdefault(label, []).append(measure(window, label, action))
            if window.action_log_loss.isChecked():
                window.action_log_loss.trigger()
        print(f"runs played to about {args.steps:,} steps, {'playing' if args.playing else 'paused'}; window "
              f"{window.width()}x{window.height()}; switch interval {sys.getswitchinterval() * 1000:g} ms")
    print(f"{'action':<36} {'call ms':>8} {'max gap ms':>11} {'p99 late ms':>12} {'settled ms':>11}   "
          f"(medians of {args.repeats}; target: every gap under 100 ms)")
    for label, rows in results.items():
        med = {key: statistics.median(r[key] for r in rows) for key in ("call", "max", "p99", "settled")}
        print(f"{label:<36} {med['call']:8.1f} {med['max']:11.1f} {med['p99']:12.1f} {med['settled']:11.0f}")


if __name__ == "__main__":
    main()
