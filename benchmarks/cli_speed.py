"""Time and peak memory of the whole ``gradstep run`` process, printed as measured figures (never asserted).

    python benchmarks/cli_speed.py [--steps N] [--repeats N] [--root PATH]

For SGD on the default quadratic with ``--tol 0`` (so every run takes all N steps) it starts
``python main.py run`` as a new process for each of four outputs: the table (to /dev/null), ``--csv FILE``,
``--csv -`` (to /dev/null) and ``--quiet``, each ``--repeats`` times, and prints the median wall time,
steps a second at that median, the median CPU time (user + system: on a shared machine the wall time
also counts the time other programs had the processor, the CPU time much less so) and steps a second
of it, and the median and largest peak resident memory of the process (the kernel's own figures for
that one child, from ``os.wait4``).  ``--root`` measures another checkout (for
example an older commit unpacked with ``git archive``) with the same interpreter.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUTS = ("table", "csv file", "csv stdout", "quiet")


def _arguments(output: str, folder: Path) -> list[str]:
    return {"table": [], "csv file": ["--csv", str(folder / "out.csv")], "csv stdout": ["--csv", "-"],
            "quiet": ["--quiet"]}[output]


def measure(root: Path, output: str, steps: int) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, peak resident bytes) of one ``main.py run`` process writing ``output``."""
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, str(root / "main.py"), "run", "--steps", str(steps), "--tol", "0",
                   *_arguments(output, Path(folder))]
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        error = child.stderr.read()
        _pid, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait for it again
    if child.returncode != 0:
        raise SystemExit(f"{output}: exit status {child.returncode}: {error.decode(errors='replace')[-500:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024  # Linux reports kilobytes


def report(root: Path, steps: int, repeats: int) -> None:
    print(f"gradstep run --steps {steps:,} --tol 0 (SGD, quadratic), {repeats} runs each, from {root}")
    print(f"{'output':<12} {'wall s':>7} {'steps/s':>9} {'CPU s':>7} {'steps/CPU s':>11} {'median RSS':>11} "
          f"{'max RSS':>9}")
    for output in OUTPUTS:
        runs = [measure(root, output, steps) for _ in range(repeats)]
        wall = statistics.median(t for t, _, _ in runs)
        cpu = statistics.median(c for _, c, _ in runs)
        rss = [r for _, _, r in runs]
        print(f"{output:<12} {wall:>7.2f} {steps / wall:>9,.0f} {cpu:>7.2f} {steps / cpu:>11,.0f} "
              f"{statistics.median(rss) / 2**20:>8.0f} MB {max(rss) / 2**20:>6.0f} MB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=2_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout whose main.py to run")
    args = parser.parse_args()
    report(args.root.resolve(), args.steps, args.repeats)


if __name__ == "__main__":
    main()
