"""Declared values: what a number, a whole number, a point or a name may be, checked one way everywhere.

A declaration states a value's rules once (type, range, default, meaning).  Every entry point goes
through it: ``check`` takes a value as a program or a JSON file gives it and accepts exactly the declared
type (``true`` is not a number, ``"0.5"`` is not a number, ``"12"`` is not a point); ``parse`` takes what
a person typed (a command-line argument, a field in the window) and then checks it.  Either raises
`InvalidValue` with one line naming the value and saying why, the same line wherever the value came from.
"""

from __future__ import annotations

import math
import numbers
import unicodedata
from dataclasses import dataclass

import numpy as np

__all__ = ["ECHO_LIMIT", "Box", "InvalidValue", "Number", "Point", "Text", "Whole", "is_number", "parse_number",
           "shown"]

#: Longest piece of a user's input quoted back in an error message.
ECHO_LIMIT = 40
# control characters (C0, DEL, C1), line and paragraph separators, unpaired surrogates
_CONTROL = {"Cc", "Zl", "Zp", "Cs"}


class InvalidValue(ValueError):
    """A value a user gave is not acceptable; the message names the value and says why, in one line."""


def shown(value) -> str:
    """``value`` as quoted in an error message: its repr, cut to `ECHO_LIMIT` characters with its length."""
    try:
        text = repr(value)
    except ValueError:  # an int too long for repr (Python's limit on int digits)
        return "a number too long to show"
    if len(text) <= ECHO_LIMIT:
        return text
    return f"{text[:ECHO_LIMIT - 1]}… ({len(text):,} characters)"


