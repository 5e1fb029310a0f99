"""The update written out with a step's numbers: every line evaluates to the value the core recorded."""

from __future__ import annotations

import math
import re

import pytest

from core.explain import explain, substitute
from core.functions import get_function
from core.optimizers import OPTIMIZERS
from core.run import Run


def _evaluate(numeric: str) -> float:
    """The written-out arithmetic, computed independently: turned into Python and evaluated."""
    text = numeric.replace("−", "-").replace("×", "*").replace("²", "**2").replace("^", "**").replace("√", "sqrt")
    text = re.sub(r"\|([^|]*)\|", r"abs(\1)", text)
    sign = lambda v: math.copysign(1.0, v) if v else 0.0  # noqa: E731
    return eval(text, {"__builtins__": {}}, {"sqrt": math.sqrt, "max": max, "abs": abs, "sign": sign})


def _run(name, function="himmelblau", start=(0.5, 0.5), steps=12, decimals=None, **extra):
    cls = OPTIMIZERS[name]
    run = Run(get_function(function), cls(**{**cls.demo, **extra}), start, decimals=decimals, max_steps=steps,
              tol=0.0)
    run.advance(steps)
    return run


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_every_line_evaluates_to_the_recorded_value(name):
    run = _run(name)
    checked = 0
    for k in range(1, run.step + 1):
        for line in explain(run.optimizer_for(k), run.history, k, lambda v, _c: repr(float(v))):
            computed = _evaluate(line.numeric)
            assert computed == pytest.approx(line.value, rel=1e-9, abs=1e-12), (k, line.text())
            assert float(line.result.replace("−", "-")) == line.value
            checked += 1
    assert checked >= run.step * 2
    targets = {line.equation.target for line in explain(run.optimizer, run.history, run.step, lambda v, c: str(v))}
    assert "p" in targets and set(run.optimizer.fields) <= targets | {"t"}  # every state field is written out


def test_weight_decay_and_rectification_cases_are_written_out():
    decayed = _run("nadam", weight_decay=0.1)
    lines = explain(decayed.optimizer, decayed.history, 3, lambda v, c: repr(float(v)))
    assert any(line.equation.target == "g" for line in lines)
    for line in lines:
        assert _evaluate(line.numeric) == pytest.approx(line.value, rel=1e-9, abs=1e-12)
    radam = _run("radam", steps=8)
    early = explain(radam.optimizer, radam.history, 2, lambda v, c: repr(float(v)))
    late = explain(radam.optimizer, radam.history, 8, lambda v, c: repr(float(v)))
    assert not any(line.label == "r_t" for line in early) and any(line.label == "r_t" for line in late)


def test_momentum_at_step_two_of_the_notes_lesson():
    run = _run("momentum", "quadratic", (0.0, 0.0), 2, decimals=4, lr=0.5, momentum=0.5)
    texts = [line.text() for line in explain(run.optimizer, run.history, 2, lambda v, c: repr(float(v)))]
    assert "v_x = 0.5 × 2.0 − 0.5 × 4.0 = −1.0" in texts
    assert "x = 2.0 + (−1.0) = 1.0" in texts


def test_negative_numbers_are_bracketed_where_they_would_read_wrongly():
    fmt = repr
    assert substitute("{a} − {b}", {"a": -1.0, "b": -2.0}, fmt) == "−1.0 − (−2.0)"
    assert substitute("{a}²", {"a": -3.0}, fmt) == "(−3.0)²"
    assert substitute("max({a}, |{b}|)", {"a": -1.0, "b": -2.0}, fmt) == "max(−1.0, |−2.0|)"
