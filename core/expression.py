"""Typed-in functions: a user types f(x, y), GradStep derives the exact gradient with sympy and runs it.

    >>> fn = parse_function("x^2 + 3*y^2 - sin(x*y)")
    >>> fn.gradient_text
    ('2*x - y*cos(x*y)', '-x*cos(x*y) + 6*y')
    >>> objective = expression_objective("x^2 + 3*y^2")   # == core.functions.get_function("expr:x^2 + 3*y^2")

The language: numbers, x, y, pi, e, ``+ - * /``, ``^`` or ``**`` for powers (right to left, and binding
tighter than a sign: ``-x^2`` is -(x^2), ``2^3^2`` is 2^9), parentheses, and the functions sin, cos, tan,
exp, log (natural), sqrt, abs, tanh, sinh, cosh, atan (also arctan).  Nothing is implied: ``2x`` is
refused with "write 2*x".  Exponents may depend on x and y (``x^y`` is exp(y log x), real for x > 0).
How the text is checked, and the limits that keep sympy from running away, are in
`core.expression_lex` and `core.expression_parse`; how it is compiled, in `core.expression_code`.

A typed-in function is an `Objective` like the built-in ones.  Its ``name`` is ``expr:`` followed by the
canonical text (the same tree written with ``^`` and standard spacing: ``expr:x^2 + 3*y^2``), so
`core.functions.get_function` rebuilds it from a CSV's function column or a session file.  Its value
is computed in the order typed, so the notes' quadratic typed as ``x*x + y*y + x*y - 4*x - 8*y`` gives
the built-in quadratic's numbers bit for bit.  Where f or its gradient is not finite (log of a negative
number, 1/0), value and grad return nan or inf without warnings, so a contour plot can mask it and a run
that gets there stops as diverged.
"""

from __future__ import annotations

import math
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np
import sympy

from .expression_code import check_computable, compile_numpy
from .expression_lex import ExpressionError
from .expression_parse import SYMPY_TROUBLE, Parsed, X, Y, parse
from .expression_time import TimeUp, within
from .functions import EXPRESSION_PREFIX, TYPED_IN_NOTE, Objective
from .i18n import _
from .numerics import ArrayOps, FloatOps
from .settings import VIEW

__all__ = ["CACHE_SIZE", "DEFAULT_VIEW", "TIME_LIMIT", "ExpressionError", "TypedFunction", "compile_function",
           "expression_objective", "parse_function", "unicode_formula"]

