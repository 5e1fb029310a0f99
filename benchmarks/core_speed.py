"""Speed of the numpy core, printed as measured figures (never asserted: the machines are shared).

    python benchmarks/core_speed.py [--repeats N] [--torch-steps N]

For each optimizer on rosenbrock it prints single-run steps per second (history recorded, as the app and
the CLI record it) and batched point-steps per second on a 200 x 200 grid of starts.  If PyTorch is
installed it also times torch.optim on the same single run and prints the ratio, and it times the whole
``python main.py run`` process for 200,000 Adam steps against a plain torch.optim.Adam loop.  Every
figure is the median of the repeats, and every ratio is of figures measured in this same run.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import median_time  # noqa: E402  (beside this script)

from core.batch import run_batch  # noqa: E402
from core.functions import get_function  # noqa: E402
from core.optimizers import OPTIMIZERS  # noqa: E402
from core.run import Run  # noqa: E402

ROSENBROCK = get_function("rosenbrock")
START = (-1.2, 1.0)
SETTINGS = {"sgd": {"lr": 1e-3}, "momentum": {"lr": 1e-3}, "nesterov": {"lr": 1e-3}, "adagrad": {"lr": 0.1},
            "rmsprop": {"lr": 1e-3}, "adam": {"lr": 1e-3}, "radam": {"lr": 1e-3}}  # radam's demo lr diverges here
SINGLE_STEPS = 200_000
GRID = 200
BATCH_STEPS = 100


def _settings(name: str) -> dict:
    return SETTINGS.get(name, OPTIMIZERS[name].demo)  # the notes' six as measured before; the others' demo


def single_rate(name: str, repeats: int) -> float:
    opt = OPTIMIZERS[name](**_settings(name))

    taken = []

    def once():
        run = Run(ROSENBROCK, opt, START, max_steps=SINGLE_STEPS, tol=0.0)
        taken.append(run.advance(SINGLE_STEPS))  # all of them, unless the demo settings diverge on the way
    seconds = median_time(once, repeats)
    return min(taken) / seconds


def batch_rate(name: str, repeats: int) -> float:
    opt = OPTIMIZERS[name](**_settings(name))
    axis = np.linspace(-2.0, 2.0, GRID)
    starts = np.stack(np.meshgrid(axis, axis), axis=-1).reshape(-1, 2)
    return GRID * GRID * BATCH_STEPS / median_time(lambda: run_batch(ROSENBROCK, opt, starts, BATCH_STEPS),
                                                   repeats)


def torch_rate(name: str, steps: int, repeats: int):
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(1)  # faster than the default on a 2-element problem, so the fairer comparison
    if name not in SETTINGS:
        return None  # benchmarks/beyond_torch.py compares the optimizers beyond the notes
    hp = SETTINGS[name]
    makers = {
        "sgd": lambda p: torch.optim.SGD([p], lr=hp["lr"]),
        "momentum": lambda p: torch.optim.SGD([p], lr=hp["lr"], momentum=0.9),
        "nesterov": lambda p: torch.optim.SGD([p], lr=hp["lr"], momentum=0.9, nesterov=True),
        "adagrad": lambda p: torch.optim.Adagrad([p], lr=hp["lr"], eps=1e-7),
        "rmsprop": lambda p: torch.optim.RMSprop([p], lr=hp["lr"], alpha=0.75, eps=1e-7),
        "adam": lambda p: torch.optim.Adam([p], lr=hp["lr"], eps=1e-7),
    }

    def once(steps=steps):
        p = torch.tensor(START, dtype=torch.float64, requires_grad=True)
        opt = makers[name](p)
        for _ in range(steps):
            opt.zero_grad()
            x, y = p[0], p[1]
            loss = (1 - x) ** 2 + 100 * (y - x * x) ** 2
            loss.backward()
            opt.step()
    once(100)  # warm up torch's lazily initialised machinery before timing
    return steps / median_time(once, repeats)


def cli_seconds(repeats: int) -> float:
    command = [sys.executable, str(ROOT / "main.py"), "run", "--function", "rosenbrock", "--optimizer", "adam",
               "--steps", str(SINGLE_STEPS), "--tol", "0", "--quiet"]
    return median_time(lambda: subprocess.run(command, check=True, capture_output=True), repeats)


def torch_process_seconds(steps: int, repeats: int) -> float | None:
    script = ("import torch\ntorch.set_num_threads(1)\n"
              "p = torch.tensor((-1.2, 1.0), dtype=torch.float64, requires_grad=True)\n"
              "opt = torch.optim.Adam([p], lr=1e-3, eps=1e-7)\n"
              f"for _ in range({steps}):\n"
              "    opt.zero_grad()\n    x, y = p[0], p[1]\n"
              "    loss = (1 - x) ** 2 + 100 * (y - x * x) ** 2\n    loss.backward()\n    opt.step()\n")
    try:
        return median_time(lambda: subprocess.run([sys.executable, "-c", script], check=True, capture_output=True),
                           repeats)
    except subprocess.CalledProcessError:
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--torch-steps", type=int, default=5_000,
                        help="steps per torch.optim timing (torch takes ~0.4 ms a step here)")
    args = parser.parse_args()
    print(f"rosenbrock from {START}; single run {SINGLE_STEPS:,} steps; batch {GRID}x{GRID} starts x "
          f"{BATCH_STEPS} steps; medians of {args.repeats}")
    print(f"{'optimizer':<10} {'single steps/s':>15} {'batch point-steps/s':>20} {'torch steps/s':>14} "
          f"{'ratio':>7}")
    for name in OPTIMIZERS:
        single = single_rate(name, args.repeats)
        batch = batch_rate(name, args.repeats)
        torch_steps = torch_rate(name, args.torch_steps, max(1, args.repeats // 2))
        ratio = f"{single / torch_steps:6.0f}x" if torch_steps else "   n/a"
        torch_text = f"{torch_steps:14,.0f}" if torch_steps else f"{'not installed':>14}"
        print(f"{name:<10} {single:15,.0f} {batch:20,.0f} {torch_text} {ratio}")
    cli = cli_seconds(args.repeats)
    print(f"\npython main.py run, 200,000 Adam steps on rosenbrock (--quiet), whole process: {cli:.2f} s")
    torch_steps = min(20_000, SINGLE_STEPS)
    torch_seconds = torch_process_seconds(torch_steps, 1)
    if torch_seconds is not None:
        scaled = torch_seconds * SINGLE_STEPS / torch_steps
        print(f"plain torch.optim.Adam loop, whole process: {torch_seconds:.2f} s for {torch_steps:,} steps, "
              f"so about {scaled:.0f} s for 200,000; GradStep takes {cli / scaled:.3f} of that")


if __name__ == "__main__":
    main()
