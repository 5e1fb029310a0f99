"""The headless commands beyond the notes: run's --schedule, --noise and --seed; sweep; basin."""

import csv
import io
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from core.cli import main as run_main
from core.cli_basin import main as basin_main
from core.cli_sweep import main as sweep_main
from core.functions import get_function
from core.noise import Noise
from core.optimizers import OPTIMIZERS, Adam, Lion
from core.run import Run
from core.schedules import Schedule

ROOT = Path(__file__).resolve().parents[2]


def _status(main, args):
    try:
        return main(args)
    except SystemExit as exit_:
        return exit_.code


def _csv(main, capsys, *args):
    assert _status(main, [*args, "--csv", "-"]) == 0
    out, err = capsys.readouterr()
    return list(csv.DictReader(io.StringIO(out))), err


def test_run_with_a_schedule_and_noise_writes_what_each_update_used(capsys):
    rows, err = _csv(run_main, capsys, "--optimizer", "adam", "--set", "lr=0.2", "--schedule",
                     "cosine:t_max=8,warmup=2", "--noise", "0.3", "--seed", "4", "--steps", "12")
    columns = list(rows[0])
    assert err == "" and columns[columns.index("decimals") - 3:columns.index("decimals")] == [
        "noisy_grad_x", "noisy_grad_y", "lr_in_effect"]
    opt = Adam(lr=0.2, schedule=Schedule("cosine", t_max=8, warmup=2), noise=Noise(0.3, seed=4))
    run = Run(get_function("quadratic"), opt, (0.0, 0.0), max_steps=12)
    run.advance(12)
    for k, row in enumerate(rows):
        assert float(row["x"]) == run.history.row(k)["x"] and float(row["lr_in_effect"]) == opt.learning_rate(k + 1)
        assert float(row["noisy_grad_y"]) == run.history.row(k)["noisy_grad_y"]
    again, _ = _csv(run_main, capsys, "--optimizer", "adam", "--set", "lr=0.2", "--schedule",
                    "cosine:t_max=8,warmup=2", "--noise", "0.3", "--seed", "4", "--steps", "12")
    assert again == rows  # the headless command gives the same noisy steps every time


def test_run_without_the_new_options_writes_the_old_columns(capsys):
    rows, _ = _csv(run_main, capsys, "--steps", "2", "--noise", "0")
    assert list(rows[0]) == ["run", "optimizer", "function", "step", "x", "y", "f", "grad_x", "grad_y",
                             "decimals", "start_x", "start_y", "lr"]


def test_decimals_beyond_the_notes_say_they_do_not_apply(capsys):
    assert run_main(["--optimizer", "lion", "--decimals", "4", "--steps", "2"]) == 0
    _out, err = capsys.readouterr()
    assert err == f"note: {Lion.rounding_note()}\n"


def test_a_refusal_beside_the_note_is_still_one_line(capsys, tmp_path):
    assert run_main(["--optimizer", "adamw", "--decimals", "-1"]) == 2
    _out, err = capsys.readouterr()
    assert err == "gradstep run: error: decimals must be a whole number from 0 to 12, got -1\n"
    assert run_main(["--optimizer", "lion", "--decimals", "2", "--csv", str(tmp_path / "missing" / "x.csv")]) == 1
    _out, err = capsys.readouterr()
    assert err.count("\n") == 1 and err.startswith("gradstep run: error: cannot write ")
    assert sweep_main(["--optimizer", "lion", "--decimals", "2", "--count", "0"]) == 2
    _out, err = capsys.readouterr()
    assert err.count("\n") == 1 and "the number of learning rates must be" in err


def test_sweep_and_basin_say_the_note_once_they_are_done(capsys):
    assert sweep_main(["--optimizer", "lion", "--decimals", "2", "--count", "2", "--steps", "3"]) == 0
    assert capsys.readouterr().err == f"note: {Lion.rounding_note()}\n"
    assert basin_main(["--optimizer", "lion", "--decimals", "2", "--grid", "2", "--steps", "3"]) == 0
    assert capsys.readouterr().err == f"note: {Lion.rounding_note()}\n"


