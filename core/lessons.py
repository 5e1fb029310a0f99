"""Lessons and sessions: named sets of runs (function, optimizers, starts, settings) to open in one go.

A lesson is a preset shipped in ``resources/lessons/*.json`` (a lecturer's own lesson files are read the
same way); a session is the same structure saved by a user (File ▸ Save session), one per file.  Every
value is checked through its declaration (`core.settings`, the optimizers' `Hyper`), so a refusal reads
as it does in the window and on the command line; a file is refused as a whole or gives complete lessons,
never half of one.  Sessions are written atomically, so a failed save never damages the previous file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from .atomic import FileError, atomic_write
from .functions import EXPRESSION_PREFIX, Objective, get_function, is_typed_in
from .i18n import N_, _, ngettext
from .json_document import Field, check_list, located, os_reason, parse_document, read_file_text, read_object
from .noise import Noise
from .optimizers import Optimizer, get_optimizer
from .schedules import Schedule
from .settings import DECIMALS, DEFAULT_TOL, DESCRIPTION, MAX_STEPS, RUN_NAME, START, TITLE, TOL, VIEW
from .values import ECHO_LIMIT, InvalidValue, Text, shown

__all__ = ["FORMAT", "GROUP", "LESSON_NAME", "MAX_LESSONS", "MAX_RUNS", "SESSION_FORMAT", "Lesson", "LessonRun",
           "LoadedLessons", "load_lesson_file", "load_lessons", "load_session", "parse_lessons", "save_session",
           "saved_session_texts", "session_text"]

FORMAT = "gradstep-lessons-1"
#: The session format written; version 1 (no typed-in functions, no view) is still read.
SESSION_FORMAT = "gradstep-session-2"
SESSION_FORMATS = ("gradstep-session-1", SESSION_FORMAT)
#: More runs than a class can tell apart on one contour plot (the palette has far fewer colours).
MAX_RUNS = 32
#: More lessons than one menu can usefully hold.
MAX_LESSONS = 100
LESSON_NAME = Text("name", N_("a lesson's name"), 60)
GROUP = Text("group", N_("a group"), 60)
#: The run setting's step limit from 1: the window's step limit starts at 1, and a lesson that never steps
#: would show nothing.
LESSON_MAX_STEPS = replace(MAX_STEPS, low=1)
_COLOR = re.compile("#[0-9a-fA-F]{6}")
_LANGUAGE = re.compile("[a-z]{2}(_[A-Z]{2})?")
#: The texts of a lesson that a translation may give in another language.
TRANSLATED = ("group", "title", "description", "look_for")


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
    look_for: str = ""  # what to watch for while it plays, said on screen beside the description
    #: the texts in other languages: ((language, ((key, text), ...)), ...), e.g. ("ko", (("title", ...),))
    translations: tuple = ()

    def text(self, key: str, language: str = "en") -> str:
        """One of `TRANSLATED` in ``language`` ("ko", "ko_KR"...), or as written where there is none."""
        for code, texts in self.translations:
            if code in (language, language.split("_")[0]):
                found = dict(texts).get(key)
                if found:
                    return found
        return getattr(self, key)


@dataclass(frozen=True)
class LoadedLessons(Sequence[Lesson]):
    """The lessons that loaded, in file order, and one line per file or entry that was left out and why.

    A sequence of its good lessons (``len``, indexing and iteration give ``lessons``), so code written for
    a plain list keeps working; an empty one is false even when it has problems.
    """

    lessons: tuple[Lesson, ...] = ()
    problems: tuple[str, ...] = ()

    def __getitem__(self, index):
        return self.lessons[index]

    def __len__(self) -> int:
        return len(self.lessons)


# -- single values ------------------------------------------------------------------------------------
_UNKNOWN = {"optimizer": N_("unknown optimizer {name}"), "function": N_("unknown function {name}"),
            "hyperparameter": N_("unknown hyperparameter {name}")}


def _short_enough(name: str, kind: str) -> None:
    # the registries quote an unknown name whole in their refusal; longer names are quoted cut, here
    if len(name) > ECHO_LIMIT:
        raise InvalidValue(_(_UNKNOWN[kind]).format(name=shown(name)))


def _named(kind: str, lookup):
    """A check for a name that ``lookup`` turns into a function or an optimizer class (``kind``: its key)."""
    def check(value):
        if not isinstance(value, str):
            raise InvalidValue(_("{key} must be a name, got {value}").format(key=kind, value=shown(value)))
        _short_enough(value, kind)
        return lookup(value)
    return check


def _flag(value) -> bool:
    if not isinstance(value, bool):
        raise InvalidValue(_("visible must be true or false, got {value}").format(value=shown(value)))
    return value


def _color(value) -> str | None:
    if value is not None and not (isinstance(value, str) and _COLOR.fullmatch(value)):
        raise InvalidValue(_("colour must look like #12ab9f, got {value}").format(value=shown(value)))
    return value


def _hyperparameters(value) -> dict:
    # the numbers themselves are checked by the optimizer's own Hyper declarations, in _optimizer
    if not isinstance(value, dict):
        raise InvalidValue(_("hyperparameters must be an object of numbers, got {value}").format(value=shown(value)))
    return value


def _optimizer(cls: type[Optimizer], values: dict) -> Optimizer:
    for key in values:
        _short_enough(key, "hyperparameter")
        cls.hyper(key)  # refuses a key the optimizer does not declare, "decimals" too
    return cls(**values)


# -- lessons and runs ---------------------------------------------------------------------------------
RUN_FIELDS = (
    Field("name", RUN_NAME.check),
    Field("optimizer", _named("optimizer", get_optimizer)),
    Field("hyperparameters", _hyperparameters, {}),
    Field("start", START.check),
    Field("visible", _flag, True),
    Field("color", _color, None),
    Field("schedule", Schedule.from_json, None),
    Field("noise", Noise.from_json, None),
)


#: How a refusal names an entry of each kind: by its name, or by its position.
_PLACES = {"run": (N_("run {name}"), N_("run {number}")), "lesson": (N_("lesson {name}"), N_("lesson {number}"))}


def _place(kind: str, number: int, entry, name_rule: Text) -> str:
    """How a refusal names an entry: by its name if that is valid (``run 'SGD'``), else by position."""
    by_name, by_number = _PLACES[kind]
    name = entry.get("name") if isinstance(entry, dict) else None
    try:
        return _(by_name).format(name=repr(name_rule.check(name)))
    except InvalidValue:
        return _(by_number).format(number=number)


def _run(entry, number: int) -> LessonRun:
    place = _place("run", number, entry, RUN_NAME)
    values = read_object(entry, place, RUN_FIELDS)
    with located(place):
        optimizer = _optimizer(values.pop("optimizer"), values.pop("hyperparameters"))
        optimizer = optimizer.replace(schedule=values.pop("schedule"), noise=values.pop("noise"))
    return LessonRun(optimizer=optimizer, **values)


def _runs(value) -> tuple[LessonRun, ...]:
    runs = check_list(value, "runs", MAX_RUNS)
    if not runs:
        raise InvalidValue(_("a lesson needs at least one run"))
    return tuple(_run(entry, number) for number, entry in enumerate(runs, 1))


def _translation(value) -> tuple:
    texts = read_object(value, "", tuple(Field(key, (GROUP if key == "group" else TITLE if key == "title"
                                                     else DESCRIPTION).check, None) for key in TRANSLATED))
    return tuple((key, text) for key, text in texts.items() if text is not None)


def _translations(value) -> tuple:
    """{"ko": {"title": ..., "description": ...}, ...} as ((language, ((key, text), ...)), ...)."""
    if not isinstance(value, dict):
        raise InvalidValue(_("translations must be an object of languages, got {value}").format(value=shown(value)))
    result = []
    for language, texts in value.items():
        if not _LANGUAGE.fullmatch(language):
            raise InvalidValue(_('translations: {language} is not a language code such as "ko"').format(
                language=shown(language)))
        with located(f"translations: {language}"):
            result.append((language, _translation(texts)))
    return tuple(result)


LESSON_FIELDS = (
    Field("name", LESSON_NAME.check),
    Field("group", GROUP.check),
    Field("title", TITLE.check),
    Field("description", DESCRIPTION.check),
    Field("function", _named("function", get_function)),
    Field("decimals", DECIMALS.check, None),
    Field("max_steps", LESSON_MAX_STEPS.check),
    Field("tol", TOL.check, DEFAULT_TOL),
    Field("runs", _runs),
    Field("look_for", DESCRIPTION.check, ""),
    Field("translations", _translations, ()),
    Field("view", VIEW.check, None),
)


def _lesson(entry, place: str) -> Lesson:
    """A complete Lesson from one parsed entry, or InvalidValue starting with ``place``."""
    values = read_object(entry, place, LESSON_FIELDS)
    view = values.pop("view")
    function = values["function"]
    if view is not None and view != function.view:  # a typed-in function's box is the user's own
        if is_typed_in(function):
            from .expression import expression_objective  # (the same function and box: the same object)

            values["function"] = expression_objective(function.name[len(EXPRESSION_PREFIX):], view)
        else:
            values["function"] = replace(function, view=view)
    return Lesson(**values)


def _document(text: str, expected, fields: Sequence[Field]) -> dict:
    """The document's fields; ``expected``: the format, or a tuple of the formats read."""
    formats = (expected,) if isinstance(expected, str) else tuple(expected)
    data = parse_document(text)
    if not isinstance(data, dict) or data.get("format") not in formats:
        raise InvalidValue(_("not a GradStep file: expected format {format}").format(format=repr(formats[-1])))
    return read_object(data, "", fields)


