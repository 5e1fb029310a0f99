"""Lessons and sessions: named sets of runs (function, optimizers, starts, settings) to open in one go.

A lesson is a preset shipped in ``resources/lessons/*.json``; a session is the same structure saved by a
user (File ▸ Save session), one per file.  Both are checked here against the same declarations as every
other input, so a broken file is reported by name and reason instead of failing inside the window, and
sessions are written atomically, so a failed save never damages the previous file.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from importlib import resources

from .atomic import FileError, atomic_write
from .functions import Objective, get_function
from .hyper import InvalidValue
from .numerics import MAX_DECIMALS
from .optimizers import Optimizer, get_optimizer
from .run import DEFAULT_TOL, check_start

__all__ = ["FORMAT", "SESSION_FORMAT", "Lesson", "LessonRun", "load_lessons", "load_session", "parse_lessons",
           "save_session", "session_text"]

FORMAT = "gradstep-lessons-1"
SESSION_FORMAT = "gradstep-session-1"
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class LessonRun:
    name: str
    optimizer: Optimizer
    start: tuple[float, float]
    visible: bool = True
    color: str | None = None  # "#RRGGBB", or None to take the next palette colour


@dataclass(frozen=True)
class Lesson:
    name: str
    group: str
    title: str
    description: str
    function: Objective
    decimals: int | None
    max_steps: int
    runs: tuple[LessonRun, ...]
    tol: float = field(default=DEFAULT_TOL)


def _run(entry: dict) -> LessonRun:
    name = entry["name"]
    if not isinstance(name, str) or not name.strip():
        raise InvalidValue("a run needs a name")
    color = entry.get("color")
    if color is not None and not (isinstance(color, str) and _COLOR.match(color)):
        raise InvalidValue(f"run {name!r}: colour must look like #12ab9f, got {color!r}")
    visible = entry.get("visible", True)
    if not isinstance(visible, bool):
        raise InvalidValue(f"run {name!r}: visible must be true or false")
    optimizer = get_optimizer(entry["optimizer"])(**entry.get("hyperparameters", {}))
    return LessonRun(name, optimizer, check_start(entry["start"]), visible, color)


def _lesson(entry: dict) -> Lesson:
    name = entry.get("name", "?") if isinstance(entry, dict) else "?"
    try:
        decimals = entry.get("decimals")
        if decimals is not None and not (isinstance(decimals, int) and 0 <= decimals <= MAX_DECIMALS):
            raise InvalidValue(f"decimals must be null or 0..{MAX_DECIMALS}")
        max_steps = entry["max_steps"]
        if not (isinstance(max_steps, int) and max_steps > 0):
            raise InvalidValue("max_steps must be a whole number > 0")
        tol = entry.get("tol", DEFAULT_TOL)
        if isinstance(tol, bool) or not isinstance(tol, int | float) or not (math.isfinite(tol) and tol >= 0):
            raise InvalidValue("tol must be a number ≥ 0")
        runs = tuple(_run(r) for r in entry["runs"])
        if not runs:
            raise InvalidValue("a lesson needs at least one run")
        return Lesson(entry["name"], entry["group"], entry["title"], entry["description"],
                      get_function(entry["function"]), decimals, max_steps, runs, float(tol))
    except KeyError as missing:
        raise InvalidValue(f"lesson {name!r}: missing {missing}") from None
    except (InvalidValue, TypeError, AttributeError) as error:
        raise InvalidValue(f"lesson {name!r}: {error}") from None


def _document(text: str, expected: str) -> dict:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidValue(f"not a GradStep file: {error}") from None
    if not isinstance(data, dict) or data.get("format") != expected:
        raise InvalidValue(f"not a GradStep file: expected format {expected!r}")
    return data


def parse_lessons(text: str) -> list[Lesson]:
    """Lessons from the text of a lessons file; InvalidValue names the first bad entry."""
    return [_lesson(entry) for entry in _document(text, FORMAT).get("lessons", [])]


def load_lessons() -> list[Lesson]:
    """The lessons shipped with GradStep, in file order."""
    folder = resources.files("resources.lessons")
    lessons: list[Lesson] = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".json"):
            lessons.extend(parse_lessons(item.read_text(encoding="utf-8")))
    return lessons


def _run_dict(run: LessonRun) -> dict:
    entry = {"name": run.name, "optimizer": run.optimizer.name, "hyperparameters": dict(run.optimizer.values),
             "start": list(run.start), "visible": run.visible}
    if run.color is not None:
        entry["color"] = run.color
    return entry


def session_text(session: Lesson) -> str:
    """The JSON text of a session file (floats written with repr, so they read back exactly)."""
    body = {"name": session.name, "group": session.group, "title": session.title,
            "description": session.description, "function": session.function.name, "decimals": session.decimals,
            "max_steps": session.max_steps, "tol": session.tol, "runs": [_run_dict(r) for r in session.runs]}
    return json.dumps({"format": SESSION_FORMAT, "session": body}, indent=2, ensure_ascii=False) + "\n"


def save_session(path, session: Lesson):
    """Write a session file atomically; FileError if it cannot be written."""
    text = session_text(session)
    return atomic_write(path, lambda stream: stream.write(text))


def load_session(path) -> Lesson:
    """Read a session file; FileError names the file and the reason if it cannot be read or is invalid."""
    try:
        with open(path, encoding="utf-8") as stream:
            text = stream.read()
    except OSError as error:
        raise FileError(f"cannot read {path}: {(error.strerror or str(error)).lower()}") from error
    except UnicodeDecodeError:
        raise FileError(f"cannot read {path}: it is not UTF-8 text") from None
    try:
        return _lesson(_document(text, SESSION_FORMAT).get("session"))
    except InvalidValue as error:
        raise FileError(f"cannot open {path}: {error}") from None
