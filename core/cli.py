"""``python main.py run``: step an optimizer without a screen, print the table, write CSV.

Bad input ends the program with status 2 and one line on standard error naming the problem; a file
that cannot be written, with status 1.  A run that diverges is not an error: it prints
``diverged at step N`` on standard error, keeps its finite steps and exits 0.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from .atomic import FileError, check_writable
from .cli_beyond import add_run_options, apply_run_options, list_lines
from .functions import FUNCTIONS, get_function
from .hyper import InvalidValue, parse_number
from .numerics import MAX_DECIMALS
from .optimizers import OPTIMIZERS, get_optimizer
from .run import DEFAULT_TOL, Run, StopReason
from .trajectory_csv import header_for, write_csv, write_csv_stream

__all__ = ["MAX_STEPS", "build_parser", "main"]

#: Enough for any lesson; a bound so that a typo cannot ask for more memory than the machine has.
MAX_STEPS = 10_000_000


class _Parser(argparse.ArgumentParser):
    """argparse, but an error is one line on stderr (no usage block), as every other error here."""

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser(prog: str = "gradstep run") -> argparse.ArgumentParser:
    parser = _Parser(
        prog=prog,
        description="Step a gradient-descent optimizer on a 2-D test function and print every step.",
        epilog="Example (the lecture notes' Nesterov table): gradstep run --optimizer nesterov "
               "--set lr=0.2 --set momentum=0.8 --decimals 4")
    parser.add_argument("--function", default="quadratic", metavar="NAME",
                        help="test function (default: quadratic); see --list")
    parser.add_argument("--optimizer", default="sgd", metavar="NAME",
                        help=f"one of {', '.join(OPTIMIZERS)} (default: sgd)")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", dest="settings",
                        help="set a hyperparameter, e.g. --set lr=0.5 (repeatable)")
    parser.add_argument("--start", nargs=2, default=("0", "0"), metavar=("X", "Y"),
                        help="start point (default: 0 0)")
    parser.add_argument("--steps", default="10", metavar="N", help="number of steps (default: 10)")
    parser.add_argument("--decimals", default=None, metavar="D",
                        help=f"lecture-notes rounding to D decimals, 0..{MAX_DECIMALS} (default: off)")
    parser.add_argument("--tol", default=str(DEFAULT_TOL), metavar="TOL",
                        help=f"stop when the gradient norm and the last step are below TOL "
                             f"(default: {DEFAULT_TOL:g}; 0 never stops early)")
    parser.add_argument("--csv", metavar="PATH",
                        help="write the trajectory as CSV instead of the table ('-' for standard output)")
    parser.add_argument("--quiet", action="store_true", help="print no table and no progress messages")
    parser.add_argument("--list", action="store_true", help="list functions and optimizers, then exit")
    add_run_options(parser)
    return parser


def _whole(text: str, what: str, low: int, high: int) -> int:
    try:
        value = int(str(text).strip())
    except ValueError:
        raise InvalidValue(f"{what} must be a whole number, got {text!r}") from None
    if not low <= value <= high:
        raise InvalidValue(f"{what} must be between {low} and {high:,}, got {value}")
    return value


def _hyperparameters(cls, settings: Sequence[str]) -> dict[str, float]:
    values = {}
    for item in settings:
        name, sep, text = item.partition("=")
        if not sep or not name.strip():
            raise InvalidValue(f"--set expects NAME=VALUE, got {item!r}")
        hyper = cls.hyper(name.strip())
        values[hyper.name] = hyper.check(parse_number(text, hyper.name))
    return values


def _configure(args) -> tuple[Run, int]:
    function = get_function(args.function)
    cls = get_optimizer(args.optimizer)
    optimizer = apply_run_options(cls(**_hyperparameters(cls, args.settings)), args)
    start = (parse_number(args.start[0], "start x"), parse_number(args.start[1], "start y"))
    steps = _whole(args.steps, "--steps", 0, MAX_STEPS)
    decimals = None if args.decimals is None else _whole(args.decimals, "--decimals", 0, MAX_DECIMALS)
    tol = parse_number(args.tol, "--tol")
    if tol < 0:
        raise InvalidValue(f"--tol must be ≥ 0, got {args.tol}")
    return Run(function, optimizer, start, decimals=decimals, max_steps=steps, tol=tol, name="run1"), steps


def _fmt(value: float) -> str:
    return repr(float(value))


def format_table(run: Run) -> str:
    """The readable step table: one row per step, every column of the CSV after ``step``."""
    columns = header_for([run])[4:]
    data = run.history.array(columns).tolist()
    f_index = columns.index("f")
    decimals = run.decimals

    def cell(j, v):
        return f"{v:.{decimals}f}" if j == f_index and decimals is not None else _fmt(v)

    rows = [[str(k)] + [cell(j, v) for j, v in enumerate(row)] for k, row in enumerate(data)]
    head = ["step", *columns]
    widths = [max(len(head[j]), *(len(r[j]) for r in rows)) for j in range(len(head))]
    lines = ["  ".join(h.rjust(w) for h, w in zip(head, widths, strict=True))]
    lines += ["  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(lines) + "\n"


def format_list() -> str:
    lines = ["Functions (--function):"]
    for fn in FUNCTIONS.values():
        x0, x1, y0, y1 = fn.view
        minima = ", ".join(f"({x:.6g}, {y:.6g})" for x, y in fn.minima) or "none"
        lines.append(f"  {fn.name:<16} {fn.formula}")
        lines.append(f"  {'':<16} view x {x0:g}..{x1:g}, y {y0:g}..{y1:g}; minima {minima}"
                     + (f", f = {fn.minimum:.6g}" if fn.minimum is not None else ""))
    lines.append("")
    lines.append("Optimizers (--optimizer) and their hyperparameters (--set NAME=VALUE):")
    for cls in OPTIMIZERS.values():
        lines.append(f"  {cls.name:<10} {'; '.join(cls.formula)}")
        for h in cls.hypers:
            lines.append(f"    {h.name:<9} {h.symbol:<3} default {h.default:<8g} range {h.range_text:<22} "
                         f"{h.meaning}")
    lines += list_lines()
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None, prog: str = "gradstep run") -> int:
    """Run the command; returns the exit status."""
    parser = build_parser(prog)
    args = parser.parse_args(argv)
    try:
        return _main(args, parser.prog)
    except BrokenPipeError:
        # the reader went away (``| head``): stop quietly, as command-line tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130


def _main(args, prog: str) -> int:
    if args.list:
        sys.stdout.write(format_list())
        return 0
    try:
        run, steps = _configure(args)
        if args.csv and args.csv != "-":
            check_writable(args.csv)
    except (InvalidValue, FileError) as error:
        print(f"{prog}: error: {error}", file=sys.stderr)
        return 2 if isinstance(error, InvalidValue) else 1
    run.advance(steps)
    if args.csv == "-":
        write_csv_stream([run], sys.stdout)
    elif args.csv:
        try:
            path = write_csv([run], args.csv)
        except FileError as error:
            print(f"{prog}: error: {error}", file=sys.stderr)
            return 1
        if not args.quiet:
            print(f"wrote steps 0..{run.step} to {path}", file=sys.stderr)
    elif not args.quiet:
        sys.stdout.write(format_table(run))
    if run.stop is not None and run.stop.reason is not StopReason.STEP_LIMIT:
        print(str(run.stop), file=sys.stderr)
    sys.stdout.flush()
    return 0
