"""``gradstep sweep``: the learning-rate sweep without a screen, one row per learning rate."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from .cli_beyond import STOP_NAMES, Parser, common_arguments, configure, rounding_note_for, run_command
from .i18n import _
from .run import check_start
from .settings import START
from .sweep import COUNT, LR_MAX, LR_MIN, sweep_learning_rates
from .values import parse_number

__all__ = ["HEADER", "build_parser", "main"]

HEADER = ("lr", "x", "y", "f", "stop", "step")


def build_parser(prog: str = "gradstep sweep") -> argparse.ArgumentParser:
    parser = Parser(prog=prog, description=_("Run one optimizer from one start at log-spaced learning rates (all "
                                             "at once) and print where each ends: lr, final x, y, f, why it stopped "
                                             "and at which step."),
                    epilog=_("Example: {command}").format(command="gradstep sweep --function rosenbrock --optimizer "
                                                          "adam --start -1.2 1 --steps 1000 --csv sweep.csv"))
    common_arguments(parser, steps=1000)
    parser.add_argument("--start", nargs=2, metavar=("X", "Y"), help=_("start point (default: the function's)"))
    parser.add_argument("--lr-min", default=str(LR_MIN.default), metavar="A",
                        help=_("smallest learning rate (default: {lr})").format(lr=f"{LR_MIN.default:g}"))
    parser.add_argument("--lr-max", default=str(LR_MAX.default), metavar="B",
                        help=_("largest learning rate (default: {lr})").format(lr=f"{LR_MAX.default:g}"))
    parser.add_argument("--count", default=str(COUNT.default), metavar="K",
                        help=_("how many learning rates (default: {count})").format(count=COUNT.default))
    return parser


def _sweep(args):
    function, optimizer, steps, decimals, tol = configure(args, refused=("lr",))
    start = function.start if args.start is None else check_start(
        (parse_number(args.start[0], f"{START.label_text} x"), parse_number(args.start[1], f"{START.label_text} y")))
    result = sweep_learning_rates(function, optimizer, start, steps, LR_MIN.parse(args.lr_min),
                                  LR_MAX.parse(args.lr_max), COUNT.parse(args.count), decimals=decimals, tol=tol)
    rows = [[float(lr), float(p[0]), float(p[1]), float(f), STOP_NAMES[code], int(step)]
            for lr, p, f, code, step in zip(result.lr, result.params, result.f, result.stop, result.stop_step,
                                            strict=True)]
    return HEADER, rows, rounding_note_for(optimizer, args)


def main(argv: Sequence[str] | None = None, prog: str = "gradstep sweep") -> int:
    """Run the command; returns the exit status."""
    return run_command(build_parser(prog), _sweep, argv)
