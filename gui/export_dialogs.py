"""The dialogs of File ▸ Export image and Export animation: what size, how fast, how many frames.

Each dialog returns a `gui.slide.SlideSize` (and for an animation an `gui.exporters.AnimationOptions`);
the file name, asked next, chooses the format.  `ask_image_size` and `ask_animation_options` show them
and return None when cancelled.  The last choice is remembered in the window's settings.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .exporters import MAX_FRAMES, AnimationOptions, frame_steps
from .frame_writers import mp4_available
from .slide import SlideSize, screen_size, slide_size

__all__ = ["AnimationDialog", "ImageSizeDialog", "SizeChooser", "ask_animation_options", "ask_image_size"]

MAX_SIDE = 7680  # 8K: past that a picture takes hundreds of megabytes to draw
MIN_SIDE = 64


class SizeChooser(QWidget):
    """A size from presets (``(width, height)`` for a slide, or ``("screen", factor)``: the plot as on
    screen) or typed in validated fields."""

    def __init__(self, presets, plot: QSize, points: float | None, parent=None):
        super().__init__(parent)
        self.plot, self.points = plot, points
        self.presets = list(presets)
        self.preset = QComboBox(self)
        self.preset.setObjectName("size_preset")
        for preset in self.presets:
            self.preset.addItem(self._label(preset))
        self.preset.addItem(self.tr("Custom size"))
        self.width_field, self.height_field = self._field("width"), self._field("height")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        fields = QHBoxLayout()
        fields.addWidget(self.width_field)
        fields.addWidget(QLabel("×", self))
        fields.addWidget(self.height_field)
        fields.addWidget(QLabel(self.tr("pixels"), self))
        fields.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preset)
        layout.addLayout(fields)
        layout.addWidget(self.note)
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self._preset_chosen()

    def _field(self, name: str) -> QSpinBox:
        field = QSpinBox(self)
        field.setObjectName(f"size_{name}")
        field.setRange(MIN_SIDE, MAX_SIDE)
        field.setToolTip(self.tr("From {0} to {1} pixels").format(MIN_SIDE, MAX_SIDE))
        return field

    def _label(self, preset) -> str:
        if preset[0] == "screen":
            w, h = self.plot.width() * preset[1], self.plot.height() * preset[1]
            if preset[1] == 1:
                return self.tr("As on screen ({0} × {1})").format(w, h)
            return self.tr("As on screen, {0} times finer ({1} × {2})").format(preset[1], w, h)
        return f"{preset[0]} × {preset[1]}"

    def custom(self) -> bool:
        return self.preset.currentIndex() == len(self.presets)

    def _preset_chosen(self) -> None:
        custom = self.custom()
        self.width_field.setEnabled(custom)
        self.height_field.setEnabled(custom)
        if not custom:
            size = self.choice()
            self.width_field.setValue(size.width)
            self.height_field.setValue(size.height)
        if not custom and self.presets[self.preset.currentIndex()][0] == "screen":
            self.note.setText(self.tr("The plot as the window shows it: its size, its text."))
        else:
            self.note.setText(self.tr("Laid out as a slide: text, lines and markers grow with the picture."))

    def choice(self) -> SlideSize:
        if self.custom():
            return slide_size(self.width_field.value(), self.height_field.value())
        preset = self.presets[self.preset.currentIndex()]
        if preset[0] == "screen":
            return screen_size(self.plot, preset[1], self.points)
        return slide_size(*preset)

    def remember(self, settings: QSettings, key: str) -> None:
        settings.setValue(f"{key}/preset", self.preset.currentIndex())
        settings.setValue(f"{key}/custom", [self.width_field.value(), self.height_field.value()])

    def recall(self, settings: QSettings, key: str) -> None:
        custom = settings.value(f"{key}/custom")
        if isinstance(custom, list) and len(custom) == 2:
            self.width_field.setValue(int(custom[0]))
            self.height_field.setValue(int(custom[1]))
        index = int(settings.value(f"{key}/preset", 0))
        if 0 <= index < self.preset.count():
            self.preset.setCurrentIndex(index)
        self._preset_chosen()


def _buttons(dialog: QDialog, layout) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return buttons


class ImageSizeDialog(QDialog):
    """Export image: the picture's size (PNG or SVG is chosen by the file name, next)."""

    PRESETS = ((1920, 1080), (1280, 720), (3840, 2160), ("screen", 1), ("screen", 2))

    def __init__(self, parent, plot: QSize, points: float | None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export image"))
        self.sizes = SizeChooser(self.PRESETS, plot, points, self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The plot with its title, legend and axes, at this size:"), self))
        layout.addWidget(self.sizes)
        _buttons(self, layout)


class AnimationDialog(QDialog):
    """Export animation: frame size, frames a second, the most frames; says how many frames it makes."""

    PRESETS = ((1280, 720), (1920, 1080), (960, 540), ("screen", 1))

    def __init__(self, parent, plot: QSize, points: float | None, last_step: int):
        super().__init__(parent)
        self.last_step = last_step
        self.setWindowTitle(self.tr("Export animation"))
        self.sizes = SizeChooser(self.PRESETS, plot, points, self)
        self.fps = QSpinBox(self)
        self.fps.setObjectName("fps")
        # GIF keeps hundredths of a second, and viewers slow down anything shorter than 0.02 s
        self.fps.setRange(1, 50)
        self.fps.setValue(5)
        self.fps.setSuffix(self.tr(" frames/s"))
        self.max_frames = QSpinBox(self)
        self.max_frames.setObjectName("max_frames")
        self.max_frames.setRange(2, 10_000)
        self.max_frames.setValue(MAX_FRAMES)
        self.max_frames.setSuffix(self.tr(" frames"))
        self.summary = QLabel(self)
        self.summary.setObjectName("frames_summary")
        self.summary.setWordWrap(True)
        self.formats = QLabel(self._formats_text(), self)
        self.formats.setObjectName("formats_note")
        self.formats.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Frame size"), self.sizes)
        form.addRow(self.tr("Frame rate"), self.fps)
        form.addRow(self.tr("At most"), self.max_frames)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.formats)
        self.ok_button = _buttons(self, layout).button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(last_step > 0)  # a single still frame is no animation
        self.fps.valueChanged.connect(self._summarise)
        self.max_frames.valueChanged.connect(self._summarise)
        self._summarise()

    def _formats_text(self) -> str:
        if mp4_available():
            return self.tr("GIF or MP4: choose by the file name.")
        return self.tr("GIF. For MP4 as well, install GradStep's video extra: pip install \"gradstep[video]\"")

    def _summarise(self) -> None:
        steps = frame_steps(self.last_step, self.max_frames.value())
        seconds = len(steps) / self.fps.value()
        if self.last_step == 0:
            text = self.tr("Only step 0 is on view, so there is nothing to animate yet: step or play the runs "
                           "first. The animation runs from step 0 to the step on view.")
        elif len(steps) == self.last_step + 1:
            text = self.tr("Steps 0 to {0}: one frame each, {1} frames, {2:.1f} s.").format(
                self.last_step, len(steps), seconds)
        else:
            text = self.tr("Steps 0 to {0} are more than {1} frames: one step in {2:.1f} is drawn, evenly "
                           "spaced, the first and the last among them ({1} frames, {3:.1f} s).").format(
                self.last_step, len(steps), self.last_step / (len(steps) - 1), seconds)
        self.summary.setText(text)

    def options(self) -> AnimationOptions:
        return AnimationOptions(self.sizes.choice(), self.fps.value(), self.max_frames.value())


def ask_image_size(window) -> SlideSize | None:
    """Show the image dialog over ``window``; the chosen size, or None if cancelled."""
    dialog = ImageSizeDialog(window, window.contour.size(), window.appearance.look().points)
    dialog.sizes.recall(window.settings, "export_image")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    dialog.sizes.remember(window.settings, "export_image")
    return dialog.sizes.choice()


def ask_animation_options(window, last_step: int) -> AnimationOptions | None:
    """Show the animation dialog over ``window`` for steps 0..last_step; None if cancelled."""
    dialog = AnimationDialog(window, window.contour.size(), window.appearance.look().points, last_step)
    dialog.sizes.recall(window.settings, "export_animation")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    dialog.sizes.remember(window.settings, "export_animation")
    return dialog.options()
