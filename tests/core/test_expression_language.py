"""Typed-in functions: what the formula language accepts, how it reads it, and every refusal with its column."""

import ast
import builtins
import math

import pytest
import sympy
import sympy.parsing.sympy_parser

from core import expression
from core.expression import ExpressionError, parse_function
from core.expression_lex import Lexed
from core.expression_parse import MAX_NODES, _Builder, parse
from core.numerics import FloatOps
from core.values import InvalidValue

FLOAT = FloatOps()

# the issue's examples, their canonical text, and f at (0.7, -1.3) written by hand in Python
ISSUE_EXAMPLES = [
    ("x^2 + 3*y^2 - sin(x*y)", "x^2 + 3*y^2 - sin(x*y)", lambda x, y: x * x + 3 * y * y - math.sin(x * y)),
    ("(1-x)**2 + 100*(y-x^2)^2", "(1 - x)^2 + 100*(y - x^2)^2", lambda x, y: (1 - x) ** 2 + 100 * (y - x * x) ** 2),
    ("exp(-(x^2+y^2))", "exp(-(x^2 + y^2))", lambda x, y: math.exp(-(x * x + y * y))),
    ("x**2 + y**2 + x*y - 4*x - 8*y", "x^2 + y^2 + x*y - 4*x - 8*y",
     lambda x, y: x * x + y * y + x * y - 4 * x - 8 * y),
]


@pytest.mark.parametrize(("typed", "canonical", "reference"), ISSUE_EXAMPLES)
def test_the_issues_examples_are_read_as_written(typed, canonical, reference):
    fn = parse_function(typed)
    assert fn.text == canonical and fn.name == "expr:" + canonical
    assert fn.value(0.7, -1.3, FLOAT) == pytest.approx(reference(0.7, -1.3), rel=1e-14)


@pytest.mark.parametrize(("typed", "expected"), [
    ("-x^2", -4.0), ("(-x)^2", 4.0), ("2^3^2", 512.0), ("x^-1", -0.5), ("2*-x", 4.0), ("2^(1/2)", math.sqrt(2)),
    ("e", math.e), ("pi*x", -2 * math.pi), ("atan(x) - arctan(x)", 0.0), ("abs(x)", 2.0), ("1.5e-3*x", -0.003),
    (".5*x", -1.0), ("x/4/2", -0.25), ("x - 3 - 1", -6.0), ("tanh(y) + sinh(0) + cosh(0)", 1.0 + math.tanh(3.0)),
    ("sqrt(y)^2", 3.0000000000000004), ("log(e^y)", 3.0), ("x^y", -8.0), ("+x", -2.0), ("x^0", 1.0),
])
def test_precedence_and_the_functions_follow_the_usual_conventions(typed, expected):
    # ^ binds tighter than a sign and groups from the right, as ** does in Python and in print
    assert parse_function(typed).value(-2.0, 3.0, FLOAT) == pytest.approx(expected, rel=1e-15)


def test_the_canonical_text_does_not_depend_on_spacing_or_the_power_sign():
    spellings = ["x^2+3*y^2", "  x ^ 2 + 3 * y ^ 2 ", "x**2 + 3*y**2", "expr:x^2 + 3*y^2", "(x^2) + (3*(y^2))"]
    assert {parse_function(s).text for s in spellings} == {"x^2 + 3*y^2"}
    assert expression.expression_objective(spellings[0]) is expression.expression_objective(spellings[2])
    for text in ["-x^2", "(-x)^2", "2^-1", "x - (y - x)", "x/(y*x)", "1e+16*x", "2*-x", "--x"]:
        canonical = parse_function(text).text
        assert parse_function(canonical).text == canonical  # the canonical text reads back as itself


def test_non_constant_exponents_are_allowed_and_differentiated():
    fn = parse_function("x ** y")
    assert fn.gradient_text == ("x^y*y/x", "x^y*log(x)")
    assert fn.grad(2.0, 3.0, FLOAT) == pytest.approx((12.0, 8 * math.log(2.0)), rel=1e-15)
    assert math.isnan(fn.value(-2.0, 0.5, FLOAT))  # a negative base to a fractional power is not real


def test_stacked_exponentials_are_allowed_within_the_nesting_limit():
    fn = parse_function("exp(exp(exp(exp(x))))")
    assert fn.value(0.0, 0.0, FLOAT) == pytest.approx(math.exp(math.exp(math.e)), rel=1e-14)
    assert fn.value(1.0, 0.0, FLOAT) == math.inf  # past float range: the contour plot masks it
    assert parse_function("x^x^x").value(2.0, 0.0, FLOAT) == 16.0


def test_gradient_formulas_for_display():
    fn = parse_function("x*x + y*y + x*y - 4*x - 8*y")
    assert fn.gradient_text == ("2*x + y - 4", "x + 2*y - 8")
    assert fn.gradient_formula == ("2·x + y − 4", "x + 2·y − 8")
    assert parse_function("x^2 + 3*y^2").formula == "x² + 3·y²"
    assert expression.unicode_formula("x^-1 + 1e-08*y^2.5") == "x⁻¹ + 1e-08·y^2.5"
    assert parse_function("abs(x) + e^y").gradient_text == ("sign(x)", "exp(y)")
    f_text, dx_text, dy_text = parse_function("x^2/2 + sqrt(y)").pretty()
    assert "x" in f_text and dx_text == "x" and "√y" in dy_text


