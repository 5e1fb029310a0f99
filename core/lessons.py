"""Lesson presets: named sets of runs (function, optimizers, starts, rounding) to open in one go.

They live in ``resources/lessons/*.json`` and are checked here against the same declarations as every
other input, so a broken preset is reported by name rather than failing later inside the window.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources

from .functions import Objective, get_function
from .hyper import InvalidValue
from .numerics import MAX_DECIMALS
from .optimizers import Optimizer, get_optimizer
from .run import check_start

__all__ = ["FORMAT", "Lesson", "LessonRun", "load_lessons", "parse_lessons"]

FORMAT = "gradstep-lessons-1"


@dataclass(frozen=True)
class LessonRun:
    name: str
    optimizer: Optimizer
    start: tuple[float, float]


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


def _lesson(entry: dict) -> Lesson:
    name = entry.get("name", "?")
    try:
        decimals = entry.get("decimals")
        if decimals is not None and not (isinstance(decimals, int) and 0 <= decimals <= MAX_DECIMALS):
            raise InvalidValue(f"decimals must be null or 0..{MAX_DECIMALS}")
        max_steps = entry["max_steps"]
        if not (isinstance(max_steps, int) and max_steps > 0):
            raise InvalidValue("max_steps must be a whole number > 0")
        runs = tuple(LessonRun(r["name"], get_optimizer(r["optimizer"])(**r.get("hyperparameters", {})),
                               check_start(r["start"])) for r in entry["runs"])
        if not runs:
            raise InvalidValue("a lesson needs at least one run")
        return Lesson(entry["name"], entry["group"], entry["title"], entry["description"],
                      get_function(entry["function"]), decimals, max_steps, runs)
    except KeyError as missing:
        raise InvalidValue(f"lesson {name!r}: missing {missing}") from None
    except (InvalidValue, TypeError) as error:
        raise InvalidValue(f"lesson {name!r}: {error}") from None


def parse_lessons(text: str) -> list[Lesson]:
    """Lessons from the text of a lessons file; InvalidValue names the first bad entry."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidValue(f"not a lessons file: {error}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InvalidValue(f"not a lessons file: expected format {FORMAT!r}")
    return [_lesson(entry) for entry in data.get("lessons", [])]


def load_lessons() -> list[Lesson]:
    """The lessons shipped with GradStep, in file order."""
    folder = resources.files("resources.lessons")
    lessons: list[Lesson] = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".json"):
            lessons.extend(parse_lessons(item.read_text(encoding="utf-8")))
    return lessons
