"""Lesson presets load, and the lecture-notes lessons are the notes' own settings."""

import copy
import json
import math
import re

import pytest

from core.hyper import InvalidValue
from core.lessons import load_lessons, parse_lessons
from core.run import Run

from .lecture_notes import read_tables

#: One valid lesson as a lessons file holds it; the other lesson tests change one thing in a copy.
GOOD_LESSON = {
    "name": "x", "group": "g", "title": "t", "description": "d", "function": "quadratic", "decimals": 4,
    "max_steps": 5, "tol": 1e-8,
    "runs": [{"name": "a", "optimizer": "sgd", "hyperparameters": {"lr": 0.5}, "start": [0, 0]},
             {"name": "b", "optimizer": "adam", "hyperparameters": {"lr": 0.1, "beta2": 0.99}, "start": [1, -2],
              "visible": False, "color": "#0072B2"}],
}


def good_lesson(**changes) -> dict:
    """A deep copy of GOOD_LESSON with ``changes`` applied (a value of ... deletes the key)."""
    lesson = copy.deepcopy(GOOD_LESSON)
    for key, value in changes.items():
        if value is ...:
            del lesson[key]
        else:
            lesson[key] = value
    return lesson


def good_run(index: int = 0, **changes) -> dict:
    """GOOD_LESSON with run ``index`` changed like `good_lesson` changes the lesson."""
    lesson = good_lesson()
    run = lesson["runs"][index]
    for key, value in changes.items():
        if value is ...:
            del run[key]
        else:
            run[key] = value
    return lesson


def lessons_text(*lessons) -> str:
    return json.dumps({"format": "gradstep-lessons-1", "lessons": list(lessons)})


def session_file_text(lesson: dict) -> str:
    return json.dumps({"format": "gradstep-session-1", "session": lesson})


def test_the_shipped_lessons_load_and_are_unique():
    lessons = load_lessons()
    assert len(lessons) >= 10
    assert len({lesson.name for lesson in lessons}) == len(lessons)


def test_the_notes_lessons_match_the_notes_tables():
    lessons = {lesson.name: lesson for lesson in load_lessons()}
    for table in read_tables():
        lesson = lessons[f"notes-{table.optimizer.lower()}"]
        (run,) = lesson.runs
        assert lesson.function.name == "quadratic" and lesson.decimals == 4 and lesson.max_steps == 10
        assert type(run.optimizer).__name__ == table.optimizer
        assert {k: run.optimizer.values[k] for k in table.hyperparameters} == table.hyperparameters
        assert run.start == (0.0, 0.0)
        assert table.rows[0].groups["params"] == run.start


def test_every_lesson_runs_to_its_step_limit_or_a_stop():
    for lesson in load_lessons():
        for preset in lesson.runs:
            run = Run(lesson.function, preset.optimizer, preset.start, decimals=lesson.decimals,
                      max_steps=lesson.max_steps)
            run.advance(lesson.max_steps)
            assert run.stop is not None


@pytest.mark.parametrize(("text", "message"), [
    ("{", "not a GradStep file"),
    ('{"format": "other"}', "expected format"),
    ('{"format": "gradstep-lessons-1", "lessons": [{"name": "x"}]}', "lesson 'x': missing"),
    ('{"format": "gradstep-lessons-1", "lessons": [{"name": "x", "group": "g", "title": "t", "description": "d", '
     '"function": "quadratic", "decimals": 4, "max_steps": 5, "runs": [{"name": "a", "optimizer": "sgd", '
     '"hyperparameters": {"lr": 500}, "start": [0, 0]}]}]}', "lesson 'x': run 'a': lr = 500 is out of range"),
])
def test_broken_lessons_are_reported_by_name(text, message):
    with pytest.raises(InvalidValue, match=message):
        parse_lessons(text)


def _session(tmp_path):
    from core.functions import get_function
    from core.lessons import Lesson, LessonRun
    from core.optimizers import Adam, Nesterov

    return Lesson("mine", "Sessions", "My lesson", "prepared last night", get_function("beale"), None, 250,
                  (LessonRun("fast", Adam(lr=0.1, beta2=0.99), (1.0, 1.5), True, "#0072B2"),
                   LessonRun("slow", Nesterov(lr=0.001), (-1.4400000000000002, 2.0), False, None)), 1e-6)


def test_a_saved_session_reads_back_exactly(tmp_path):
    from core.lessons import load_session, save_session

    session = _session(tmp_path)
    path = save_session(tmp_path / "class.gradstep", session)
    assert load_session(path) == session


def test_broken_session_files_are_refused_with_the_reason(tmp_path):
    from core.atomic import FileError
    from core.lessons import load_session, session_text

    good = session_text(_session(tmp_path))
    cases = {
        "missing.gradstep": None,
        "text.gradstep": "hello",
        "other.gradstep": '{"format": "gradstep-lessons-1"}',
        "range.gradstep": good.replace('"lr": 0.1', '"lr": -0.1'),
        "colour.gradstep": good.replace('"#0072B2"', '"blue"'),
        "steps.gradstep": good.replace('"max_steps": 250', '"max_steps": "many"'),
    }
    reasons = {"missing.gradstep": "cannot read", "text.gradstep": "not a GradStep file",
               "other.gradstep": "expected format", "range.gradstep": "lr = -0.1 is out of range",
               "colour.gradstep": "colour must look like", "steps.gradstep": "the step limit must be a whole number"}
    for name, text in cases.items():
        if text is not None:
            (tmp_path / name).write_text(text, encoding="utf-8")
        with pytest.raises(FileError, match=reasons[name]):
            load_session(tmp_path / name)


