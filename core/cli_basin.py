"""``gradstep basin``: the basin map without a screen, one row per start of the grid."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from .basin import GRID, basin_map
from .cli_beyond import STOP_NAMES, Parser, common_arguments, configure, rounding_note_for, run_command
from .i18n import _
from .values import parse_number

__all__ = ["HEADER", "build_parser", "main"]

HEADER = ("x0", "y0", "x", "y", "f", "stop", "step", "minimum")


def build_parser(prog: str = "gradstep basin") -> argparse.ArgumentParser:
    parser = Parser(prog=prog, description=_("Run one optimizer from every start of a grid over a box (all at "
                                             "once) and print where each ends: start, final x, y, f, why it "
                                             "stopped, at which step, and the index of the known minimum it "
                                             "reached (empty for none)."),
                    epilog=_("Example: {command}").format(command="gradstep basin --function himmelblau --optimizer "
                                                          "adam --set lr=0.1 --steps 500 --grid 200 --csv basins.csv"))
    common_arguments(parser, steps=500)
    parser.add_argument("--grid", default=str(GRID.default), metavar="G",
                        help=_("starts per side (default: {grid})").format(grid=GRID.default))
    parser.add_argument("--box", nargs=4, metavar=("XMIN", "XMAX", "YMIN", "YMAX"),
                        help=_("the box of starts (default: the function's view)"))
    parser.add_argument("--radius", metavar="R", help=_("how near a known minimum counts as reaching it "
                                                        "(default: 1%% of the box's larger side)"))
    parser.add_argument("--independent-noise", action="store_true",
                        help=_("give every start its own noise stream (default: all see the single run's)"))
    return parser


def _basin(args):
    function, optimizer, steps, decimals, tol = configure(args)
    box = None if args.box is None else tuple(parse_number(v, f"--box {name}")
                                              for v, name in zip(args.box, ("XMIN", "XMAX", "YMIN", "YMAX"),
                                                                 strict=True))
    radius = None if args.radius is None else parse_number(args.radius, "--radius")
    result = basin_map(function, optimizer, box, GRID.parse(args.grid), steps, radius=radius, decimals=decimals,
                       tol=tol, independent_noise=args.independent_noise)
    rows = []
    for (x0, y0), final, f, code, step, found in zip(
            result.starts, result.final.reshape(-1, 2), result.f.ravel(), result.stop.ravel(),
            result.stop_step.ravel(), result.minimum.ravel(), strict=True):
        rows.append([float(x0), float(y0), float(final[0]), float(final[1]), float(f), STOP_NAMES[code], int(step),
                     "" if found < 0 else int(found)])
    return HEADER, rows, rounding_note_for(optimizer, args)


def main(argv: Sequence[str] | None = None, prog: str = "gradstep basin") -> int:
    """Run the command; returns the exit status."""
    return run_command(build_parser(prog), _basin, argv)