#: The view box of a typed-in function until the user sets one.
DEFAULT_VIEW = (-5.0, 5.0, -5.0, 5.0)
# Start candidates, as fractions of the view box: the first where f and its gradient are finite and the
# gradient is not flat becomes the default start (off-centre, as the built-ins' starts are).
_START_FRACTIONS = ((0.2, 0.8), (0.8, 0.2), (0.25, 0.25), (0.75, 0.75), (0.5, 0.85), (0.5, 0.5))
#: How many compiled functions (and objectives) are kept for reuse.
CACHE_SIZE = 128
#: Longest time, in seconds, that reading, differentiating and compiling one function may take: past it
#: the function is refused (see core.expression_time).  The built-in functions typed in take 2 to 120 ms
#: here (Goldstein–Price the longest), the largest products the limits of core.expression_parse let
#: through up to about 0.25 s; half a second leaves the rest of "refused within a second" to slower
#: machines.
TIME_LIMIT = 0.5
_COMPILED: OrderedDict[str, TypedFunction] = OrderedDict()  # canonical text -> function, oldest first
_LOCK = threading.Lock()
_NOTE_LIMIT = 80  # longest derivative quoted in an Objective's note
_FLOAT = FloatOps()
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True, eq=False)
class TypedFunction:
    """A parsed, differentiated and compiled typed-in function.

    text: the canonical text (``x^2 + 3*y^2``); expr: f as sympy holds it; gradient: (df/dx, df/dy) as
    sympy expressions.  `value` and `grad` follow the `Objective` contract.
    """

    text: str
    expr: sympy.Expr
    gradient: tuple[sympy.Expr, sympy.Expr]
    _value: object = field(repr=False)
    _grad: object = field(repr=False)

    @property
    def name(self) -> str:
        """What `core.functions.get_function` takes back: ``expr:`` and the canonical text."""
        return EXPRESSION_PREFIX + self.text

    @cached_property
    def formula(self) -> str:
        """f as typed, in one line of Unicode: ``x² + 3·y²``."""
        return unicode_formula(self.text)

    @cached_property
    def gradient_text(self) -> tuple[str, str]:
        """df/dx and df/dy as plain one-line text in the input language (``2*x + y - 4``)."""
        return tuple(_plain(g) for g in self.gradient)

    @cached_property
    def gradient_formula(self) -> tuple[str, str]:
        """df/dx and df/dy in one line of Unicode each (``2·x + y − 4``)."""
        return tuple(unicode_formula(text) for text in self.gradient_text)

    def pretty(self) -> tuple[str, str, str]:
        """f, df/dx and df/dy drawn over several lines by sympy.pretty (for a monospaced font)."""
        return tuple(sympy.pretty(e, use_unicode=True, full_prec=False) for e in (self.expr, *self.gradient))

    def value(self, x, y, ops):
        """f at a point (Python floats, ops a FloatOps: returns a float) or at arrays of points (ops an
        ArrayOps: returns a new float64 array of the broadcast shape).  nan or inf where f is undefined."""
        if isinstance(ops, ArrayOps):
            x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
            with np.errstate(all="ignore"):
                return _filled(self._value(x, y), x, y)
        # one-element arrays, not float64 scalars: a scalar's power or exp calls the C library while an
        # array goes through numpy's loops (SIMD ones on some CPUs), and the two may differ in the last
        # place; this way a run and a batch started at the same point take the same steps
        x, y = np.array([x], dtype=np.float64), np.array([y], dtype=np.float64)
        with np.errstate(all="ignore"):
            return float(_filled(self._value(x, y), x, y)[0])

    def grad(self, x, y, ops):
        """(df/dx, df/dy) at a point or at arrays of points, like `value`; nan where f is not finite.

        The formal derivative can be finite outside f's domain (d/dx log x = 1/x at x = -1), but a function
        has no gradient where it has no value; so a run or a batch that steps there stops as diverged, the
        batch seeing it in the gradient as the run sees it in f."""
        if isinstance(ops, ArrayOps):
            x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
            with np.errstate(all="ignore"):
                defined = np.isfinite(self._value(x, y))
                return tuple(np.where(defined, _filled(g, x, y), np.nan) for g in self._grad(x, y))
        x, y = np.array([x], dtype=np.float64), np.array([y], dtype=np.float64)  # as in `value`
        with np.errstate(all="ignore"):
            if not np.isfinite(_filled(self._value(x, y), x, y)[0]):
                return math.nan, math.nan
            gx, gy = (_filled(g, x, y)[0] for g in self._grad(x, y))
            return float(gx), float(gy)

    def objective(self, view=None) -> Objective:
        """This function as an `Objective` shown in ``view`` (x_min, x_max, y_min, y_max; default
        DEFAULT_VIEW); no known minima.  Raises InvalidValue for a view that is not a finite box."""
        view = _check_view(DEFAULT_VIEW if view is None else view)
        dx, dy = (g if len(g) <= _NOTE_LIMIT else g[:_NOTE_LIMIT - 1] + "…" for g in self.gradient_formula)
        # the note is kept in English, as a built-in's is, and read through Objective.note_text: the
        # objective is cached, so a text translated here would stay in the language of its first use
        return Objective(self.name, self.text, self.formula, self.value, self.grad, view, (), None,
                         self._start(view), TYPED_IN_NOTE.format(dx=dx, dy=dy), (dx, dy))

    def _start(self, view) -> tuple[float, float]:
        x0, x1, y0, y1 = view
        candidates = [(x0 + a * (x1 - x0), y0 + b * (y1 - y0)) for a, b in _START_FRACTIONS]
        for x, y in candidates:
            gx, gy = self.grad(x, y, _FLOAT)
            if math.isfinite(self.value(x, y, _FLOAT) + gx + gy) and math.hypot(gx, gy) > 1e-3:
                return x, y
        return candidates[-1]


