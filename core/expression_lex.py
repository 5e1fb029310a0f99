"""The first, textual pass over a typed-in function: characters, names, juxtaposition, parentheses.

A typed function may use numbers, the variables x and y, the constants pi and e, the operators
``+ - * / ^ **``, parentheses and a few functions of one argument (`FUNCTION_NAMES`).  This pass splits
the text into tokens and refuses, with the column of the offending part, everything the formula language
has no use for: other characters (quotes, brackets, dots outside numbers, commas...), names outside the
list, a number or name written next to another without ``*`` (``2x``, ``2(x+1)``, ``x y``: implicit
multiplication is refused, with the product spelt out), a function name without its parentheses, and
parentheses that do not match or nest too deeply.

What passes contains no string, comment or bracket, so every ``^`` in it is the power operator: the pass
rewrites it to Python's ``**`` and returns a map from the rewritten text's offsets back to the user's
columns, so that later errors point at what the user typed.  Nothing here evaluates anything.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .i18n import N_, _
from .values import InvalidValue, shown

__all__ = ["FUNCTION_NAMES", "MAX_DEPTH", "MAX_LENGTH", "NAMES", "ExpressionError", "Lexed", "lex"]

#: Longest typed function, in characters: room for any textbook test function (Goldstein–Price typed in
#: is about 130), and a bound on everything later passes do.
MAX_LENGTH = 500
#: Deepest nesting of parentheses, function calls, powers and signs; textbook functions stay under 10.
MAX_DEPTH = 20

VARIABLES = ("x", "y")
CONSTANT_NAMES = ("pi", "e")
FUNCTION_NAMES = ("sin", "cos", "tan", "exp", "log", "sqrt", "abs", "tanh", "sinh", "cosh", "atan", "arctan")
NAMES = frozenset(VARIABLES + CONSTANT_NAMES + FUNCTION_NAMES)

_TOKEN = re.compile(r" +|(?P<number>(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)"
                    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<op>\*\*|//|[-+*/^()])")
# why a character is refused, said after "... is not allowed:" (translated when it is raised)
_WHY = {"'": N_("a formula has no text in quotes"), '"': N_("a formula has no text in quotes"),
        "[": N_("a formula has no subscripts or lists"), "]": N_("a formula has no subscripts or lists"),
        "{": N_("use ( ) for grouping"), "}": N_("use ( ) for grouping"),
        ".": N_("a dot belongs inside a number only (a formula has no attributes)"),
        ",": N_("every function here takes one argument, and a formula has no commas"),
        "=": N_("type only the right-hand side of f(x, y) = …"), ":": N_("a formula has no lambdas or slices"),
        "#": N_("a formula has no comments"), "%": N_("use / for division")}
_LOOKALIKES = {"−": "-", "–": "-", "—": "-", "×": "*", "·": "*", "⋅": "*", "∙": "*", "÷": "/", "²": "^2",
               "³": "^3", "π": "pi", "√": "sqrt(…)"}
_MAX_GROUP = 20  # longest parenthesised group quoted whole in a "write 2*(x+1)" hint


class ExpressionError(InvalidValue):
    """A typed-in function is refused.  The message is one line that quotes the offending part and gives
    its 1-based ``column`` (None when the trouble is not at one place, e.g. the text is too long)."""

    def __init__(self, message: str, column: int | None = None):
        super().__init__(message)
        self.column = column


@dataclass(frozen=True)
class Token:
    kind: str  # "number", "name" or "op"
    text: str
    start: int  # 0-based offset in the user's text


@dataclass(frozen=True)
class Lexed:
    """The user's text, its tokens, and the Python source they spell (``^`` rewritten to ``**``).

    origin[i] is the offset in ``text`` of the character at offset i of ``source``; origin has one more
    entry, len(text), for offsets at the end.
    """

    text: str
    tokens: tuple[Token, ...]
    source: str
    origin: tuple[int, ...]

    def column(self, offset: int | None) -> int:
        """The 1-based column in the user's text of offset ``offset`` of ``source`` (clamped to the text)."""
        if offset is None or offset < 0:
            offset = len(self.source)
        return self.origin[min(offset, len(self.source))] + 1

    def excerpt(self, start: int, end: int) -> str:
        """The user's text that offsets start..end (end exclusive) of ``source`` came from."""
        first = self.origin[min(start, len(self.source))]
        last = self.origin[min(max(end, start + 1), len(self.source)) - 1] + 1
        return self.text[first:max(last, first + 1)]


