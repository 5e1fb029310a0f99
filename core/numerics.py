"""Arithmetic shared by the single-run and the batched code paths, and the lecture notes' rounding.

The optimizers and test functions are written once, over values that are Python floats for a single run
and numpy arrays for a batch of starting points.  What differs between the two is gathered here, in two
small namespaces with the same attribute names: `FloatOps` and `ArrayOps`.

**One result on every CPU path.**  Sums, products, quotients and square roots are correctly rounded in
IEEE arithmetic, so Python floats and numpy arrays agree on them bit for bit.  Transcendental functions
are not: numpy's ``exp``, ``sin``... take SIMD paths chosen at run time (on AVX-512 machines ``np.exp``
differs from ``math.exp`` in the last bit at about one input in twenty).  So both namespaces call numpy's
ufuncs for them, and a single run, a batch and a contour grid all compute the very same values on the
machine at hand.  (Across machines such functions may differ in the last bit; polynomials never do.)

**The notes' rounding.**  The lecture notes call ``round(value, 4)`` on two kinds of value, and Python
rounds them differently:

* on a Python float, ``round`` is correctly rounded: the decimal nearest the exact binary value, ties to
  even (`round_python`; ``round(2.675, 2) == 2.67`` because the float 2.675 lies just below 2.675);
* on a numpy float it is numpy's rounding: multiply by ``10**d``, round to the nearest integer (ties to
  even), divide by ``10**d`` (`round_numpy`; ``round(np.float64(2.675), 2) == 2.68``).

Which kind a value is in the notes' code depends on the optimizer and the step: see
`core.optimizers.Optimizer.rounding_kinds`.  Both kinds are computed here with exact, correctly rounded
operations only, so neither depends on the CPU.
"""

from __future__ import annotations

import math
from functools import partial
from typing import ClassVar

import numpy as np

__all__ = ["MAX_DECIMALS", "NUMPY", "PYTHON", "ArrayOps", "FloatOps", "ops_for", "round_array", "round_numpy",
           "round_numpy_array", "round_python", "square", "square_array"]

MAX_DECIMALS = 12
#: The two kinds of rounding the notes' code does (see the module docstring).
PYTHON = "python"
NUMPY = "numpy"

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


def _check_decimals(decimals: int) -> None:
    if not 0 <= decimals <= MAX_DECIMALS:
        raise ValueError(f"decimals must be between 0 and {MAX_DECIMALS}, got {decimals}")


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
    _check_decimals(decimals)
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


def round_python(value: float, decimals: int) -> float:
    """Python's ``round(value, decimals)`` on a float: correctly rounded, ties to even."""
    return round(value, decimals)


def round_numpy(value: float, decimals: int) -> float:
    """What ``round(numpy.float64(value), decimals)`` gives, computed on a Python float.

    numpy scales by 10**decimals (exact for decimals <= 22), rounds the product to the nearest integer,
    ties to even, and divides back: three correctly rounded operations.  Python's ``round(x)`` is the
    same round-half-even on the exact float, so this needs no numpy call; only the sign of a zero
    result needs care (``round`` returns the integer 0).
    """
    scale = 10.0**decimals
    scaled = value * scale
    if scaled - scaled != 0.0:  # inf or nan: numpy gives inf / scale or nan
        return scaled / scale
    whole = round(scaled)
    return whole / scale if whole else math.copysign(0.0, scaled)


def round_numpy_array(values, decimals: int) -> np.ndarray:
    """numpy's own rounding (``numpy.round``), element by element; see `round_numpy`."""
    _check_decimals(decimals)
    scale = 10.0**decimals
    with np.errstate(over="ignore", invalid="ignore"):
        return np.rint(np.asarray(values, dtype=np.float64) * scale) / scale


def _same(value):
    return value


def square(value: float) -> float:
    """``value ** 2`` as Python (and numpy, on a scalar) computes it: the C library's ``pow``.

    The notes square Adam's gradient with ``**``; ``pow`` is not always correctly rounded (glibc's errs by
    up to about 0.52 of a unit in the last place), so ``g ** 2`` and ``g * g`` differ in the last bit at
    about one value in a thousand.  An overflow gives inf, as numpy does, instead of raising.
    """
    try:
        return value**2
    except OverflowError:
        return math.inf


def square_array(values) -> np.ndarray:
    """`square` of every element, bit for bit, without calling ``pow`` on most of them.

    ``pow(g, 2)`` can differ from the correctly rounded g*g only where the exact square lies within a few
    hundredths of a unit in the last place of a point half-way between two floats (its error bound is
    about 0.52 units): where the rounding error of g*g is 0.45 units or more.  Those elements are found
    exactly (`_near_half`), and only they (about one in ten) are computed with the C library's ``pow``,
    the very function ``g ** 2`` calls on a float: so a batch squares exactly as a single run does.
    """
    g = np.array(values, dtype=np.float64)
    with np.errstate(all="ignore"):
        product = g * g
    bits = g.view(np.uint64)
    exponent = bits & _EXPONENT_BITS
    checked = (exponent - _CHECKED_LOW) < _CHECKED_SPAN  # 1e-140 < |g| < 1e150: g and g*g are normal
    safe = (checked & ~_near_half(bits)) | (g == 0.0)
    if not safe.all():
        flat, risky = product.reshape(-1), np.flatnonzero(~safe.reshape(-1))
        flat[risky] = _pow_squares(g.reshape(-1)[risky])
    return product


