"""Numbers as people read them, and how wide a column must be to show every one of them.

By default ("as written") a value is shown the way a person writes it: with the lecture-notes rounding
on, as the notes print it where that is short (``0.0156``, ``0.03125``; f with all its decimals,
``-16.0000``) and rounded to the decimals where it is not (``1.44`` for ``1.4400000000000002``);
otherwise the shortest decimal that rounds to it at 10 significant digits (``24.2``, not
``24.199999999999996``).  Full precision (the shortest text that reads back exactly) and 4, 6 or 8
significant digits are the other choices; tooltips and copies are always at full precision.

`NumberFormat.width` bounds the length of the text of every value in an array, with numpy and without
formatting each, so a table can size a column of a million rows to fit them all.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["FULL", "READABLE", "NumberFormat"]

READABLE = "readable"
FULL = "full"
_READABLE_DIGITS = 10
_LONGEST_REPR = 24  # "-1.2345678901234567e-308"
_FIXED_LIMIT = 1e15  # from here on f is written in e-notation, as `width` allows for


def _exponents(values: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.floor(np.log10(np.abs(values)))


@dataclass(frozen=True)
class NumberFormat:
    """mode: READABLE, FULL or a number of significant digits; decimals: the lecture-notes rounding on
    screen (None when off), which READABLE follows."""

    mode: object = READABLE
    decimals: int | None = None

    def text(self, value, column: str = "") -> str:
        """``value`` as shown in ``column`` (``f`` gets the notes' fixed decimals when they apply)."""
        if value is None:
            return ""
        if isinstance(value, int | np.integer):
            return str(int(value))
        value = float(value)
        if value != value or value in (float("inf"), float("-inf")):
            return repr(value)
        if self.mode == FULL:
            return repr(value)
        if self.mode == READABLE:
            if self.decimals is not None:
                if column == "f" and abs(value) < _FIXED_LIMIT:
                    return f"{value:.{self.decimals}f}"
                if column == "f":  # fixed decimals would write every digit of 1e132
                    return f"{value:.{_READABLE_DIGITS}g}"
                short = f"{value:.{_READABLE_DIGITS}g}"
                return repr(value) if float(short) == value else repr(round(value, self.decimals))
            return f"{value:.{_READABLE_DIGITS}g}"
        return f"{value:.{self.mode}g}"

    def width(self, values, column: str = "") -> int:
        """At least the length of ``text(v, column)`` for every v in ``values`` (a float array)."""
        values = np.asarray(values, dtype=np.float64).ravel()
        if values.size == 0:
            return 1
        if not np.isfinite(values).all():
            return _LONGEST_REPR
        sign = int((values < 0).any())
        exponent = np.nan_to_num(_exponents(values), nan=0.0, neginf=0.0)
        low, high = int(exponent.min()), int(exponent.max())
        if self.mode == FULL:  # repr: at most 17 significant digits, e-notation from 1e16 and below 1e-4
            return min(_LONGEST_REPR, _significant_width(sign, low, high if high < 16 else 17, 17))
        digits = _READABLE_DIGITS if self.mode == READABLE else int(self.mode)
        if self.mode != READABLE or self.decimals is None:
            return _significant_width(sign, low, high, digits)
        if column == "f":  # fixed decimals below _FIXED_LIMIT (1e15), e-notation from there on
            fixed = sign + max(min(high, 14) + 1, 1) + 1 + self.decimals
            return max(fixed, _LONGEST_REPR) if high >= 15 else fixed
        if high >= 15:
            return _LONGEST_REPR
        whole = max(high + 1, 1)  # digits before the point
        rounded = sign + whole + 1 + max(self.decimals, 1) + (5 if self.decimals >= 5 else 0)
        short = _short_decimals(values, exponent)
        if not (short >= 0).any():
            return rounded
        return max(rounded if (short < 0).any() else 0, _short_width(values[short >= 0], exponent[short >= 0],
                                                                   short[short >= 0]))


def _significant_width(sign: int, low: int, high: int, digits: int) -> int:
    """At most the length of any value with exponents low..high shown with ``digits`` significant digits."""
    if low < -4 or high >= digits:
        return max(sign + 1 + 1 + digits + 5, sign + digits + 1 + 4)  # "-d.ddde-308"
    return sign + digits + 1 + max(0, -low)  # "0.000ddd" has leading zeros after the point


def _short_decimals(values: np.ndarray, exponent: np.ndarray) -> np.ndarray:
    """Per value, the fewest decimals that write it exactly with at most 10 significant digits (so that
    its repr is that short), or -1.  numpy's rounding suffices: if v == round(v, m) in numpy, the decimal
    with m places that numpy rounded to reads back as v, so repr(v) has at most m places."""
    found = np.full(values.shape, -1)
    with np.errstate(over="ignore", invalid="ignore"):
        for places in range(0, 16):
            hit = (found < 0) & (places + exponent + 1 <= _READABLE_DIGITS) & (np.round(values, places) == values)
            found[hit] = places
    return found


def _short_width(values: np.ndarray, exponent: np.ndarray, places: np.ndarray) -> int:
    """The longest repr among values that are short (see `_short_decimals`)."""
    negative = (values < 0).astype(int)
    tiny = (values != 0) & (np.abs(values) < 1e-4)  # repr switches to e-notation: "3.0517578125e-05"
    significant = places + exponent.astype(int) + 1
    fixed = negative + np.maximum(exponent.astype(int) + 1, 1) + 1 + np.maximum(places, 1)
    scientific = negative + significant + (significant > 1) + np.where(exponent <= -100, 5, 4)
    return int(np.where(tiny, scientific, fixed).max())
