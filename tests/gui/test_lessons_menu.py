"""The Lessons menu: a broken shipped file never stops the window; a lecturer's own lessons appear."""

from __future__ import annotations

import json

from PySide6.QtGui import QAction

import gui.lesson_library as library_module
from core.lessons import load_lessons
from gui.app import create_application

GOOD = {"format": "gradstep-lessons-1", "lessons": [
    {"name": "my-adam", "group": "My lessons", "title": "Adam from far away", "description": "Watch lr_t.",
     "function": "quadratic", "decimals": None, "max_steps": 50,
     "runs": [{"name": "Adam", "optimizer": "adam", "hyperparameters": {"lr": 0.5}, "start": [8, -1]}]},
    {"name": "broken", "group": "My lessons", "title": "Broken", "description": "",
     "function": "quadratic", "decimals": True, "max_steps": 50,
     "runs": [{"name": "SGD", "optimizer": "sgd", "start": [0, 0]}]}]}


def _window(qtbot):
    create_application()
    from gui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    return win


def test_a_broken_shipped_lessons_file_leaves_the_window_starting_and_saying_why(qtbot, tmp_path, monkeypatch):
    broken = tmp_path / "shipped"
    broken.mkdir()
    (broken / "lessons.json").write_text('{"format": "gradstep-lessons-1", "lessons": [', encoding="utf-8")
    monkeypatch.setattr(library_module, "load_lessons",
                        lambda source=None: load_lessons(broken if source is None else source))
    monkeypatch.setattr(library_module, "user_lessons_folder", lambda: tmp_path / "none")
    win = _window(qtbot)
    qtbot.waitUntil(lambda: win.selected() is not None and win.selected().history is not None)
    assert win.lessons == () and len(win.library.problems) == 1 and "lessons.json" in win.library.problems[0]
    qtbot.waitUntil(lambda: "could not be loaded" in win.statusBar().currentMessage())
    assert win.findChild(QAction, "action_lesson_problems") is not None
    win.action_step.trigger()  # and the window works
    qtbot.waitUntil(lambda: win.model.synced and win.selected().step == 1)
    win.close()


def test_a_lesson_in_the_lecturers_folder_appears_and_a_broken_one_is_reported(qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "lessons"
    folder.mkdir()
    (folder / "mine.json").write_text(json.dumps(GOOD), encoding="utf-8")
    monkeypatch.setattr(library_module, "user_lessons_folder", lambda: folder)
    win = _window(qtbot)
    action = win.findChild(QAction, "lesson_my-adam")
    assert action is not None and action.text() == "Adam from far away"
    assert win.findChild(QAction, "lesson_broken") is None
    assert any("broken" in problem and "decimals" in problem for problem in win.library.problems)
    action.trigger()
    qtbot.waitUntil(lambda: win.model.synced and win.selected().name == "Adam" and win.selected().start == (8.0, -1.0))
    win.close()


def test_open_lesson_file_adds_its_lessons_and_opens_the_first(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(library_module, "user_lessons_folder", lambda: tmp_path / "none")
    path = tmp_path / "week3.json"
    path.write_text(json.dumps(GOOD), encoding="utf-8")
    win = _window(qtbot)
    win.files.open_lesson_file(path)
    qtbot.waitUntil(lambda: win.model.synced and win.selected().name == "Adam")
    assert win.findChild(QAction, "lesson_my-adam") is not None
    assert "left out" in win.statusBar().currentMessage()
    win.close()


def test_the_lesson_panel_says_what_the_lesson_shows_and_what_to_look_for(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(library_module, "user_lessons_folder", lambda: tmp_path / "none")
    win = _window(qtbot)
    lesson = next(item for item in win.lessons if item.name == "adam-bias-correction")
    win.open_lesson(lesson)
    text = win.lesson_panel.text.text()
    assert lesson.title in text and "lr_t" in text and "Look for" in text
    win.lesson_panel.show_lesson(lesson, "ko")
    assert "편향 보정" in win.lesson_panel.text.text()
    win.close()
