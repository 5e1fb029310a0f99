"""The speed control and the timeline slider."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSlider, QWidget

__all__ = ["SPEEDS", "SpeedControl", "Timeline", "speed_text"]

#: Steps per second offered, from one a second to as fast as the machine goes.
SPEEDS = (1.0, 2.0, 3.0, 5.0, 10.0, 20.0, 30.0, 60.0, 100.0, 200.0, 500.0, 1_000.0, 2_000.0, 5_000.0, 10_000.0,
          100_000.0, math.inf)
DEFAULT_INDEX = SPEEDS.index(5.0)


def speed_text(speed: float) -> str:
    translate = QCoreApplication.translate
    if math.isinf(speed):
        return translate("SpeedControl", "full speed")
    return translate("SpeedControl", "{n} steps/s").format(n=f"{speed:,.0f}")


class SpeedControl(QWidget):
    """A slider over `SPEEDS`; speed_changed(steps_per_second) (inf for full speed)."""

    speed_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("speed_slider")
        self.slider.setRange(0, len(SPEEDS) - 1)
        self.slider.setPageStep(1)
        self.slider.setFixedWidth(150)
        self.caption = QLabel(self)
        # Left and Right step the runs wherever the focus is; a focused slider would take them instead
        self.slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.label = QLabel(self)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.slider)
        layout.addWidget(self.label)
        self.slider.valueChanged.connect(self._moved)
        self.slider.setValue(DEFAULT_INDEX)
        self._moved(DEFAULT_INDEX)
        self.retranslate()

    def retranslate(self) -> None:
        self.slider.setToolTip(self.tr("Steps per second while playing: 1 to full speed ([ slower, ] faster)"))
        self.slider.setAccessibleName(self.tr("Speed"))
        self.caption.setText(self.tr("Speed"))
        self.label.setText(speed_text(self.speed))
        self._fit_label()

    def _fit_label(self) -> None:
        # as wide as its widest text in the window's language: the toolbar does not shift as it changes
        metrics = self.label.fontMetrics()
        self.label.setMinimumWidth(max(metrics.horizontalAdvance(speed_text(speed)) for speed in SPEEDS) + 6)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fit_label()
        super().changeEvent(event)

    @property
    def speed(self) -> float:
        return SPEEDS[self.slider.value()]

    def _moved(self, index: int) -> None:
        self.label.setText(speed_text(SPEEDS[index]))
        self.speed_changed.emit(SPEEDS[index])

    def faster(self) -> None:
        self.slider.setValue(min(len(SPEEDS) - 1, self.slider.value() + 1))

    def slower(self) -> None:
        self.slider.setValue(max(0, self.slider.value() - 1))


class Timeline(QWidget):
    """Scrub through the recorded steps; step_chosen(k) when the user moves it."""

    step_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("timeline")
        self.slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # see SpeedControl: arrows belong to stepping
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.caption = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.label)
        self.slider.sliderMoved.connect(self.step_chosen)
        self.slider.actionTriggered.connect(self._action)
        self._position = (0, 0)
        self.retranslate()

    def retranslate(self) -> None:
        self.slider.setToolTip(self.tr("Drag to look at any recorded step; the later steps are kept"))
        self.slider.setAccessibleName(self.tr("Timeline"))
        self.caption.setText(self.tr("Step"))
        self._fit_label()
        self.show_position(*self._position)

    def _text(self, step: int, newest: int) -> str:
        return self.tr("step {step} of {newest}").format(step=f"{step:,}", newest=f"{newest:,}")

    def _fit_label(self) -> None:
        # a fixed width: its text changes every frame while playing, and must not lay the plots out again
        self.label.setFixedWidth(self.label.fontMetrics().horizontalAdvance(self._text(1_000_000, 1_000_000)) + 8)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fit_label()
        super().changeEvent(event)

    def _action(self, _action) -> None:
        # clicks on the groove and keyboard moves: read the position once the slider has applied them
        if not self.slider.isSliderDown():
            self.step_chosen.emit(self.slider.sliderPosition())

    def show_position(self, step: int, newest: int) -> None:
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(newest, 0))
        self.slider.setValue(step)
        self.slider.blockSignals(False)
        self._position = (step, newest)
        self.label.setText(self._text(step, newest))
