"""The lesson on screen: its title, what it shows and what to look for, in the window's language.

A class cannot see a tooltip or a status bar that vanishes after a few seconds: the lesson's explanation
stays on screen in its own panel while the runs play.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from core.lessons import Lesson

__all__ = ["LessonPanel"]


class LessonPanel(QWidget):
    """Shows one lesson (``show_lesson``), or a hint about the Lessons menu when none is open."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lesson_panel")
        self.text = QLabel(self)
        self.text.setObjectName("lesson_text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # scrolled, not cut off, when the dock is too short for it (larger text, presentation mode)
        scroll = QScrollArea(self)
        scroll.setWidget(self.text)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(scroll)
        self.lesson: Lesson | None = None
        self.language = "en"
        self.show_lesson(None)

    def show_lesson(self, lesson: Lesson | None, language: str | None = None) -> None:
        self.lesson = lesson
        if language is not None:
            self.language = language
        self.text.setText(self.html())

    def html(self) -> str:
        lesson = self.lesson
        if lesson is None:
            return self.tr("Open a lesson from the Lessons menu: the notes' six tables, and comparisons.")
        text = lambda key: html.escape(lesson.text(key, self.language), quote=False).replace("\n", "<br>")  # noqa: E731
        parts = [f"<b>{text('group')}: {text('title')}</b>", text("description")]
        if lesson.text("look_for", self.language):
            look_for = self.tr("Look for:")  # (a tr() inside an f-string is not seen by lupdate)
            parts.append(f"<i>{look_for}</i> {text('look_for')}")
        return "<p>" + "</p><p>".join(parts) + "</p>"
