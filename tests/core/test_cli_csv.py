"""The CSV writer the window and the command share: the csv module's bytes, written a block at a time."""

import csv
import io

from core.functions import get_function
from core.optimizers import Adam, Nesterov, RMSProp
from core.run import Run
from core.trajectory_csv import RowWriter, write_csv_stream

QUAD = get_function("quadratic")


def _runs():
    return [Run(get_function("rosenbrock"), Adam(lr=0.01), (-1.2, 1.0), max_steps=300, tol=0.0, name="adam"),
            Run(QUAD, Nesterov(lr=0.2, momentum=0.8), decimals=4, max_steps=300, name="n"),
            Run(QUAD, RMSProp(lr=0.9, gamma=0.75), decimals=4, max_steps=300, name="r")]


def test_csv_rows_are_what_the_csv_module_writes_for_repr_floats():
    runs = _runs()
    for run in runs:
        run.advance(50)
    labels = ['a,"b"', " x\ny", ""]  # quoted, quoted over two lines, empty
    expected = io.StringIO()
    writer = csv.writer(expected, lineterminator="\n")
    # the state columns in order of first appearance: Adam's m and v, then RMSProp's h
    # then each run's settings: rounding, start, the union of the hyperparameters in order of appearance
    header = ["run", "optimizer", "function", "step", "x", "y", "f", "grad_x", "grad_y",
              "m_x", "m_y", "v_x", "v_y", "h_x", "h_y", "decimals", "start_x", "start_y", "lr", "beta1", "beta2",
              "eps", "momentum", "gamma"]
    writer.writerow(header)
    for run, label in zip(runs, labels, strict=True):
        settings = {"decimals": "" if run.decimals is None else str(run.decimals), "start_x": repr(run.start[0]),
                    "start_y": repr(run.start[1]), **{k: repr(v) for k, v in run.optimizer.values.items()}}
        for k in range(len(run.history)):
            row = {**{c: repr(v) for c, v in run.history.row(k).items()}, **settings}
            writer.writerow([label, run.optimizer.name, run.function.name, k, *(row.get(c, "") for c in header[4:])])
    text = io.StringIO()
    write_csv_stream(runs, text, labels)
    assert text.getvalue() == expected.getvalue()


def test_rows_written_block_by_block_are_the_whole_file():
    for whole, streamed in zip(_runs(), _runs(), strict=True):
        whole.advance(300)
        expected = io.StringIO()
        write_csv_stream([whole], expected)
        text = io.StringIO()
        writer = RowWriter(streamed, text)
        for n in (0, 1, 2, 50, 100, 147):  # the start alone, then blocks of every size
            streamed.advance(n)
            block = streamed.history.drain()
            writer.write(block, len(streamed.history) - len(block))
        assert len(streamed.history) - streamed.history.first == 2  # drained as it went
        assert text.getvalue() == expected.getvalue()
