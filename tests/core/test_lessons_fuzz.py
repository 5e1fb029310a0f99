"""Random documents and random damage to a valid one: parse_lessons gives valid lessons or InvalidValue,
load_session a valid Lesson or FileError, and nothing else; whatever loads, saves and loads back equal."""

import copy
import json
import math
import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.atomic import FileError
from core.hyper import InvalidValue
from core.lessons import Lesson, load_lessons, load_session, parse_lessons, session_text
from core.numerics import MAX_DECIMALS
from core.optimizers import Optimizer

from .test_lessons import good_lesson, lessons_text, session_file_text

# Bounded so that the whole file takes a few seconds; no deadline, because a test here must never fail
# for being slow (documents of a megabyte are among the examples).
FUZZ = settings(max_examples=100, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

KEYS = ["format", "lessons", "session", "name", "group", "title", "description", "function", "decimals",
        "max_steps", "tol", "runs", "optimizer", "hyperparameters", "start", "visible", "color", "lr", "momentum"]
SCALARS = (st.none() | st.booleans() | st.integers() | st.floats() | st.text(st.characters(), max_size=20)
           | st.sampled_from(["gradstep-lessons-1", "gradstep-session-1", "quadratic", "sgd", "#00ff00"]))
JSON = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=5)
                    | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), inner, max_size=6),
                    max_leaves=30)
RAW = "\u0001raw{}"  # stands for a token json.dumps cannot write (5,000 digits, deep brackets), put in after


def _assert_valid(lesson) -> None:
    """The contract of a loaded lesson, written from the file format, not from the loader."""
    assert isinstance(lesson, Lesson)
    for text, longest in ((lesson.name, 60), (lesson.group, 60), (lesson.title, 200)):
        assert isinstance(text, str) and 0 < len(text) <= longest and text == text.strip() and _one_line(text)
    assert isinstance(lesson.description, str) and len(lesson.description) <= 4000
    assert _one_line(lesson.description.replace("\n", " "))
    assert lesson.decimals is None or (type(lesson.decimals) is int and 0 <= lesson.decimals <= MAX_DECIMALS)
    assert type(lesson.max_steps) is int and 1 <= lesson.max_steps <= 10_000_000
    assert type(lesson.tol) is float and math.isfinite(lesson.tol) and lesson.tol >= 0
    assert isinstance(lesson.runs, tuple) and 1 <= len(lesson.runs) <= 32
    for run in lesson.runs:
        assert isinstance(run.name, str) and 0 < len(run.name) <= 60 and _one_line(run.name)
        assert isinstance(run.optimizer, Optimizer) and run.optimizer.decimals is None
        assert all(type(v) is float and math.isfinite(v) for v in run.optimizer.values.values())
        assert len(run.start) == 2 and all(type(v) is float and abs(v) < 1e10 for v in run.start)
        assert type(run.visible) is bool
        assert run.color is None or re.fullmatch("#[0-9a-fA-F]{6}", run.color)


def _one_line(text: str) -> bool:
    # no control character (C0, DEL, C1), line or paragraph separator, or unpaired surrogate
    return not any(unicodedata.category(ch) in ("Cc", "Zl", "Zp", "Cs") for ch in text)


def _round_trips(lesson, folder) -> None:
    path = folder / "again.gradstep"
    path.write_text(session_text(lesson), encoding="utf-8")
    again = load_session(path)
    assert again == lesson and session_text(again) == session_text(lesson)


def _check_lessons_text(text: str) -> list | None:
    """The lessons parse_lessons gives, checked, or None if it refused the text as it should."""
    try:
        lessons = parse_lessons(text)
    except InvalidValue as error:
        assert "\n" not in str(error) and len(str(error)) < 1000
        return None
    for lesson in lessons:
        _assert_valid(lesson)
    return lessons


def _check_session_text(text: str, folder):
    path = folder / "fuzz.gradstep"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        lesson = load_session(path)
    except FileError as error:
        assert str(error).startswith(f"cannot read {path}: ") or str(error).startswith(f"cannot open {path}: ")
        assert "\n" not in str(error) and len(str(error)) < 1000
        return None
    _assert_valid(lesson)
    return lesson


@FUZZ
@given(document=JSON | st.fixed_dictionaries({"format": st.just("gradstep-lessons-1"), "lessons": JSON}))
def test_random_json_is_lessons_or_refused(document):
    _check_lessons_text(json.dumps(document))


@FUZZ
@given(document=JSON | st.fixed_dictionaries({"format": st.just("gradstep-session-1"), "session": JSON}))
def test_random_json_is_a_session_or_refused(tmp_path_factory, document):
    _check_session_text(json.dumps(document), tmp_path_factory.mktemp("random"))


# -- damage to a valid document -------------------------------------------------------------------------
def _paths(value, path=()):
    yield path
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in children:
        yield from _paths(child, (*path, key))


def _at(document, path):
    for key in path:
        document = document[key]
    return document


def _put(document, path, value):
    if not path:
        return value
    _at(document, path[:-1])[path[-1]] = value
    return document


