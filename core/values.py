"""Declared values: what a number, a whole number, a point or a name may be, checked one way everywhere.

A declaration states a value's rules once (type, range, default, meaning).  Every entry point goes
through it: ``check`` takes a value as a program or a JSON file gives it and accepts exactly the declared
type (``true`` is not a number, ``"0.5"`` is not a number, ``"12"`` is not a point); ``parse`` takes what
a person typed (a command-line argument, a field in the window) and then checks it.  Either raises
`InvalidValue` with one line naming the value and saying why, the same line wherever the value came from.

Refusals are translated when they are raised (`core.i18n`); a declaration's ``label`` and ``meaning`` are
English, marked with ``N_`` where it is declared, and shown translated through ``label_text`` and
``meaning_text`` (``range_text`` is in the current language too).
"""

from __future__ import annotations

import math
import numbers
import unicodedata
from dataclasses import dataclass

import numpy as np

from .i18n import _

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
        return _("a number too long to show")
    if len(text) <= ECHO_LIMIT:
        return text
    return _("{start}… ({count} characters)").format(start=text[:ECHO_LIMIT - 1], count=f"{len(text):,}")


def is_number(value) -> bool:
    """A real number as a program gives one: int, float or numpy number, but not bool (nor text)."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool | np.bool_)


def parse_number(text, what: str) -> float:
    """Parse typed ``text`` (``-1e5``, ``0.5``, `` 3 ``) as a finite float, or raise InvalidValue naming
    ``what`` (a label as shown: translated already, or a symbol such as ``--noise``)."""
    if not str(text).strip():  # a cleared field: "got ''" would read as a riddle
        raise InvalidValue(_("{label} is empty: type a number").format(label=what))
    try:
        value = float(str(text).strip())
    except ValueError:
        raise _not_a_number(what, text) from None
    if not math.isfinite(value):
        raise _not_finite(what, text)
    return value


def _not_a_number(label: str, value) -> InvalidValue:
    return InvalidValue(_("{label} must be a number, got {value}").format(label=label, value=shown(value)))


def _not_finite(label: str, value) -> InvalidValue:
    return InvalidValue(_("{label} must be a finite number, got {value}").format(label=label, value=shown(value)))


class _Shown:
    """What a declaration shows a person, in the current language: its ``label`` and ``meaning`` are
    English texts marked with ``N_`` where declared, translated here each time they are asked for."""

    @property
    def label_text(self) -> str:
        return _(self.label)

    @property
    def meaning_text(self) -> str:
        return _(getattr(self, "meaning", ""))


def _bound(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() and abs(value) < 1e15 else f"{value:g}"


@dataclass(frozen=True)
class Number(_Shown):
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
            raise _not_a_number(self.label_text, value)
        try:
            number = float(value)
        except OverflowError:
            raise _not_finite(self.label_text, value) from None
        if not math.isfinite(number):
            raise _not_finite(self.label_text, value)
        if not self.contains(number):
            raise InvalidValue(_("{label} = {number} is out of range: need {range}").format(
                label=self.label_text, number=f"{number:g}", range=self.range_text))
        return number

    def parse(self, text) -> float:
        return self.check(parse_number(text, self.label_text))


@dataclass(frozen=True)
class Whole(_Shown):
    """A whole number in [low, high]; with ``off`` set, None is allowed too and means that (``off``
    describes it, e.g. "no rounding": `off_text` in the current language)."""

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
        """``0 to 12``, in the current language."""
        return _("{low} to {high}").format(low=f"{self.low:,}", high=f"{self.high:,}")

    @property
    def off_text(self) -> str:
        return _(self.off)

    def _refused(self, value) -> InvalidValue:
        return InvalidValue(_("{label} must be a whole number from {range}, got {value}").format(
            label=self.label_text, range=self.range_text, value=shown(value)))

    def check(self, value) -> int | None:
        if value is None and self.off:
            return None
        integral = isinstance(value, numbers.Integral) or (isinstance(value, float | np.floating)
                                                            and math.isfinite(value) and float(value).is_integer())
        if not is_number(value) or not integral:
            raise self._refused(value)
        whole = int(value)
        if not self.low <= whole <= self.high:
            raise self._refused(whole)
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
            raise self._refused(text)
        return self.check(value)


@dataclass(frozen=True)
class Point(_Shown):
    """An (x, y) pair of finite floats, each below ``bound`` in size."""

    name: str
    label: str
    bound: float
    meaning: str = ""

    def check(self, value) -> tuple[float, float]:
        if isinstance(value, np.ndarray):
            value = value.tolist()
        if not isinstance(value, list | tuple) or len(value) != 2 or not all(is_number(v) for v in value):
            raise InvalidValue(_("{label} must be two numbers [x, y], got {value}").format(
                label=self.label_text, value=shown(value)))
        return tuple(self._coordinate(axis, v) for axis, v in zip("xy", value, strict=True))

    def _coordinate(self, axis: str, value) -> float:
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
        if not math.isfinite(number) or abs(number) >= self.bound:
            raise InvalidValue(_("{label} {axis} must be a finite number below {bound} in size, got {value}").format(
                label=self.label_text, axis=axis, bound=f"{self.bound:g}", value=shown(value)))
        return number

    def parse(self, x_text, y_text) -> tuple[float, float]:
        return self.check((parse_number(x_text, f"{self.label_text} x"), parse_number(y_text, f"{self.label_text} y")))

    def parse_coordinate(self, axis: str, text) -> float:
        """One typed coordinate (a field in the window holds one)."""
        return self._coordinate(axis, parse_number(text, f"{self.label_text} {axis}"))


@dataclass(frozen=True)
class Box(_Shown):
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
            raise self._refused(_("{label} must be four numbers [x_min, x_max, y_min, y_max], got {value}"), value)
        try:
            x0, x1, y0, y1 = (float(v) for v in value)
        except OverflowError:
            x0 = math.inf
        if not all(math.isfinite(v) and abs(v) < self.bound for v in (x0, x1, y0, y1)):
            raise self._refused(_("{label} must be finite numbers below {bound} in size, got {value}"), value)
        if not (x0 < x1 and y0 < y1):
            raise self._refused(_("{label} needs x_min < x_max and y_min < y_max, got {value}"), value)
        return x0, x1, y0, y1

    def _refused(self, message: str, value) -> InvalidValue:
        return InvalidValue(message.format(label=self.label_text, bound=f"{self.bound:g}", value=shown(value)))


@dataclass(frozen=True)
class Text(_Shown):
    """A one-line text of 1 to ``max_length`` characters (after trimming spaces), or up to ``max_length``
    lines' worth when ``multiline``; never control characters other than newlines where allowed."""

    name: str
    label: str
    max_length: int
    multiline: bool = False
    allow_empty: bool = False

    def check(self, value) -> str:
        if not isinstance(value, str):
            raise InvalidValue(_("{label} must be text, got {value}").format(label=self.label_text, value=shown(value)))
        text = value.strip()
        if not text and not self.allow_empty:
            raise InvalidValue(_("{label} must not be empty").format(label=self.label_text))
        if len(text) > self.max_length:
            raise InvalidValue(_("{label} is {length} characters long; at most {most} are allowed").format(
                label=self.label_text, length=f"{len(text):,}", most=f"{self.max_length:,}"))
        allowed = "\n" if self.multiline else ""
        if any(ch not in allowed and unicodedata.category(ch) in _CONTROL for ch in text):
            refusal = (_("{label} must not contain control characters") if self.multiline
                       else _("{label} must not contain control characters or line breaks"))
            raise InvalidValue(refusal.format(label=self.label_text))
        return text

    def parse(self, text) -> str:
        return self.check(str(text))
