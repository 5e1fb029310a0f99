"""Two-dimensional test functions with analytic gradients.

Each is written once over ``(x, y, ops)``, where ``ops`` is `FloatOps` for a single point given as Python
floats and `ArrayOps` for numpy arrays of points (any shape), so the same code draws the contour grid,
steps a batch of thousands of starts, and steps one run at Python-float speed.

The lecture notes' function comes first, with their exact order of operations:
f(x, y) = x*x + y*y + x*y - 4x - 8y, gradient (2x + y - 4, 2y + x - 8).  The others are the classic
optimization test set (definitions as in Jamil & Yang, "A literature survey of benchmark functions for
global optimization problems", 2013, and Surjanovic & Bingham's Virtual Library of Simulation
Experiments); minima not at integer points were computed here with Newton's method to full precision.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from .hyper import InvalidValue
from .i18n import N_, _
from .numerics import ArrayOps, FloatOps

__all__ = ["EXPRESSION_PREFIX", "FUNCTIONS", "TYPED_IN_NOTE", "Objective", "file_stem", "get_function", "is_typed_in"]

#: get_function("expr:x^2 + 3*y^2") is a function typed in by a user (see core.expression); its name
#: starts with this, and the rest is the canonical text of the formula.
EXPRESSION_PREFIX = "expr:"
#: The note of a typed-in function, filled with its derivatives as shown (`Objective.derivatives`).
TYPED_IN_NOTE = N_("typed in; ∂f/∂x = {dx}, ∂f/∂y = {dy}")

_FLOAT = FloatOps()
_ARRAY = ArrayOps()


@dataclass(frozen=True)
class Objective:
    """A function of (x, y) to minimise, with what a lesson needs to show it.

    value(x, y, ops) -> f and grad(x, y, ops) -> (df/dx, df/dy) accept floats or arrays;
    view: (x_min, x_max, y_min, y_max), a box that shows the interesting part;
    minima: the known global (or, where marked, local) minimisers; minimum: f there (None if unbounded);
    start: a start point that makes a good first demonstration.

    ``title`` and ``note`` are English, as declared (a built-in's marked with ``N_``); a person reads them
    through `title_text` and `note_text`, in the current language.  A typed-in function's title is its
    formula and its note quotes its derivatives (``derivatives``, as the note shows them): only the
    note's fixed words are translated.
    """

    name: str
    title: str
    formula: str
    value: Callable = field(repr=False)
    grad: Callable = field(repr=False)
    view: tuple[float, float, float, float]
    minima: tuple[tuple[float, float], ...]
    minimum: float | None
    start: tuple[float, float]
    note: str = ""
    derivatives: tuple[str, ...] = field(default=(), repr=False)  # (∂f/∂x, ∂f/∂y): typed-in functions only

    def title_text(self) -> str:
        """The title as a person reads it, in the current language ("Saddle": "안장" in Korean); names
        (Rosenbrock) and a typed-in function's formula as they are."""
        return self.title if is_typed_in(self) else _(self.title)

    def note_text(self) -> str:
        """The note in the current language; a typed-in function's quotes its derivatives as they are."""
        if not is_typed_in(self):
            return _(self.note)
        if len(self.derivatives) != 2:  # made by hand, without its derivatives: the note as written
            return self.note
        dx, dy = self.derivatives
        return _(TYPED_IN_NOTE).format(dx=dx, dy=dy)

    def f(self, x, y):
        """f at a point (floats) or at arrays of points, choosing the arithmetic by the argument type."""
        scalar = np.ndim(x) == 0 and np.ndim(y) == 0
        return self.value(float(x), float(y), _FLOAT) if scalar else self.value(
            np.asarray(x, float), np.asarray(y, float), _ARRAY)

    def gradient(self, x, y):
        """(df/dx, df/dy) at a point or arrays of points, like `f`."""
        scalar = np.ndim(x) == 0 and np.ndim(y) == 0
        return self.grad(float(x), float(y), _FLOAT) if scalar else self.grad(
            np.asarray(x, float), np.asarray(y, float), _ARRAY)


# -- definitions --------------------------------------------------------------------------------------

def _quadratic(x, y, ops):
    return x * x + y * y + x * y - 4. * x - 8. * y


def _quadratic_grad(x, y, ops):
    return 2 * x + y - 4., 2 * y + x - 8.


def _rosenbrock(x, y, ops):
    a = 1.0 - x
    b = y - x * x
    return a * a + 100.0 * b * b


def _rosenbrock_grad(x, y, ops):
    valley = y - x * x
    return -2.0 * (1.0 - x) - 400.0 * x * valley, 200.0 * valley


def _beale_terms(x, y):
    y2 = y * y
    y3 = y2 * y
    return 1.5 - x + x * y, 2.25 - x + x * y2, 2.625 - x + x * y3, y2, y3


def _beale(x, y, ops):
    t1, t2, t3, _, _ = _beale_terms(x, y)
    return t1 * t1 + t2 * t2 + t3 * t3


def _beale_grad(x, y, ops):
    t1, t2, t3, y2, y3 = _beale_terms(x, y)
    gx = 2.0 * (t1 * (y - 1.0) + t2 * (y2 - 1.0) + t3 * (y3 - 1.0))
    gy = 2.0 * x * (t1 + 2.0 * y * t2 + 3.0 * y2 * t3)
    return gx, gy


def _himmelblau(x, y, ops):
    return (x * x + y - 11.0) ** 2 + (x + y * y - 7.0) ** 2


def _himmelblau_grad(x, y, ops):
    a = x * x + y - 11.0
    b = x + y * y - 7.0
    return 4.0 * x * a + 2.0 * b, 2.0 * a + 4.0 * y * b


def _booth(x, y, ops):
    return (x + 2.0 * y - 7.0) ** 2 + (2.0 * x + y - 5.0) ** 2


def _booth_grad(x, y, ops):
    a = x + 2.0 * y - 7.0
    b = 2.0 * x + y - 5.0
    return 2.0 * a + 4.0 * b, 4.0 * a + 2.0 * b


def _matyas(x, y, ops):
    return 0.26 * (x * x + y * y) - 0.48 * x * y


def _matyas_grad(x, y, ops):
    return 0.52 * x - 0.48 * y, 0.52 * y - 0.48 * x


def _saddle(x, y, ops):
    return x * x - y * y


def _saddle_grad(x, y, ops):
    return 2.0 * x, -2.0 * y


def _rastrigin(x, y, ops):
    tau = 2.0 * ops.pi
    return 20.0 + x * x - 10.0 * ops.cos(tau * x) + y * y - 10.0 * ops.cos(tau * y)


def _rastrigin_grad(x, y, ops):
    tau = 2.0 * ops.pi
    return 2.0 * x + 10.0 * tau * ops.sin(tau * x), 2.0 * y + 10.0 * tau * ops.sin(tau * y)


def _ackley(x, y, ops):
    tau = 2.0 * ops.pi
    radius = ops.sqrt(0.5 * (x * x + y * y))
    waves = 0.5 * (ops.cos(tau * x) + ops.cos(tau * y))
    return -20.0 * ops.exp(-0.2 * radius) - ops.exp(waves) + ops.e + 20.0


def _ackley_grad(x, y, ops):
    tau = 2.0 * ops.pi
    radius = ops.sqrt(0.5 * (x * x + y * y))
    # d/dx of -20 exp(-0.2 r) is 2 x exp(-0.2 r) / r; the cone's tip at r = 0 gets the zero subgradient
    cone = ops.div0(2.0 * ops.exp(-0.2 * radius), radius)
    ripple = ops.pi * ops.exp(0.5 * (ops.cos(tau * x) + ops.cos(tau * y)))
    return cone * x + ripple * ops.sin(tau * x), cone * y + ripple * ops.sin(tau * y)


def _camel(x, y, ops):
    x2 = x * x
    y2 = y * y
    return (4.0 - 2.1 * x2 + x2 * x2 / 3.0) * x2 + x * y + (-4.0 + 4.0 * y2) * y2


def _camel_grad(x, y, ops):
    x2 = x * x
    return 8.0 * x - 8.4 * x2 * x + 2.0 * x2 * x2 * x + y, x - 8.0 * y + 16.0 * y * y * y


def _goldstein_parts(x, y):
    a = x + y + 1.0
    p = 19.0 - 14.0 * x + 3.0 * x * x - 14.0 * y + 6.0 * x * y + 3.0 * y * y
    b = 2.0 * x - 3.0 * y
    q = 18.0 - 32.0 * x + 12.0 * x * x + 48.0 * y - 36.0 * x * y + 27.0 * y * y
    return a, p, b, q


def _goldstein(x, y, ops):
    a, p, b, q = _goldstein_parts(x, y)
    return (1.0 + a * a * p) * (30.0 + b * b * q)


def _goldstein_grad(x, y, ops):
    a, p, b, q = _goldstein_parts(x, y)
    left = 1.0 + a * a * p
    right = 30.0 + b * b * q
    # p has the same partial derivative in x and y, and a = x + y + 1, so dleft/dx == dleft/dy
    d_left = 2.0 * a * p + a * a * (-14.0 + 6.0 * x + 6.0 * y)
    d_right_x = 4.0 * b * q + b * b * (-32.0 + 24.0 * x - 36.0 * y)
    d_right_y = -6.0 * b * q + b * b * (48.0 - 36.0 * x + 54.0 * y)
    return d_left * right + left * d_right_x, d_left * right + left * d_right_y


def _styblinski(x, y, ops):
    x2 = x * x
    y2 = y * y
    return 0.5 * (x2 * x2 - 16.0 * x2 + 5.0 * x + y2 * y2 - 16.0 * y2 + 5.0 * y)


def _styblinski_grad(x, y, ops):
    return 2.0 * x * x * x - 16.0 * x + 2.5, 2.0 * y * y * y - 16.0 * y + 2.5


def _ill(x, y, ops):
    return x * x / 20.0 + y * y


def _ill_grad(x, y, ops):
    return x / 10.0, 2.0 * y


# Titles and notes are marked for translation; a title that is a name (Rosenbrock, Goldstein–Price) is
# not, as an optimizer's (Adam) is not: it reads the same in every language.
_FUNCTIONS = (
    Objective("quadratic", N_("Lecture-notes quadratic"), "x² + y² + xy − 4x − 8y", _quadratic, _quadratic_grad,
              (-4.0, 6.0, -1.0, 9.0), ((0.0, 4.0),), -16.0, (0.0, 0.0),
              N_("the lecture notes' function: a round bowl")),
    Objective("rosenbrock", "Rosenbrock", "(1 − x)² + 100 (y − x²)²", _rosenbrock, _rosenbrock_grad,
              (-2.0, 2.0, -1.0, 3.0), ((1.0, 1.0),), 0.0, (-1.2, 1.0),
              N_("a long curved valley: easy to reach, slow to follow")),
    Objective("beale", "Beale", "(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²", _beale, _beale_grad,
              (-4.5, 4.5, -4.5, 4.5), ((3.0, 0.5),), 0.0, (1.0, 1.5),
              N_("flat plateaus and sharp ridges")),
    Objective("himmelblau", "Himmelblau", "(x² + y − 11)² + (x + y² − 7)²", _himmelblau, _himmelblau_grad,
              (-5.0, 5.0, -5.0, 5.0),
              ((3.0, 2.0), (-2.805118086952745, 3.131312518250573), (-3.779310253377747, -3.2831859912861696),
               (3.5844283403304917, -1.8481265269644036)), 0.0, (0.0, 0.0),
              N_("four equal minima: which one a run reaches depends on where it starts")),
    Objective("booth", "Booth", "(x + 2y − 7)² + (2x + y − 5)²", _booth, _booth_grad,
              (-10.0, 10.0, -10.0, 10.0), ((1.0, 3.0),), 0.0, (-8.0, 8.0), N_("a tilted bowl")),
    Objective("matyas", "Matyas", "0.26 (x² + y²) − 0.48 xy", _matyas, _matyas_grad,
              (-10.0, 10.0, -10.0, 10.0), ((0.0, 0.0),), 0.0, (8.0, -6.0),
              N_("a nearly flat diagonal trough")),
    Objective("saddle", N_("Saddle"), "x² − y²", _saddle, _saddle_grad, (-2.0, 2.0, -2.0, 2.0), (), None,
              (-1.5, 0.01), N_("no minimum: a saddle point at (0, 0) that slow methods linger at, then escape")),
    Objective("rastrigin", "Rastrigin", "20 + x² − 10 cos 2πx + y² − 10 cos 2πy", _rastrigin, _rastrigin_grad,
              (-5.12, 5.12, -5.12, 5.12), ((0.0, 0.0),), 0.0, (2.3, 2.7),
              N_("a bowl covered in local minima")),
    Objective("ackley", "Ackley", "−20 exp(−0.2 √(½(x² + y²))) − exp(½(cos 2πx + cos 2πy)) + e + 20",
              _ackley, _ackley_grad, (-5.0, 5.0, -5.0, 5.0), ((0.0, 0.0),), 0.0, (2.5, 2.2),
              N_("a nearly flat, rippled surface with one deep funnel at the origin")),
    Objective("six-hump-camel", N_("Six-hump camel"), "(4 − 2.1x² + x⁴/3) x² + xy + (4y² − 4) y²",
              _camel, _camel_grad, (-2.5, 2.5, -1.5, 1.5),
              ((0.08984201310031806, -0.7126564030207396), (-0.08984201310031806, 0.7126564030207396)),
              -1.0316284534898774, (-1.5, 1.0), N_("two global minima among six humps")),
    Objective("goldstein-price", "Goldstein–Price",
              "[1 + (x+y+1)²(19 − 14x + 3x² − 14y + 6xy + 3y²)] · [30 + (2x−3y)²(18 − 32x + 12x² + 48y − 36xy "
              "+ 27y²)]", _goldstein, _goldstein_grad, (-2.0, 2.0, -2.0, 2.0), ((0.0, -1.0),), 3.0, (-0.5, 1.0),
              N_("values spanning six orders of magnitude")),
    Objective("styblinski-tang", "Styblinski–Tang", "½ (x⁴ − 16x² + 5x + y⁴ − 16y² + 5y)",
              _styblinski, _styblinski_grad, (-5.0, 5.0, -5.0, 5.0),
              ((-2.903534027771177, -2.903534027771177),), -78.33233140754282, (0.5, 0.5),
              N_("four basins of different depths")),
    Objective("ill-conditioned", N_("Ill-conditioned quadratic"), "x²/20 + y²", _ill, _ill_grad,
              (-10.0, 10.0, -5.0, 5.0), ((0.0, 0.0),), 0.0, (-7.0, 2.0),
              N_("curvature 20 times larger along y than along x: plain gradient descent zig-zags")),
)

FUNCTIONS: dict[str, Objective] = {fn.name: fn for fn in _FUNCTIONS}


def get_function(name: str) -> Objective:
    """The test function called ``name`` (``_`` and ``-`` are interchangeable), or InvalidValue.

    ``expr:`` and a formula, as in ``expr:x^2 + 3*y^2``, is a typed-in function (`core.expression`;
    sympy is loaded then and only then); its refusals are InvalidValue too (ExpressionError)."""
    key = name.strip().lower().replace("_", "-")
    if key.startswith(EXPRESSION_PREFIX):
        from .expression import expression_objective

        return expression_objective(name.strip()[len(EXPRESSION_PREFIX):])
    try:
        return FUNCTIONS[key]
    except KeyError:
        raise InvalidValue(_("unknown function {name} (choose from {choices})").format(
            name=repr(name), choices=", ".join(FUNCTIONS))) from None


def is_typed_in(function: Objective) -> bool:
    """True for a function typed in by a user (`core.expression`), False for a built-in one."""
    return function.name.startswith(EXPRESSION_PREFIX)


def file_stem(function) -> str:
    """A function as the start of a file name: a built-in one by its name (``rosenbrock``), a typed-in one
    by its formula's letters and digits (``x^2 + 3*y^2/2`` gives ``f-x-2-3-y-2-2``): a formula's ``/``
    would make a folder of it, and ``*``, ``:`` or ``?`` are refused by Windows."""
    if not is_typed_in(function):
        return function.name
    words = re.sub(r"[^A-Za-z0-9.]+", "-", function.title).strip("-.")
    return f"f-{words[:60].rstrip('-.')}" if words else "f"