def _only_allowed() -> str:
    """What a formula may hold, said where something else was typed (in the current language)."""
    return _("a formula uses only numbers, x, y, pi, e, + - * / ^ ( ) and {functions}").format(
        functions=", ".join(FUNCTION_NAMES))


def lex(text: str) -> Lexed:
    """Tokenise ``text`` and check it as described in the module docstring; raise ExpressionError."""
    if not isinstance(text, str):
        raise ExpressionError(_("a typed function must be text, got {value}").format(value=shown(text)))
    if len(text) > MAX_LENGTH:
        raise ExpressionError(_("the function is {length} characters long; at most {most} are allowed").format(
            length=f"{len(text):,}", most=MAX_LENGTH))
    if not text.strip():
        raise ExpressionError(_("type a function of x and y, for example x^2 + 3*y^2"))
    tokens = _checked(text, _scan(text))
    source, origin = _rewrite(tokens)
    return Lexed(text, tokens, source, (*origin, len(text)))


def _scan(text: str):
    """The tokens of ``text`` one by one, refusing a character or a name where it stands."""
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise _character_error(text[position], position)
        if match.lastgroup == "name" and match.group() not in NAMES:
            raise _name_error(match.group(), position)
        if match.lastgroup == "number" and re.fullmatch(r"0+[1-9][0-9]*", match.group()):
            raise ExpressionError(_("{number} at column {column}: a whole number does not start with 0, write "
                                    "{fixed}").format(number=shown(match.group()), column=position + 1,
                                                      fixed=_short(match.group().lstrip("0"))), position + 1)
        if match.lastgroup is not None:
            yield Token(match.lastgroup, match.group(), position)
        position = match.end()


def _character_error(char: str, position: int) -> ExpressionError:
    column = position + 1
    if char.isascii() and char.isprintable():
        why = _(_WHY[char]) if char in _WHY else _only_allowed()
        return ExpressionError(_("{char} at column {column} is not allowed: {why}").format(
            char=shown(char), column=column, why=why), column)
    label = unicodedata.name(char, f"U+{ord(char):04X}")  # the Unicode name: English in every language
    if not char.isprintable():
        return ExpressionError(_("{char} at column {column} ({label}) is not allowed: a formula is one line of "
                                 "visible characters").format(char=shown(char), column=column, label=label), column)
    plain = _LOOKALIKES.get(char) or unicodedata.normalize("NFKC", char)
    if plain.isascii() and plain.isprintable() and plain != char:
        hint = _("type {plain}").format(plain=plain)
    else:
        hint = _("type plain ASCII")
    # TRANSLATORS: {hint} is "type {plain}" or "type plain ASCII"
    return ExpressionError(_("{char} at column {column} ({label}) is not allowed: {hint}").format(
        char=shown(char), column=column, label=label, hint=hint), column)


def _name_error(name: str, position: int) -> ExpressionError:
    if name.lower() in NAMES:
        hint = _("names are lower case: write {name}").format(name=name.lower())
    elif name == "ln":
        hint = _("write log (the natural logarithm)")
    elif re.fullmatch(r"[xy]{2,}", name):
        hint = _("write {product}").format(product="*".join(name))
    elif re.fullmatch(r"[xy][0-9]+", name):
        hint = _("write {product} or {power}").format(product=f"{name[0]}*{name[1:]}", power=f"{name[0]}^{name[1:]}")
    else:
        hint = _only_allowed()
    # TRANSLATORS: {hint} is a sentence of its own, such as "write x*y"
    return ExpressionError(_("unknown name {name} at column {column}: {hint}").format(
        name=shown(name), column=position + 1, hint=hint), position + 1)


