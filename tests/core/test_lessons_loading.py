"""Loading lessons from the shipped folder, a lecturer's folder or one file: good lessons in file order,
every file or entry left out reported in one line naming it, and never a half-loaded lesson."""

import json
import re
from importlib import resources

import pytest

from core.atomic import FileError
from core.hyper import InvalidValue
from core.lessons import LoadedLessons, load_lesson_file, load_lessons, parse_lessons

from .test_lessons import good_lesson, good_run, lessons_text


def _folder(tmp_path, **files):
    for name, text in files.items():
        (tmp_path / name.replace("_", ".")).write_text(text, encoding="utf-8")
    return tmp_path


def _names(loaded) -> list[str]:
    return [lesson.name for lesson in loaded]


def test_the_shipped_lessons_load_without_problems():
    loaded = load_lessons()
    assert loaded.problems == ()
    assert len(loaded) == len(loaded.lessons) >= 10
    assert loaded[0] is loaded.lessons[0] and list(loaded) == list(loaded.lessons)
    assert loaded[0].name == "notes-sgd" and loaded[-1].name == "lr-too-large"
    assert all(lesson.text("title", "ko") != lesson.title for lesson in loaded)  # every one in Korean too


def test_a_broken_entry_is_left_out_and_the_rest_of_the_file_kept(tmp_path):
    shipped = json.loads((resources.files("resources.lessons") / "lessons.json").read_text(encoding="utf-8"))
    shipped["lessons"][2]["runs"][0]["hyperparameters"]["lr"] = True
    shipped["lessons"][5]["runs"][0]["name"] = "n" * 400_000
    folder = _folder(tmp_path, lessons_json=json.dumps(shipped))
    loaded = load_lessons(folder)
    names = [entry["name"] for entry in shipped["lessons"]]
    assert _names(loaded) == names[:2] + names[3:5] + names[6:]
    path = folder / "lessons.json"
    assert loaded.problems == (
        f"{path}: lesson 'notes-nesterov': run 'Nesterov': lr must be a number, got True",
        f"{path}: lesson 'notes-adam': run 1: a run's name is 400,000 characters long; at most 60 are allowed",
    )


def test_a_folder_gives_every_json_file_by_name_and_reports_the_bad_ones(tmp_path):
    folder = _folder(
        tmp_path,
        b_json=lessons_text(good_lesson(name="b1"), good_lesson(name="b2", max_steps=-1), good_lesson(name="b3")),
        a_json=lessons_text(good_lesson(name="a1"), good_lesson(name="a2")),
        c_json="{not json",
        d_txt=lessons_text(good_lesson(name="d1")),
        e_json="[" * 100_000,
        f_json=json.dumps({"format": "gradstep-lessons-1", "lessons": None}),
    )
    loaded = load_lessons(folder)
    assert _names(loaded) == ["a1", "a2", "b1", "b3"]
    assert len(loaded.problems) == 4
    b, c, e, f = loaded.problems
    assert b.startswith(f"{folder / 'b.json'}: lesson 'b2': the step limit must be a whole number")
    assert c.startswith(f"cannot open {folder / 'c.json'}: not a GradStep file")
    assert e == f"cannot open {folder / 'e.json'}: not a GradStep file: nested too deeply (at most 16 levels)"
    assert f == f"cannot open {folder / 'f.json'}: lessons must be a list, got None"


def test_one_file_can_be_given_as_a_path_or_as_text(tmp_path):
    path = _folder(tmp_path, mine_json=lessons_text(good_lesson(name="m"))) / "mine.json"
    for source in (path, str(path)):
        assert _names(load_lessons(source)) == ["m"]
        assert load_lesson_file(source) == LoadedLessons((parse_lessons(lessons_text(good_lesson(name="m")))[0],))


def test_a_missing_folder_is_a_problem_not_an_exception(tmp_path):
    loaded = load_lessons(tmp_path / "nowhere")
    assert loaded.lessons == () and not loaded
    (problem,) = loaded.problems
    assert problem == f"cannot read {tmp_path / 'nowhere'}: no such file or directory"


def test_load_lesson_file_refuses_a_file_that_is_not_a_lessons_file_naming_it(tmp_path):
    cases = {"text.json": "hello", "session.json": json.dumps({"format": "gradstep-session-1", "session": {}}),
             "big.json": lessons_text(good_lesson()) + " " * 1_000_000, "digits.json": "1" * 5000}
    for name, text in cases.items():
        path = _folder(tmp_path, **{name.replace(".", "_"): text}) / name
        with pytest.raises(FileError, match=f"^cannot open {re.escape(str(path))}: "):
            load_lesson_file(path)
    with pytest.raises(FileError, match=f"^cannot read {re.escape(str(tmp_path / 'none.json'))}: no such file"):
        load_lesson_file(tmp_path / "none.json")


def test_a_lesson_is_loaded_whole_or_not_at_all(tmp_path):
    lesson = good_run(1, start=[0, "0"])  # the last value of the last run is the bad one
    path = _folder(tmp_path, one_json=lessons_text(good_lesson(name="fine"), lesson)) / "one.json"
    assert _names(load_lesson_file(path)) == ["fine"]
    with pytest.raises(InvalidValue, match="lesson 'x': run 'b': start must be two numbers"):
        parse_lessons(lessons_text(good_lesson(name="fine"), lesson))


def test_a_second_lesson_with_the_same_name_is_left_out(tmp_path):
    path = _folder(tmp_path, two_json=lessons_text(good_lesson(title="first"), good_lesson(title="second")))
    loaded = load_lessons(path / "two.json")
    assert [lesson.title for lesson in loaded] == ["first"]
    assert loaded.problems == (f"{path / 'two.json'}: lesson 'x': an earlier lesson in the file has this name",)
