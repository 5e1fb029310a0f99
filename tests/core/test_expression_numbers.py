"""Typed-in functions compute what they say: values and gradients against independent references, the notes'
quadratic typed in against the built-in one, one point against many bit for bit, and non-finite regions."""

import csv
import io
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from core.batch import WINDOW, run_batch
from core.expression import DEFAULT_VIEW, ExpressionError, expression_objective, parse_function
from core.functions import FUNCTIONS, get_function, is_typed_in
from core.lessons import Lesson, LessonRun, load_session, save_session
from core.numerics import ArrayOps, FloatOps
from core.optimizers import OPTIMIZERS
from core.run import Run, Stop, StopReason
from core.trajectory_csv import write_csv_stream
from core.values import InvalidValue

from .lecture_notes import read_tables

FLOAT, ARRAY = FloatOps(), ArrayOps()

# a dozen functions with f written by hand in Python, and where to look at them
REFERENCES = [
    ("x^2 + 3*y^2 - sin(x*y)", lambda x, y: x * x + 3 * y * y - math.sin(x * y), (-2, 2)),
    ("(1-x)^2 + 100*(y-x^2)^2", lambda x, y: (1 - x) ** 2 + 100 * (y - x * x) ** 2, (-2, 2)),
    ("exp(-(x^2+y^2))", lambda x, y: math.exp(-(x * x + y * y)), (-2, 2)),
    ("log(1 + x^2 + y^2)", lambda x, y: math.log(1 + x * x + y * y), (-3, 3)),
    ("sqrt(1 + x^2 + y^4)", lambda x, y: math.sqrt(1 + x * x + y**4), (-3, 3)),
    ("tanh(x - y)*cosh(y/3)", lambda x, y: math.tanh(x - y) * math.cosh(y / 3), (-3, 3)),
    ("atan(x*y) + sinh(x/4)", lambda x, y: math.atan(x * y) + math.sinh(x / 4), (-3, 3)),
    ("cos(x)*tan(y/4)", lambda x, y: math.cos(x) * math.tan(y / 4), (-3, 3)),
    ("abs(x)^3 + y^2", lambda x, y: abs(x) ** 3 + y * y, (-2, 2)),
    ("(x^2 + y^2 + 0.5)^(1/3)", lambda x, y: (x * x + y * y + 0.5) ** (1 / 3), (-2, 2)),
    ("x/(1 + y^2) - 2^(x/3)", lambda x, y: x / (1 + y * y) - 2 ** (x / 3), (-3, 3)),
    ("e^(x/5)*pi^(-y/7)", lambda x, y: math.e ** (x / 5) * math.pi ** (-y / 7), (-3, 3)),
    ("x^y + 1/(x^2 + y^2 + 1)^2", lambda x, y: x**y + 1 / (x * x + y * y + 1) ** 2, (0.5, 3)),
]


def _points(low, high, n, seed):
    rng = np.random.default_rng(seed)
    return rng.uniform(low, high, n), rng.uniform(low, high, n)


@pytest.mark.parametrize(("text", "reference", "box"), REFERENCES, ids=[r[0] for r in REFERENCES])
def test_values_and_symbolic_gradients_against_the_reference_and_central_differences(text, reference, box):
    fn = parse_function(text)
    xs, ys = _points(*box, 60, len(text))
    for x, y in zip(xs.tolist(), ys.tolist(), strict=True):
        assert fn.value(x, y, FLOAT) == pytest.approx(reference(x, y), rel=1e-13, abs=1e-13)
        h = 1e-5 * max(1.0, abs(x), abs(y))
        # the 4-point central difference of the hand-written f, error O(h^4)
        dx = (-reference(x + 2 * h, y) + 8 * reference(x + h, y) - 8 * reference(x - h, y)
              + reference(x - 2 * h, y)) / (12 * h)
        dy = (-reference(x, y + 2 * h) + 8 * reference(x, y + h) - 8 * reference(x, y - h)
              + reference(x, y - 2 * h)) / (12 * h)
        noise = max(1.0, abs(reference(x, y))) * 1e-13 / h  # rounding error of the differences
        gx, gy = fn.grad(x, y, FLOAT)
        assert gx == pytest.approx(dx, rel=1e-7, abs=noise), (x, y)
        assert gy == pytest.approx(dy, rel=1e-7, abs=noise), (x, y)


