"""The second pass over a typed-in function: Python's syntax tree, checked node by node, built into sympy.

`parse` lexes the text (`core.expression_lex`), parses the rewritten source with ``ast.parse`` and walks
the tree accepting only what the formula language has: numbers, x, y, pi, e, ``+ - * / **``, signs and
calls of the listed functions with one argument.  Any other node is refused where it stands.  The text
is never given to eval, exec or sympify: sympy objects are built here from the checked nodes.

Each node becomes two sympy expressions:

* ``typed``, built with ``evaluate=False`` in exactly the order typed: the value is compiled from it, so
  sums, products and quotients are computed as the same Python line computes them, bit for bit
  (``x*x + y*y + x*y - 4*x - 8*y`` is the notes' quadratic exactly);
* ``expr``, evaluated as sympy does by default: the gradient is derived from it and it is what is shown.

Limits, checked as the tree is built so that sympy never starts on work that could run away:
MAX_NODES parts; MAX_DEPTH levels of nesting (a chain such as ``a + b - c`` or ``a*b/c`` is one level);
constant exponents between -MAX_EXPONENT and MAX_EXPONENT (``x^10^100`` and ``9^9^9^9`` stop at the
first exponent out of range, before sympy computes any power); at most MAX_TOWER stacked exponents
(``x^y^2`` yes, ``x^x^x^x`` no); numbers whose numerator and denominator fit in MAX_BITS bits (a float
holds nothing larger); and no constant part that is not a finite real number (``1/0``, ``log(0)``,
``sqrt(-1)``).  Where sympy's own arithmetic gives up (mpmath overflows on ``exp(exp(1e20))``), the part
is refused too.  Sympy's time, which these limits keep small but cannot bound, is bounded by
`core.expression_time`.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

import sympy
from sympy import S

from .expression_lex import MAX_DEPTH, ExpressionError, Lexed, lex
from .i18n import _
from .values import shown

__all__ = ["MAX_BITS", "MAX_EXPONENT", "MAX_NODES", "MAX_TOWER", "MAX_WORK", "SYMPY_TROUBLE", "Parsed", "X", "Y",
           "parse"]

#: Most parts (numbers, names, operators, calls) in one function.
MAX_NODES = 250
#: Largest constant exponent, in size: x^100 is a polynomial a lesson might show; x^1000 is not.
MAX_EXPONENT = 100
#: Most exponents stacked on each other.
MAX_TOWER = 2
#: Most parts a partial derivative may have, as estimated from the tree before sympy differentiates
#: (the product rule makes a product of n factors' derivative n times longer): sympy's time to
#: differentiate, and this module's to print the code, grow with it.
MAX_WORK = 600
#: Largest numerator or denominator of an exact number, in bits: 2^1024 is where binary64 overflows.
MAX_BITS = 1024

X, Y = sympy.symbols("x y", real=True)
_NAMES = {"x": X, "y": Y, "pi": S.Pi, "e": S.Exp1}
_FUNCTIONS = {"sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan, "exp": sympy.exp, "log": sympy.log,
              "abs": sympy.Abs, "tanh": sympy.tanh, "sinh": sympy.sinh, "cosh": sympy.cosh, "atan": sympy.atan,
              "arctan": sympy.atan}
#: What sympy and mpmath raise when a number gets out of hand (never an ExpressionError, a ValueError).
SYMPY_TROUBLE = (ArithmeticError, TypeError, RecursionError, MemoryError)
_NOT_FINITE_REAL = (S.ComplexInfinity, S.Infinity, S.NegativeInfinity, S.NaN, S.ImaginaryUnit)


@dataclass(frozen=True)
class Parsed:
    """A typed-in function, parsed: its canonical text, and the sympy expressions described above."""

    text: str  # canonical: the same tree, written with ^ for powers and standard spacing
    typed: sympy.Expr
    expr: sympy.Expr


@dataclass(frozen=True)
class _Built:
    typed: sympy.Expr
    expr: sympy.Expr
    tower: int = 0  # the most exponents stacked anywhere inside
    size: int = 1  # parts in the tree
    work: int = 1  # parts a partial derivative may have, estimated from above (see MAX_WORK)


def parse(text: str) -> Parsed:
    """Parse a typed-in function of x and y; raise ExpressionError (one line, with the column)."""
    lexed = lex(text)
    try:
        tree = ast.parse(lexed.source, mode="eval")
    except SyntaxError as error:
        raise _syntax_error(lexed, error) from None
    except (RecursionError, MemoryError):  # unreachable within MAX_LENGTH and MAX_DEPTH, but never leak it
        raise ExpressionError(_("the function is nested too deeply")) from None
    built = _Builder(lexed).build(tree.body, 1)
    return Parsed(canonical(tree), built.typed, built.expr)


def canonical(tree: ast.AST) -> str:
    """The checked tree written out again: ``^`` for powers, ``*`` and ``/`` without spaces.

    ast.unparse writes the minimal parentheses and numbers as Python's repr; the tree holds no strings,
    so the operators can be respelt by plain replacement.  Parsing the result gives the same tree."""
    return ast.unparse(tree).replace(" ** ", "^").replace(" * ", "*").replace(" / ", "/")


def _syntax_error(lexed: Lexed, error: SyntaxError) -> ExpressionError:
    offset = (error.offset or 0) - 1  # SyntaxError.offset is 1-based
    if not 0 <= offset < len(lexed.source):
        last = lexed.tokens[-1]
        return ExpressionError(_("the function ends too early: something must follow {token} at column {column}")
                               .format(token=shown(last.text), column=last.start + 1), last.start + 1)
    column = lexed.column(offset)
    rest = lexed.text[column - 1:].split(" ")[0] or lexed.text[column - 1]
    return ExpressionError(_("{part} at column {column} does not fit there: check the operators and parentheses "
                             "around it").format(part=shown(rest), column=column), column)


class _Builder:
    """Walks a checked tree; every refusal names the node's text and column in the user's text.

    A refusal is one whole sentence, translated where it is raised, with ``{part}`` and ``{column}`` for the
    node (filled by `fail`): ``self.fail(node, _("{part} at column {column} is ..."))``."""

    def __init__(self, lexed: Lexed):
        self.lexed = lexed
        self.count = 0
        # the node kinds a formula may have, by exact type: anything else is refused where it stands
        self.handlers = {ast.Constant: self.constant, ast.Name: self.name, ast.UnaryOp: self.unary,
                         ast.BinOp: self.binary, ast.Call: self.call}

    def fail(self, node: ast.AST, message: str, **values) -> ExpressionError:
        """The refusal ``message`` (translated, with ``{part}`` and ``{column}``) for ``node``."""
        start = getattr(node, "col_offset", 0)
        end = getattr(node, "end_col_offset", None) or start + 1
        column = self.lexed.column(start)
        return ExpressionError(message.format(part=shown(self.lexed.excerpt(start, end)), column=column, **values),
                               column)

    def build(self, node: ast.AST, depth: int) -> _Built:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.fail(node, _("{part} at column {column} goes past {most} parts (numbers, names, operators, "
                                    "calls), the most a function may have"), most=MAX_NODES)
        if depth > MAX_DEPTH:
            raise self.fail(node, _("{part} at column {column} is nested deeper than {depth} levels"), depth=MAX_DEPTH)
        handler = self.handlers.get(type(node))
        if handler is None:
            raise self.fail(node, _("{part} at column {column} is not allowed in a formula"))
        try:
            built = handler(node, depth)
            if not built.expr.free_symbols:
                self.check_constant(node, built.expr)
        except SYMPY_TROUBLE as error:  # sympy's arithmetic gave up, e.g. exp(exp(1e20)) overflows mpmath
            raise self.fail(node, _("{part} at column {column} cannot be worked out ({error})"),
                            error=type(error).__name__) from None
        if built.work > MAX_WORK:
            raise self.fail(node, _("{part} at column {column} makes the gradient too large (about {parts} parts, at "
                                    "most {most})"), parts=f"{built.work:,}", most=f"{MAX_WORK:,}")
        return built

    def check_constant(self, node: ast.AST, value: sympy.Expr) -> None:
        if value.has(*_NOT_FINITE_REAL) or value.is_extended_real is False or value.is_finite is False:
            raise self.fail(node, _("{part} at column {column} is not a finite real number"))

    def check_numbers(self, node: ast.AST, expr: sympy.Expr) -> None:
        for number in expr.atoms(sympy.Number):
            if number.is_Rational and max(abs(number.p), number.q).bit_length() <= MAX_BITS:
                continue
            if number.is_Float and abs(float(number)) < float("inf"):
                continue
            raise self.fail(node, _("{part} at column {column} makes a number too large for floating point (above "
                                    "about 1.8e308)"))

    def constant(self, node: ast.Constant, depth: int) -> _Built:
        value = node.value
        if type(value) is int and value.bit_length() <= MAX_BITS:
            return _Built(sympy.Integer(value), sympy.Integer(value))
        if type(value) is float and abs(value) < float("inf"):
            return _Built(sympy.Float(value), sympy.Float(value))
        if type(value) in (int, float):
            raise self.fail(node, _("{part} at column {column} is too large a number for floating point (above about "
                                    "1.8e308)"))
        raise self.fail(node, _("{part} at column {column} is not a number"))

    def name(self, node: ast.Name, depth: int) -> _Built:
        if node.id not in _NAMES:  # the lexer lets only x, y, pi, e and function names through
            raise self.fail(node, _("{part} at column {column} is not a variable or constant"))
        return _Built(_NAMES[node.id], _NAMES[node.id])

    def unary(self, node: ast.UnaryOp, depth: int) -> _Built:
        if not isinstance(node.op, ast.USub | ast.UAdd):
            raise self.fail(node, _("{part} at column {column} is not allowed in a formula"))
        inner = self.build(node.operand, depth + 1)
        if isinstance(node.op, ast.UAdd):
            return inner
        return _Built(sympy.Mul(S.NegativeOne, inner.typed, evaluate=False), -inner.expr, inner.tower,
                      inner.size + 1, inner.work + 1)

    def binary(self, node: ast.BinOp, depth: int) -> _Built:
        if isinstance(node.op, ast.Add | ast.Sub):
            return self.sum(node, depth)
        if isinstance(node.op, ast.Mult | ast.Div):
            return self.product(node, depth)
        if isinstance(node.op, ast.Pow):
            return self.power(node, depth)
        gap = self.lexed.source[node.left.end_col_offset:node.right.col_offset]
        operator = gap.strip(" ()")  # what lies between the operands, less their parentheses
        column = self.lexed.column(node.left.end_col_offset + gap.index(operator))
        raise ExpressionError(_("{operator} at column {column} is an operator a formula does not have: use + - * / ^")
                              .format(operator=shown(operator), column=column), column)

    def chain(self, node: ast.BinOp, kinds: tuple, depth: int) -> list[tuple[bool, ast.AST, _Built]]:
        """The operands of a left-leaning chain like a + b - c as (inverted?, node, built), walked without
        recursion so that a long sum costs one level of nesting."""
        links = []
        while isinstance(node, ast.BinOp) and isinstance(node.op, kinds):
            links.append((isinstance(node.op, ast.Sub | ast.Div), node.right))
            node = node.left
        links.append((False, node))
        parts = []
        for inverted, part in reversed(links):
            self.count += len(parts) > 1  # the operator before it (build counted the chain's first one)
            parts.append((inverted, part, self.build(part, depth + 1)))
        return parts

    def sum(self, node: ast.BinOp, depth: int) -> _Built:
        parts = self.chain(node, (ast.Add, ast.Sub), depth)
        typed = [sympy.Mul(S.NegativeOne, b.typed, evaluate=False) if minus else b.typed for minus, _, b in parts]
        expr = sympy.Add(*[-b.expr if minus else b.expr for minus, _, b in parts])
        return _Built(sympy.Add(*typed, evaluate=False), expr, max(b.tower for _, _, b in parts),
                      sum(b.size for _, _, b in parts) + 1, sum(b.work for _, _, b in parts) + 1)

    def product(self, node: ast.BinOp, depth: int) -> _Built:
        parts = self.chain(node, (ast.Mult, ast.Div), depth)
        for divide, part, built in parts:
            if divide and built.expr.is_zero:
                raise self.fail(part, _("{part} at column {column} is a division by zero"))
        typed = [sympy.Pow(b.typed, S.NegativeOne, evaluate=False) if divide else b.typed for divide, _, b in parts]
        expr = sympy.Mul(*[1 / b.expr if divide else b.expr for divide, _, b in parts])
        size = sum(b.size for _, _, b in parts) + 1
        # the product rule: each factor's derivative times all the other factors (a divisor's is squared)
        work = sum(b.work + size - b.size + (b.size + 2) * divide for divide, _, b in parts) + 1
        return _Built(sympy.Mul(*typed, evaluate=False), expr, max(b.tower for _, _, b in parts), size, work)

    def power(self, node: ast.BinOp, depth: int) -> _Built:
        base = self.build(node.left, depth + 1)
        exponent = self.build(node.right, depth + 1)
        if exponent.tower + 1 > MAX_TOWER:
            raise self.fail(node, _("{part} at column {column} stacks more than {most} exponents"), most=MAX_TOWER)
        if not exponent.expr.free_symbols and not abs(float(exponent.expr)) <= MAX_EXPONENT:
            raise self.fail(node.right, _("{part} at column {column} is too large an exponent: constant exponents must "
                                          "be between -{most} and {most}"), most=MAX_EXPONENT)
        # a whole constant exponent is folded (exactly) so that the value's code multiplies: x^(-2) as 1/(x*x)
        typed_exponent = exponent.expr if exponent.expr.is_Integer else exponent.typed
        size = base.size + exponent.size + 1
        # b^e (e' log b + e b'/b) in general, n b^(n-1) b' for a constant exponent
        constant = not exponent.expr.free_symbols
        work = base.size + base.work + 3 if constant else 2 * size + base.work + exponent.work + 3
        built = _Built(sympy.Pow(base.typed, typed_exponent, evaluate=False), sympy.Pow(base.expr, exponent.expr),
                       max(base.tower, exponent.tower + 1), size, work)
        self.check_numbers(node, built.expr)
        return built

    def call(self, node: ast.Call, depth: int) -> _Built:
        name = node.func.id if isinstance(node.func, ast.Name) else None
        if name not in _FUNCTIONS and name != "sqrt":
            raise self.fail(node.func, _("{part} at column {column} is not a function a formula may use"))
        if len(node.args) != 1 or node.keywords:
            raise self.fail(node, _("{part} at column {column} must have exactly one argument"))
        inner = self.build(node.args[0], depth + 1)
        if name == "sqrt":
            typed, expr = sympy.Pow(inner.typed, S.Half, evaluate=False), sympy.sqrt(inner.expr)
        else:
            typed, expr = _FUNCTIONS[name](inner.typed, evaluate=False), _FUNCTIONS[name](inner.expr)
        # the chain rule: g'(u) u', where g'(u) repeats u once or twice (tan' = 1 + tan^2, atan' = 1/(1 + u^2))
        return _Built(typed, expr, inner.tower, inner.size + 1, 2 * inner.size + inner.work + 3)
