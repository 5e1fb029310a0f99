"""Every value in a lessons or session file has exactly the JSON type the format says, within its declared
range and length, or the file is refused with one line naming the value: InvalidValue from parse_lessons,
FileError naming the file from load_session."""

import pytest

from core.atomic import FileError
from core.hyper import InvalidValue
from core.lessons import load_session, parse_lessons

from .test_lessons import good_lesson, good_run, lessons_text, session_file_text

LONG = "x" * 400_000  # under the file size limit, so the value itself is what is refused

BAD_LESSONS = [
    (good_lesson(decimals=True), "decimals must be a whole number"),
    (good_lesson(decimals="4"), "decimals must be a whole number"),
    (good_lesson(decimals=4.5), "decimals must be a whole number"),
    (good_lesson(max_steps=True), "step limit must be a whole number"),
    (good_lesson(max_steps="12"), "step limit must be a whole number"),
    (good_lesson(max_steps=0), "step limit must be a whole number from 1 "),
    (good_lesson(max_steps=None), "step limit must be a whole number"),
    (good_lesson(tol=True), "tolerance must be a number"),
    (good_lesson(tol="1e-8"), "tolerance must be a number"),
    (good_lesson(tol=-1), "tolerance = -1 is out of range"),
    (good_lesson(name=5), "name must be text, got 5"),
    (good_lesson(name="x" * 61), "61 characters long"),
    (good_lesson(group=5), "group must be text, got 5"),
    (good_lesson(group=["g"]), "group must be text"),
    (good_lesson(title=5.5), "title must be text, got 5.5"),
    (good_lesson(title="t" * 201), "201 characters long"),
    (good_lesson(title="two\nlines"), "line breaks"),
    (good_lesson(description=False), "description must be text, got False"),
    (good_lesson(description=None), "description must be text, got None"),
    (good_lesson(description="d" * 4001), "4,001 characters long"),
    (good_lesson(function=5), "function must be a name"),
    (good_lesson(function=None), "function must be a name"),
    (good_lesson(function="nope"), "unknown function 'nope'"),
    (good_lesson(runs=None), "runs must be a list"),
    (good_lesson(runs={"a": 1}), "runs must be a list"),
    (good_lesson(runs="ab"), "runs must be a list"),
    (good_lesson(runs=[]), "at least one run"),
    (good_lesson(runs=[5]), "run 1 must be an object, got 5"),
    (good_lesson(runs=[[]]), "run 1 must be an object"),
    (good_lesson(colour="#000000"), "unknown key 'colour'"),
    (good_lesson(name=...), "missing 'name'"),
    (good_lesson(function=...), "missing 'function'"),
    (good_lesson(max_steps=...), "missing 'max_steps'"),
    (good_lesson(runs=...), "missing 'runs'"),
]

BAD_RUNS = [
    (good_run(hyperparameters={"lr": True}), "lr must be a number, got True"),
    (good_run(hyperparameters={"lr": "0.5"}), "lr must be a number, got '0.5'"),
    (good_run(hyperparameters={"lr": None}), "lr must be a number, got None"),
    (good_run(hyperparameters={"lr": [0.5]}), "lr must be a number"),
    (good_run(hyperparameters={"lr": 0}), "lr = 0 is out of range"),
    (good_run(hyperparameters=[0.5]), "hyperparameters must be an object"),
    (good_run(hyperparameters=None), "hyperparameters must be an object"),
    (good_run(hyperparameters="lr=0.5"), "hyperparameters must be an object"),
    (good_run(hyperparameters={"decimals": 4}), "unknown hyperparameter 'decimals' for sgd"),
    (good_run(hyperparameters={"momentum": 0.5}), "unknown hyperparameter 'momentum' for sgd"),
    (good_run(start="12"), "start must be two numbers"),
    (good_run(start={"1": 0, "2": 0}), "start must be two numbers"),
    (good_run(start=[True, False]), "start must be two numbers"),
    (good_run(start=["0", "0"]), "start must be two numbers"),
    (good_run(start=[0]), "start must be two numbers"),
    (good_run(start=[0, 0, 0]), "start must be two numbers"),
    (good_run(start=None), "start must be two numbers"),
    (good_run(start=[1e10, 0]), "start x must be a finite number below"),
    (good_run(name=5), "a run's name must be text, got 5"),
    (good_run(name="  "), "a run's name must not be empty"),
    (good_run(name="x" * 61), "a run's name is 61 characters long; at most 60"),
    (good_run(name="a\nb"), "line breaks"),
    (good_run(visible=1), "visible must be true or false, got 1"),
    (good_run(visible="true"), "visible must be true or false"),
    (good_run(visible=None), "visible must be true or false"),
    (good_run(color="#0072B2\n"), "colour must look like #12ab9f"),
    (good_run(color="blue"), "colour must look like #12ab9f, got 'blue'"),
    (good_run(color="#0072B"), "colour must look like"),
    (good_run(color=255), "colour must look like"),
    (good_run(optimizer=5), "optimizer must be a name"),
    (good_run(optimizer=None), "optimizer must be a name"),
    (good_run(optimizer=["sgd"]), "optimizer must be a name"),
    (good_run(optimizer="nope"), "unknown optimizer 'nope'"),
    (good_run(name=...), "missing 'name'"),
    (good_run(optimizer=...), "missing 'optimizer'"),
    (good_run(start=...), "missing 'start'"),
    (good_run(colour="#000000"), "unknown key 'colour'"),
]