TYPED_BUILTINS = {
    "quadratic": "x*x + y*y + x*y - 4*x - 8*y",
    "rosenbrock": "(1 - x)^2 + 100*(y - x^2)^2",
    "beale": "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",
    "himmelblau": "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
    "booth": "(x + 2*y - 7)^2 + (2*x + y - 5)^2",
    "matyas": "0.26*(x^2 + y^2) - 0.48*x*y",
    "saddle": "x^2 - y^2",
    "rastrigin": "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)",
    "ackley": "-20*exp(-0.2*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20",
    "six-hump-camel": "(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2",
    "goldstein-price": "(1 + (x + y + 1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2))"
                       "*(30 + (2*x - 3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))",
    "styblinski-tang": "0.5*(x^4 - 16*x^2 + 5*x + y^4 - 16*y^2 + 5*y)",
    "ill-conditioned": "x^2/20 + y^2",
}


def test_every_builtin_function_is_covered():
    assert set(TYPED_BUILTINS) == set(FUNCTIONS)


@pytest.mark.parametrize("name", sorted(TYPED_BUILTINS))
def test_builtin_functions_typed_in_agree_with_their_handwritten_gradients(name):
    builtin, typed = FUNCTIONS[name], expression_objective(TYPED_BUILTINS[name], view=FUNCTIONS[name].view)
    x0, x1, y0, y1 = builtin.view
    xs, ys = _points(0, 1, 300, 7)
    xs, ys = x0 + (x1 - x0) * xs, y0 + (y1 - y0) * ys
    scale = np.max(np.abs(builtin.f(xs, ys)))
    np.testing.assert_allclose(typed.f(xs, ys), builtin.f(xs, ys), rtol=1e-12, atol=1e-12 * scale)
    for ours, theirs in zip(typed.gradient(xs, ys), builtin.gradient(xs, ys), strict=True):
        np.testing.assert_allclose(ours, theirs, rtol=1e-11, atol=1e-11 * scale)


NOTES = read_tables()
QUADRATICS = ["x*x + y*y + x*y - 4*x - 8*y", "x^2 + y^2 + x*y - 4*x - 8*y", "x**2 + y**2 + x*y - 4*x - 8*y"]
REORDERED = ["y^2 - 8*y + x*y + x^2 - 4*x", "(x*x + y*y) + (x*y - 4*x) - 8*y"]


def _run(function, table, decimals, steps=10):
    optimizer = OPTIMIZERS[table.optimizer.lower()](**table.hyperparameters)
    run = Run(function, optimizer, (0.0, 0.0), decimals=decimals, max_steps=steps, tol=0.0)
    assert run.advance(steps) == steps
    return run.history.array()


@pytest.mark.parametrize("text", QUADRATICS)
@pytest.mark.parametrize("table", NOTES, ids=[t.optimizer for t in NOTES])
def test_the_notes_quadratic_typed_in_reproduces_the_notes_tables_digit_for_digit(table, text):
    builtin, typed = _run(get_function("quadratic"), table, 4), _run(expression_objective(text), table, 4)
    assert np.array_equal(typed, builtin)  # every value of every step: params, f, gradient, state
    for row in table.rows:  # and the notes' own printed numbers
        assert tuple(typed[row.step, :2]) == row.groups["params"]


@pytest.mark.parametrize("text", REORDERED)
def test_the_notes_quadratic_typed_in_another_order_differs_at_most_in_the_last_places(text):
    reordered = expression_objective(text)
    for table in NOTES:
        builtin, typed = _run(get_function("quadratic"), table, 4), _run(reordered, table, 4)
        f = 2  # the value column; the gradient and so every step are the same bits
        assert np.array_equal(np.delete(typed, f, axis=1), np.delete(builtin, f, axis=1))
        np.testing.assert_array_max_ulp(typed[:, f], builtin[:, f], maxulp=4)
        assert [f"{v:.4f}" for v in typed[:, f]] == [f"{v:.4f}" for v in builtin[:, f]]


