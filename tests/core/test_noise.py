"""Noisy gradients: the same noise on every path (rewind, reopen, batch, CSV), where it enters relative
to the notes' rounding, its statistics, and the per-point learning rates and streams of a batch."""

import csv
import io

import numpy as np
import pytest

from core.batch import Cancelled, run_batch
from core.functions import get_function
from core.hyper import InvalidValue
from core.noise import Noise, standard_normals
from core.optimizers import OPTIMIZERS, SGD, Adam, AdamW
from core.run import Run
from core.schedules import Schedule
from core.trajectory_csv import read_csv, write_csv_stream

QUADRATIC = get_function("quadratic")
HIMMELBLAU = get_function("himmelblau")


def _run(opt, start=(1.0, -2.0), steps=60, function=QUADRATIC, decimals=None, tol=0.0):
    run = Run(function, opt, start, decimals=decimals, max_steps=steps, tol=tol)
    run.advance(steps)
    return run


def test_the_update_uses_the_gradient_plus_sigma_z_of_its_step():
    noise = Noise(0.5, seed=11)
    run = _run(SGD(lr=0.1, noise=noise), steps=30)
    zx, zy = noise.normals(np.arange(31))
    rows = run.history.array(["grad_x", "grad_y", "noisy_grad_x", "noisy_grad_y"])
    assert np.array_equal(rows[:, 2], rows[:, 0] + 0.5 * zx) and np.array_equal(rows[:, 3], rows[:, 1] + 0.5 * zy)
    for k in range(1, 31):  # the true gradient is that of the point; the step follows the noisy one
        assert tuple(rows[k, :2]) == QUADRATIC.gradient(*run.params_at(k))
        assert np.array_equal(run.params_at(k), run.params_at(k - 1) - 0.1 * rows[k - 1, 2:])


def test_same_seed_same_steps_other_seed_or_stream_other_steps():
    first, again = (_run(Adam(lr=0.1, noise=Noise(0.3, seed=5))) for _ in range(2))
    assert np.array_equal(first.history.array(), again.history.array())
    for other in (Noise(0.3, seed=6), Noise(0.3, seed=5, stream=1)):
        assert not np.array_equal(_run(Adam(lr=0.1, noise=other)).history.points(), first.history.points())


def test_stepping_back_and_reopening_give_the_same_noisy_steps():
    opt = AdamW(lr=0.05, noise=Noise(0.2, seed=3))
    straight = _run(opt, steps=120)
    run = Run(QUADRATIC, opt, (1.0, -2.0), max_steps=120, tol=0.0)
    run.advance(70)
    run.rewind(23)
    for _ in range(5):
        run.step_back()
    run.advance(120)
    assert np.array_equal(run.history.array(), straight.history.array())
    # a session stores the optimizer's settings; rebuilt from them, the run is the same
    reopened = AdamW(**opt.values, noise=Noise.from_json(opt.noise.to_json()))
    assert np.array_equal(_run(reopened, steps=120).history.array(), straight.history.array())


def test_noise_enters_before_the_notes_rounding():
    noise = Noise(0.37, seed=2)
    run = _run(SGD(lr=0.3, noise=noise), steps=12, decimals=2)
    for k in range(13):
        row = run.history.row(k)
        gx, gy = QUADRATIC.gradient(row["x"], row["y"])
        zx, zy = noise.normals(k)
        assert row["noisy_grad_x"] == round(gx + 0.37 * float(zx[0]), 2)
        assert row["noisy_grad_y"] == round(gy + 0.37 * float(zy[0]), 2)
        assert (row["grad_x"], row["grad_y"]) == (round(gx, 2), round(gy, 2))


def test_the_numbers_are_standard_normal_and_independent():
    zx, zy = standard_normals(Noise(1.0, seed=7).key, np.arange(100_000), np.arange(100_000) % 97)
    for z in (zx, zy):
        assert abs(z.mean()) < 0.01 and abs(z.std() - 1) < 0.01
        assert abs((np.abs(z) < 1).mean() - 0.682689) < 0.005 and abs((np.abs(z) < 2).mean() - 0.954500) < 0.003
    assert abs(np.corrcoef(zx, zy)[0, 1]) < 0.01 and abs(np.corrcoef(zx[:-1], zx[1:])[0, 1]) < 0.01
    again = Noise(1.0, seed=7).normals(np.arange(5), 3)
    assert np.array_equal(again[0], standard_normals(Noise(1.0, seed=7).key, np.arange(5), 3)[0])


def test_noise_set_mid_run_adds_its_columns():
    run = Run(QUADRATIC, SGD(lr=0.1), (1.0, -2.0), max_steps=40, tol=0.0)
    run.advance(10)
    assert "noisy_grad_x" not in run.columns
    run.configure(optimizer=SGD(lr=0.1, noise=Noise(0.5, seed=1)))
    run.advance(5)
    noisy, true = run.history.array(["noisy_grad_x"])[:, 0], run.history.column("grad_x")
    assert np.array_equal(noisy[:10], true[:10]) and (noisy[10:] != true[10:]).all()
    assert noisy[10] == true[10] + 0.5 * float(Noise(0.5, seed=1).normals(10)[0][0])


