"""The mouse wheel scrolls a scrolling panel, not the chooser or number box that happens to be under the
pointer: otherwise scrolling the parameter column changes the schedule, the optimizer or the rounding as
it passes over them.  A chooser or number box still takes the wheel once it has the keyboard focus
(clicked or tabbed to), as in Qt Creator's and KDE's settings pages."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QScrollArea, QWidget

__all__ = ["WheelGuard"]


class WheelGuard(QObject):
    """Hands the wheel over an unfocused QComboBox or QAbstractSpinBox inside ``scroll`` to the scroll
    area's bar.  (Handed over, not ignored: Qt passes an ignored wheel on to the parents only when the
    window system sent it.)"""

    def __init__(self, scroll: QScrollArea):
        super().__init__(scroll)
        self.scroll = scroll
        self.guard()

    def guard(self) -> None:
        """Guard every chooser and number box in the scroll area (again after new ones are built)."""
        root = self.scroll.widget()
        for widget in root.findChildren(QComboBox) + root.findChildren(QAbstractSpinBox):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # not WheelFocus: the wheel does not focus it
            widget.removeEventFilter(self)
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget) or watched.hasFocus():
            return False
        vertical = abs(event.angleDelta().y()) >= abs(event.angleDelta().x())
        bar = self.scroll.verticalScrollBar() if vertical else self.scroll.horizontalScrollBar()
        QApplication.sendEvent(bar, event)
        return True
