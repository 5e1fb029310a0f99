"""Files that are not GradStep documents at all, or too big, too deep or too long to be one, are refused in
one line, never with another exception (RecursionError, a ValueError about int digits, a TypeError)."""

import json
import re

import pytest

from core.atomic import FileError
from core.hyper import InvalidValue
from core.lessons import load_session, parse_lessons

from .test_lessons import good_lesson, good_run, lessons_text, session_file_text

DEEP = "[" * 100_000 + "]" * 100_000
DIGITS = "7" * 5_000
HEAD = '{"format": "gradstep-lessons-1", "lessons": '

TRAILING_COMMA = '{"format": "gradstep-lessons-1",\n "lessons": [1, 2,]}'


def _json_says(text: str) -> str:
    """Where Python's own json parser stops on ``text``: its line and column (Python 3.13 points at a
    trailing comma, 3.12 and older at the bracket after it)."""
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        return re.escape(f"it is not JSON from line {error.lineno}, column {error.colno} (")
    raise AssertionError(f"{text!r} is JSON")


BAD_DOCUMENTS = [
    ("{", "not a GradStep file: it is not JSON from line 1, column 2 "),
    ("", "not a GradStep file: it is empty"),
    (" \n\t\n", "not a GradStep file: it is empty"),
    (TRAILING_COMMA, _json_says(TRAILING_COMMA)),
    ("[]", "not a GradStep file"),
    ("null", "not a GradStep file"),
    ("5", "not a GradStep file"),
    ('"gradstep-lessons-1"', "not a GradStep file"),
    ('{"lessons": []}', "expected format 'gradstep-lessons-1'"),
    ('{"format": 5, "lessons": []}', "expected format 'gradstep-lessons-1'"),
    ('{"format": "gradstep-session-1", "session": {}}', "expected format 'gradstep-lessons-1'"),
    (HEAD + "null}", "lessons must be a list, got None"),
    (HEAD + "{}}", "lessons must be a list"),
    (HEAD + '"abc"}', "lessons must be a list"),
    (HEAD + "5}", "lessons must be a list"),
    (HEAD + "[null]}", "lesson 1 must be an object, got None"),
    (HEAD + '["x"]}', "lesson 1 must be an object"),
    ('{"format": "gradstep-lessons-1"}', "missing 'lessons'"),
    (HEAD + '[], "extra": 1}', "unknown key 'extra'"),
    (DEEP, "nested too deeply"),
    (HEAD + DEEP + "}", "nested too deeply"),
    (DIGITS, "a whole number of 5,000 digits"),
    (HEAD + DIGITS + "}", "a whole number of 5,000 digits"),
    (lessons_text(good_lesson()).replace('"max_steps": 5', f'"max_steps": {DIGITS}'), "5,000 digits"),
    (lessons_text(good_lesson()).replace('"lr": 0.5', f'"lr": -{DIGITS}'), "5,000 digits"),
    (lessons_text(good_lesson()).replace('"max_steps": 5', '"max_steps": NaN'), "NaN is not a JSON value"),
    (lessons_text(good_lesson()).replace('"lr": 0.5', '"lr": Infinity'), "Infinity is not a JSON value"),
    (lessons_text(good_lesson()).replace('"start": [0, 0]', '"start": [-Infinity, 0]'), "Infinity is not"),
    (lessons_text(good_lesson()).replace('"lr": 0.5', '"lr": 1e999'), "lr must be a finite number"),
    (lessons_text(good_lesson()).replace('"t"', '"\\ud800"'), "unpaired surrogate"),
    (lessons_text(good_lesson()).replace('"a"', '"a\\udfff"'), "unpaired surrogate"),
    (lessons_text(*[good_lesson(name=f"n{i}") for i in range(101)]), "too many lessons: 101, at most 100"),
    (lessons_text(good_lesson(runs=[good_lesson()["runs"][0]] * 33)), "too many runs: 33, at most 32"),
    (lessons_text(good_lesson()) + " " * 1_000_001, "too big"),
]


