"""Speed of the basin map and the learning-rate sweep, printed as measured figures (never asserted).

    python benchmarks/beyond_speed.py [--repeats N]

* basin: a 200 × 200 map of 500 steps on Himmelblau (20 million point-steps) for every optimizer, with its
  demo settings (the issue's target: Adam under 0.5 s);
* sweep: 100 learning rates from 1e-4 to 10 × 1,000 steps on Rosenbrock from (−1.2, 1), for the notes'
  six optimizers together (the target: under 0.5 s) and for each optimizer alone.

Each figure is the median of the repeats, as wall-clock seconds and as this process's CPU seconds: the
machine is shared, and when other work holds its two cores the wall clock says more about them than
about GradStep.  The load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.basin import basin_map  # noqa: E402
from core.functions import get_function  # noqa: E402
from core.optimizers import OPTIMIZERS  # noqa: E402
from core.sweep import sweep_learning_rates  # noqa: E402

HIMMELBLAU = get_function("himmelblau")
ROSENBROCK = get_function("rosenbrock")


def timed(fn, repeats: int) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of ``repeats`` calls of ``fn()``."""
    wall, cpu = [], []
    for _ in range(repeats):
        w, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    return statistics.median(wall), statistics.median(cpu)


def basin(name: str, repeats: int) -> tuple[float, float]:
    cls = OPTIMIZERS[name]
    return timed(lambda: basin_map(HIMMELBLAU, cls(**cls.demo), grid=200, steps=500), repeats)


def sweep(names, repeats: int) -> tuple[float, float]:
    def once():
        for name in names:
            sweep_learning_rates(ROSENBROCK, OPTIMIZERS[name](), (-1.2, 1.0), 1000, 1e-4, 10.0, 100)
    return timed(once, repeats)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; medians of {args.repeats}")
    print("\nbasin map, himmelblau, 200 x 200 starts x 500 steps (20 million point-steps):")
    print(f"{'optimizer':<10} {'demo':<12} {'wall s':>8} {'cpu s':>8} {'M point-steps/s (cpu)':>22}")
    for name, cls in OPTIMIZERS.items():
        wall, cpu = basin(name, args.repeats)
        print(f"{name:<10} {cls.demo!s:<12} {wall:8.3f} {cpu:8.3f} {20 / cpu:22.1f}")
    notes = [name for name, cls in OPTIMIZERS.items() if cls.notes_rounding]
    print("\nlearning-rate sweep, rosenbrock from (-1.2, 1), 100 rates 1e-4..10 x 1,000 steps:")
    wall, cpu = sweep(notes, args.repeats)
    print(f"{'the notes six':<14} wall {wall:6.3f} s   cpu {cpu:6.3f} s")
    for name in OPTIMIZERS:
        wall, cpu = sweep([name], args.repeats)
        print(f"{name:<14} wall {wall:6.3f} s   cpu {cpu:6.3f} s")
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
