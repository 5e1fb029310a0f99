"""``python main.py run``: step an optimizer without a screen, print the table, write CSV.

Bad input ends the program with status 2 and one line on standard error naming the problem; a file
that cannot be written (standard output included), with status 1.  A run that diverges is not an
error: it prints ``diverged at step N`` on standard error, keeps its finite steps and exits 0.

The run is streamed: it advances a chunk of steps at a time and writes each chunk's rows before the
next (`core.cli_output.stream_steps`), so its memory does not grow with ``--steps``.

Messages, ``--help`` and ``--list`` are in the current language (`core.i18n`); run as a program (``argv``
None) the command takes it from the environment (``LANG=ko_KR.UTF-8``: Korean).  The table and the CSV
are data: their column names and numbers are the same in every language.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Sequence

from .atomic import FileError, atomic_write
from .cli_args import build_parser, parse_arguments
from .cli_beyond import apply_run_options, error_line, list_lines, rounding_note_for
from .cli_output import TableWriter, stream_steps, transliterated
from .cli_session import SESSION_OVERRIDES, save_run_as_session, session_runs, write_session_csv
from .functions import FUNCTIONS, get_function
from .i18n import _, language_from_environment, ngettext, set_language
from .optimizers import OPTIMIZERS, get_optimizer
from .run import Run, StopReason
from .settings import DECIMALS, MAX_STEPS, START, TOL
from .trajectory_csv import RowWriter
from .values import InvalidValue, shown

__all__ = ["build_parser", "format_list", "format_table", "launcher_usage", "main", "print_launcher_usage"]


def _named(find, name: str):
    """``find(name)``, its refusal quoting ``name`` cut short: the lookups quote the name whole."""
    try:
        return find(name)
    except InvalidValue as error:
        raise InvalidValue(str(error).replace(repr(name), shown(name), 1)) from None


def _hyperparameters(cls, settings: Sequence[str]) -> dict[str, float]:
    values = {}
    for item in settings:
        name, sep, text = item.partition("=")
        if not sep or not name.strip():
            raise InvalidValue(_("--set expects NAME=VALUE, got {value}").format(value=shown(item)))
        hyper = _named(cls.hyper, name.strip())
        values[hyper.name] = hyper.parse(text)
    return values


def _configure(args) -> tuple[Run, int]:
    """The run the arguments describe and its number of steps; InvalidValue names the first bad value."""
    function = _named(get_function, args.function)
    cls = _named(get_optimizer, args.optimizer)
    optimizer = apply_run_options(cls(**_hyperparameters(cls, args.settings)), args)
    start = START.parse(*args.start)
    steps = MAX_STEPS.parse(args.steps)
    decimals = None if args.decimals is None else DECIMALS.parse(args.decimals)
    tol = TOL.parse(args.tol)
    return Run(function, optimizer, start, decimals=decimals, max_steps=steps, tol=tol, name="run1"), steps


def format_table(run: Run) -> str:
    """The readable step table of every row the run holds (see `core.cli_output.TableWriter`)."""
    text = io.StringIO()
    history = run.history
    TableWriter(run, text).write(history.array(), history.first)
    return text.getvalue()


def format_list() -> str:
    """The text of ``--list``, in the current language."""
    lines = [_("Functions (--function):")]
    for fn in FUNCTIONS.values():
        lines.append(f"  {fn.name:<16} {fn.formula}")
        lines.append(f"  {'':<16} {fn.title_text()} — {fn.note_text()}")
        lines.append(f"  {'':<16} " + _function_line(fn))
    lines.append("")
    lines.append(_("Optimizers (--optimizer) and their hyperparameters (--set NAME=VALUE):"))
    for cls in OPTIMIZERS.values():
        lines.append(f"  {cls.name:<10} {'; '.join(cls.formula)}")
        for h in cls.hypers:
            lines.append(f"    {h.name:<9} {h.symbol:<3} " + _("default {default} range {range} {meaning}").format(
                default=f"{h.default:<8g}", range=f"{h.range_text:<22}", meaning=h.meaning_text))
    lines += list_lines()
    return "\n".join(lines) + "\n"


def _function_line(fn) -> str:
    """``view x -2..2, y -1..3; minima (1, 1), f = 0``: a function's view and known minima."""
    x0, x1, y0, y1 = fn.view
    minima = ", ".join(f"({x:.6g}, {y:.6g})" for x, y in fn.minima) or _("none")
    line = _("view x {x0}..{x1}, y {y0}..{y1}; minima {minima}").format(
        x0=f"{x0:g}", x1=f"{x1:g}", y0=f"{y0:g}", y1=f"{y1:g}", minima=minima)
    return line + (f", f = {fn.minimum:.6g}" if fn.minimum is not None else "")


def launcher_usage() -> str:
    """What ``gradstep --help`` says, in the current language: the app, a file to open, the commands."""
    lines = [_("usage: gradstep [FILE | run | sweep | basin [options] | --help | --version]"), "",
             _("GradStep: watch gradient-descent optimizers step across a 2-D function."), ""]
    for command, meaning in (
            ("gradstep", _("open the desktop app")),
            ("gradstep FILE", _("open the app with a session (.gradstep) or a lesson file (.json)")),
            ("gradstep run --help", _("step an optimizer without a screen and print or export the steps")),
            ("gradstep sweep --help", _("sweep the learning rate: where each rate ends after a step budget")),
            ("gradstep basin --help", _("map where an optimizer ends from every start of a grid"))):
        lines.append(f"  {command:<22} {meaning}")
    return "\n".join(lines) + "\n"


