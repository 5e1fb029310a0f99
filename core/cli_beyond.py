"""What the headless commands gain beyond the notes, and what ``gradstep sweep`` and ``gradstep basin`` share.

``gradstep run`` gets ``--schedule``, ``--noise`` and ``--seed`` through `add_run_options` and
`apply_run_options` (core/cli.py calls both), and `list_lines` for ``--list``.  The sweep and basin
commands (core/cli_sweep.py, core/cli_basin.py) build their parsers from `common_arguments`, read them
with `configure`, and print or write their rows with `emit`.  Bad input: one line on standard error and
status 2; a file that cannot be written: status 1 and no file left behind.  Texts are in the current
language (`core.i18n`); the rows, their header and the stop names are data and stay as they are.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from collections.abc import Callable, Sequence

from .atomic import FileError, atomic_write, check_writable
from .cli_args import HelpFormatter
from .functions import FUNCTIONS, get_function
from .hyper import InvalidValue, parse_number
from .i18n import _
from .noise import SEED, Noise
from .numerics import MAX_DECIMALS
from .optimizers import OPTIMIZERS, get_optimizer
from .schedules import SCHEDULES, WARMUP, Schedule
from .settings import DECIMALS, DEFAULT_TOL, MAX_STEPS, TOL

__all__ = ["STOP_NAMES", "Parser", "add_run_options", "apply_run_options", "common_arguments", "configure", "emit",
           "error_line", "list_lines", "rounding_note_for", "run_command"]

#: How the sweep and basin rows name a stop code of `core.batch`.
STOP_NAMES = ("step-limit", "converged", "diverged")


def error_line(prog: str, message) -> str:
    """``gradstep run: error: <message>``, in the current language."""
    return _("{prog}: error: {message}").format(prog=prog, message=message)


class Parser(argparse.ArgumentParser):
    """argparse, but an error is one line on stderr (no usage block), as every other error here; the help
    texts in the current language (argparse's own error messages stay as argparse words them)."""

    def __init__(self, **kwargs):
        super().__init__(add_help=False, formatter_class=HelpFormatter, **kwargs)
        self.add_argument("-h", "--help", action="help", help=_("show this help message and exit"))

    def error(self, message):
        self.exit(2, error_line(self.prog, message) + "\n")


def add_run_options(parser: argparse.ArgumentParser) -> None:
    """--schedule, --noise and --seed."""
    parser.add_argument("--schedule", metavar="NAME[:KEY=VALUE,...]",
                        help=_("learning-rate schedule: {schedules}, e.g. cosine:t_max=100,warmup=10 (see --list)")
                        .format(schedules=", ".join(SCHEDULES)))
    parser.add_argument("--noise", metavar="SIGMA",
                        help=_("add Gaussian noise of standard deviation SIGMA to every gradient (0: none)"))
    parser.add_argument("--seed", default="0", metavar="N", help=_("the noise's seed (default: 0)"))


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
        return _("note: {note}").format(note=optimizer.rounding_note())
    return None


def _parameter_line(p) -> str:
    return f"    {p.name:<10} " + _("default {default} range {range} {meaning}").format(
        default=f"{p.default:<8g}", range=f"{p.range_text:<22}", meaning=p.meaning_text)


def list_lines() -> list[str]:
    """The schedules and their parameters, for ``--list``."""
    lines = ["", _("Learning-rate schedules (--schedule NAME:KEY=VALUE,...; k is the update, from 1):")]
    for kind in SCHEDULES.values():
        lines.append(f"  {kind.name:<13} {kind.formula}" + (f"   ({_(kind.source)})" if kind.source else ""))
        lines += [_parameter_line(p) for p in kind.params]
    any_of_them = _("any of them")  # (not inside the f-string: Python < 3.12 hides it there from the extractor)
    lines.append(f"  {any_of_them:<12} {WARMUP.name}=K: {WARMUP.meaning_text}")
    lines.append("")
    lines.append(_("Noise: --noise SIGMA adds σ·z to the gradient, z standard normal from --seed N and the step."))
    return lines


def hyperparameters(cls, settings: Sequence[str], refused: Sequence[str] = ()) -> dict[str, float]:
    values = {}
    for item in settings:
        name, sep, text = item.partition("=")
        if not sep or not name.strip():
            raise InvalidValue(_("--set expects NAME=VALUE, got {value}").format(value=repr(item)))
        hyper = cls.hyper(name.strip())
        if hyper.name in refused:
            raise InvalidValue(_("--set {name}: this command sets {name} itself").format(name=hyper.name))
        values[hyper.name] = hyper.check(parse_number(text, hyper.name))
    return values


def common_arguments(parser: argparse.ArgumentParser, steps: int) -> None:
    """--function, --optimizer, --set, --steps, --decimals, --tol, --csv and the run options."""
    parser.add_argument("--function", default="quadratic", metavar="NAME",
                        help=_("test function: {functions} (default: quadratic)").format(
                            functions=", ".join(FUNCTIONS)))
    parser.add_argument("--optimizer", default="sgd", metavar="NAME",
                        help=_("one of {optimizers}").format(optimizers=", ".join(OPTIMIZERS)))
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", dest="settings",
                        help=_("set a hyperparameter (repeatable)"))
    parser.add_argument("--steps", default=str(steps), metavar="N",
                        help=_("updates per run (default: {steps})").format(steps=steps))
    parser.add_argument("--decimals", metavar="D",
                        help=_("lecture-notes rounding, 0..{max_decimals} (default: off)").format(
                            max_decimals=MAX_DECIMALS))
    parser.add_argument("--tol", default=str(DEFAULT_TOL), metavar="TOL",
                        help=_("convergence tolerance (default: {tol}; 0 never stops early)").format(
                            tol=f"{DEFAULT_TOL:g}"))
    parser.add_argument("--csv", metavar="PATH", help=_("write CSV instead of the table ('-' for standard output)"))
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
    written = atomic_write(path, write)
    return _("wrote {count} rows to {path}").format(count=len(rows), path=written)


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
        print(error_line(parser.prog, error), file=sys.stderr)
        return 2
    except FileError as error:
        print(error_line(parser.prog, error), file=sys.stderr)
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