def is_number(value) -> bool:
    """A real number as a program gives one: int, float or numpy number, but not bool (nor text)."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool | np.bool_)


def parse_number(text, what: str) -> float:
    """Parse typed ``text`` (``-1e5``, ``0.5``, `` 3 ``) as a finite float, or raise InvalidValue naming ``what``."""
    try:
        value = float(str(text).strip())
    except ValueError:
        raise InvalidValue(f"{what} must be a number, got {shown(text)}") from None
    if not math.isfinite(value):
        raise InvalidValue(f"{what} must be a finite number, got {shown(text)}")
    return value


def _bound(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() and abs(value) < 1e15 else f"{value:g}"


@dataclass(frozen=True)
class Number:
    """A finite float in an interval; either end excluded with ``low_open``/``high_open``, and ``high``
    may be inf.  ``label`` names it in messages (``the tolerance``); ``name`` is its key in files."""

    name: str
    label: str
    default: float
    low: float
    high: float = math.inf
    meaning: str = ""
    low_open: bool = False
    high_open: bool = False

    def __post_init__(self):
        self.check(self.default)  # a declaration whose default is out of its own range is a bug

    @property
    def range_text(self) -> str:
        """The interval in the usual notation, e.g. ``0 < lr ≤ 100`` or ``tol ≥ 0``."""
        left = "<" if self.low_open else "≤"
        if math.isinf(self.high):
            return f"{self.name} {'>' if self.low_open else '≥'} {_bound(self.low)}"
        right = "<" if self.high_open else "≤"
        return f"{_bound(self.low)} {left} {self.name} {right} {_bound(self.high)}"

    def contains(self, value: float) -> bool:
        above = value > self.low if self.low_open else value >= self.low
        below = value < self.high if self.high_open else value <= self.high
        return math.isfinite(value) and above and below

    def check(self, value) -> float:
        """``value`` as a float if it is a number in range; InvalidValue otherwise (text included)."""
        if not is_number(value):
            raise InvalidValue(f"{self.label} must be a number, got {shown(value)}")
        try:
            number = float(value)
        except OverflowError:
            raise InvalidValue(f"{self.label} must be a finite number, got {shown(value)}") from None
        if not math.isfinite(number):
            raise InvalidValue(f"{self.label} must be a finite number, got {shown(value)}")
        if not self.contains(number):
            raise InvalidValue(f"{self.label} = {number:g} is out of range: need {self.range_text}")
        return number

    def parse(self, text) -> float:
        return self.check(parse_number(text, self.label))


@dataclass(frozen=True)
class Whole:
    """A whole number in [low, high]; with ``off`` set, None is allowed too and means that (``off``
    describes it, e.g. "no rounding")."""

    name: str
    label: str
    default: int | None
    low: int
    high: int
    meaning: str = ""
    off: str = ""

    def __post_init__(self):
        self.check(self.default)

    @property
    def range_text(self) -> str:
        return f"{self.low:,} to {self.high:,}"

    def check(self, value) -> int | None:
        if value is None and self.off:
            return None
        integral = isinstance(value, numbers.Integral) or (isinstance(value, float | np.floating)
                                                            and math.isfinite(value) and float(value).is_integer())
        if not is_number(value) or not integral:
            raise InvalidValue(f"{self.label} must be a whole number from {self.range_text}, got {shown(value)}")
        whole = int(value)
        if not self.low <= whole <= self.high:
            raise InvalidValue(f"{self.label} must be a whole number from {self.range_text}, got {shown(whole)}")
        return whole

    def parse(self, text) -> int | None:
        """Typed text: ``20``, `` 1e6 ``, ``1,000``; empty or ``off`` for None where that is allowed."""
        cleaned = str(text).strip().replace(",", "").replace("_", "")
        if self.off and cleaned.lower() in ("", "off", "none"):
            return None
        try:
            value = int(cleaned) if len(cleaned) <= 30 else None
        except ValueError:
            try:
                value = float(cleaned)
            except ValueError:
                value = None
        if value is None:
            raise InvalidValue(f"{self.label} must be a whole number from {self.range_text}, got {shown(text)}")
        return self.check(value)


@dataclass(frozen=True)
class Point:
    """An (x, y) pair of finite floats, each below ``bound`` in size."""

    name: str
    label: str
    bound: float
    meaning: str = ""

    def check(self, value) -> tuple[float, float]:
        if isinstance(value, np.ndarray):
            value = value.tolist()
        if not isinstance(value, list | tuple) or len(value) != 2 or not all(is_number(v) for v in value):
            raise InvalidValue(f"{self.label} must be two numbers [x, y], got {shown(value)}")
        return tuple(self._coordinate(axis, v) for axis, v in zip("xy", value, strict=True))

    def _coordinate(self, axis: str, value) -> float:
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
        if not math.isfinite(number) or abs(number) >= self.bound:
            raise InvalidValue(f"{self.label} {axis} must be a finite number below {self.bound:g} in size, "
                               f"got {shown(value)}")
        return number

    def parse(self, x_text, y_text) -> tuple[float, float]:
        return self.check((parse_number(x_text, f"{self.label} x"), parse_number(y_text, f"{self.label} y")))

    def parse_coordinate(self, axis: str, text) -> float:
        """One typed coordinate (a field in the window holds one)."""
        return self._coordinate(axis, parse_number(text, f"{self.label} {axis}"))


@dataclass(frozen=True)
class Box:
    """A rectangle (x_min, x_max, y_min, y_max) of finite numbers below ``bound`` in size, x_min < x_max
    and y_min < y_max."""

    name: str
    label: str
    bound: float
    meaning: str = ""

    def check(self, value) -> tuple[float, float, float, float]:
        if isinstance(value, np.ndarray):
            value = value.tolist()
        if not isinstance(value, list | tuple) or len(value) != 4 or not all(is_number(v) for v in value):
            raise InvalidValue(f"{self.label} must be four numbers [x_min, x_max, y_min, y_max], got {shown(value)}")
        try:
            x0, x1, y0, y1 = (float(v) for v in value)
        except OverflowError:
            x0 = math.inf
        if not all(math.isfinite(v) and abs(v) < self.bound for v in (x0, x1, y0, y1)):
            raise InvalidValue(f"{self.label} must be finite numbers below {self.bound:g} in size, got {shown(value)}")
        if not (x0 < x1 and y0 < y1):
            raise InvalidValue(f"{self.label} needs x_min < x_max and y_min < y_max, got {shown(value)}")
        return x0, x1, y0, y1


@dataclass(frozen=True)
class Text:
    """A one-line text of 1 to ``max_length`` characters (after trimming spaces), or up to ``max_length``
    lines' worth when ``multiline``; never control characters other than newlines where allowed."""

    name: str
    label: str
    max_length: int
    multiline: bool = False
    allow_empty: bool = False

    def check(self, value) -> str:
        if not isinstance(value, str):
            raise InvalidValue(f"{self.label} must be text, got {shown(value)}")
        text = value.strip()
        if not text and not self.allow_empty:
            raise InvalidValue(f"{self.label} must not be empty")
        if len(text) > self.max_length:
            raise InvalidValue(f"{self.label} is {len(text):,} characters long; at most {self.max_length:,} "
                               f"are allowed")
        allowed = "\n" if self.multiline else ""
        if any(ch not in allowed and unicodedata.category(ch) in _CONTROL for ch in text):
            raise InvalidValue(f"{self.label} must not contain control characters"
                               + ("" if self.multiline else " or line breaks"))
        return text

    def parse(self, text) -> str:
        return self.check(str(text))