@pytest.mark.parametrize("text", QUADRATICS[1:] + REORDERED)
def test_without_rounding_the_typed_in_quadratic_stays_within_a_few_ulps(text):
    for table in NOTES:
        builtin, typed = _run(get_function("quadratic"), table, None, 60), _run(expression_objective(text), table,
                                                                              None, 60)
        np.testing.assert_array_max_ulp(typed, builtin, maxulp=8)


def test_implicit_multiplication_in_the_quadratic_is_refused_with_the_fix():
    with pytest.raises(ExpressionError, match=r"missing \* at column 20: write 4\*x"):
        expression_objective("x^2 + y^2 + x*y - 4x - 8y")


BATCH_FUNCTIONS = ["sin(x)*cos(y) + 0.1*(x^2 + y^2)", "exp(-(x^2 + y^2)/4)*log(2 + x^2) - atan(y)",
                   "sqrt(1 + x^2 + y^2) + tanh(x*y)/2", "2^(x/3) + cosh(y/2) - sinh(x/5) + (x^2 + 1)^0.75"]
SETTINGS = {"sgd": {"lr": 0.05}, "momentum": {"lr": 0.05}, "nesterov": {"lr": 0.02}, "adagrad": {"lr": 0.5},
            "rmsprop": {"lr": 0.05}, "adam": {"lr": 0.1}}


@pytest.mark.parametrize("decimals", [None, 4])
@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_a_batch_equals_single_runs_bit_for_bit_on_typed_in_functions(name, decimals):
    rng = np.random.default_rng(11)
    steps = 3 * WINDOW + 5
    cls = OPTIMIZERS[name]  # the six of the notes here, and any other with its own demonstration settings
    optimizer = cls(**SETTINGS[name]) if name in SETTINGS else cls(**getattr(cls, "demo", {}))
    for text in BATCH_FUNCTIONS:
        fn = expression_objective(text)
        starts = rng.uniform(-3, 3, (5, 2))
        result = run_batch(fn, optimizer, starts, steps, decimals=decimals, tol=1e-4, trajectory=True)
        for i, start in enumerate(starts):
            run = Run(fn, optimizer, start, decimals=decimals, max_steps=steps, tol=1e-4)
            run.advance(steps)
            points = run.history.points()
            assert np.array_equal(result.trajectory[: len(points), i], points), (text, i)
            assert np.array_equal(result.grad[i], run.grad_at(run.step))


@pytest.mark.parametrize("text", [r[0] for r in REFERENCES] + BATCH_FUNCTIONS + ["log(x) + sqrt(y) - 1/x"])
def test_one_point_and_arrays_of_points_give_the_same_bits(text):
    fn = parse_function(text)
    xs, ys = _points(-3, 3, 200, 5)
    values, (gx, gy) = fn.value(xs, ys, ARRAY), fn.grad(xs, ys, ARRAY)
    for i, (x, y) in enumerate(zip(xs.tolist(), ys.tolist(), strict=True)):
        assert np.array_equal([fn.value(x, y, FLOAT), *fn.grad(x, y, FLOAT)], [values[i], gx[i], gy[i]],
                              equal_nan=True)


_BITS = """
import json, sys
from core.expression import parse_function
from core.numerics import FloatOps
points = [(0.7, -1.3), (2.0, 0.5), (-1.1, 2.9)]
print(json.dumps([[v.hex() for x, y in points for v in (f.value(x, y, FloatOps()), *f.grad(x, y, FloatOps()))]
                  for f in map(parse_function, json.loads(sys.argv[1]))]))
"""


def test_another_process_computes_the_same_bits():
    # a session or a CSV names a typed-in function by its text: reading it again elsewhere must give the
    # same numbers, whatever order the other process's sympy happens to check its assumptions in
    texts = [r[0] for r in REFERENCES] + BATCH_FUNCTIONS + list(TYPED_BUILTINS.values())
    ours = [[v.hex() for x, y in [(0.7, -1.3), (2.0, 0.5), (-1.1, 2.9)]
             for v in (fn.value(x, y, FLOAT), *fn.grad(x, y, FLOAT))] for fn in map(parse_function, texts)]
    root = Path(__file__).resolve().parents[2]
    for seed in ("0", "12345"):
        done = subprocess.run([sys.executable, "-c", _BITS, json.dumps(texts)], capture_output=True, text=True,
                              cwd=root, timeout=120, env={**os.environ, "PYTHONHASHSEED": seed})
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == ours


