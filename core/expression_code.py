"""Typed-in functions compiled to numpy with ``sympy.lambdify``, so that one point and a batch agree bit for bit.

A single run evaluates a function at one point and a batch at arrays of points; `core.numerics` explains
why both must call the very same numpy code for anything beyond + - * / and sqrt.  The code printed here
makes that hold for every typed-in function:

* every number is a numpy float64 (a named constant in the function's namespace), and the caller passes
  float64 scalars or arrays, so every operation is numpy's: the same IEEE arithmetic on one point as on
  many, with inf and nan instead of Python's ZeroDivisionError and OverflowError;
* whole powers are repeated multiplications (`int_power`: x^2 is x*x, as the notes write squares),
  because numpy's array power and the C library's pow, which a float64 scalar's ``**`` calls, may differ
  in the last place; other powers go through the ``numpy.power`` ufunc and square roots through
  ``numpy.sqrt``, both on one point and on many;
* the function's value is printed from the tree in the order typed, each chain left to right as Python
  would evaluate it; the gradient, which sympy derived, in sympy's usual order of terms (for the notes'
  quadratic that is the order of the notes' own gradient code).
"""

from __future__ import annotations

import math

import numpy as np
import sympy
from sympy import S
from sympy.printing.numpy import NumPyPrinter

from .expression_lex import ExpressionError
from .expression_parse import MAX_BITS, X, Y
from .i18n import _
from .values import shown

__all__ = ["check_computable", "compile_numpy", "int_power"]

_ONE = np.float64(1.0)
_FUNCTION_CLASSES = (sympy.sin, sympy.cos, sympy.tan, sympy.exp, sympy.log, sympy.Abs, sympy.tanh, sympy.sinh,
                     sympy.cosh, sympy.atan, sympy.sign)  # sign: the derivative of abs


def int_power(base, n: int):
    """``base ** n`` for a whole n, by binary powering: the same multiplications on a float64 scalar as on
    an array, so the same bits.  n = 2 is exactly base * base; a negative n divides 1 by the power."""
    if n < 0:
        return _ONE / int_power(base, -n)
    result, square = None, base
    while n:
        if n & 1:
            result = square if result is None else result * square
        n >>= 1
        if n:
            square = square * square
    return _ONE if result is None else result


def check_computable(expr: sympy.Expr, what: str) -> None:
    """Raise ExpressionError unless every part of ``expr`` is one the printer turns into numpy code:
    x, y, finite numbers that fit a float, pi, e, sums, products, powers and the allowed functions.  ``what``
    names the expression as the message shows it (translated already): "the function", "∂f/∂x"."""
    for node in sympy.preorder_traversal(expr):
        if node.is_Number:
            if not node.is_finite or (node.is_Rational and max(abs(node.p), node.q).bit_length() > MAX_BITS) or (
                    node.is_Float and not math.isfinite(float(node))):
                raise ExpressionError(_("{what} holds the number {number}, which is not a finite float").format(
                    what=what, number=shown(str(node))))
        elif not (node in (X, Y, S.Pi, S.Exp1) or isinstance(node, sympy.Add | sympy.Mul | sympy.Pow)
                  or type(node) in _FUNCTION_CLASSES):
            raise ExpressionError(_("{what} holds {part}, which GradStep cannot compute").format(
                what=what, part=shown(str(node))))


class _Printer(NumPyPrinter):
    """numpy code with float64 constants and the powers described in the module docstring.

    Sums and products are printed in the order of their arguments, each a left-to-right chain: for a tree
    built with evaluate=False that is the order typed.  Without ``typed_order`` (sympy's own trees, which
    keep a sum's constant term first) the constant term goes last.  Nothing is put in sympy's display
    order, so printing takes time in proportion to the expression's size."""

    def __init__(self, typed_order: bool):
        super().__init__({"fully_qualified_modules": True, "inline": True, "strict": True})
        self.typed_order = typed_order
        self.constants: dict[str, np.float64] = {}
        self._names: dict[str, str] = {}  # float.hex() -> constant name

    def _print(self, expr, **kwargs):
        if isinstance(expr, sympy.Basic) and (expr.is_Number or expr in (S.Pi, S.Exp1)):
            return self.constant(expr)
        return super()._print(expr, **kwargs)

    def constant(self, number: sympy.Expr) -> str:
        try:
            value = float(number)
        except OverflowError:  # an integer past float range (check_computable refuses those first)
            value = math.copysign(math.inf, number)
        name = self._names.setdefault(value.hex(), f"_k{len(self._names)}")
        self.constants[name] = np.float64(value)
        return name

    def _print_Pow(self, expr, rational=False):
        base, exponent = expr.args
        if exponent.is_Integer:
            return f"_int_power({self._print(base)}, {int(exponent)})"
        if exponent == S.Half:
            return f"numpy.sqrt({self._print(base)})"
        if exponent == -S.Half:  # as sympy writes d/dx sqrt(x): 1/sqrt is more accurate than power(x, -0.5)
            return f"({self.constant(S.One)} / numpy.sqrt({self._print(base)}))"
        return f"numpy.power({self._print(base)}, {self._print(exponent)})"

    def _print_Add(self, expr, order=None):
        terms = expr.args
        if not self.typed_order:  # sympy keeps the constant term first; put it last, as people write it
            terms = sorted(terms, key=lambda term: term.is_Number)
        return "(" + " + ".join(self._print(term) for term in terms) + ")"

    def _print_Mul(self, expr):
        """Factors left to right; a power with a negative whole exponent divides (a typed a/b is a*b^-1)."""
        code = ""
        for factor in expr.args:
            if factor.is_Pow and factor.exp.is_Integer and factor.exp < 0:
                divisor = factor.base if factor.exp == -1 else sympy.Pow(factor.base, -factor.exp, evaluate=False)
                code = f"({code or self.constant(S.One)} / {self._print(divisor)})"
            else:
                code = f"({code} * {self._print(factor)})" if code else self._print(factor)
        return code


def compile_numpy(exprs, typed_order: bool):
    """A function of (x, y) computing ``exprs`` (one expression or a list) with numpy, as described above.

    Call it with float64 scalars or arrays, inside ``numpy.errstate(all="ignore")`` where inf and nan are
    expected; a part that does not depend on x or y comes back as a float64 scalar (broadcast it)."""
    printer = _Printer(typed_order)
    # only the names the printed code uses: lambdify's "numpy" namespace would star-import numpy, which
    # loads numpy's lazy submodules and costs more than half a second the first time
    namespace = {"numpy": np, "_int_power": int_power}
    function = sympy.lambdify((X, Y), exprs, modules=[namespace], printer=printer, docstring_limit=0)
    # the constants are named while lambdify prints; its function looks names up in the namespace it was
    # made in (its globals) only when called, so they are added there now rather than printing twice
    function.__globals__.update(printer.constants)
    return function