def _raw_token(data, original) -> str:
    kind = data.draw(st.sampled_from(["digits", "deep", "constant", "escape"]))
    if kind == "digits":
        digits = "9" * data.draw(st.integers(1, 6000) | st.sampled_from([308, 309, 400, 401, 4300, 4301]))
        return data.draw(st.sampled_from(["", "-"])) + digits + data.draw(st.sampled_from(["", ".5", "e400", "e-9"]))
    if kind == "deep":
        depth = data.draw(st.integers(1, 3000) | st.just(100_000))
        return "[" * depth + json.dumps(original) + "]" * depth
    if kind == "constant":
        return data.draw(st.sampled_from(["NaN", "Infinity", "-Infinity", "1e999", "-0.0", "5e-324"]))
    return data.draw(st.sampled_from(['"\\ud800"', '"a\\udc00"', '"\\u0000"', '"\\n"', '"\\u2028"', '"\\t x"']))


def _similar(data, value):
    """A value of the same JSON type, so that damage often still loads and the round trip is exercised."""
    if isinstance(value, bool):
        return data.draw(st.booleans())
    if isinstance(value, int | float):
        return data.draw(st.integers(-10**12, 10**12) | st.floats(allow_nan=False, allow_infinity=False))
    if isinstance(value, str):
        return data.draw(st.text(st.characters(), max_size=70) | st.sampled_from(["adam", "beale", "#AbCdEf"]))
    return data.draw(JSON)


def _damage(data, document, raws: list):
    path = data.draw(st.sampled_from(list(_paths(document))))
    kind = data.draw(st.sampled_from(["similar", "replace", "delete", "add key", "raw", "long text", "repeat"]))
    target = _at(document, path)
    if kind == "similar":
        return _put(document, path, _similar(data, target))
    if kind == "replace":
        return _put(document, path, data.draw(JSON))
    if kind == "delete" and path:
        del _at(document, path[:-1])[path[-1]]
    elif kind == "add key" and isinstance(target, dict):
        target[data.draw(st.sampled_from(KEYS) | st.text(max_size=8))] = data.draw(JSON)
    elif kind == "raw":
        raws.append(_raw_token(data, target))
        return _put(document, path, RAW.format(len(raws) - 1))
    elif kind == "long text":
        return _put(document, path, data.draw(st.characters()) * data.draw(st.integers(0, 600_000)))
    elif kind == "repeat" and isinstance(target, list):
        target.extend(copy.deepcopy(target) * data.draw(st.integers(0, 40)))
    return document


def _damaged_text(data, document) -> str:
    raws: list[str] = []
    for _ in range(data.draw(st.integers(1, 3))):
        document = _damage(data, document, raws)
    text = json.dumps(document, ensure_ascii=data.draw(st.booleans()))
    for number, token in enumerate(raws):
        text = text.replace(json.dumps(RAW.format(number)), token)
    return text


@FUZZ
@given(data=st.data())
def test_a_damaged_session_is_refused_or_loads_and_round_trips(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("damaged")
    lesson = _check_session_text(_damaged_text(data, json.loads(session_file_text(good_lesson()))), folder)
    if lesson is not None:
        _round_trips(lesson, folder)


@FUZZ
@given(data=st.data())
def test_a_damaged_lessons_file_is_refused_or_loads_and_round_trips(tmp_path_factory, data):
    document = json.loads(lessons_text(good_lesson(), good_lesson(name="second", decimals=None)))
    text = _damaged_text(data, document)
    lessons = _check_lessons_text(text)
    folder = tmp_path_factory.mktemp("lessons")
    for lesson in lessons or ():
        _round_trips(lesson, folder)
    _check_lesson_folder(text, folder, lessons)


def _check_lesson_folder(text: str, folder, strict: list | None) -> None:
    """load_lessons never raises: it keeps the valid entries, names the file in every problem, and agrees
    with parse_lessons (``strict``, None where that refused the text)."""
    path = folder / "damaged.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    loaded = load_lessons(folder)
    for lesson in loaded:
        _assert_valid(lesson)
    assert all(str(path) in problem and "\n" not in problem for problem in loaded.problems)
    if strict is not None:
        assert (list(loaded.lessons), loaded.problems) == (strict, ())
    else:
        assert loaded.problems


def test_valid_edge_values_load_exactly_and_round_trip(tmp_path):
    document = json.loads(session_file_text(good_lesson()))
    document["session"]["runs"][0]["start"] = [-0.0, 5e-324]
    document["session"]["description"] = "  two\nlines ok "
    document["session"]["runs"][1]["name"] = "\u00e9\u00e8" + "\U0001f600" * 58
    path = tmp_path / "edge.gradstep"
    path.write_text(json.dumps(document), encoding="utf-8")
    lesson = load_session(path)
    assert lesson.runs[0].start == (0.0, 5e-324) and lesson.description == "two\nlines ok"
    assert len(lesson.runs[1].name) == 60
    _round_trips(lesson, tmp_path)