# -- lessons files ------------------------------------------------------------------------------------
# "format" is compared first, in _document: a file of another kind is refused for that, not for its keys
LESSONS_FILE = (Field("format", str), Field("lessons", lambda value: check_list(value, "lessons", MAX_LESSONS)))


def _read_lessons(text: str) -> tuple[list[Lesson], list[str]]:
    """The good lessons of a lessons file and one line per entry left out; InvalidValue if the document
    itself is not a lessons file."""
    lessons, problems, names = [], [], set()
    for number, entry in enumerate(_document(text, FORMAT, LESSONS_FILE)["lessons"], 1):
        try:
            lesson = _lesson(entry, _place("lesson", number, entry, LESSON_NAME))
            if lesson.name in names:  # the name identifies a lesson's menu entry
                raise InvalidValue(_("lesson {name}: an earlier lesson in the file has this name").format(
                    name=repr(lesson.name)))
        except InvalidValue as error:
            problems.append(str(error))
            continue
        names.add(lesson.name)
        lessons.append(lesson)
    return lessons, problems


def parse_lessons(text: str) -> list[Lesson]:
    """Every lesson in the text of a lessons file, in order; InvalidValue, naming the first bad entry and
    why, if the text or any entry is invalid."""
    lessons, problems = _read_lessons(text)
    if problems:
        raise InvalidValue(problems[0])
    return lessons


