"""Declarations of tunable values: what a hyperparameter is called, its default, its valid range.

One `Hyper` per hyperparameter is written once, in the optimizer that uses it; the command line's
``--set``, the window's parameter panels and exported files all read the same declaration, so a range or
a meaning is never restated anywhere else.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["Hyper", "InvalidValue", "parse_number"]


class InvalidValue(ValueError):
    """A value a user gave is not acceptable; the message names the value and says why, in one line."""


def parse_number(text: str, what: str) -> float:
    """Parse ``text`` as a finite float, or raise InvalidValue naming ``what``."""
    try:
        value = float(str(text).strip())
    except ValueError:
        raise InvalidValue(f"{what} must be a number, got {text!r}") from None
    if not math.isfinite(value):
        raise InvalidValue(f"{what} must be a finite number, got {text!r}")
    return value


@dataclass(frozen=True)
class Hyper:
    """One hyperparameter: a float in an interval.

    name: the lecture notes' name (``lr``, ``momentum``, ``gamma``, ``beta1``, ``beta2``, ``eps``).
    symbol: the mathematical symbol used on screen.  meaning: one line for a tooltip or ``--list``.
    The interval is [low, high], with either end excluded when ``low_open``/``high_open`` is set.
    """

    name: str
    default: float
    low: float
    high: float
    symbol: str
    meaning: str
    low_open: bool = False
    high_open: bool = False

    def __post_init__(self):
        self.check(self.default)  # a declaration whose default is out of its own range is a bug

    @property
    def range_text(self) -> str:
        """The interval in the usual notation, e.g. ``0 < lr ≤ 100``."""
        left = "<" if self.low_open else "≤"
        right = "<" if self.high_open else "≤"
        return f"{self.low:g} {left} {self.name} {right} {self.high:g}"

    def contains(self, value: float) -> bool:
        above = value > self.low if self.low_open else value >= self.low
        below = value < self.high if self.high_open else value <= self.high
        return math.isfinite(value) and above and below

    def check(self, value) -> float:
        """Return ``value`` as a float if it is in range; otherwise raise InvalidValue with the reason."""
        value = parse_number(value, self.name) if isinstance(value, str) else value
        try:
            value = float(value)
        except (TypeError, ValueError):
            raise InvalidValue(f"{self.name} must be a number, got {value!r}") from None
        if not math.isfinite(value):
            raise InvalidValue(f"{self.name} must be a finite number, got {value!r}")
        if not self.contains(value):
            raise InvalidValue(f"{self.name} = {value:g} is out of range: need {self.range_text}")
        return value