def _write(tmp_path, text: str, name: str = "bad.gradstep"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("lesson", "message"), BAD_LESSONS + BAD_RUNS)
def test_a_lessons_file_with_a_wrong_value_is_refused_naming_it(lesson, message):
    with pytest.raises(InvalidValue, match=message):
        parse_lessons(lessons_text(lesson))


@pytest.mark.parametrize(("lesson", "message"), BAD_LESSONS + BAD_RUNS)
def test_a_session_file_with_a_wrong_value_is_refused_naming_the_file(tmp_path, lesson, message):
    path = _write(tmp_path, session_file_text(lesson))
    with pytest.raises(FileError, match=message) as refused:
        load_session(path)
    assert str(path) in str(refused.value)


def test_the_good_lesson_itself_loads_both_ways(tmp_path):
    (lesson,) = parse_lessons(lessons_text(good_lesson()))
    assert [run.name for run in lesson.runs] == ["a", "b"]
    assert lesson.runs[1].optimizer.values["beta2"] == 0.99 and lesson.runs[1].visible is False
    assert load_session(_write(tmp_path, session_file_text(good_lesson()))) == lesson


def test_a_refusal_says_which_lesson_and_which_run():
    with pytest.raises(InvalidValue, match=r"^lesson 'x': run 'b': lr must be a number"):
        parse_lessons(lessons_text(good_lesson(), good_run(1, hyperparameters={"lr": "fast"})))
    with pytest.raises(InvalidValue, match=r"^lesson 'x': run 1: a run's name must be text, got None"):
        parse_lessons(lessons_text(good_run(name=None)))
    with pytest.raises(InvalidValue, match=r"^lesson 2: a lesson's name must be text, got 7"):
        parse_lessons(lessons_text(good_lesson(name="y"), good_lesson(name=7)))


def test_optional_values_take_their_defaults():
    lesson = good_lesson(decimals=..., tol=...)
    lesson["runs"][0] = {"name": "plain", "optimizer": "momentum", "start": [1, 2]}
    (loaded,) = parse_lessons(lessons_text(lesson))
    assert loaded.decimals is None and loaded.tol == 1e-8
    run = loaded.runs[0]
    assert run.optimizer.values == {"lr": 0.01, "momentum": 0.9}
    assert (run.visible, run.color, run.start) == (True, None, (1.0, 2.0))


def test_whole_numbers_written_as_floats_and_colour_null_are_accepted():
    lesson = good_lesson(decimals=3.0, max_steps=1e3)
    lesson["runs"][1]["color"] = None
    (loaded,) = parse_lessons(lessons_text(lesson))
    assert (loaded.decimals, loaded.max_steps, loaded.runs[1].color) == (3, 1000, None)
    assert type(loaded.decimals) is int and type(loaded.max_steps) is int


@pytest.mark.parametrize(("lesson", "message"), [
    (good_run(name=LONG), "a run's name is 400,000 characters long"),
    (good_lesson(name=LONG), "a lesson's name is 400,000 characters long"),
    (good_lesson(title=LONG), "a title is 400,000 characters long"),
    (good_lesson(function=LONG), "unknown function 'xxx"),
    (good_run(optimizer=LONG), "unknown optimizer 'xxx"),
    (good_run(hyperparameters={LONG: 1}), "unknown hyperparameter 'xxx"),
    (good_lesson(**{LONG: 1}), "unknown key 'xxx"),
    (good_run(start=[LONG, 0]), "start must be two numbers"),
    (good_run(hyperparameters={"lr": LONG}), "lr must be a number, got 'xxx"),
    (good_run(color=LONG), "colour must look like #12ab9f, got 'xxx"),
])
def test_a_huge_value_is_refused_and_not_echoed_whole(lesson, message):
    with pytest.raises(InvalidValue, match=message) as refused:
        parse_lessons(lessons_text(lesson))
    assert len(str(refused.value)) < 250


def test_a_run_name_long_enough_to_crash_the_plots_never_reaches_a_run(tmp_path):
    # pyqtgraph crashed the whole process drawing a name of 400,000 characters; such a file is refused
    with pytest.raises(FileError, match="a run's name is 400,000 characters long; at most 60"):
        load_session(_write(tmp_path, session_file_text(good_run(name=LONG))))
    with pytest.raises(FileError, match="too big"):  # a name of a million does not even fit the file
        load_session(_write(tmp_path, session_file_text(good_run(name=LONG * 3))))


def test_a_name_is_trimmed_and_then_measured():
    (lesson,) = parse_lessons(lessons_text(good_run(name="  " + "n" * 60 + "  ")))
    assert lesson.runs[0].name == "n" * 60


@pytest.mark.parametrize("bad", ["a\u2028b", "a\u2029b", "a\x85b", "a\x1bb", "a\ud800b"])
def test_names_with_line_separators_or_control_characters_are_refused(bad):
    from core.settings import RUN_NAME
    from core.values import InvalidValue

    with pytest.raises(InvalidValue, match="control characters"):
        RUN_NAME.check(bad)
