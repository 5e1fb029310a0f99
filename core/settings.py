"""The settings of a run besides its optimizer, declared once: rounding, step limit, tolerance, start, name.

The command line, the window's panels and the lesson and session files all check these values through
the declarations here (see `core.values`), so each refusal is written once and reads the same everywhere.
Labels and meanings are marked for translation (``N_``) and shown through ``label_text``, ``meaning_text``
and ``off_text``.
"""

from __future__ import annotations

from .i18n import N_
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

DECIMALS = Whole("decimals", N_("decimals"), None, 0, MAX_DECIMALS, off=N_("no rounding"),
                 meaning=N_("lecture-notes rounding: round to this many decimals where the notes' code does"))
MAX_STEPS = Whole("max_steps", N_("the step limit"), DEFAULT_MAX_STEPS, 0, MAX_STEPS_LIMIT,
                  meaning=N_("a run stops after this many updates"))
TOL = Number("tol", N_("the tolerance"), DEFAULT_TOL, 0.0,
             meaning=N_("a run has converged when the gradient norm and its last step are both below this; "
                        "0 never stops early"))
START = Point("start", N_("start"), DIVERGENCE_BOUND, meaning=N_("where a run starts"))
VIEW = Box("view", N_("the view"), DIVERGENCE_BOUND, meaning=N_("the part of the plane the contour plot shows"))
RUN_NAME = Text("name", N_("a run's name"), 60)
TITLE = Text("title", N_("a title"), 200)
DESCRIPTION = Text("description", N_("a description"), 4000, multiline=True, allow_empty=True)
