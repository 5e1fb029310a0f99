"""Arithmetic shared by the single-run and the batched code paths.

The optimizers and test functions are written once, over values that are Python floats for a single run
and numpy arrays for a batch of starting points.  What differs between the two is gathered here, in two
small namespaces with the same attribute names: `FloatOps` (the `math` module and built-in `round`) and
`ArrayOps` (numpy and `round_array`).

Lecture-notes rounding follows Python's built-in ``round(value, decimals)``: the decimal with that many
digits nearest to the exact binary value, ties to even, converted back to the nearest float.
``numpy.round`` multiplies by ``10**decimals`` first and so rounds the already-rounded product, which
differs on some inputs (``numpy.round(2.675, 2) == 2.68`` while ``round(2.675, 2) == 2.67``, because the
float 2.675 is slightly below 2.675).  `round_array` gives Python's answer for every element.
"""

from __future__ import annotations

import math
from functools import partial

import numpy as np

__all__ = ["MAX_DECIMALS", "ArrayOps", "FloatOps", "ops_for", "round_array"]

MAX_DECIMALS = 12

# Above this magnitude of value * 10**decimals the fast path's integer arithmetic is no longer exact in
# binary64 (half-integers stop being representable at 2**52); such elements use Python's round directly.
_EXACT_LIMIT = 2.0**51
_SPLITTER = 2.0**27 + 1.0  # Veltkamp's constant for splitting a binary64 into two 26-bit halves


def _two_product_error(a: np.ndarray, b: float, product: np.ndarray) -> np.ndarray:
    """Return the rounding error of ``product = a * b``, so that a*b == product + error exactly.

    Dekker's TwoProduct without a fused multiply-add (numpy has none); exact whenever nothing overflows
    or underflows, which the caller guarantees for the elements whose error it reads.
    """
    t = _SPLITTER * a
    a_hi = t - (t - a)
    a_lo = a - a_hi
    t = _SPLITTER * b
    b_hi = t - (t - b)
    b_lo = b - b_hi
    return ((a_hi * b_hi - product) + a_hi * b_lo + a_lo * b_hi) + a_lo * b_lo


def round_array(values, decimals: int) -> np.ndarray:
    """Round every element exactly as Python's ``round(float(v), decimals)`` would.

    values: array-like of floats, any shape; decimals: 0..MAX_DECIMALS.  Returns a new float64 array of
    the same shape.  Non-finite elements come back unchanged, as with ``round``.

    Method: p = fl(v * 10**d) is within half an ulp of the exact product, and every half-integer below
    2**51 is a float, so the exact product lies on the same side of each half-integer as p does, except
    when p *is* a half-integer; there the sign of the product's rounding error (computed exactly with
    Dekker's algorithm) breaks the tie, and a true tie goes to the even neighbour, as ``round`` does.
    The quotient n / 10**d of two exact floats is then the float nearest the decimal n * 10**-d.
    """
    a = np.array(values, dtype=np.float64)  # always a copy: the caller's array is never written
    if not 0 <= decimals <= MAX_DECIMALS:
        raise ValueError(f"decimals must be between 0 and {MAX_DECIMALS}, got {decimals}")
    scale = 10.0**decimals
    with np.errstate(over="ignore", invalid="ignore"):
        product = a * scale
        fast = np.abs(product) < _EXACT_LIMIT  # False for inf and nan too
        nearest = np.rint(product)  # ties to even, as round() does on a true tie
        # product - nearest is exact (Sterbenz), so this finds exactly the products that are half-integers
        on_half = fast & (np.abs(product - nearest) == 0.5)
        if on_half.any():
            half = product[on_half]
            error = _two_product_error(a[on_half], scale, half)
            nearest[on_half] = np.where(error > 0, half + 0.5, np.where(error < 0, half - 0.5, nearest[on_half]))
        result = np.where(fast, nearest / scale, a)
    slow = ~fast & np.isfinite(a)
    if slow.any():
        result[slow] = [round(v, decimals) for v in a[slow].tolist()]
    return result


def _same(value):
    return value


class FloatOps:
    """Operations on Python floats, for a single run: the hot path, so only C-level callables."""

    sqrt = staticmethod(math.sqrt)
    exp = staticmethod(math.exp)
    cos = staticmethod(math.cos)
    sin = staticmethod(math.sin)
    pi = math.pi
    e = math.e

    def __init__(self, decimals: int | None = None):
        self.decimals = decimals
        # round(v, d) is Python's correctly rounded decimal rounding: the reference the notes used
        self.round = _same if decimals is None else partial(round, ndigits=decimals)

    @staticmethod
    def div0(a, b):
        """a / b, and 0 where b is 0 (a removable singularity the caller has checked)."""
        return a / b if b else 0.0


class ArrayOps:
    """The same operations on numpy arrays, for a batch of starting points."""

    sqrt = staticmethod(np.sqrt)
    exp = staticmethod(np.exp)
    cos = staticmethod(np.cos)
    sin = staticmethod(np.sin)
    pi = math.pi
    e = math.e

    def __init__(self, decimals: int | None = None):
        self.decimals = decimals
        self.round = _same if decimals is None else partial(round_array, decimals=decimals)

    @staticmethod
    def div0(a, b):
        a, b = np.broadcast_arrays(np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64))
        return np.divide(a, b, out=np.zeros(a.shape), where=b != 0)


def ops_for(value, decimals: int | None = None) -> FloatOps | ArrayOps:
    """The namespace suited to ``value``: FloatOps for a Python or numpy scalar, ArrayOps otherwise."""
    if isinstance(value, float | int) or np.ndim(value) == 0:
        return FloatOps(decimals)
    return ArrayOps(decimals)
