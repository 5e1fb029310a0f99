"""The headless command: its table, its CSV, its errors (one line, no traceback, no file), divergence."""

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from core.cli import main
from core.functions import FUNCTIONS
from core.optimizers import OPTIMIZERS

from .lecture_notes import read_tables

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "run", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)


def test_the_table_reproduces_the_notes_sgd_run():
    done = _cli("--set", "lr=0.5", "--decimals", "4")
    assert done.returncode == 0 and done.stderr == ""
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["step", "x", "y", "f", "grad_x", "grad_y"]
    (sgd,) = [t for t in read_tables() if t.optimizer == "SGD"]
    for row in sgd.rows:
        cells = lines[1 + row.step].split()
        assert int(cells[0]) == row.step
        assert (float(cells[1]), float(cells[2])) == row.groups["params"]
        assert cells[3] == row.func


def test_csv_to_stdout_is_only_csv_and_exact():
    done = _cli("--optimizer", "nesterov", "--set", "lr=0.2", "--set", "momentum=0.8", "--decimals", "4",
                "--csv", "-")
    assert done.returncode == 0 and done.stderr == ""
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert len(rows) == 11 and rows[1]["x"] == "1.4400000000000002" and rows[1]["v_x"] == "0.8"


def test_bad_input_gives_one_line_and_no_traceback():
    done = _cli("--optimizer", "adamz")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "unknown optimizer 'adamz'" in done.stderr


def _status(args):
    """main()'s exit status, whether it returns it or argparse exits with it."""
    try:
        return main(args)
    except SystemExit as exit_:
        return exit_.code


@pytest.mark.parametrize(("args", "message"), [
    (["--optimizer", "adamz"], "unknown optimizer 'adamz'"),
    (["--function", "sphere"], "unknown function 'sphere'"),
    (["--set", "beta1=0.5"], "unknown hyperparameter 'beta1' for sgd"),
    (["--set", "lr"], "NAME=VALUE"),
    (["--set", "lr=fast"], "lr must be a number, got 'fast'"),
    (["--set", "lr=inf"], "lr must be a finite number"),
    (["--set", "lr=-1"], "lr = -1 is out of range: need 0 < lr ≤ 100"),
    (["--optimizer", "adam", "--set", "beta2=1"], "beta2 = 1 is out of range"),
    (["--steps", "-3"], "--steps must be between 0"),
    (["--steps", "ten"], "--steps must be a whole number"),
    (["--steps", "100000000"], "--steps must be between 0 and 10,000,000"),
    (["--decimals", "13"], "--decimals must be between 0 and 12"),
    (["--decimals", "-1"], "--decimals must be between 0 and 12"),
    (["--start", "0", "nan"], "start y must be a finite number"),
    (["--start", "1e300", "0"], "start x must be a finite number below"),
    (["--tol", "-1"], "--tol must be ≥ 0"),
    (["--bogus"], "unrecognized arguments: --bogus"),
])
def test_each_bad_input_is_named(capsys, args, message):
    status = _status(args)
    out, err = capsys.readouterr()
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and message in err and err.startswith("gradstep run: error: ")


def test_an_unwritable_csv_path_fails_before_running_and_writes_nothing(tmp_path, capsys):
    target = tmp_path / "no" / "such" / "folder" / "out.csv"
    assert main(["--csv", str(target)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "does not exist" in err
    assert not target.parent.exists()


def test_csv_to_a_file(tmp_path, capsys):
    target = tmp_path / "sgd.csv"
    assert main(["--steps", "3", "--csv", str(target)]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "wrote steps 0..3" in err
    assert len(target.read_text(encoding="utf-8").splitlines()) == 5


def test_divergence_is_reported_and_the_finite_steps_written(tmp_path, capsys):
    target = tmp_path / "d.csv"
    assert main(["--set", "lr=1.5", "--steps", "500", "--csv", str(target), "--quiet"]) == 0
    _out, err = capsys.readouterr()
    assert err.strip().startswith("diverged at step ")
    step = int(err.split()[-1])
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(rows) == step and int(rows[-1]["step"]) == step - 1
    assert all(abs(float(r["x"])) < 1e10 for r in rows)


def test_quiet_prints_nothing_and_zero_steps_is_the_start(capsys):
    assert main(["--quiet", "--steps", "50"]) == 0
    assert capsys.readouterr() == ("", "")
    assert main(["--steps", "0"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_list_names_every_function_optimizer_and_range(capsys):
    assert main(["--list"]) == 0
    out = capsys.readouterr().out
    for name in FUNCTIONS:
        assert f"  {name} " in out
    for cls in OPTIMIZERS.values():
        assert f"  {cls.name} " in out
        for h in cls.hypers:
            assert h.range_text in out
    assert "0 ≤ gamma < 1" in out and "default 0.75" in out


def test_main_py_help_and_version_do_not_need_qt():
    for args in (["--help"], ["--version"], ["run", "--help"]):
        done = subprocess.run([sys.executable, "-c", "import sys; sys.modules['PySide6'] = None; "
                               "sys.argv = ['main.py', *sys.argv[1:]]; import runpy; "
                               "runpy.run_path('main.py', run_name='__main__')", *args],
                              capture_output=True, text=True, cwd=ROOT, timeout=60)
        assert done.returncode == 0 and done.stdout and done.stderr == "", args
