"""Presentation mode's own arrangement of the panels, and the normal one kept aside meanwhile.

On a projector the class reads the plot and the update with its numbers; the parameter column and the
tables are for the lecturer's hands, and at 1.6 times the text they would leave the plot a postage stamp
(at 1280 × 720 it had 330 × 230 pixels).  So entering presentation mode keeps the window's layout aside
and shows the stage: the plot, and beside it the update with this step's numbers over the state table,
the lesson behind the state table as a tab.  Whatever the lecturer then shows, hides or moves (View ▸
Panels) is the stage the next time, remembered in QSettings; leaving gives back the layout as it was.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt

__all__ = ["STAGE_KEY", "Stage"]

#: Where the lecturer's own arrangement of presentation mode is remembered.
STAGE_KEY = "presentation/state"
#: The right column's share of the screen on the first stage: the plot keeps the rest.
COLUMN_SHARE = 0.3
#: The update with numbers over the state table, by their share of the column's height.
UPDATE_SHARE = 0.55


class Stage:
    """Switches ``window``'s docks between its layout and presentation mode's (``window.docks`` holds the
    parameter column, the state table, the tables, the lesson and the update, in that order)."""

    def __init__(self, window, settings: QSettings, version: int):
        self.window, self.settings, self.version = window, settings, version
        self._normal: QByteArray | None = None

    @property
    def active(self) -> bool:
        return self._normal is not None

    def enter(self) -> None:
        if self.active:
            return
        self._normal = self.window.saveState(self.version)
        stored = self.settings.value(STAGE_KEY)
        if not (isinstance(stored, QByteArray) and self.window.restoreState(stored, self.version)):
            self._first_stage()

    def leave(self) -> None:
        if not self.active:
            return
        self.settings.setValue(STAGE_KEY, self.window.saveState(self.version))
        normal, self._normal = self._normal, None
        self.window.restoreState(normal, self.version)

    def normal_layout(self) -> QByteArray:
        """The window's layout outside presentation mode (what a restart should come back to)."""
        if self.active:
            self.settings.setValue(STAGE_KEY, self.window.saveState(self.version))
            return self._normal
        return self.window.saveState(self.version)

    def _first_stage(self) -> None:
        w = self.window
        parameters, numbers, tables, lesson, update = w.docks
        for dock in (parameters, tables):
            dock.hide()
        for dock in (numbers, lesson, update):
            dock.setFloating(False)
            dock.show()
        w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, update)
        w.splitDockWidget(update, numbers, Qt.Orientation.Vertical)
        w.tabifyDockWidget(numbers, lesson)
        numbers.raise_()
        screen = w.screen().availableGeometry()
        w.resizeDocks([update], [int(screen.width() * COLUMN_SHARE)], Qt.Orientation.Horizontal)
        heights = [int(screen.height() * UPDATE_SHARE), int(screen.height() * (1 - UPDATE_SHARE))]
        w.resizeDocks([update, numbers], heights, Qt.Orientation.Vertical)