@pytest.mark.parametrize(("text", "message"), BAD_DOCUMENTS, ids=lambda v: v[:30] if isinstance(v, str) else "")
def test_a_bad_lessons_document_is_refused_in_one_line(text, message):
    with pytest.raises(InvalidValue, match=message) as refused:
        parse_lessons(text)
    assert "\n" not in str(refused.value) and len(str(refused.value)) < 250


def test_nesting_that_python_parses_is_refused_too():
    # deep enough to trouble repr() in an error message, not deep enough for json's own RecursionError
    deep = "[" * 500 + "]" * 500
    with pytest.raises(InvalidValue, match="nested too deeply"):
        parse_lessons(lessons_text(good_run(start=[0, 0])).replace("[0, 0]", deep))


def test_the_limits_leave_room_for_what_gradstep_writes():
    lessons = [good_lesson(name=f"n{i}", runs=[good_lesson()["runs"][0]] * 32) for i in range(100)]
    assert len(parse_lessons(lessons_text(*lessons))) == 100
    # a long whole number within Python's means is read, and then judged by its declaration's range
    with pytest.raises(InvalidValue, match=r"lr = 1e\+300 is out of range"):
        parse_lessons(lessons_text(good_run(hyperparameters={"lr": 10**300})))


def _session_path(tmp_path, text, name="bad.gradstep"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


SESSION_HEAD = '{"format": "gradstep-session-1", "session": '


@pytest.mark.parametrize(("text", "message"), [
    (SESSION_HEAD + "null}", "session must be an object, got None"),
    (SESSION_HEAD + "[]}", "session must be an object"),
    (SESSION_HEAD + "5}", "session must be an object"),
    ('{"format": "gradstep-session-1"}', "missing 'session'"),
    (SESSION_HEAD + "{}, \"more\": 1}", "unknown key 'more'"),
    (SESSION_HEAD + DEEP + "}", "nested too deeply"),
    (DEEP, "nested too deeply"),
    (SESSION_HEAD + DIGITS + "}", "5,000 digits"),
    (session_file_text(good_lesson()).replace('"max_steps": 5', f'"max_steps": {DIGITS}'), "5,000 digits"),
    (session_file_text(good_lesson(runs=[good_lesson()["runs"][0]] * 33)), "too many runs: 33, at most 32"),
    (lessons_text(good_lesson()), "expected format 'gradstep-session-2'"),
    (session_file_text(good_lesson()) + " " * 1_000_001, "too big"),
    ("[" * 2_000_000, "too big"),  # refused by its size, before the parser sees how deep it is
])
def test_a_bad_session_file_is_refused_naming_the_file(tmp_path, text, message):
    path = _session_path(tmp_path, text)
    with pytest.raises(FileError, match=message) as refused:
        load_session(path)
    assert str(path) in str(refused.value) and "\n" not in str(refused.value)


def test_a_file_that_cannot_be_read_as_text_is_refused(tmp_path):
    binary = tmp_path / "binary.gradstep"
    binary.write_bytes(b"\xff\xfe{}")
    with pytest.raises(FileError, match="not UTF-8 text"):
        load_session(binary)
    with pytest.raises(FileError, match="cannot read"):
        load_session(tmp_path)
    with pytest.raises(FileError, match="cannot read"):
        load_session(tmp_path / "missing.gradstep")


def test_a_session_saved_by_an_editor_with_a_byte_order_mark_opens(tmp_path):
    text = session_file_text(good_lesson())
    path = tmp_path / "bom.gradstep"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert load_session(path).runs[1].color == "#0072B2"


def test_a_session_file_of_just_under_the_size_limit_opens(tmp_path):
    text = session_file_text(good_lesson())
    path = _session_path(tmp_path, text + " " * (1_000_000 - len(text.encode())))
    assert path.stat().st_size == 1_000_000
    assert load_session(path).name == "x"
