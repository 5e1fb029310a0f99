"""The headless command's options, declared once: read from the command line here, described by ``--help``.

Why not argparse's own parsing: argparse decides whether a token is an option before it knows whether
an option is waiting for a value, and takes ``-1e5``, ``-inf`` and ``-1e-3`` for options, so
``--start -1e5 0`` and ``--tol -inf`` failed with "expected one argument" instead of the range error
every other bad value gets; and its messages quote the user's tokens whole, however long.  Here the
tokens after an option that takes values are its values unless they plainly are options (see
`_is_value`), and every refusal is an `InvalidValue` of one line with its echo cut (`core.values.shown`).
The argparse parser built from the same table (`build_parser`) still writes the ``--help`` text, in the
current language (`core.i18n`): the help texts are marked with ``N_`` and translated when it is built.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass

from .i18n import N_, _
from .numerics import MAX_DECIMALS
from .optimizers import OPTIMIZERS
from .settings import TOL
from .values import InvalidValue, shown

__all__ = ["OPTIONS", "HelpFormatter", "Option", "build_parser", "parse_arguments"]


@dataclass(frozen=True)
class Option:
    """One option: ``--flag`` followed by ``values`` values (0: a switch), kept under ``dest``; ``help`` is
    English, marked with N_, with ``{placeholders}`` filled from `_HELP_VALUES` (see `help_text`)."""

    flag: str
    dest: str
    values: int
    default: object
    metavar: str | tuple[str, ...] | None
    help: str
    repeat: bool = False  # every occurrence is kept, in order (``--set``); otherwise the last one counts

    @property
    def help_text(self) -> str:
        """The help text in the current language, its placeholders filled in."""
        return _(self.help).format(**_HELP_VALUES)


_HELP_VALUES = {"optimizers": ", ".join(OPTIMIZERS), "max_decimals": MAX_DECIMALS, "tol": f"{TOL.default:g}"}

OPTIONS = (
    Option("--help", "help", 0, False, None, N_("show this help message and exit")),
    Option("--function", "function", 1, "quadratic", "NAME", N_("test function (default: quadratic); see --list")),
    Option("--optimizer", "optimizer", 1, "sgd", "NAME", N_("one of {optimizers} (default: sgd)")),
    Option("--set", "settings", 1, (), "NAME=VALUE", N_("set a hyperparameter, e.g. --set lr=0.5 (repeatable)"),
           repeat=True),
    Option("--start", "start", 2, ("0", "0"), ("X", "Y"), N_("start point (default: 0 0)")),
    Option("--steps", "steps", 1, "10", "N", N_("number of steps (default: 10)")),
    Option("--decimals", "decimals", 1, None, "D",
           N_("lecture-notes rounding to D decimals, 0..{max_decimals} (default: off)")),
    Option("--tol", "tol", 1, str(TOL.default), "TOL", N_("stop when the gradient norm and the last step are below "
                                                          "TOL (default: {tol}; 0 never stops early)")),
    Option("--csv", "csv", 1, None, "PATH",
           N_("write the trajectory as CSV instead of the table ('-' for standard output)")),
    Option("--schedule", "schedule", 1, None, "NAME[:KEY=VALUE,...]",
           N_("learning-rate schedule, e.g. cosine:t_max=100,warmup=10 (see --list)")),
    Option("--noise", "noise", 1, None, "SIGMA", N_("add Gaussian noise of standard deviation SIGMA to every "
                                                    "gradient (0: none)")),
    Option("--seed", "seed", 1, "0", "N", N_("the noise's seed (default: 0)")),
    Option("--session", "session", 1, None, "FILE", N_("run every run of a saved session (the window's File > Save "
                                                       "session) to its step limit and write one CSV of them all "
                                                       "(--steps, --decimals, --tol override the session's)")),
    Option("--save-session", "save_session", 1, None, "FILE", N_("also save the run described as a session file "
                                                                 "the window opens")),
    Option("--quiet", "quiet", 0, False, None, N_("print no table and no progress messages")),
    Option("--list", "list", 0, False, None, N_("list functions and optimizers, then exit")),
)
_ALIASES = {"-h": "--help"}
#: the heading argparse gives the options, which `HelpFormatter` translates
_OPTIONS_HEADING = N_("options")


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout with its headings ("usage: ", "options") in the current language: argparse
    translates them through gettext's global domain, which holds no catalog of ours."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)

    def start_section(self, heading):
        super().start_section(_(heading) if heading else heading)


def build_parser(prog: str = "gradstep run") -> argparse.ArgumentParser:
    """An argparse parser for the options, for its ``--help`` text (`parse_arguments` reads them), in the
    current language."""
    parser = argparse.ArgumentParser(
        prog=prog, add_help=False, formatter_class=HelpFormatter,
        description=_("Step a gradient-descent optimizer on a 2-D test function and print every step."),
        epilog=_("Example (the lecture notes' Nesterov table): gradstep run --optimizer nesterov "
                 "--set lr=0.2 --set momentum=0.8 --decimals 4"))
    for option in OPTIONS:
        flags = [f for f, full in _ALIASES.items() if full == option.flag] + [option.flag]
        if option.values:
            parser.add_argument(*flags, dest=option.dest, nargs=option.values if option.values > 1 else None,
                                metavar=option.metavar, help=option.help_text)
        else:
            parser.add_argument(*flags, dest=option.dest, action="store_true", help=option.help_text)
    return parser


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """The options in ``argv`` as a namespace with every option's ``dest`` (values as typed, text).

    An option may be shortened to any unambiguous start (``--opt``); ``--flag=value`` works for an
    option of one value.  Raises InvalidValue, one line, for anything else.  Parsing stops at
    ``--help`` (``help`` is then True and the rest is not looked at).
    """
    found = {o.dest: ([] if o.repeat else o.default) for o in OPTIONS}
    given = set()
    i = 0
    while i < len(argv) and not found["help"]:
        option, inline = _option(argv[i])
        given.add(option.dest)
        values = _values(option, inline, argv, i + 1)
        i += 1 + (0 if inline is not None else len(values))
        if option.repeat:
            found[option.dest].append(values[0])
        elif option.values:
            found[option.dest] = values[0] if option.values == 1 else tuple(values)
        else:
            found[option.dest] = True
    return argparse.Namespace(**found, given=frozenset(given))


def _option(token: str) -> tuple[Option, str | None]:
    """The option a token names, and the value written into it after ``=`` (None if there is none)."""
    token = str(token)
    flag, equals, inline = token.partition("=") if token.startswith("--") else (token, "", "")
    flag = _ALIASES.get(flag, flag)
    matches = [o for o in OPTIONS if o.flag == flag] or [o for o in OPTIONS if o.flag.startswith(flag)]
    if not flag.startswith("--") or flag == "--" or not matches:
        raise InvalidValue(_("unrecognized argument {argument}").format(argument=shown(token)))
    if len(matches) > 1:
        raise InvalidValue(_("ambiguous option {option} could match {matches}").format(
            option=shown(flag), matches=", ".join(o.flag for o in matches)))
    return matches[0], (inline if equals else None)


def _values(option: Option, inline: str | None, argv: Sequence[str], start: int) -> list[str]:
    if inline is not None:
        if option.values != 1:
            raise _expected(option) if option.values else InvalidValue(
                _("argument {option}: takes no value").format(option=option.flag))
        return [inline]
    values = [str(t) for t in argv[start:start + option.values]]
    if len(values) < option.values or not all(map(_is_value, values)):
        raise _expected(option)
    return values


def _expected(option: Option) -> InvalidValue:
    if option.values == 1:
        return InvalidValue(_("argument {option}: expected one argument").format(option=option.flag))
    return InvalidValue(_("argument {option}: expected {count} arguments").format(option=option.flag,
                                                                                   count=option.values))


def _is_value(token: str) -> bool:
    """Whether a token after an option that takes a value is that value: anything but what plainly is an
    option, that is a token starting with ``-`` that is not ``-`` alone (standard output) nor a number
    as people write them (``-1``, ``-.5``, ``-1e5``, ``-inf``, ``-1,000``)."""
    if not token.startswith("-") or token == "-" or token[1:2] in set("0123456789.,"):
        return True
    try:
        float(token)
    except ValueError:
        return False
    return True
