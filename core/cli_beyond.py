"""What the headless commands gain beyond the notes, and what ``gradstep sweep`` and ``gradstep basin`` share.

``gradstep run`` gets ``--schedule``, ``--noise`` and ``--seed`` through `add_run_options` and
`apply_run_options` (core/cli.py calls both), and `list_lines` for ``--list``.  The sweep and basin
commands (core/cli_sweep.py, core/cli_basin.py) build their parsers from `common_arguments`, read them
with `configure`, and print or write their rows with `emit`.  Bad input: one line on standard error and
status 2; a file that cannot be written: status 1 and no file left behind.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from collections.abc import Callable, Sequence

from .atomic import FileError, atomic_write, check_writable
from .functions import FUNCTIONS, get_function
from .hyper import InvalidValue, parse_number
from .noise import SEED, Noise
from .numerics import MAX_DECIMALS
from .optimizers import OPTIMIZERS, get_optimizer
from .schedules import SCHEDULES, WARMUP, Schedule
from .settings import DECIMALS, DEFAULT_TOL, MAX_STEPS, TOL

__all__ = ["STOP_NAMES", "Parser", "add_run_options", "apply_run_options", "common_arguments", "configure", "emit",
           "list_lines", "rounding_note_for", "run_command"]

#: How the sweep and basin rows name a stop code of `core.batch`.
STOP_NAMES = ("step-limit", "converged", "diverged")


class Parser(argparse.ArgumentParser):
    """argparse, but an error is one line on stderr (no usage block), as every other error here."""

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message}\n")


def add_run_options(parser: argparse.ArgumentParser) -> None:
    """--schedule, --noise and --seed."""
    parser.add_argument("--schedule", metavar="NAME[:KEY=VALUE,...]",
                        help=f"learning-rate schedule: {', '.join(SCHEDULES)}, e.g. cosine:t_max=100,warmup=10 "
                             "(see --list)")
    parser.add_argument("--noise", metavar="SIGMA", help="add Gaussian noise of standard deviation SIGMA to every "
                        "gradient (0: none)")
    parser.add_argument("--seed", default="0", metavar="N", help="the noise's seed (default: 0)")


def apply_run_options(optimizer, args):
    """The optimizer with the schedule and noise that ``args`` ask for; InvalidValue names a bad one.
    (With --decimals for an optimizer the notes' rounding does not apply to, see `rounding_note_for`.)"""
    schedule = Schedule.parse(args.schedule) if args.schedule else None
    seed = SEED.parse(args.seed)
    noise = None
    if args.noise is not None:
        sigma = parse_number(args.noise, "--noise")
        noise = Noise(sigma, seed) if sigma != 0 else None
    return optimizer.replace(schedule=schedule, noise=noise)


def rounding_note_for(optimizer, args) -> str | None:
    """What to say when --decimals asks for the notes' rounding of an optimizer it does not apply to (it
    goes on unrounded); None otherwise or with --quiet.  The commands say it once their work is done, so
    that a refusal, of a value or of a file that cannot be written, stays the one line on standard error."""
    if getattr(args, "decimals", None) is not None and not optimizer.notes_rounding and not getattr(args, "quiet", 0):
        return f"note: {optimizer.rounding_note()}"
    return None


def list_lines() -> list[str]:
    """The schedules and their parameters, for ``--list``."""
    lines = ["", "Learning-rate schedules (--schedule NAME:KEY=VALUE,...; k is the update, from 1):"]
    for kind in SCHEDULES.values():
        lines.append(f"  {kind.name:<13} {kind.formula}" + (f"   ({kind.source})" if kind.source else ""))
        for p in kind.params:
            lines.append(f"    {p.name:<10} default {p.default:<8g} range {p.range_text:<22} {p.meaning}")
    lines.append(f"  any of them  {WARMUP.name}=K: {WARMUP.meaning}")
    lines.append("")
    lines.append("Noise: --noise SIGMA adds σ·z to the gradient, z standard normal from --seed N and the step.")
    return lines


def hyperparameters(cls, settings: Sequence[str], refused: Sequence[str] = ()) -> dict[str, float]:
    values = {}
    for item in settings:
        name, sep, text = item.partition("=")
        if not sep or not name.strip():
            raise InvalidValue(f"--set expects NAME=VALUE, got {item!r}")
        hyper = cls.hyper(name.strip())
        if hyper.name in refused:
            raise InvalidValue(f"--set {hyper.name}: this command sets {hyper.name} itself")
        values[hyper.name] = hyper.check(parse_number(text, hyper.name))
    return values


def common_arguments(parser: argparse.ArgumentParser, steps: int) -> None:
    """--function, --optimizer, --set, --steps, --decimals, --tol, --csv and the run options."""
    parser.add_argument("--function", default="quadratic", metavar="NAME",
                        help=f"test function: {', '.join(FUNCTIONS)} (default: quadratic)")
    parser.add_argument("--optimizer", default="sgd", metavar="NAME", help=f"one of {', '.join(OPTIMIZERS)}")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", dest="settings",
                        help="set a hyperparameter (repeatable)")
    parser.add_argument("--steps", default=str(steps), metavar="N", help=f"updates per run (default: {steps})")
    parser.add_argument("--decimals", metavar="D", help=f"lecture-notes rounding, 0..{MAX_DECIMALS} (default: off)")
    parser.add_argument("--tol", default=str(DEFAULT_TOL), metavar="TOL",
                        help=f"convergence tolerance (default: {DEFAULT_TOL:g}; 0 never stops early)")
    parser.add_argument("--csv", metavar="PATH", help="write CSV instead of the table ('-' for standard output)")
    add_run_options(parser)