def parse_function(text: str) -> TypedFunction:
    """Parse, differentiate and compile a typed-in function of x and y (``expr:`` in front is allowed).

    Raises ExpressionError (an InvalidValue) with a one-line message that quotes the offending part and
    gives its column, counted from 1 in ``text`` after any ``expr:`` (also as the error's ``column``, for
    a caret under the field); within TIME_LIMIT seconds in any case.  Texts with the same canonical text
    give the same object (the last `CACHE_SIZE` are kept), so only a new function is differentiated."""
    if not isinstance(text, str):
        raise ExpressionError(_("a typed function must be text, got {value}").format(value=type(text).__name__))
    if text.lstrip()[:len(EXPRESSION_PREFIX)].lower() == EXPRESSION_PREFIX:
        text = text.lstrip()[len(EXPRESSION_PREFIX):]
    try:
        return within(lambda: _cached(parse(text)), TIME_LIMIT)
    except TimeUp:
        raise ExpressionError(_("the function is too complex: sympy took more than {seconds} s to differentiate "
                                "it").format(seconds=TIME_LIMIT)) from None


def _cached(parsed: Parsed) -> TypedFunction:
    with _LOCK:
        function = _COMPILED.pop(parsed.text, None)
    if function is None:
        function = compile_function(parsed)
    with _LOCK:
        function = _COMPILED.setdefault(parsed.text, function)  # a thread that got here first wins
        while len(_COMPILED) > CACHE_SIZE:
            _COMPILED.popitem(last=False)
    return function


def compile_function(parsed: Parsed) -> TypedFunction:
    """Differentiate and compile a parsed function, without the cache or the time limit; ExpressionError
    if sympy gives up or its result has a part that cannot be computed (a number beyond float range)."""
    try:
        gradient = (sympy.diff(parsed.expr, X), sympy.diff(parsed.expr, Y))
        # TRANSLATORS: what a refusal says holds a number it cannot compute ("the function holds ...")
        check_computable(parsed.expr, _("the function"))
        check_computable(parsed.typed, _("the function"))
        for symbol, derivative in zip("xy", gradient, strict=True):
            check_computable(derivative, f"∂f/∂{symbol}")
        return TypedFunction(parsed.text, parsed.expr, gradient, compile_numpy(parsed.typed, typed_order=True),
                             compile_numpy(list(gradient), typed_order=False))
    except SYMPY_TROUBLE as error:
        raise ExpressionError(_("sympy could not differentiate the function ({error})").format(
            error=type(error).__name__)) from None


@lru_cache(maxsize=CACHE_SIZE)
def _objective(function: TypedFunction, view) -> Objective:
    return function.objective(view)


def expression_objective(text: str, view=None) -> Objective:
    """The typed-in function ``text`` as an `Objective` (see `parse_function` and
    `TypedFunction.objective`); the same function and view give the same object again."""
    return _objective(parse_function(text), None if view is None else _check_view(view))


def unicode_formula(text: str) -> str:
    """Plain formula text in one line of Unicode: whole exponents raised (``x^2`` → ``x²``), ``*`` as
    ``·``, minus signs as ``−`` (a number's exponent, as in 1e-08, stays as it is)."""
    text = re.sub(r"\^(-?[0-9]+)(?![0-9.eE])", lambda m: m.group(1).translate(_SUPERSCRIPT), text)
    return re.sub(r"(?<![0-9.][eE])-", "−", text.replace("*", "·"))


def _plain(expr: sympy.Expr) -> str:
    text = sympy.sstr(expr, full_prec=False).replace("**", "^")
    return re.sub(r"\bE\b", "e", text.replace("Abs(", "abs("))


def _filled(values, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """A new float64 array of the points' shape: constants broadcast, the caller's arrays never returned."""
    return np.array(np.broadcast_to(values, np.broadcast_shapes(x.shape, y.shape)), dtype=np.float64)


def _check_view(view) -> tuple[float, float, float, float]:
    return VIEW.check(view)


def _warm_up() -> None:
    """Read one function of every kind once, at import.

    Sympy imports some 20 modules (its code printers, assumption wrappers...) the first time it parses,
    differentiates and prints, about 0.2 s; done here, that time is not counted against the first typed
    function's TIME_LIMIT."""
    compile_function(parse("abs(x)^3*sqrt(y)/(1 + x^2) + atan(x*y) - log(2 + y^2)*exp(-x) + x^y + tan(x)*tanh(y)"
                           " + sin(x)*cos(y)*sinh(x)*cosh(y) + 2^(1/3) + pi*e"))


_warm_up()
