"""Standard output full or closed, and the run streamed in chunks: same bytes, memory that does not grow."""

import io
import os
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

from core.cli import main
from core.cli_output import CHUNK, TableWriter, stream_steps
from core.functions import get_function
from core.optimizers import SGD, AdaGrad, Adam, Momentum, Nesterov, RMSProp
from core.run import Run
from core.trajectory_csv import RowWriter, write_csv_stream

ROOT = Path(__file__).resolve().parents[2]
COMMAND = [sys.executable, str(ROOT / "main.py"), "run"]


def _run_with(stdout, *args, **options):
    return subprocess.run([*COMMAND, *args], stdout=stdout, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                          timeout=120, **options)


def _one_line(stderr: str, message: str) -> None:
    assert stderr == f"gradstep run: error: {message}\n"


@pytest.mark.parametrize("args", [[], ["--csv", "-"], ["--list"], ["--help"], ["--steps", "100000"]])
def test_a_full_standard_output_is_a_one_line_error(args):
    with open("/dev/full", "w") as full:
        done = _run_with(full, *args)
    assert done.returncode == 1
    _one_line(done.stderr, "cannot write to standard output: no space left on device")


@pytest.mark.parametrize("args", [[], ["--csv", "-"], ["--list"]])
def test_a_closed_standard_output_is_a_one_line_error(args):
    done = _run_with(None, *args, preexec_fn=lambda: os.close(1))
    assert done.returncode == 1
    _one_line(done.stderr, "cannot write to standard output: it is closed")


def test_without_standard_output_quiet_runs_and_files_are_written(tmp_path):
    quiet = _run_with(None, "--quiet", "--set", "lr=1.5", preexec_fn=lambda: os.close(1))
    assert quiet.returncode == 0 and quiet.stderr == ""
    target = tmp_path / "out.csv"
    written = _run_with(None, "--csv", str(target), preexec_fn=lambda: os.close(1))
    assert written.returncode == 0 and written.stderr == f"wrote steps 0..10 to {target}\n"
    assert len(target.read_text(encoding="utf-8").splitlines()) == 12


def test_a_closed_standard_error_keeps_the_status():
    done = subprocess.run([*COMMAND, "--steps", "x"], capture_output=True, cwd=ROOT, timeout=60,
                          preexec_fn=lambda: os.close(2))
    assert done.returncode == 2 and done.stdout == b""


def _runs():
    quad, rosen = get_function("quadratic"), get_function("rosenbrock")
    return [Run(rosen, Adam(lr=0.01), (-1.2, 1.0), max_steps=1000, tol=0.0, name="adam"),
            Run(quad, Nesterov(lr=0.2, momentum=0.8), decimals=4, max_steps=300, name="n"),
            Run(quad, RMSProp(lr=0.9, gamma=0.75), decimals=4, max_steps=300, name="r"),
            Run(quad, AdaGrad(lr=10), max_steps=300, name="a"),
            Run(quad, SGD(lr=1.5), max_steps=1000, name="diverges"),
            Run(quad, Momentum(lr=0.1), (3.0, -2.0), max_steps=5000, tol=1e-6, name="converges")]


@pytest.mark.parametrize("index", range(6))
@pytest.mark.parametrize("chunk", [1, 7, 64])
def test_a_streamed_csv_is_the_unstreamed_one_byte_for_byte(index, chunk):
    whole, streamed = _runs()[index], _runs()[index]
    whole.advance(whole.max_steps)
    expected = io.StringIO()
    write_csv_stream([whole], expected)
    text = io.StringIO()
    stream_steps(streamed, streamed.max_steps, RowWriter(streamed, text).write, chunk=chunk)
    assert text.getvalue() == expected.getvalue()
    assert streamed.stop == whole.stop and streamed.step == whole.step


def test_the_command_streams_a_long_run_as_one_csv(capsys):
    steps = 2 * CHUNK + 1234
    assert main(["--optimizer", "momentum", "--steps", str(steps), "--tol", "0", "--csv", "-"]) == 0
    out = capsys.readouterr().out
    whole = Run(get_function("quadratic"), Momentum(), max_steps=steps, tol=0.0, name="run1")
    whole.advance(steps)
    expected = io.StringIO()
    write_csv_stream([whole], expected)
    assert out == expected.getvalue()


def test_the_history_held_stays_small_however_long_the_run():
    steps, chunk = 200_000, 1000
    run = Run(get_function("rosenbrock"), Adam(lr=0.01), (-1.2, 1.0), max_steps=steps, tol=0.0)
    held, written = [], []

    def write(block, first):
        held.append((len(run.history) - run.history.first, run.history.capacity))
        written.append((first, len(block)))

    stream_steps(run, steps, write, chunk=chunk)
    assert written[0] == (0, chunk + 1) and sum(n for _, n in written) == steps + 1
    assert all(first == previous + n for (previous, n), (first, _) in pairwise(written))
    assert max(rows for rows, _ in held) == 2  # after each drain, the last two rows only
    assert max(capacity for _, capacity in held) <= 4 * chunk  # not the 200,001 rows of the run


def _reference_table(run: Run) -> str:
    """The table as the command printed it before streaming: every column as wide as its widest cell."""
    history = run.history
    columns = ["x", "y", "f", "grad_x", "grad_y", *(f"{n}_{a}" for n in run.optimizer.fields for a in "xy")]
    data = history.array(columns).tolist()
    cells = [["step", *columns]]
    for k, row in enumerate(data):
        cells.append([str(k)] + [f"{v:.{run.decimals}f}" if c == "f" and run.decimals is not None else repr(v)
                                 for c, v in zip(columns, row, strict=True)])
    widths = [max(len(r[j]) for r in cells) for j in range(len(columns) + 1)]
    return "".join("  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)) + "\n" for r in cells)


@pytest.mark.parametrize("index", range(6))
def test_a_table_of_one_chunk_is_the_table_of_old(index):
    whole, streamed = _runs()[index], _runs()[index]
    whole.advance(whole.max_steps)
    text = io.StringIO()
    stream_steps(streamed, streamed.max_steps, TableWriter(streamed, text).write)
    assert text.getvalue() == _reference_table(whole)


def test_a_table_of_many_chunks_only_widens_and_keeps_every_value():
    whole, streamed = _runs()[0], _runs()[0]
    whole.advance(whole.max_steps)
    text = io.StringIO()
    stream_steps(streamed, streamed.max_steps, TableWriter(streamed, text).write, chunk=50)
    lines = text.getvalue().splitlines()
    assert lines[0].split() == ["step", "x", "y", "f", "grad_x", "grad_y", "m_x", "m_y", "v_x", "v_y"]
    lengths = [len(line) for line in lines[1:]]
    assert lengths == sorted(lengths)  # a column widens where a longer cell first appears, never narrows
    expected = whole.history.array(("x", "y", "f", "grad_x", "grad_y", "m_x", "m_y", "v_x", "v_y")).tolist()
    assert [[float(c) for c in line.split()[1:]] for line in lines[1:]] == expected

