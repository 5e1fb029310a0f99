"""Declarations of hyperparameters: what each is called, its symbol, default, valid range and meaning.

One `Hyper` per hyperparameter is written once, in the optimizer that uses it; the command line's
``--set``, the window's parameter panels and session files all read the same declaration, so a range or
a meaning is never restated anywhere else.  A Hyper is a `core.values.Number` with a symbol.
"""

from __future__ import annotations

from dataclasses import dataclass

from .values import InvalidValue, Number, parse_number

__all__ = ["Hyper", "InvalidValue", "parse_number"]


@dataclass(frozen=True, init=False)
class Hyper(Number):
    """One hyperparameter: a float in an interval.

    name: the lecture notes' name (``lr``, ``momentum``, ``gamma``, ``beta1``, ``beta2``, ``eps``), which
    is also how messages name it, in every language.  symbol: the mathematical symbol used on screen.
    meaning: one line for a tooltip or ``--list``, marked with ``N_`` and shown as ``meaning_text``.  The
    interval is [low, high], with either end excluded when ``low_open``/``high_open`` is set.
    """

    symbol: str = ""

    def __init__(self, name: str, default: float, low: float, high: float, symbol: str, meaning: str,
                 low_open: bool = False, high_open: bool = False):
        for key, value in (("name", name), ("label", name), ("default", default), ("low", low), ("high", high),
                           ("meaning", meaning), ("low_open", low_open), ("high_open", high_open),
                           ("symbol", symbol)):
            object.__setattr__(self, key, value)
        self.__post_init__()

    @property
    def label_text(self) -> str:
        """The name itself in every language: it is what ``--set`` and session files call it."""
        return self.label