def _checked(text: str, scanned) -> tuple[Token, ...]:
    """The scanned tokens, checked for juxtaposition, calls and parentheses as they come, so that the
    first problem from the left is the one reported."""
    tokens: list[Token] = []
    opened: list[int] = []  # offsets of the '(' not closed yet
    for i, token in enumerate(scanned):
        tokens.append(token)
        if i:
            _check_pair(text, tokens[i - 1], token, tokens[i - 2] if i > 1 else None)
        if token.text == "(":
            opened.append(token.start)
            if len(opened) > MAX_DEPTH:
                raise ExpressionError(_("parentheses nested deeper than {depth} levels at column {column}").format(
                    depth=MAX_DEPTH, column=token.start + 1), token.start + 1)
        elif token.text == ")":
            if not opened:
                raise ExpressionError(_("')' at column {column} has no matching '('").format(column=token.start + 1),
                                      token.start + 1)
            opened.pop()
    if tokens[-1].kind == "name" and tokens[-1].text in FUNCTION_NAMES:
        raise _call_error(tokens[-1], None)
    if opened:
        raise ExpressionError(_("'(' at column {column} is never closed").format(column=opened[-1] + 1),
                              opened[-1] + 1)
    return tuple(tokens)


def _check_pair(text: str, left: Token, right: Token, before: Token | None) -> None:
    column = right.start + 1
    if left.kind == "name" and left.text in FUNCTION_NAMES and right.text != "(":
        raise _call_error(left, right)
    if left.text == "(" and right.text == ")":
        if before is not None and before.text in FUNCTION_NAMES:
            raise ExpressionError(_("{name}() at column {column} needs an argument: write {name}(x)").format(
                name=before.text, column=before.start + 1), before.start + 1)
        raise ExpressionError(_("empty parentheses at column {column}").format(column=left.start + 1), left.start + 1)
    if _ends_operand(left) and _starts_operand(right):
        if left.kind == right.kind == "number":
            raise ExpressionError(_("missing operator between {left} and {right} at column {column}").format(
                left=shown(left.text), right=shown(right.text), column=column), column)
        product = f"{_group(text, left.start, -1)}*{_group(text, right.start, 1)}"
        raise ExpressionError(_("missing * at column {column}: write {product}").format(column=column, product=product),
                              column)


def _call_error(function: Token, after: Token | None) -> ExpressionError:
    column = function.start + 1
    name = function.text
    if after is not None and after.text in ("^", "**"):
        return ExpressionError(_("{name} at column {column} needs its argument in parentheses: write {name}(x)^2, "
                                 "not {name}^2(x)").format(name=name, column=column), column)
    return ExpressionError(_("{name} at column {column} needs its argument in parentheses: write {name}(…)").format(
        name=name, column=column), column)


def _ends_operand(token: Token) -> bool:
    return token.kind == "number" or (token.kind == "name" and token.text not in FUNCTION_NAMES) or token.text == ")"


def _starts_operand(token: Token) -> bool:
    return token.kind in ("number", "name") or token.text == "("


def _group(text: str, start: int, step: int) -> str:
    """The operand a juxtaposition hint quotes: the token at ``start``, or, for a parenthesis, the whole
    group it opens (step 1) or closes (step -1), abbreviated when long."""
    if text[start] not in "()":
        return _short(_TOKEN.match(text, start).group())
    depth, end = 0, start
    while 0 <= end < len(text):
        depth += {"(": step, ")": -step}.get(text[end], 0)
        if depth == 0:
            break
        end += step
    group = text[min(start, end):max(start, end) + 1]
    # quoted whole only if it closes, is short and has been checked (the text after it has not been yet)
    readable = depth == 0 and group.isascii() and group.isprintable() and len(group) <= _MAX_GROUP
    return group if readable else "(…)"


def _short(piece: str) -> str:
    return piece if len(piece) <= _MAX_GROUP else piece[:_MAX_GROUP - 1] + "…"


def _rewrite(tokens: tuple[Token, ...]) -> tuple[str, tuple[int, ...]]:
    """Python source for the tokens, one space between each, ``^`` as ``**``; and each character's origin."""
    pieces, origin = [], []
    for token in tokens:
        piece = "**" if token.text == "^" else token.text
        if pieces:
            pieces.append(" ")
            origin.append(token.start)
        pieces.append(piece)
        origin.extend(token.start if token.text == "^" else token.start + i for i in range(len(piece)))
    return "".join(pieces), tuple(origin)
