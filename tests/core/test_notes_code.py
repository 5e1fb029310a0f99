"""GradStep's lecture-notes rounding against the notes' own code, run from the notes file, step by step.

The printed tables cover ten steps at one setting each; these tests step the notes' six classes for 60
and 200 updates at random settings and starts, with their rounding (at 4 decimals as written, and
rewritten to other numbers of decimals) and without it, and compare every value of every step bit for
bit: the point, the gradient each update used, the gradient at the new point, the state and f.
"""

from __future__ import annotations

import numpy as np
import pytest

from core.batch import run_batch
from core.functions import get_function
from core.optimizers import OPTIMIZERS
from core.run import Run

from . import notes_code

QUADRATIC = get_function("quadratic")
# ranges in which the notes' function mostly converges, sometimes oscillates, rarely blows up
RANGES = {"SGD": {"lr": (0.01, 0.66)}, "Momentum": {"lr": (0.01, 0.6), "momentum": (0.0, 0.95)},
          "Nesterov": {"lr": (0.01, 0.45), "momentum": (0.0, 0.95)}, "AdaGrad": {"lr": (0.05, 20.0)},
          "RMSProp": {"lr": (0.01, 2.0), "gamma": (0.0, 0.99)},
          "Adam": {"lr": (0.01, 2.0), "beta1": (0.0, 0.99), "beta2": (0.5, 0.9999)}}
NAMESPACES = {d: notes_code.load(d) for d in (4, None, 2, 6)}


def _random_case(rng, cls):
    """Settings and a start: half of them as a teacher types them (lr 0.9, start (2.5, 0.5)), where the
    decimal ties that tell the two roundings apart are common; half with many digits."""
    typed = rng.random() < 0.5
    hyper = {name: float(np.clip(round(float(rng.uniform(*bounds)), 2 if typed else 12), *bounds))
             for name, bounds in RANGES[cls].items()}
    start = tuple(float(v) for v in rng.uniform(-6.0, 9.0, 2).round(1 if typed else int(rng.integers(2, 9))))
    return hyper, start


def _compare(cls, hyper, start, steps, decimals) -> int:
    """Step both; assert every value agrees; return how many updates were compared."""
    notes = list(notes_code.step_notes(NAMESPACES[decimals], cls, hyper, start, steps))
    run = Run(QUADRATIC, OPTIMIZERS[cls.lower()](**hyper), start, decimals=decimals, max_steps=steps, tol=0.0)
    run.advance(steps)
    compared = 0
    for k, (point, used, state) in enumerate(notes):
        if k > run.step:
            break  # GradStep stops a run that leaves the bounded region; the notes go on to inf
        row = run.history.row(k)
        where = f"{cls} {hyper} from {start}, decimals {decimals}, step {k}"
        assert (row["x"], row["y"]) == point, where
        assert row["f"] == float(NAMESPACES[decimals]["func"]({"x": point[0], "y": point[1]})), where
        if k > 0:
            before = run.history.row(k - 1)
            assert (before["grad_x"], before["grad_y"]) == used, where
        for name, pair in state.items():
            assert (row[f"{name}_x"], row[f"{name}_y"]) == pair, f"{name}: {where}"
        compared = k
    return compared


@pytest.mark.parametrize("decimals", [4, None, 2, 6])
@pytest.mark.parametrize("cls", notes_code.CLASSES)
def test_sixty_steps_at_random_settings_agree_with_the_notes_code(cls, decimals):
    rng = np.random.default_rng([notes_code.CLASSES.index(cls), 0 if decimals is None else decimals])
    runs = 60 if decimals in (4, None) else 15
    compared = sum(_compare(cls, *_random_case(rng, cls), 60, decimals) for _ in range(runs))
    assert compared > runs * 40  # most runs go the whole way


@pytest.mark.parametrize("decimals", [4, None])
@pytest.mark.parametrize("cls", notes_code.CLASSES)
def test_two_hundred_steps_agree_with_the_notes_code(cls, decimals):
    rng = np.random.default_rng([7, notes_code.CLASSES.index(cls), 0 if decimals is None else 1])
    compared = sum(_compare(cls, *_random_case(rng, cls), 200, decimals) for _ in range(8))
    assert compared > 8 * 120


def test_adam_at_lr_0_9_from_2_5_0_5_lands_where_the_notes_code_does():
    # the case that showed the difference: Python's round everywhere gives x = 0.0645 at step 60
    run = Run(QUADRATIC, OPTIMIZERS["adam"](lr=0.9), (2.5, 0.5), decimals=4, max_steps=60, tol=0.0)
    run.advance(60)
    assert run.history.row(60)["x"] == 0.0641
    assert _compare("Adam", {"lr": 0.9}, (2.5, 0.5), 60, 4) == 60


@pytest.mark.parametrize("decimals", [4, None])
@pytest.mark.parametrize("cls", notes_code.CLASSES)
def test_a_batch_of_starts_follows_the_notes_code_too(cls, decimals):
    rng = np.random.default_rng([11, notes_code.CLASSES.index(cls)])
    hyper, _ = _random_case(rng, cls)
    starts = rng.uniform(-6.0, 9.0, (12, 2)).round(3)
    result = run_batch(QUADRATIC, OPTIMIZERS[cls.lower()](**hyper), starts, 60, decimals=decimals, tol=0.0,
                       trajectory=True)
    for i, start in enumerate(starts):
        notes = list(notes_code.step_notes(NAMESPACES[decimals], cls, hyper, start, 60))
        if result.diverged_at[i] >= 0:
            notes = notes[: result.diverged_at[i]]
        expected = np.array([point for point, _, _ in notes])
        assert np.array_equal(result.trajectory[: len(expected), i], expected), (cls, hyper, start)


def test_the_first_update_rounds_its_state_the_python_way():
    # In the notes' first update the state is computed from Python floats only (it starts at 0. and the
    # start point's gradient is a Python float), so round() is Python's there and numpy's only later.
    # From (0, -2.4255) the gradient's x part is -6.4255 and Adam's m = 0.1 * -6.4255 = -0.64255, a
    # decimal tie on which the two roundings part: Python's gives -0.6425, numpy's -0.6426.
    from core.numerics import round_numpy, round_python

    tie = 0.9 * 0.0 + (1.0 - 0.9) * -6.4255
    assert (round_python(tie, 4), round_numpy(tie, 4)) == (-0.6425, -0.6426)
    run = Run(QUADRATIC, OPTIMIZERS["adam"](lr=0.1), (0.0, -2.4255), decimals=4, max_steps=3, tol=0.0)
    run.advance(3)
    assert run.history.row(1)["m_x"] == -0.6425
    assert _compare("Adam", {"lr": 0.1}, (0.0, -2.4255), 3, 4) == 3
