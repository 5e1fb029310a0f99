"""``python main.py run``: step an optimizer without a screen, print the table, write CSV.

Bad input ends the program with status 2 and one line on standard error naming the problem; a file
that cannot be written, with status 1.  A run that diverges is not an error: it prints
``diverged at step N`` on standard error, keeps its finite steps and exits 0.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from .atomic import FileError, check_writable
from .cli_args import build_parser, parse_arguments
from .functions import FUNCTIONS, get_function
from .optimizers import OPTIMIZERS, get_optimizer
from .run import Run, StopReason
from .settings import DECIMALS, MAX_STEPS, START, TOL
from .trajectory_csv import header_for, write_csv, write_csv_stream
from .values import InvalidValue, shown

__all__ = ["build_parser", "format_list", "format_table", "main"]


def _named(find, name: str):
    """``find(name)``, its refusal quoting ``name`` cut short: the lookups quote the name whole."""
    try:
        return find(name)
    except InvalidValue as error:
        raise InvalidValue(str(error).replace(repr(name), shown(name), 1)) from None


def _hyperparameters(cls, settings: Sequence[str]) -> dict[str, float]:
    values = {}
    for item in settings:
        name, sep, text = item.partition("=")
        if not sep or not name.strip():
            raise InvalidValue(f"--set expects NAME=VALUE, got {shown(item)}")
        hyper = _named(cls.hyper, name.strip())
        values[hyper.name] = hyper.parse(text)
    return values


def _configure(args) -> tuple[Run, int]:
    """The run the arguments describe and its number of steps; InvalidValue names the first bad value."""
    function = _named(get_function, args.function)
    cls = _named(get_optimizer, args.optimizer)
    optimizer = cls(**_hyperparameters(cls, args.settings))
    start = START.parse(*args.start)
    steps = MAX_STEPS.parse(args.steps)
    decimals = None if args.decimals is None else DECIMALS.parse(args.decimals)
    tol = TOL.parse(args.tol)
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
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None, prog: str = "gradstep run") -> int:
    """Run the command on ``argv`` (default: ``sys.argv[1:]``); returns the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        return _main(argv, prog)
    except BrokenPipeError:
        # the reader went away (``| head``): stop quietly, as command-line tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130


def _main(argv: list[str], prog: str) -> int:
    try:
        args = parse_arguments(argv)
        if args.help or args.list:
            sys.stdout.write(build_parser(prog).format_help() if args.help else format_list())
            return 0
        run, steps = _configure(args)
        if args.csv is not None and args.csv != "-":
            check_writable(args.csv)
    except (InvalidValue, FileError) as error:
        print(f"{prog}: error: {error}", file=sys.stderr)
        return 2 if isinstance(error, InvalidValue) else 1
    run.advance(steps)
    if args.csv == "-":
        write_csv_stream([run], sys.stdout)
    elif args.csv is not None:
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