REFUSED = [  # text, a part of the message, the column it gives
    ("2x", "write 2*x", 2), ("2(x+1)", "write 2*(x+1)", 2), ("x y", "write x*y", 3), ("2 x", "write 2*x", 3),
    ("(x+1)(x-1)", "write (x+1)*(x-1)", 6), ("(x+1)x", "write (x+1)*x", 6), ("x(y)", "write x*(y)", 2),
    ("2sin(x)", "write 2*sin", 2), ("2 3", "missing operator", 3), ("1.2.3", "missing operator", 4),
    ("x^2 + y^2 + x*y - 4x - 8*y", "write 4*x", 20), ("xy", "write x*y", 1), ("x2", "write x*2 or x^2", 1),
    ("sin x", "write sin(…)", 1), ("sin^2(x)", "write sin(x)^2", 1), ("sin", "needs its argument", 1),
    ("sin()", "needs an argument", 1), ("()", "empty parentheses", 1), ("x)", "no matching '('", 2),
    ("((x)", "never closed", 1), ("x +", "ends too early", 3), ("x + * y", "'*' at column 5 does not fit", 5),
    ("*x", "does not fit", 1), ("05*x", "write 5", 1), ("x // y", "'//' at column 3 is an operator", 3),
    ("x.__class__", "a dot belongs inside a number", 2), ("'abc'", "no text in quotes", 1),
    ('"x"', "no text in quotes", 1), ("x[0]", "no subscripts", 2), ("[x for x in y]", "no subscripts", 1),
    ("{1: 2}", "use ( ) for grouping", 1), ("lambda: 1", "unknown name 'lambda'", 1),
    ("__import__('os').system('x')", "unknown name '__import__'", 1), ("f(x)", "unknown name 'f'", 1),
    ("exec('1')", "unknown name 'exec'", 1), ("eval('x')", "unknown name 'eval'", 1),
    ("sympify('x')", "unknown name 'sympify'", 1), ("x if y else 1", "unknown name 'if'", 3),
    ("not x", "unknown name 'not'", 1), ("True*x", "unknown name 'True'", 1), ("None", "unknown name 'None'", 1),
    ("1j*x", "unknown name 'j'", 2), ("0x1F", "unknown name 'x1F'", 2), ("Sin(x)", "write sin", 1),
    ("ln(x)", "write log", 1), ("x == y", "'=' at column 3", 3), ("y = x^2", "right-hand side", 3),
    ("x < y", "'<' at column 3", 3), ("x % y", "use / for division", 3), ("x @ y", "'@' at column 3", 3),
    ("x & y", "'&'", 3), ("x | y", "'|'", 3), ("~x", "'~'", 1), ("x; y", "';'", 2), ("x # note", "no comments", 3),
    ("sin(x, y)", "takes one argument", 6), ("sin(*x)", "'*x' at column 5 is not allowed", 5),
    ("sin(**x)", "exactly one argument", 1), ("x\ny", "one line", 2), ("x\ty", "one line", 2),
    ("x\x00", "one line", 2), ("x\u200by", "one line", 2), ("хy", "CYRILLIC SMALL LETTER HA", 1),
    ("ｘ+y", "type x", 1), ("x − y", "type -", 3), ("x·y", "type *", 2), ("x²", "type ^2", 2),
    ("π*x", "type pi", 1), ("9**9**9**9", "'9**9' at column 7 is too large an exponent", 7),
    ("x**10**100", "'10**100' at column 4 is too large an exponent", 4), ("10**10**10", "too large an exponent", 5),
    ("2^-1000", "between -100 and 100", 3), ("x^100.5", "between -100 and 100", 3),
    ("x^x^x^x", "stacks more than 2 exponents", 1), ("1e400*x", "too large a number", 1),
    ("9" * 400, "too large a number", 1), ("(1e300*x)^100", "makes a number too large", 1),
    ("1e308*1e308*x", "not a finite float", None), ("1/0", "division by zero", 3),
    ("x/(x-x)", "'x-x' at column 4 is a division by zero", 4), ("log(0)", "not a finite real number", 1),
    ("sqrt(-1)*x", "not a finite real number", 1), ("(-8)^(1/3)*x", "not a finite real number", 1),
    ("0^-1", "not a finite real number", 1), ("exp(exp(1e20))*x", "cannot be worked out (OverflowError)", 1),
    ("-" * 30 + "x", "nested deeper than 20", 21),
    ("(" * 240 + "x" + ")" * 240, "nested deeper than 20 levels at column 21", 21),
    ("sin(" * 21 + "x" + ")" * 21, "nested deeper than 20", 84),
    ("x+" * 249 + "x", f"'x' at column 251 goes past {MAX_NODES} parts", 251),
    ("*".join(f"sin(x+{i}*y)" for i in range(25)), "makes the gradient too large", 1),
    ("x" * 100_000, "100,000 characters long", None), ("(" * 10_000 + "x" + ")" * 10_000, "20,001 characters", None),
    ("", "type a function", None), ("   ", "type a function", None),
]


