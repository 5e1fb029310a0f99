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
    # the settings' own refusals (core/settings.py), worded as the window and the files word them
    (["--steps", "-3"], "the step limit must be a whole number from 0 to 10,000,000, got -3"),
    (["--steps", "ten"], "the step limit must be a whole number from 0 to 10,000,000, got 'ten'"),
    (["--steps", "100000000"], "the step limit must be a whole number from 0 to 10,000,000, got 100000000"),
    (["--steps", "-inf"], "the step limit must be a whole number from 0 to 10,000,000, got -inf"),
    (["--decimals", "13"], "decimals must be a whole number from 0 to 12, got 13"),
    (["--decimals", "-1"], "decimals must be a whole number from 0 to 12, got -1"),
    (["--start", "0", "nan"], "start y must be a finite number"),
    (["--start", "1e300", "0"], "start x must be a finite number below"),
    (["--start", "-1e300", "-5"], "start x must be a finite number below"),
    (["--start", "-1,5", "0"], "start x must be a number, got '-1,5'"),
    (["--tol", "-1"], "the tolerance = -1 is out of range: need tol ≥ 0"),
    (["--tol", "-1e-3"], "the tolerance = -0.001 is out of range: need tol ≥ 0"),
    (["--tol=-inf"], "the tolerance must be a finite number, got '-inf'"),
    (["--set", "lr=-1e5"], "lr = -100000 is out of range: need 0 < lr ≤ 100"),
    (["--bogus"], "unrecognized argument '--bogus'"),
    (["run1"], "unrecognized argument 'run1'"),
    (["--s", "1"], "ambiguous option '--s' could match --set, --start, --steps"),
    (["--quiet=yes"], "argument --quiet: takes no value"),
    (["--start", "1"], "argument --start: expected 2 arguments"),
    (["--start", "1", "--quiet"], "argument --start: expected 2 arguments"),
    (["--tol", "--quiet"], "argument --tol: expected one argument"),
    (["--csv"], "argument --csv: expected one argument"),
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


def _csv_rows(capsys, *args):
    assert main([*args, "--csv", "-"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return list(csv.DictReader(io.StringIO(out)))


@pytest.mark.parametrize(("x", "y"), [("-1e5", "0"), ("-1", "-2"), ("-.5", "-2.5e-1"), ("-0", "-1_000")])
def test_negative_numbers_are_read_as_people_write_them(capsys, x, y):
    rows = _csv_rows(capsys, "--start", x, y, "--steps", "1")
    x0, y0 = float(x), float(y)
    # the quadratic x² + y² + xy − 4x − 8y: its gradient, and one SGD step with the default lr 0.01
    gx, gy = 2 * x0 + y0 - 4, 2 * y0 + x0 - 8
    assert (float(rows[0]["x"]), float(rows[0]["y"])) == (x0, y0)
    assert (float(rows[0]["grad_x"]), float(rows[0]["grad_y"])) == (gx, gy)
    assert (float(rows[1]["x"]), float(rows[1]["y"])) == (x0 - 0.01 * gx, y0 - 0.01 * gy)


def test_an_option_value_may_follow_an_equals_sign_or_be_shortened(capsys):
    rows = _csv_rows(capsys, "--start", "1", "-2", "--opt=momentum", "--set=lr=0.1", "--ste=2", "--tol=-0")
    assert len(rows) == 3 and rows[0]["optimizer"] == "momentum" and rows[0]["v_x"] == "0.0"
    assert float(rows[0]["f"]) == 1 + 4 - 2 - 4 + 16


@pytest.mark.parametrize("args", [
    ["--set", "lr=" + "9" * 5000],
    ["--set", "lr=-" + "9" * 5000],
    ["--steps", "1" * 5000],
    ["--start", "7" * 5000, "0"],
    ["--tol", "-" + "3" * 5000],
    ["--function", "f" * 100_000],
    ["--optimizer", "o" * 100_000],
    ["--set", "h" * 100_000 + "=1"],
    ["--set", "h" * 100_000],
    ["--" + "b" * 100_000],
    ["x" * 100_000],
    ["--decimals", "2" * 5000],
])
def test_a_huge_value_is_not_echoed_whole(capsys, args):
    assert main(args) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and err.startswith("gradstep run: error: ")
    assert len(err) < 400, err


def test_an_unknown_name_is_echoed_cut_to_forty_characters(capsys):
    assert main(["--function", "q" * 1000]) == 2
    err = capsys.readouterr().err
    assert "'" + "q" * 38 + "… (1,002 characters)" in err and "choose from quadratic" in err


@pytest.mark.parametrize(("name", "message"), [
    ("", "cannot write a file with an empty name"),
    ("out.csv/", "cannot write out.csv/: a name ending in / names a folder"),
    ("n" * 300 + ".csv", "file name too long"),
    ("a\0b.csv", "no file name can hold that character"),
])
def test_a_csv_name_that_names_no_file_is_refused(tmp_path, monkeypatch, capsys, name, message):
    monkeypatch.chdir(tmp_path)
    assert main(["--csv", name]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and message in err.lower() and len(err) < 250
    assert list(tmp_path.iterdir()) == []
