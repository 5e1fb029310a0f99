"""Lesson presets load, and the lecture-notes lessons are the notes' own settings."""

import pytest

from core.hyper import InvalidValue
from core.lessons import load_lessons, parse_lessons
from core.run import Run

from .lecture_notes import read_tables


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
    ("{", "not a lessons file"),
    ('{"format": "other"}', "expected format"),
    ('{"format": "gradstep-lessons-1", "lessons": [{"name": "x"}]}', "lesson 'x': missing"),
    ('{"format": "gradstep-lessons-1", "lessons": [{"name": "x", "group": "g", "title": "t", "description": "d", '
     '"function": "quadratic", "decimals": 4, "max_steps": 5, "runs": [{"name": "a", "optimizer": "sgd", '
     '"hyperparameters": {"lr": 500}, "start": [0, 0]}]}]}', "lesson 'x': lr = 500 is out of range"),
])
def test_broken_lessons_are_reported_by_name(text, message):
    with pytest.raises(InvalidValue, match=message):
        parse_lessons(text)