def _near_half(bits: np.ndarray) -> np.ndarray:
    """For normal floats (given as their bits), whether the rounding error of g*g is 0.45 units in the last
    place or more, decided exactly from the significand m (53 bits, so m² has 105 or 106).

    Rounding m² to 53 bits drops its low 53 bits when m² ≥ 2¹⁰⁵ and its low 52 otherwise; uint64
    arithmetic wraps, so m·m gives those low bits exactly.  Scaled to 53 bits, the dropped part D gives
    the error as D/2⁵³ of a unit (rounding down) or 1 − D/2⁵³ (up): it is 0.45 units or more exactly when
    D lies within 0.05·2⁵³ of 2⁵².
    """
    m = (bits & _FRACTION_BITS) | _IMPLICIT_BIT
    low = m * m
    dropped = np.where(m >= _ROOT_OF_2_105, low, low << np.uint64(1)) & _LOW_53_BITS
    return (dropped - _BAND_LOW) < _BAND_WIDTH


_EXPONENT_BITS = np.uint64(0x7FF0000000000000)
_FRACTION_BITS = np.uint64((1 << 52) - 1)
_IMPLICIT_BIT = np.uint64(1 << 52)
_LOW_53_BITS = np.uint64((1 << 53) - 1)
_ROOT_OF_2_105 = np.uint64(math.isqrt((1 << 105) - 1) + 1)  # the smallest m with m² ≥ 2¹⁰⁵
_HALF_BAND = math.ceil(0.05 * 2**53)
_BAND_LOW, _BAND_WIDTH = np.uint64((1 << 52) - _HALF_BAND), np.uint64(2 * _HALF_BAND)
_CHECKED_LOW = np.uint64(int(np.float64(1e-140).view(np.uint64)) & 0x7FF0000000000000)
_CHECKED_SPAN = np.uint64((int(np.float64(1e150).view(np.uint64)) & 0x7FF0000000000000) - int(_CHECKED_LOW))


def _pow_squares(values: np.ndarray) -> list[float]:
    """``v ** 2`` for each element with Python's float power (the C library's pow), inf on overflow."""
    moderate = np.abs(values) < 1e150  # their squares cannot overflow, so float power cannot raise
    if moderate.all():
        return np.power(values.astype(object), 2.0).tolist()  # float.__pow__ per element, in C
    return [square(v) for v in values.tolist()]


def _scalar(ufunc):
    """numpy's ufunc on one Python float, returning a Python float (see the module docstring)."""
    return lambda value: float(ufunc(value))


class FloatOps:
    """Operations on Python floats, for a single run.

    decimals: the notes' rounding (None: none); grad, state and params: which kind (PYTHON or NUMPY)
    rounds the gradient, the optimizer's state and the new parameters (`round_grad`, `round_state`,
    `round_params`); all three are the identity without rounding.
    """

    sqrt = staticmethod(math.sqrt)  # correctly rounded, like numpy's
    square = staticmethod(square)
    exp = staticmethod(_scalar(np.exp))
    log = staticmethod(_scalar(np.log))
    cos = staticmethod(_scalar(np.cos))
    sin = staticmethod(_scalar(np.sin))
    pi = math.pi
    e = math.e
    _KINDS: ClassVar[dict] = {PYTHON: round_python, NUMPY: round_numpy}

    def __init__(self, decimals: int | None = None, grad: str = PYTHON, state: str = PYTHON,
                 params: str = PYTHON):
        self.decimals = decimals
        self.kinds = (grad, state, params)
        if decimals is None:
            self.round_grad = self.round_state = self.round_params = _same
        else:
            self.round_grad, self.round_state, self.round_params = (
                partial(self._KINDS[kind], decimals=decimals) for kind in self.kinds)
        # ``round``: Python's, the reference for a single value (kept for callers that round one number)
        self.round = _same if decimals is None else partial(self._KINDS[PYTHON], decimals=decimals)

    @staticmethod
    def div0(a, b):
        """a / b, and 0 where b is 0 (a removable singularity the caller has checked)."""
        return a / b if b else 0.0

    abs = staticmethod(abs)

    @staticmethod
    def maximum(a, b):
        """numpy's ``maximum`` on two floats: the larger, NaN if either is NaN, ``b`` when they are equal."""
        return a if (a > b or a != a) else b

    @staticmethod
    def sign(value):
        """numpy's ``sign`` on a float: 1.0, -1.0, 0.0 for either zero, NaN for NaN."""
        if value > 0:
            return 1.0
        if value < 0:
            return -1.0
        return 0.0 if value == 0 else value


class ArrayOps(FloatOps):
    """The same operations on numpy arrays, for a batch of starting points."""

    sqrt = staticmethod(np.sqrt)
    square = staticmethod(square_array)
    abs = staticmethod(np.abs)
    maximum = staticmethod(np.maximum)
    sign = staticmethod(np.sign)
    exp = staticmethod(np.exp)
    log = staticmethod(np.log)
    cos = staticmethod(np.cos)
    sin = staticmethod(np.sin)
    _KINDS: ClassVar[dict] = {PYTHON: round_array, NUMPY: round_numpy_array}

    @staticmethod
    def div0(a, b):
        a, b = np.broadcast_arrays(np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64))
        return np.divide(a, b, out=np.zeros(a.shape), where=b != 0)


def ops_for(value, decimals: int | None = None) -> FloatOps:
    """The namespace suited to ``value``: FloatOps for a Python or numpy scalar, ArrayOps otherwise."""
    if isinstance(value, float | int) or np.ndim(value) == 0:
        return FloatOps(decimals)
    return ArrayOps(decimals)