@pytest.mark.parametrize(("main", "args", "message"), [
    (run_main, ["--schedule", "cosine:t_max=0"], "schedule cosine: t_max must be a whole number"),
    (run_main, ["--schedule", "triangle"], "unknown schedule 'triangle'"),
    (run_main, ["--noise", "-1"], "standard deviation = -1 is out of range"),
    (run_main, ["--noise", "0.1", "--seed", "x"], "noise seed must be a whole number"),
    (sweep_main, ["--set", "lr=0.1"], "--set lr: this command sets lr itself"),
    (sweep_main, ["--lr-min", "5", "--lr-max", "1"], "must be below the largest"),
    (sweep_main, ["--count", "0"], "number of learning rates"),
    (basin_main, ["--grid", "5000"], "grid size must be a whole number from 1 to 2,000"),
    (basin_main, ["--box", "1", "0", "0", "1"], "x_min < x_max"),
    (basin_main, ["--optimizer", "adamz"], "unknown optimizer 'adamz'"),
])
def test_bad_input_is_one_line_and_status_2(capsys, main, args, message):
    assert _status(main, args) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and message in err


def test_sweep_rows_are_the_single_runs_of_each_rate(capsys):
    rows, err = _csv(sweep_main, capsys, "--function", "rosenbrock", "--optimizer", "nadam", "--start", "-1.2", "1",
                     "--steps", "200", "--lr-min", "0.001", "--lr-max", "1", "--count", "4")
    assert err == "" and list(rows[0]) == ["lr", "x", "y", "f", "stop", "step"] and len(rows) == 4
    for row in rows:
        run = Run(get_function("rosenbrock"), OPTIMIZERS["nadam"](lr=float(row["lr"])), (-1.2, 1.0), max_steps=200)
        run.advance(200)
        assert (float(row["x"]), float(row["y"])) == tuple(run.params_at(run.step))
        assert row["stop"] in ("step-limit", "converged", "diverged") and int(row["step"]) == run.stop.step
    assert [float(r["lr"]) for r in rows] == pytest.approx([0.001, 0.01, 0.1, 1.0], rel=1e-12)


def test_basin_rows_name_the_minimum_reached(tmp_path, capsys):
    target = tmp_path / "basin.csv"
    assert basin_main(["--function", "himmelblau", "--optimizer", "adam", "--set", "lr=0.1", "--steps", "300",
                       "--grid", "4", "--csv", str(target)]) == 0
    assert "wrote 16 rows" in capsys.readouterr().err
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert list(rows[0]) == ["x0", "y0", "x", "y", "f", "stop", "step", "minimum"] and len(rows) == 16
    minima = np.array(get_function("himmelblau").minima)
    for row in rows:
        final = np.array([float(row["x"]), float(row["y"])])
        assert row["minimum"] != "" and np.hypot(*(final - minima[int(row["minimum"])])) < 0.1
    rows, _ = _csv(basin_main, capsys, "--optimizer", "sgd", "--set", "lr=1.5", "--grid", "2", "--steps", "100")
    assert [r["minimum"] for r in rows] == ["", "", "", ""] and {r["stop"] for r in rows} == {"diverged"}


def test_list_shows_the_schedules(capsys):
    assert run_main(["--list"]) == 0
    out = capsys.readouterr().out
    for name in ("constant", "step", "exponential", "cosine", "inverse-time", "warmup=K"):
        assert f"  {name}" in out
    assert "0 < gamma ≤ 1" in out and "--noise SIGMA" in out


def test_main_py_dispatches_sweep_and_basin_without_qt():
    for command in (["sweep", "--count", "3", "--steps", "10"], ["basin", "--grid", "2", "--steps", "10"]):
        done = subprocess.run([sys.executable, "-c", "import sys; sys.modules['PySide6'] = None; "
                               "sys.argv = ['main.py', *sys.argv[1:]]; import runpy; "
                               "runpy.run_path('main.py', run_name='__main__')", *command],
                              capture_output=True, text=True, cwd=ROOT, timeout=60)
        assert done.returncode == 0 and done.stderr == "", done.stderr
        assert len(done.stdout.splitlines()) == (4 if command[0] == "sweep" else 5)