@pytest.mark.parametrize(("text", "part", "column"), REFUSED, ids=[repr(r[0])[:30] for r in REFUSED])
def test_every_refusal_says_what_and_where_in_one_line(text, part, column):
    with pytest.raises(ExpressionError) as caught:
        parse_function(text)
    message = str(caught.value)
    assert part in message
    assert caught.value.column == column
    if column is not None:
        assert f"column {column}" in message
    assert "\n" not in message and len(message) < 260  # one line, the user's input cut short when quoted
    assert isinstance(caught.value, InvalidValue)  # the project's own error: callers catch InvalidValue


def test_columns_count_in_the_text_as_given_and_long_parts_are_cut_short():
    for text, column in [("  2x", 4), ("expr: 2x", 3), ("x +\u00a0y", 4)]:
        with pytest.raises(ExpressionError) as caught:
            parse_function(text)
        assert caught.value.column == column
    with pytest.raises(ExpressionError, match=r"write x\*\(…\)$"):
        parse_function("x(\n")  # the group is not closed, nor checked yet: not quoted
    with pytest.raises(ExpressionError, match=r"write 9999999999999999999…\*x$"):
        parse_function("9" * 300 + "x")
    with pytest.raises(ExpressionError, match=r"write 1111111111111111111…$"):
        parse_function("0" + "1" * 300)


def test_refusals_of_non_text():
    for value in (None, 5, b"x", ["x"]):
        with pytest.raises(ExpressionError, match="must be text"):
            parse_function(value)


def _built(source: str):
    """The syntax tree walk alone, on Python source that has not been through the lexer (its second wall)."""
    lexed = Lexed(source, (), source, tuple(range(len(source) + 1)))
    return _Builder(lexed).build(ast.parse(source, mode="eval").body, 1)


@pytest.mark.parametrize(("source", "part"), [
    ("x.__class__", "'x.__class__' at column 1 is not allowed"), ("'abc'", "is not a number"),
    ("x[0]", "is not allowed"), ("(lambda: 1)()", "is not a function"), ("[x for x in y]", "is not allowed"),
    ("__import__('os')", "is not a function"), ("f(x)", "is not a function"), ("z", "is not a variable"),
    ("True", "is not a number"), ("1j", "is not a number"), ("~x", "is not allowed"), ("not x", "is not allowed"),
    ("(x, y)", "is not allowed"), ("x if y else 1", "is not allowed"), ("x < y", "is not allowed"),
    ("x % y", "'%' at column 3 is an operator"), ("x @ y", "is an operator"), ("x ^ y", "is an operator"),
    ("sin(x, y)", "exactly one argument"), ("sin(x=1)", "exactly one argument"), ("x.real(1)", "is not a function"),
])
def test_the_tree_walk_refuses_on_its_own_what_the_lexer_stops_first(source, part):
    with pytest.raises(ExpressionError, match=part.replace("(", r"\(").replace("[", r"\[")):
        _built(source)


def test_the_users_text_is_never_evaluated(monkeypatch):
    # eval, exec and compile see only code that lambdify printed, never the text; sympify(str) is never used
    seen = []

    def recording(original):
        def wrapper(source, *args, **kwargs):
            flags = args[2] if len(args) > 2 else kwargs.get("flags", 0)
            if not flags & ast.PyCF_ONLY_AST:  # ast.parse compiles to a syntax tree only: nothing runs
                seen.append(source if isinstance(source, str) else getattr(source, "co_filename", ""))
            return original(source, *args, **kwargs)
        return wrapper

    for name in ("eval", "exec", "compile"):
        monkeypatch.setattr(builtins, name, recording(getattr(builtins, name)))
    monkeypatch.setattr(sympy.parsing.sympy_parser, "parse_expr", lambda *a, **k: pytest.fail("parse_expr called"))
    text = "sin(x)*0.123456789 + y^3/7"
    fn = expression.compile_function(parse(text))  # uncached: the whole way from text to code
    assert fn.value(1.0, 2.0, FLOAT) == pytest.approx(math.sin(1.0) * 0.123456789 + 8 / 7, rel=1e-15)
    assert any("def _lambdifygenerated(x, y)" in s for s in seen)  # the recording works
    assert not any("0.123456789 +" in s or "^" in s or "** 3" in s for s in seen)


def test_parse_builds_an_unevaluated_tree_in_the_typed_order():
    parsed = parse("y*y + x*x - 4*x")
    assert str(parsed.expr) == "x**2 - 4*x + y**2"  # evaluated, in sympy's order: for the gradient and display
    first, second, third = parsed.typed.args  # as typed: what the value is computed from
    assert (str(first), str(second)) == ("y*y", "x*x")
    assert third.args[0] == -1  # subtraction adds the negated term, which IEEE arithmetic does exactly