#: A session file as the window has written them since sessions were added, kept here as files in the wild
#: are: the stricter loader must still open it, and the writer must still write the same document.
WRITTEN_SESSION = """{
  "format": "gradstep-session-1",
  "session": {
    "name": "session",
    "group": "Sessions",
    "title": "Saved session",
    "description": "2 runs on Beale's function",
    "function": "beale",
    "decimals": null,
    "max_steps": 1000,
    "tol": 1e-08,
    "runs": [
      {
        "name": "Adam",
        "optimizer": "adam",
        "hyperparameters": {"lr": 0.1, "beta1": 0.9, "beta2": 0.99, "eps": 1e-07},
        "start": [1.0, 1.5],
        "visible": true,
        "color": "#0072B2"
      },
      {
        "name": "Nesterov (copy)",
        "optimizer": "nesterov",
        "hyperparameters": {"lr": 0.001, "momentum": 0.9},
        "start": [-1.4400000000000002, 2.0],
        "visible": false
      }
    ]
  }
}
"""


def test_a_session_file_written_before_the_stricter_checks_still_opens(tmp_path):
    from core.functions import get_function
    from core.lessons import Lesson, LessonRun, load_session, session_text
    from core.optimizers import Adam, Nesterov

    path = tmp_path / "last-session.gradstep"
    path.write_text(WRITTEN_SESSION, encoding="utf-8")
    session = load_session(path)
    assert session == Lesson("session", "Sessions", "Saved session", "2 runs on Beale's function",
                             get_function("beale"), None, 1000,
                             (LessonRun("Adam", Adam(lr=0.1, beta2=0.99), (1.0, 1.5), True, "#0072B2"),
                              LessonRun("Nesterov (copy)", Nesterov(lr=0.001, momentum=0.9),
                                        (-1.4400000000000002, 2.0), False, None)), 1e-8)
    # written back as version 2, otherwise the same document
    assert json.loads(session_text(session)) == {**json.loads(WRITTEN_SESSION), "format": "gradstep-session-2"}


def test_a_session_keeps_each_runs_schedule_and_noise(tmp_path):
    from core.functions import get_function
    from core.lessons import Lesson, LessonRun, load_session, save_session
    from core.noise import Noise
    from core.optimizers import Adam
    from core.run import Run
    from core.schedules import Schedule

    optimizer = Adam(lr=0.1, schedule=Schedule.parse("cosine:t_max=50,warmup=5"), noise=Noise(0.3, seed=7))
    session = Lesson("s", "Sessions", "t", "d", get_function("rosenbrock"), None, 40,
                     (LessonRun("Adam", optimizer, (-1.2, 1.0)),))
    save_session(tmp_path / "s.gradstep", session)
    again = load_session(tmp_path / "s.gradstep")
    assert again == session
    runs = [Run(get_function("rosenbrock"), s.runs[0].optimizer, (-1.2, 1.0), max_steps=40, tol=0.0)
            for s in (session, again)]
    for run in runs:
        run.advance(40)
    assert (runs[0].history.array() == runs[1].history.array()).all()  # the same noisy, scheduled steps


def _lesson(name: str):
    return next(lesson for lesson in load_lessons() if lesson.name == name)


def test_the_korean_lesson_texts_leave_only_names_and_symbols_in_latin_letters():
    # 'step size' and 'look-ahead' had stayed English in the Korean lessons; optimizer names and the notes'
    # identifiers (params, lr_t) are written in Latin letters in the notes too
    allowed = {"SGD", "AdaGrad", "RMSProp", "Adam", "params", "lr_t"}
    for lesson in load_lessons():
        for key in ("group", "title", "description", "look_for"):
            words = set(re.findall(r"[A-Za-z][A-Za-z_-]{2,}", lesson.text(key, "ko")))
            assert words <= allowed, (lesson.name, key, words - allowed)


def test_the_bias_correction_lesson_says_how_lr_t_goes():
    # lr_t = η·√(1−β₂ᵗ)/(1−β₁ᵗ) with η = 0.9, β₁ = 0.9, β₂ = 0.999: it first falls, then grows towards η
    lr_t = {t: 0.9 * math.sqrt(1 - 0.999**t) / (1 - 0.9**t) for t in range(1, 31)}
    lowest = min(lr_t, key=lr_t.get)
    assert round(lr_t[1], 4) == 0.2846 and lowest == 12 and round(lr_t[lowest], 3) == 0.137
    assert lr_t[30] > lr_t[lowest]
    for language in ("ko", "en"):
        said = _lesson("adam-bias-correction").text("look_for", language)
        assert "0.2846" in said and "t = 12" in said and "0.137" in said, language


def test_the_learning_rate_lesson_counts_the_updates_to_the_minimum():
    lesson = _lesson("lr-too-large")
    preset = lesson.runs[0]
    run = Run(lesson.function, preset.optimizer, preset.start, decimals=lesson.decimals, max_steps=lesson.max_steps)
    run.advance(lesson.max_steps)
    at = [(run.history.row(k)["x"], run.history.row(k)["y"]) for k in (16, 17)]
    assert at[0] != (0.0, 4.0) and at[1] == (0.0, 4.0)  # the notes' minimum (0, 4), exactly, at update 17
    assert "17회 시행 만에" in lesson.text("description", "ko")
    assert "exactly at update 17" in lesson.text("description", "en")
