"""Edit ▸ Undo and Redo for every change to runs and settings, with Qt's QUndoStack.

A slip of the hand in front of a class (a changed optimizer or function restarts runs) must cost nothing.
Each change is a `Change`: before it acts, the stepping worker keeps everything it has (every run with
its recorded steps, shared, not copied: see `core.history`) under the change's token, and the window
keeps its side (names, colours, settings).  Undo and redo *swap* the two states, on both sides, so a
redo brings back the runs as they were when the change was undone, later steps included.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

__all__ = ["UNDO_LIMIT", "Change", "make_stack"]

UNDO_LIMIT = 50
_tokens = itertools.count(1)


class Change(QUndoCommand):
    """One undoable change of a `gui.model.WindowModel`, carried out by ``action``."""

    def __init__(self, model, text: str, action: Callable[[], None]):
        super().__init__(text)
        self._model, self._action = model, action
        self._token = next(_tokens)
        self._other = None  # the window's state on the other side of the change

    def redo(self) -> None:
        if self._other is None:  # the first time: keep the state before, then act
            self._model.send_raw("checkpoint", self._token)
            self._other = self._model.memento()
            self._action()
        else:
            self._swap()

    def undo(self) -> None:
        self._swap()

    def _swap(self) -> None:
        current = self._model.memento()
        self._model.restore(self._other)
        self._other = current
        self._model.send_raw("swap", self._token)


def make_stack(parent) -> QUndoStack:
    stack = QUndoStack(parent)
    stack.setUndoLimit(UNDO_LIMIT)
    return stack