def print_launcher_usage() -> None:
    """``gradstep --help``: the usage in the environment's language, spelled as the console can show it."""
    set_language(language_from_environment())
    with transliterated(sys.stdout):
        sys.stdout.write(launcher_usage())


def main(argv: Sequence[str] | None = None, prog: str = "gradstep run") -> int:
    """Run the command on ``argv`` (default: ``sys.argv[1:]``, and then in the language the environment
    asks for; given ``argv``, in the current language); returns the exit status: 0, 1 (a file or standard
    output could not be written), 2 (bad input) or 130 (interrupted)."""
    if argv is None:
        set_language(language_from_environment())
    argv = sys.argv[1:] if argv is None else list(argv)
    with transliterated(sys.stdout, sys.stderr):
        try:
            return _main(argv, prog)
        except BrokenPipeError:
            # the reader went away (``| head``): stop quietly, as command-line tools do
            _silence(sys.stdout)
            return 0
        except KeyboardInterrupt:
            return 130


def _main(argv: list[str], prog: str) -> int:
    try:
        args = parse_arguments(argv)
        if args.help or args.list:
            _stdout().write(build_parser(prog).format_help() if args.help else format_list())
            _flush()
            return 0
        if args.session is not None:
            return _run_session(args)
        run, steps = _configure(args)
        if args.save_session is not None:
            save_run_as_session(args.save_session, run, steps)
        _execute(args, run, steps)
    except InvalidValue as error:
        return _fail(prog, error, 2)
    except FileError as error:
        return _fail(prog, error, 1)
    note = rounding_note_for(run.optimizer, args)
    if note:
        _say(note)
    if run.stop is not None and run.stop.reason is not StopReason.STEP_LIMIT:
        _say(str(run.stop))
    return 0


def _run_session(args) -> int:
    """--session: every run of the file, one CSV (see core.cli_session)."""
    allowed = {"session", "csv", "quiet", *SESSION_OVERRIDES}
    others = sorted(args.given - allowed)
    if others:
        raise InvalidValue(_("--{option} cannot be used with --session (only --steps, --decimals, --tol, --csv and "
                             "--quiet can)").format(option=others[0].replace("_", "-")))
    runs = session_runs(args.session, **{name: getattr(args, name) for name in SESSION_OVERRIDES
                                         if name in args.given})
    if args.csv in (None, "-"):
        if not (args.quiet and args.csv is None):
            write_session_csv(runs, _stdout(), stream_steps)
            _flush()
    else:
        path = atomic_write(args.csv, lambda stream: write_session_csv(runs, stream, stream_steps))
        if not args.quiet:
            _say(ngettext("wrote {count} run to {path}", "wrote {count} runs to {path}", len(runs)).format(
                count=len(runs), path=path))
    return 0


def _execute(args, run: Run, steps: int) -> None:
    """Run and write the steps where the arguments say; FileError if the output cannot be written."""
    if args.csv is None:
        if args.quiet:
            stream_steps(run, steps, lambda block, first: None)
        else:
            stream_steps(run, steps, TableWriter(run, _stdout()).write)
            _flush()
    elif args.csv == "-":
        stream_steps(run, steps, RowWriter(run, _stdout()).write)
        _flush()
    else:
        path = atomic_write(args.csv, lambda stream: stream_steps(run, steps, RowWriter(run, stream).write))
        if not args.quiet:
            _say(_("wrote steps 0..{step} to {path}").format(step=run.step, path=path))


def _stdout():
    if sys.stdout is None:  # the command was started with standard output closed (``>&-``)
        raise FileError(_("cannot write to standard output: it is closed"))
    return _Guarded(sys.stdout)


class _Guarded:
    """Standard output whose write errors (a full disk, a closed file) become FileError: the command
    ends with one line saying so instead of a traceback.  A broken pipe still passes as itself."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as error:
            raise _output_failed(error) from error


def _flush() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as error:
        raise _output_failed(error) from error


def _output_failed(error: BaseException) -> FileError:
    # what could not be written is still in the buffer; without this the interpreter would try again
    # on the way out and print its own complaint after ours
    _silence(sys.stdout)
    reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return FileError(_("cannot write to standard output: {reason}").format(reason=reason[:1].lower() + reason[1:]))


def _silence(stream) -> None:
    """Point the stream's file descriptor at the null device, so what it still holds goes nowhere."""
    with contextlib.suppress(AttributeError, OSError, ValueError):
        fd = stream.fileno()
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)


def _say(message: str) -> None:
    """A line on standard error; lost, not fatal, if standard error is closed or full."""
    with contextlib.suppress(AttributeError, OSError, ValueError):
        sys.stderr.write(message + "\n")
        sys.stderr.flush()


def _fail(prog: str, error: Exception, status: int) -> int:
    _say(error_line(prog, error))
    return status