def test_csv_appends_noise_and_rate_columns_after_the_state_only_where_set():
    plain = _run(Adam(lr=0.1), steps=5)
    noisy = _run(Adam(lr=0.1, noise=Noise(0.1), schedule=Schedule.parse("step:step_size=2,gamma=0.5")), steps=5)
    for runs, tail in (([plain], ["m_x", "m_y", "v_x", "v_y"]),
                       ([plain, noisy], ["m_x", "m_y", "v_x", "v_y", "noisy_grad_x", "noisy_grad_y", "lr_in_effect"])):
        stream = io.StringIO()
        write_csv_stream(runs, stream)
        header = stream.getvalue().splitlines()[0].split(",")
        settings = ["decimals", "start_x", "start_y", "lr", "beta1", "beta2", "eps"]
        assert header == ["run", "optimizer", "function", "step", "x", "y", "f", "grad_x", "grad_y", *tail, *settings]
    stream.seek(0)
    back = {r.label: r for r in read_csv(stream)}
    assert "noisy_grad_x" not in back["run"].columns
    assert np.array_equal(back["run (2)"].columns["lr_in_effect"], [0.1, 0.1, 0.05, 0.05, 0.025, 0.025])
    assert np.array_equal(back["run (2)"].columns["noisy_grad_y"], noisy.history.column("noisy_grad_y"))
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert rows[0]["noisy_grad_x"] == "" and rows[6]["noisy_grad_x"] != rows[6]["grad_x"]


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_batch_with_noise_and_per_point_rates_equals_single_runs(name):
    cls = OPTIMIZERS[name]
    noise = Noise(0.4, seed=9)
    starts = np.array([[-3.0, 2.5], [0.7, -1.9], [4.0, 4.0], [-2.2, -3.1]])
    rates = np.array([0.003, 0.02, 0.1, 0.6]) * cls.demo["lr"] / 0.1
    streams = np.array([0, 5, 5, 1234])
    result = run_batch(HIMMELBLAU, cls(noise=noise), starts, 75, tol=1e-4, trajectory=True, lr=rates,
                       noise_streams=streams)
    for i, start in enumerate(starts):
        run = _run(cls(lr=rates[i], noise=noise.replace(stream=int(streams[i]))), start, 75, HIMMELBLAU, tol=1e-4)
        assert np.array_equal(result.trajectory[: run.step + 1, i], run.history.points())
        assert np.array_equal(result.grad[i], run.grad_at(run.step))
        assert result.stop_steps()[i] == run.stop.step


def test_batch_without_streams_gives_every_point_the_single_runs_noise():
    opt = SGD(lr=0.05, noise=Noise(1.0, seed=4, stream=8))
    starts = np.array([[1.0, 1.0], [2.0, -1.0]])
    result = run_batch(QUADRATIC, opt, starts, 40, tol=0.0, trajectory=True)
    for i, start in enumerate(starts):
        assert np.array_equal(result.trajectory[:, i], _run(opt, start, 40).history.points())


def test_batch_reports_progress_and_can_be_cancelled():
    seen = []
    run_batch(QUADRATIC, SGD(lr=0.01), np.ones((3, 2)), 100, tol=0.0, progress=lambda k, n: seen.append((k, n)))
    assert seen == [(32, 100), (64, 100), (96, 100), (100, 100)]
    asked = []
    with pytest.raises(Cancelled):
        run_batch(QUADRATIC, SGD(lr=0.01), np.ones((3, 2)), 100, tol=0.0,
                  cancelled=lambda: asked.append(1) or len(asked) > 2)
    assert len(asked) == 3


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"lr": [0.1, -0.1]}, "lr = -0.1 is out of range"),
    ({"lr": [0.1]}, "one value per start"),
    ({"noise_streams": [0, 2**24]}, "noise stream must be a whole number"),
])
def test_bad_per_point_values_are_refused(kwargs, message):
    with pytest.raises(InvalidValue, match=message):
        run_batch(QUADRATIC, SGD(noise=Noise(0.1)), np.zeros((2, 2)), 5, **kwargs)


@pytest.mark.parametrize(("values", "message"), [
    ({"sigma": 0.0}, "standard deviation = 0 is out of range"),
    ({"sigma": 0.1, "seed": -1}, "seed must be a whole number"),
    ({"sigma": 0.1, "stream": 1.5}, "stream must be a whole number"),
])
def test_bad_noise_is_refused(values, message):
    with pytest.raises(InvalidValue, match=message):
        Noise(**values)
