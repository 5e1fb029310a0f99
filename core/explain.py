"""An update written out with this step's numbers: ``v_x = 0.5 × 2.0 − 0.5 × 4.0 = −1.0``.

Each optimizer declares its update once as `Equation` lines (in its own module): the symbolic form with
the notes' symbols, and a numeric template whose ``{placeholders}`` name values of the step.  `explain`
fills them in for update k of a run from its recorded history, so every number shown is one the core
computed: the values before the update (``p``, ``g``, each state field), after it (``new_p``,
``new_<field>``), the hyperparameters by name, ``lr`` (the learning rate in effect at update k), ``t``
(= k), and whatever the optimizer adds for its own intermediate quantities (`Optimizer.explain_values`:
Adam's ``lr_t``, AdaDelta's ``delta``...).  The value after "=" is the recorded one (``new_<target>``
unless the equation names another ``result``), so with the notes' rounding on it is what the notes print.

Numeric templates use ``×``, ``/``, ``+``, ``−``, ``²``, ``^``, ``√(…)``, ``max(…, …)``, ``sign(…)`` and
``|…|``; a negative number is put in parentheses wherever it would otherwise read wrongly.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Equation", "Line", "explain", "step_values", "substitute"]

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Equation:
    """One line of an update.

    target: what it computes: ``p`` (the point), a state field, or an intermediate quantity.
    symbolic: the right-hand side in the notes' symbols; numeric: the same with ``{value}`` placeholders.
    result: the value shown after "=" (default ``new_<target>``).  per_coordinate: False for a quantity
    that is the same for x and y (Adam's lr_t), written once.  when: the name of a value that must be
    true for the line to apply (``!name``: false), for updates with cases.  label: how to name the
    target on screen, if not its own name.
    """

    target: str
    symbolic: str
    numeric: str
    result: str = ""
    per_coordinate: bool = True
    when: str = ""
    label: str = ""

    @property
    def result_name(self) -> str:
        return self.result or f"new_{self.target}"

    def applies(self, values: dict) -> bool:
        if not self.when:
            return True
        negate = self.when.startswith("!")
        return bool(values.get(self.when.lstrip("!"))) != negate


@dataclass(frozen=True)
class Line:
    """An equation for one coordinate (``axis`` "x"/"y", or "" once for both), written out."""

    label: str
    symbolic: str
    numeric: str
    result: str
    value: float
    equation: Equation
    axis: str = ""

    def text(self) -> str:
        return f"{self.label} = {self.numeric} = {self.result}"


def substitute(template: str, values: dict, fmt: Callable[[float], str]) -> str:
    """``template`` with each ``{name}`` replaced by ``fmt(values[name])``, a negative number in
    parentheses unless it opens the expression or a bracket and is not raised to a power; ``×`` spaced."""
    def number(match: re.Match) -> str:
        value = values[match.group(1)]
        text = fmt(value).replace("-", "−")
        before = template[: match.start()].rstrip()
        after = template[match.end():]
        opens = before == "" or before.endswith(("(", "|", ","))
        return f"({text})" if text.startswith("−") and not (opens and not after.startswith(("²", "^"))) else text
    return _PLACEHOLDER.sub(number, template).replace("×", " × ")


def step_values(optimizer, history, k: int, axis: str) -> dict:
    """Every value update k (k >= 1) of a run used and made, for coordinate ``axis``, by name.

    optimizer: the one that made update k (with its hyperparameters); history: the run's recorded rows."""
    before, after = history.row(k - 1), history.row(k)
    values = dict(optimizer.values)
    values.update(lr=optimizer.learning_rate(k), t=k, p=before[axis], new_p=after[axis])
    noisy = f"noisy_grad_{axis}"
    values["g"] = before[noisy] if noisy in before else before[f"grad_{axis}"]
    for name in optimizer.fields:
        values[name], values[f"new_{name}"] = before[f"{name}_{axis}"], after[f"{name}_{axis}"]
    (constant,) = optimizer.step_constants(k, 1)
    values.update(optimizer.explain_values(constant, values))
    return values


def explain(optimizer, history, k: int, fmt: Callable[[float, str], str]) -> list[Line]:
    """The optimizer's equations for update k written out with the run's numbers, x then y.

    fmt(value, column) formats a number as the window shows it (column: the history column it comes
    from, "" for others)."""
    lines: list[Line] = []
    per_axis = {axis: step_values(optimizer, history, k, axis) for axis in "xy"}
    for equation in optimizer.equations:
        axes = "xy" if equation.per_coordinate else "x"
        for axis in axes:
            values = per_axis[axis]
            if not equation.applies(values):
                continue
            column = _column(equation.target, axis, optimizer)
            label = _label(equation, axis if equation.per_coordinate else "")
            numeric = substitute(equation.numeric, values, lambda v: fmt(v, ""))
            value = values[equation.result_name]
            result = fmt(value, column).replace("-", "−")
            lines.append(Line(label, equation.symbolic, numeric, result, value, equation,
                              axis if equation.per_coordinate else ""))
    return lines


def _column(target: str, axis: str, optimizer) -> str:
    if target == "p":
        return axis
    return f"{target}_{axis}" if target in optimizer.fields else ""


def _label(equation: Equation, axis: str) -> str:
    name = equation.label or equation.target
    if equation.target == "p":
        return axis or "p"
    return f"{name}_{axis}" if axis else name