def test_undefined_regions_give_nan_or_inf_without_warnings():
    # the suite turns warnings into errors, so a numpy RuntimeWarning here would fail the test
    log, root, inverse = parse_function("log(x)"), parse_function("sqrt(x)"), parse_function("1/x")
    assert math.isnan(log.value(-1.0, 0.0, FLOAT)) and log.value(0.0, 0.0, FLOAT) == -math.inf
    assert math.isnan(root.value(-1.0, 0.0, FLOAT)) and root.grad(0.0, 0.0, FLOAT) == (math.inf, 0.0)
    assert inverse.value(0.0, 0.0, FLOAT) == math.inf and inverse.grad(1e-200, 0.0, FLOAT)[0] == -math.inf
    # no gradient where f has no value, though 1/x, the formal derivative of log x, is finite there
    assert all(map(math.isnan, log.grad(-1.0, 0.0, FLOAT))) and log.grad(2.0, 0.0, FLOAT) == (0.5, 0.0)
    grid = np.meshgrid(np.linspace(-1, 1, 5), np.linspace(-1, 1, 5))
    values, (gx, gy) = log.value(*grid, ARRAY), log.grad(*grid, ARRAY)
    assert np.array_equal(np.isnan(values), grid[0] < 0) and values[2, 3] == math.log(0.5)
    assert np.array_equal(np.isnan(gx), grid[0] <= 0) and np.array_equal(np.isnan(gy), grid[0] <= 0)
    assert gx[2, 3] == 2.0 and gy[2, 3] == 0.0


def test_a_run_into_an_undefined_region_stops_as_diverged():
    sgd, log = OPTIMIZERS["sgd"](lr=0.5), expression_objective("log(x) + y^2")
    run = Run(log, sgd, (0.5, 1.0))  # x: 0.5 - 0.5 * (1/0.5) = -0.5, where log is not defined
    assert run.advance(10) == 0 and run.stop == Stop(StopReason.DIVERGED, 1)
    run = Run(expression_objective("-1/x + y^2"), OPTIMIZERS["sgd"](lr=1.0), (1.0, 1.0))  # x: 1 - 1/1 = 0
    assert run.advance(10) == 0 and run.stop == Stop(StopReason.DIVERGED, 1)
    assert Run(log, sgd, (-1.0, 0.0)).stop == Stop(StopReason.DIVERGED, 0)  # started where f is undefined
    starts = np.array([[0.5, 1.0], [2.0, 1.0]])  # x: 2, 1.75, 1.46, 1.12, 0.68, -0.06
    result = run_batch(log, sgd, starts, 10)
    assert result.diverged_at.tolist() == [1, 5]  # a batch stops each point where a single run stops
    for start, step in zip(starts, result.diverged_at.tolist(), strict=True):
        run = Run(log, sgd, start)
        run.advance(10)
        assert run.stop == Stop(StopReason.DIVERGED, step)


def test_constant_parts_broadcast_and_results_are_new_arrays():
    xs, ys = np.arange(12.0).reshape(3, 4), np.ones((3, 4))
    gx, gy = parse_function("x + 2*y").grad(xs, ys, ARRAY)
    assert gx.shape == gy.shape == (3, 4) and (gx == 1).all() and (gy == 2).all()
    gx[0, 0] = 99.0  # writable, and not shared with anything
    assert parse_function("x + 2*y").grad(xs, ys, ARRAY)[0][0, 0] == 1.0
    value = parse_function("x").value(xs, ys, ARRAY)
    assert value is not xs and np.array_equal(value, xs)
    value[0, 0] = -1.0
    assert xs[0, 0] == 0.0
    assert (parse_function("5").value(xs, 0.0, ARRAY) == 5).all()
    assert type(parse_function("5").value(1.0, 2.0, FLOAT)) is float


