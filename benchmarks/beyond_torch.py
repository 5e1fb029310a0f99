"""GradStep's optimizers beyond the notes and its schedules next to torch.optim's, in float64 (needs torch).

    pip install torch   # in your own environment: torch is not a dependency of GradStep
    python benchmarks/beyond_torch.py [--steps N]

For each of AdamW, NAdam, RAdam, AMSGrad, AdaDelta and Adamax it steps GradStep's single run and torch's
optimizer (single-tensor path, default dtype float64) from (−1.2, 1) on Rosenbrock, feeding torch the very
gradient GradStep computes at torch's point, and prints the largest relative difference of the points and
how many steps agree bit for bit.  torch's CPU kernels fuse the multiply-adds of lerp and addcmul where
the CPU has FMA; GradStep rounds each operation, as numpy must, so the two may part in the last bit and
a valley as curved as Rosenbrock's can amplify that.  For the schedules it prints the largest relative
difference of the learning rates torch's StepLR, ExponentialLR, CosineAnnealingLR and SequentialLR
(linear warm-up) hand out, update by update.  Lion is not in torch.optim; its tests check the paper's
Algorithm 2 directly.  Nothing here is asserted: it prints figures.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.functions import get_function  # noqa: E402
from core.optimizers import OPTIMIZERS  # noqa: E402
from core.run import Run  # noqa: E402
from core.schedules import Schedule  # noqa: E402

ROSENBROCK = get_function("rosenbrock")
START = (-1.2, 1.0)


def torch_cases(torch):
    o = torch.optim
    return {
        "adamw": ({"lr": 0.01, "weight_decay": 0.01}, lambda p: o.AdamW(p, lr=0.01, weight_decay=0.01, foreach=False)),
        "nadam": ({"lr": 0.01, "weight_decay": 0.001},
                  lambda p: o.NAdam(p, lr=0.01, weight_decay=0.001, foreach=False)),
        "radam": ({"lr": 0.001}, lambda p: o.RAdam(p, lr=0.001, foreach=False)),
        "amsgrad": ({"lr": 0.01}, lambda p: o.Adam(p, lr=0.01, amsgrad=True, foreach=False)),
        "adadelta": ({"lr": 1.0}, lambda p: o.Adadelta(p, lr=1.0, foreach=False)),
        "adamax": ({"lr": 0.01}, lambda p: o.Adamax(p, lr=0.01, foreach=False)),
    }


def torch_points(torch, make, steps: int) -> np.ndarray:
    p = torch.tensor(START)
    opt = make([p.requires_grad_()])
    points = [p.detach().numpy().copy()]
    for _ in range(steps):
        x, y = (float(v) for v in p.detach())
        p.grad = torch.tensor(ROSENBROCK.gradient(x, y))
        opt.step()
        points.append(p.detach().numpy().copy())
    return np.array(points)


def compare_optimizers(torch, steps: int) -> None:
    print(f"rosenbrock from {START}, {steps} steps, float64: largest relative difference of the points")
    for name, (values, make) in torch_cases(torch).items():
        run = Run(ROSENBROCK, OPTIMIZERS[name](**values), START, max_steps=steps, tol=0.0)
        run.advance(steps)
        ours, theirs = run.history.points(), torch_points(torch, make, steps)
        relative = np.abs(ours - theirs) / np.maximum(np.abs(theirs), np.finfo(float).tiny)
        same = int((ours == theirs).all(axis=1).sum())
        print(f"  {name:<9} {values!s:<36} max rel diff {relative.max():.2e}   identical steps {same}/{steps + 1}")


def torch_rates(torch, make, steps: int) -> list[float]:
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.3)
    scheduler = make(opt)
    rates = []
    for _ in range(steps):
        rates.append(opt.param_groups[0]["lr"])
        opt.step()
        scheduler.step()
    return rates


def compare_schedules(torch, steps: int) -> None:
    s = torch.optim.lr_scheduler
    cases = {
        "step:step_size=10,gamma=0.5": lambda o: s.StepLR(o, step_size=10, gamma=0.5),
        "exponential:gamma=0.97": lambda o: s.ExponentialLR(o, gamma=0.97),
        "cosine:t_max=100,eta_min=0.001": lambda o: s.CosineAnnealingLR(o, T_max=100, eta_min=0.001),
        "cosine:t_max=100,warmup=10": lambda o: s.SequentialLR(o, [s.LinearLR(o, start_factor=0.1, total_iters=9),
                                                                    s.CosineAnnealingLR(o, T_max=100)], [10]),
    }
    print(f"\nlearning rates of updates 1..{steps} (base 0.3): largest relative difference from torch's scheduler")
    for text, make in cases.items():
        ours = np.array(Schedule.parse(text).rates(0.3, 1, steps))
        theirs = np.array(torch_rates(torch, make, steps))
        relative = np.abs(ours - theirs) / np.maximum(np.abs(theirs), 1e-300)
        print(f"  {text:<32} max rel diff {relative.max():.2e}   identical {int((ours == theirs).sum())}/{steps}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=300)
    args = parser.parse_args()
    try:
        import torch
    except ImportError:
        print("torch is not installed: nothing to compare")
        return
    import warnings

    warnings.filterwarnings("ignore", category=UserWarning)  # SequentialLR's note about step order
    torch.set_default_dtype(torch.float64)  # torch's scalar state (NAdam's mu_product) follows it
    print(f"torch {torch.__version__}")
    compare_optimizers(torch, args.steps)
    compare_schedules(torch, args.steps)


if __name__ == "__main__":
    main()
