"""The CSV format: header, row meaning, exact floats, several runs, atomic writes, clear read errors."""

import csv
import io
import os
from pathlib import Path

import numpy as np
import pytest

from core.atomic import FileError, atomic_write
from core.functions import get_function
from core.optimizers import SGD, Adam, Momentum, Nesterov
from core.run import Run
from core.trajectory_csv import read_csv, unique_labels, write_csv, write_csv_stream

QUAD = get_function("quadratic")


def _nesterov_run():
    run = Run(QUAD, Nesterov(lr=0.2, momentum=0.8), decimals=4, max_steps=10, name="nesterov")
    run.advance(10)
    return run


def test_header_and_rows_as_specified(tmp_path):
    path = write_csv([_nesterov_run()], tmp_path / "n.csv")
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "run,optimizer,function,step,x,y,f,grad_x,grad_y,v_x,v_y,decimals,start_x,start_y,lr,momentum"
    assert lines[1] == "nesterov,nesterov,quadratic,0,0.0,0.0,0.0,-4.0,-8.0,0.0,0.0,4,0.0,0.0,0.2,0.8"
    # row 1: the point after one update (the notes' 1.4400000000000002), f there, the gradient there
    assert lines[2].startswith("nesterov,nesterov,quadratic,1,1.4400000000000002,2.8800000000000003,")
    assert ",1.76,-0.8," in lines[2]
    assert len(lines) == 12 and text.endswith("\n") and "\r" not in text


def test_round_trip_is_exact(tmp_path):
    run = Run(get_function("rosenbrock"), Adam(lr=0.01), (-1.2, 1.0), max_steps=500, tol=0.0, name="adam")
    run.advance(500)
    (back,) = read_csv(write_csv([run], tmp_path / "a.csv"))
    assert back.label == "adam" and back.optimizer == "adam" and back.function == "rosenbrock"
    assert back.steps.tolist() == list(range(501))
    for column in ("x", "y", "f", "grad_x", "grad_y", "m_x", "m_y", "v_x", "v_y"):
        assert np.array_equal(back.columns[column], run.history.column(column)), column
    assert "t" not in back.columns


def test_several_runs_share_one_header_with_unique_labels():
    runs = [Run(QUAD, SGD(lr=0.1), name="Run"), Run(QUAD, Momentum(), name="Run"), Run(QUAD, Adam(), name="Run")]
    for r in runs:
        r.advance(3)
    stream = io.StringIO()
    write_csv_stream(runs, stream)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    header = stream.getvalue().splitlines()[0].split(",")
    assert header[9:13] == ["v_x", "v_y", "m_x", "m_y"]  # union, in order of first appearance
    assert header[13:] == ["decimals", "start_x", "start_y", "lr", "momentum", "beta1", "beta2", "eps"]
    assert [r["run"] for r in rows[::4]] == ["Run", "Run (2)", "Run (3)"]
    assert rows[0]["v_x"] == "" and rows[4]["v_x"] == "0.0" and rows[8]["m_x"] == "0.0" and rows[8]["v_x"] == "0.0"
    assert unique_labels(["a", "a", "a (2)"]) == ["a", "a (2)", "a (2) (2)"]


def test_a_failed_write_leaves_the_old_file_and_no_partial_file(tmp_path):
    target = tmp_path / "keep.csv"
    target.write_text("old content\n", encoding="utf-8")

    def half_then_fail(stream):
        stream.write("run,optimizer\npartial")
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        atomic_write(target, half_then_fail)
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert os.listdir(tmp_path) == ["keep.csv"]


def test_unwritable_targets_give_a_clear_error_and_no_file(tmp_path):
    run = _nesterov_run()
    with pytest.raises(FileError, match="does not exist"):
        write_csv([run], tmp_path / "missing" / "x.csv")
    with pytest.raises(FileError, match="is a folder"):
        write_csv([run], tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        # root ignores folder permissions; /proc refuses new files even to root
        target = Path("/proc/gradstep.csv") if os.access(locked, os.W_OK) else locked / "x.csv"
        with pytest.raises(FileError, match="cannot write"):
            write_csv([run], target)
    finally:
        locked.chmod(0o700)
    assert os.listdir(locked) == []


def test_new_files_get_ordinary_permissions(tmp_path):
    path = write_csv([_nesterov_run()], tmp_path / "p.csv")
    mask = os.umask(0)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask


@pytest.mark.parametrize(("content", "message"), [
    ("", "not a GradStep trajectory header"),
    ("a,b,c\n1,2,3\n", "not a GradStep trajectory header"),
    ("run,optimizer,function,step,x,y,f,grad_x,grad_y\nr,sgd,quadratic,0,1.0\n", "line 2 has 5 cells"),
    ("run,optimizer,function,step,x,y,f,grad_x,grad_y\nr,sgd,quadratic,zero,1,1,1,1,1\n", "step 'zero'"),
    ("run,optimizer,function,step,x,y,f,grad_x,grad_y\nr,sgd,quadratic,0,1,x,1,1,1\n", "column y"),
    ("run,optimizer,function,step,x,y,f,grad_x,grad_y\nr,sgd,quadratic,0,1,nan,1,1,1\n", "not finite"),
])
def test_malformed_files_are_refused_with_the_line(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FileError, match=message):
        read_csv(path)


def test_unreadable_files_are_refused(tmp_path):
    with pytest.raises(FileError, match="cannot read"):
        read_csv(tmp_path / "nope.csv")
    binary = tmp_path / "b.csv"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(FileError, match="UTF-8"):
        read_csv(binary)


def test_each_row_has_the_settings_that_made_it():
    run = Run(QUAD, SGD(lr=0.5), (1.0, -2.0), decimals=4, max_steps=10, name="s")
    run.advance(3)
    run.configure(optimizer=SGD(lr=0.25))  # updates 4 on use 0.25
    run.advance(3)
    stream = io.StringIO()
    write_csv_stream([run], stream)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert [row["lr"] for row in rows] == ["0.5"] * 4 + ["0.25"] * 3  # row 0: the settings of update 1
    assert {(row["decimals"], row["start_x"], row["start_y"]) for row in rows} == {("4", "1.0", "-2.0")}