def test_a_typed_in_function_is_an_objective_got_by_name():
    fn = get_function("expr:x^2 + 3*y^2")
    assert (fn.name, fn.title, fn.formula) == ("expr:x^2 + 3*y^2", "x^2 + 3*y^2", "x² + 3·y²")
    assert fn is get_function(" EXPR:x**2+3*y**2 ") is expression_objective("x^2 + 3*y^2")
    assert is_typed_in(fn) and not any(is_typed_in(builtin) for builtin in FUNCTIONS.values())
    assert fn.view == DEFAULT_VIEW and fn.minima == () and fn.minimum is None
    assert fn.note == "typed in; ∂f/∂x = 2·x, ∂f/∂y = 6·y"
    x0, x1, y0, y1 = fn.view
    assert x0 < fn.start[0] < x1 and y0 < fn.start[1] < y1 and math.hypot(*fn.gradient(*fn.start)) > 1e-3
    with pytest.raises(InvalidValue, match=r"write 2\*x"):
        get_function("expr:2x")


def test_the_start_avoids_where_the_function_is_undefined_and_the_view_can_be_chosen():
    fn = expression_objective("log(x) + y^2")
    assert fn.start[0] > 0 and math.isfinite(fn.f(*fn.start))
    boxed = expression_objective("x^2 + y^2", view=(-1, 1, 10, 20))
    assert boxed.view == (-1.0, 1.0, 10.0, 20.0) and -1 < boxed.start[0] < 1 and 10 < boxed.start[1] < 20
    for view in [(1, 0, 0, 1), (0, 1, 0, math.inf), (0, 1, 0), "0 1 0 1", (0, 1, 0, "1"), (0, 1, 0, True)]:
        with pytest.raises(InvalidValue, match="view"):
            expression_objective("x", view=view)


def test_csv_and_session_files_hold_the_expression_and_read_it_back(tmp_path):
    fn = expression_objective("exp(-(x^2 + y^2)) - x/4")
    run = Run(fn, OPTIMIZERS["adam"](lr=0.1), (1.0, -1.0), max_steps=20)
    run.advance(20)
    stream = io.StringIO()
    write_csv_stream([run], stream)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert len(rows) == 21 and {row["function"] for row in rows} == {"expr:exp(-(x^2 + y^2)) - x/4"}
    session = Lesson("s", "Sessions", "Saved", "", fn, 4, 20, (LessonRun("adam", run.optimizer, run.start),))
    loaded = load_session(save_session(tmp_path / "s.json", session))
    assert loaded.function is fn  # the same text gives the same function object
    again = Run(loaded.function, loaded.runs[0].optimizer, loaded.runs[0].start, max_steps=20)
    again.advance(20)
    assert np.array_equal(again.history.array(), run.history.array())


@pytest.mark.parametrize("text", ["91^y", "x^y", "exp(x)*log(y^2+1)", "2^(x/3)+atan(y)^1.5", "sinh(x)*cosh(y)"])
def test_a_point_alone_gets_the_same_bits_as_in_an_array(text):
    """numpy computes a float64 scalar's power or exp with the C library and an array's with its own loops
    (SIMD ones on some CPUs), which may differ in the last place (91^y at y = -1 did, on an AVX-512 machine):
    a run steps one point at a time, a batch many, and they must agree wherever they start."""
    fn = parse_function(text)
    xs = np.array([-2.5, -1.0, 0.0, 0.5, 0.7, 1.0, 3.0, 1.9])
    ys = np.array([3.0, -1.0, 0.0, -1.0, 2.2, 0.5, -2.5, -3.0])
    values, (gx, gy) = fn.value(xs, ys, ArrayOps()), fn.grad(xs, ys, ArrayOps())
    for i, (x, y) in enumerate(zip(xs.tolist(), ys.tolist(), strict=True)):
        alone = [fn.value(x, y, FloatOps()), *fn.grad(x, y, FloatOps())]
        assert np.array_equal(alone, [values[i], gx[i], gy[i]], equal_nan=True), (text, x, y)
