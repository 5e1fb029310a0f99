"""The Lessons menu: the lessons shipped with GradStep, the lecturer's own, and lesson files opened by hand.

A lecturer adds a lesson without code: File ▸ Open lesson file, or a lesson file dropped into the user's
lessons folder (Qt's QStandardPaths application data folder, ``lessons/``), which appears in the Lessons
menu at the next start or on Lessons ▸ Reload.  A broken file or entry is left out and reported (Lessons ▸
Why are some lessons missing?), never stopping the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from core.atomic import FileError
from core.lessons import Lesson, LoadedLessons, load_lesson_file, load_lessons

__all__ = ["LessonLibrary", "user_lessons_folder"]


def user_lessons_folder() -> Path:
    """Where a lecturer's own lesson files go (created on first use)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "lessons"


class LessonLibrary(QObject):
    """Every lesson the window offers, and the Lessons menu built from them.  ``chosen(lesson)`` when the
    user picks one; ``problems`` lists what was left out, one line each."""

    chosen = Signal(object)  # Lesson

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.lessons: tuple[Lesson, ...] = ()
        self.problems: tuple[str, ...] = ()
        self._opened: list[LoadedLessons] = []
        self.menu: QMenu | None = None
        self.language = "en"  # the lessons' texts in the menu: the window's language, where a lesson has it
        self.reload()

    def reload(self) -> None:
        shipped = load_lessons()
        folder = user_lessons_folder()
        mine = load_lessons(folder) if folder.is_dir() else LoadedLessons()
        parts = [shipped, mine, *self._opened]
        self.lessons = tuple(lesson for part in parts for lesson in part.lessons)
        self.problems = tuple(problem for part in parts for problem in part.problems)
        if self.menu is not None:
            self.fill(self.menu)

    def open_file(self, path) -> LoadedLessons:
        """Add the lessons of a file to the menu; FileError if the file as a whole cannot be used."""
        loaded = load_lesson_file(Path(path))
        self._opened.append(loaded)
        self.reload()
        return loaded

    def fill(self, menu: QMenu) -> None:
        """(Re)build the Lessons menu: the lessons by group, then the library's own commands."""
        self.menu = menu
        menu.clear()
        menu.setToolTipsVisible(True)
        groups: dict[str, QMenu] = {}
        for lesson in self.lessons:
            if lesson.group not in groups:  # (grouped as written: a translation missing for one lesson splits none)
                groups[lesson.group] = menu.addMenu(lesson.text("group", self.language))
            action = groups[lesson.group].addAction(lesson.text("title", self.language))
            action.setObjectName(f"lesson_{lesson.name}")
            action.setStatusTip(lesson.text("description", self.language))
            action.setToolTip(lesson.text("description", self.language))
            action.triggered.connect(lambda _checked=False, chosen=lesson: self.chosen.emit(chosen))
        menu.addSeparator()
        menu.addAction(self.tr("Open the lessons folder"), self.open_folder).setObjectName("action_lessons_folder")
        menu.addAction(self.tr("Reload lessons"), self.reload).setObjectName("action_reload_lessons")
        if self.problems:
            menu.addAction(self.tr("Why are some lessons missing?"), self.explain).setObjectName(
                "action_lesson_problems")

    def open_folder(self) -> None:
        folder = user_lessons_folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            QMessageBox.warning(self.parent(), self.tr("Lessons folder"), str(FileError(f"{folder}: {error}")))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def explain(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Lessons left out"),
                          self.tr("These lessons could not be loaded and are not in the menu."),
                          QMessageBox.StandardButton.Ok, self.parent())
        box.setObjectName("lesson_problems_dialog")
        box.setDetailedText("\n".join(self.problems))
        box.exec()
