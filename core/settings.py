"""The settings of a run besides its optimizer, declared once: rounding, step limit, tolerance, start, name.

The command line, the window's panels and the lesson and session files all check these values through
the declarations here (see `core.values`), so each refusal is written once and reads the same everywhere.
"""

from __future__ import annotations

from .numerics import MAX_DECIMALS
from .values import Box, Number, Point, Text, Whole

__all__ = ["DECIMALS", "DEFAULT_MAX_STEPS", "DEFAULT_TOL", "DESCRIPTION", "DIVERGENCE_BOUND", "MAX_STEPS",
           "MAX_STEPS_LIMIT", "RUN_NAME", "START", "TITLE", "TOL", "VIEW"]

#: A coordinate beyond this magnitude counts as divergence, long before anything overflows.
DIVERGENCE_BOUND = 1e10
DEFAULT_TOL = 1e-8
DEFAULT_MAX_STEPS = 1000
#: Enough for any lesson; a bound so that a typo cannot ask for more time or disk than the machine has.
MAX_STEPS_LIMIT = 10_000_000

DECIMALS = Whole("decimals", "decimals", None, 0, MAX_DECIMALS, off="no rounding",
                 meaning="lecture-notes rounding: round to this many decimals where the notes' code does")
MAX_STEPS = Whole("max_steps", "the step limit", DEFAULT_MAX_STEPS, 0, MAX_STEPS_LIMIT,
                  meaning="a run stops after this many updates")
TOL = Number("tol", "the tolerance", DEFAULT_TOL, 0.0,
             meaning="a run has converged when the gradient norm and its last step are both below this; "
                     "0 never stops early")
START = Point("start", "start", DIVERGENCE_BOUND, meaning="where a run starts")
VIEW = Box("view", "the view", DIVERGENCE_BOUND, meaning="the part of the plane the contour plot shows")
RUN_NAME = Text("name", "a run's name", 60)
TITLE = Text("title", "a title", 200)
DESCRIPTION = Text("description", "a description", 4000, multiline=True, allow_empty=True)