def load_lesson_file(path) -> LoadedLessons:
    """The lessons of one lessons file (a path or an importlib.resources Traversable).

    An invalid entry is left out and reported in ``problems`` as ``<path>: lesson 'x': <reason>``; FileError
    naming the file if it cannot be read or is not a lessons file at all.
    """
    text = read_file_text(path)
    try:
        lessons, problems = _read_lessons(text)
    except InvalidValue as error:
        raise _cannot_open(path, error) from None
    return LoadedLessons(tuple(lessons), tuple(f"{path}: {problem}" for problem in problems))


def load_lessons(source=None) -> LoadedLessons:
    """The lessons in ``source``, a lessons file or a folder of them (every ``*.json`` in it, by name), or
    by default the lessons shipped with GradStep.  Never raises for a bad file: a file or entry that cannot
    be used is left out and reported, one line each, in ``problems``."""
    if source is None:
        source = resources.files("resources.lessons")
    elif not hasattr(source, "iterdir"):
        source = Path(source)
    try:
        files = [source] if source.is_file() else sorted(
            (item for item in source.iterdir() if item.name.lower().endswith(".json")), key=lambda item: item.name)
    except OSError as error:
        return LoadedLessons(problems=(_("cannot read {path}: {reason}").format(path=source, reason=os_reason(error)),))
    lessons, problems = [], []
    for item in files:
        try:
            loaded = load_lesson_file(item)
        except FileError as error:
            problems.append(str(error))
            continue
        lessons.extend(loaded.lessons)
        problems.extend(loaded.problems)
    return LoadedLessons(tuple(lessons), tuple(problems))


# -- session files ------------------------------------------------------------------------------------
SESSION_FILE = (Field("format", str), Field("session", lambda value: _lesson(value, _("session"))))


def _run_dict(run: LessonRun) -> dict:
    entry = {"name": run.name, "optimizer": run.optimizer.name, "hyperparameters": dict(run.optimizer.values),
             "start": list(run.start), "visible": run.visible}
    if run.color is not None:
        entry["color"] = run.color
    if not run.optimizer.schedule.is_constant:
        entry["schedule"] = run.optimizer.schedule.to_json()
    if run.optimizer.noise is not None:
        entry["noise"] = run.optimizer.noise.to_json()
    return entry


def saved_session_texts(function: Objective, runs: int) -> tuple[str, str, str]:
    """The group, title and description of a session saved now: ("Sessions", "Saved session", "2 runs on
    Rosenbrock"), in the current language.  They are the file's data, like a lesson's texts: written in
    the language in use when it is saved, and shown as written when it is opened, in any language."""
    description = ngettext("{count} run on {function}", "{count} runs on {function}", runs).format(
        count=runs, function=function.title_text())
    return _("Sessions"), _("Saved session"), description


def session_text(session: Lesson) -> str:
    """The JSON text of a session file (floats written with repr, so they read back exactly)."""
    body = {"name": session.name, "group": session.group, "title": session.title,
            "description": session.description, "function": session.function.name, "decimals": session.decimals,
            "max_steps": session.max_steps, "tol": session.tol, "runs": [_run_dict(r) for r in session.runs]}
    if session.look_for:
        body["look_for"] = session.look_for
    if session.translations:
        body["translations"] = {language: dict(texts) for language, texts in session.translations}
    if is_typed_in(session.function):
        body["view"] = list(session.function.view)
    return json.dumps({"format": SESSION_FORMAT, "session": body}, indent=2, ensure_ascii=False) + "\n"


def save_session(path, session: Lesson):
    """Write a session file atomically; FileError if it cannot be written."""
    text = session_text(session)
    return atomic_write(path, lambda stream: stream.write(text))


def load_session(path) -> Lesson:
    """The complete session in the file at ``path``; FileError naming the file and the reason if it cannot
    be read or is not a valid session file (nothing of an invalid file is returned)."""
    text = read_file_text(path)
    try:
        return _document(text, SESSION_FORMATS, SESSION_FILE)["session"]
    except InvalidValue as error:
        raise _cannot_open(path, error) from None


def _cannot_open(path, error: InvalidValue) -> FileError:
    return FileError(_("cannot open {path}: {error}").format(path=path, error=error))