def configure(args, refused: Sequence[str] = ()):
    """(function, optimizer, steps, decimals, tol) from the common arguments; InvalidValue if one is bad."""
    function = get_function(args.function)
    cls = get_optimizer(args.optimizer)
    optimizer = apply_run_options(cls(**hyperparameters(cls, args.settings, refused)), args)
    steps = MAX_STEPS.parse(args.steps)
    decimals = None if args.decimals is None else DECIMALS.parse(args.decimals)
    return function, optimizer, steps, decimals, TOL.parse(args.tol)


def _cell(value) -> str:
    return repr(float(value)) if isinstance(value, float) else str(value)


def emit(header: Sequence[str], rows: list[list], path: str | None) -> str | None:
    """Print the rows as a table, or write them as CSV to ``path`` ('-': standard output); returns a
    message for standard error when a file was written."""
    cells = [[_cell(v) for v in row] for row in rows]
    if path is None:
        widths = [max(len(h), *(len(r[j]) for r in cells)) if cells else len(h) for j, h in enumerate(header)]
        lines = ["  ".join(c.rjust(w) for c, w in zip(line, widths, strict=True)) for line in [list(header), *cells]]
        sys.stdout.write("\n".join(lines) + "\n")
        return None

    def write(stream):
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(cells)
    if path == "-":
        write(sys.stdout)
        return None
    return f"wrote {len(rows)} rows to {atomic_write(path, write)}"


def run_command(parser: argparse.ArgumentParser, body: Callable, argv) -> int:
    """Parse, check the CSV target, run ``body(args)`` (which returns the rows' header, the rows and a note
    for standard error, or None) and print or write the result; returns the exit status."""
    args = parser.parse_args(argv)
    try:
        if args.csv and args.csv != "-":
            check_writable(args.csv)
        header, rows, note = body(args)
        message = emit(header, rows, args.csv)
    except InvalidValue as error:
        print(f"{parser.prog}: error: {error}", file=sys.stderr)
        return 2
    except FileError as error:
        print(f"{parser.prog}: error: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
    for line in (note, message):
        if line:
            print(line, file=sys.stderr)
    sys.stdout.flush()
    return 0
