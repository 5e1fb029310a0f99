"""The selected run's learning-rate schedule and gradient noise, as fields built from the core's declarations.

`ScheduleForm` offers every kind in `core.schedules.SCHEDULES` with its parameters (each a
`core.values.Number` or `Whole` with its range and meaning) and a linear warm-up (`WARMUP`); `NoiseForm`
offers σ and the seed (`core.noise.SIGMA`, `SEED`; σ = 0 means no noise).  Like `gui.fields.HyperForm`,
each field refuses a wrong value where it is typed, with the reason under it, and the forms only ever
emit valid settings: a `Schedule`, or a `Noise` (None for none).  No kind of schedule has code here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from core.i18n import _ as _core
from core.noise import SEED, SIGMA, Noise
from core.schedules import SCHEDULES, WARMUP, Schedule
from core.values import InvalidValue, Whole, parse_number

from .fields import INVALID_STYLE, RangeLabel, ReasonLabel, ValueEdit, retranslate_ranges

__all__ = ["NoiseForm", "ScheduleForm", "WholeEdit", "declared_field", "show_help"]


class WholeEdit(ValueEdit):
    """A ValueEdit for a whole number: shows ``10``, not ``10.0``."""

    def __init__(self, check, value, parent: QWidget | None = None):
        super().__init__(check, value, parent)
        self.setText(str(int(value)))

    def set_value(self, value: float) -> None:
        super().set_value(value)
        self.setText(str(int(value)))


def declared_field(declaration, value, parent: QWidget, name: str, check=None, hint: bool = True) \
        -> tuple[ValueEdit, QVBoxLayout]:
    """A field for one declared value, with its range under it and the reason it refuses a text under that.

    declaration: a `core.values.Number` or `Whole`; check: what validates typed text (its ``parse`` by
    default); hint: False for no range under the field (it is in the tooltip too).  Returns the field and
    the column holding them."""
    kind = WholeEdit if isinstance(declaration, Whole) else ValueEdit
    edit = kind(check or declaration.parse, value, parent)
    edit.setObjectName(name)
    show_help(edit, declaration)
    reason = ReasonLabel(parent)
    edit.problem.connect(reason.show_reason)
    column = QVBoxLayout()
    column.setSpacing(1)
    column.addWidget(edit)
    if hint:
        column.addWidget(RangeLabel(declaration, name, parent))
    column.addWidget(reason)
    return edit, column


def show_help(edit: ValueEdit, declaration, meaning: str = "") -> None:
    """The field's tooltip, in the window's language: the value's meaning (``meaning``, already translated,
    or the declaration's, which the core translates), range and default; a refusal's reason wins while
    there is one."""
    help_text = QCoreApplication.translate("HyperForm", "{meaning}\nValid range: {range}; default {default}").format(
        meaning=meaning or declaration.meaning_text, range=declaration.range_text,
        default=f"{declaration.default:g}")
    edit.setProperty("help", help_text)
    edit.setToolTip(edit.reason or help_text)


class ScheduleForm(QWidget):
    """A schedule chooser with its parameters and warm-up.  changed(Schedule): a valid change, committed."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(INVALID_STYLE)
        self.combo = QComboBox(self)
        self.combo.setObjectName("schedule_combo")
        for kind in SCHEDULES.values():
            self.combo.addItem(kind.title, kind.name)
            self.combo.setItemData(self.combo.count() - 1, kind.formula, Qt.ItemDataRole.ToolTipRole)
        self.warmup, warmup_column = declared_field(WARMUP, 0, self, "schedule_warmup")
        self.formula = QLabel(self)
        self.formula.setObjectName("schedule_formula")
        self.formula.setWordWrap(True)
        self.formula.setStyleSheet("font-family: monospace; color: palette(dark);")
        self.labels = {key: QLabel(self) for key in ("schedule", "warmup")}
        self._form = QFormLayout(self)
        self._form.setContentsMargins(0, 0, 0, 0)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form.addRow(self.labels["schedule"], self.combo)
        self._form.addRow(self.labels["warmup"], warmup_column)
        self._form.addRow(self.formula)
        self.edits: dict[str, ValueEdit] = {}
        self._kind = ""
        self._build("constant", {})
        self.combo.activated.connect(self._kind_chosen)
        self.warmup.committed.connect(self._emit)
        self.retranslate()

    def retranslate(self) -> None:
        self.combo.setToolTip(self.tr("How the learning rate changes from update to update (from the next one on)"))
        for i, kind in enumerate(SCHEDULES.values()):
            self.combo.setItemText(i, _core(kind.title))  # the kinds' titles are the core's to translate
        self.labels["schedule"].setText(self.tr("η schedule"))
        self.labels["warmup"].setText(self.tr("warm-up K"))
        show_help(self.warmup, WARMUP)
        for declaration in SCHEDULES[self._kind].params:
            show_help(self.edits[declaration.name], declaration)
        retranslate_ranges(self)

    def _build(self, kind: str, values: dict) -> None:
        """Lay out the parameter fields of ``kind`` (between the chooser and the warm-up), showing ``values``."""
        for _ in self.edits:
            self._form.removeRow(1)
        self.edits = {}
        for row, declaration in enumerate(SCHEDULES[kind].params, start=1):
            edit, column = declared_field(declaration, values.get(declaration.name, declaration.default), self,
                                          f"schedule_{declaration.name}")
            edit.committed.connect(self._emit)
            self._form.insertRow(row, declaration.name, column)
            self.edits[declaration.name] = edit
        self._kind = kind

    def _kind_chosen(self, index: int) -> None:
        kind = self.combo.itemData(index)
        if kind != self._kind:
            self._build(kind, {})  # a new kind starts from its declared defaults
            self._emit()

    def schedule(self) -> Schedule:
        """The schedule the fields show (their last valid values)."""
        values = {name: edit.value for name, edit in self.edits.items()}
        return Schedule(self._kind, warmup=int(self.warmup.value), **values)

    def _emit(self, *_args) -> None:
        schedule = self.schedule()
        self.formula.setText(schedule.formula)
        self.changed.emit(schedule)

    def show_schedule(self, schedule: Schedule) -> None:
        """Show a schedule set elsewhere, leaving alone a field being edited or holding refused text."""
        if schedule.kind != self._kind:
            self._build(schedule.kind, schedule.values)
        self.combo.setCurrentIndex(self.combo.findData(schedule.kind))
        shown = {**schedule.values, "warmup": schedule.warmup}
        for name, edit in {**self.edits, "warmup": self.warmup}.items():
            if shown[name] != edit.value and not edit.reason and not edit.hasFocus():
                edit.set_value(shown[name])
        self.formula.setText(schedule.formula)


def _sigma(text: str) -> float:
    """σ as typed: 0 (no noise) or a value `SIGMA` accepts; the refusal says that 0 is allowed too."""
    try:
        return SIGMA.parse(text)
    except InvalidValue as error:
        if parse_number(text, SIGMA.label) == 0:
            return 0.0
        raise InvalidValue(QCoreApplication.translate("NoiseForm", "{reason} (or 0: no noise)").format(
            reason=error)) from None


class NoiseForm(QWidget):
    """σ and seed of the gradient noise.  changed(Noise or None): a valid change, committed."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(INVALID_STYLE)
        self.sigma, sigma_column = declared_field(SIGMA, 0.0, self, "noise_sigma", check=_sigma, hint=False)
        self.seed, seed_column = declared_field(SEED, 0, self, "noise_seed")
        self.sigma_hint = QLabel(self)
        self.sigma_hint.setObjectName("noise_sigma_hint")
        self.sigma_hint.setStyleSheet("color: palette(mid);")
        sigma_column.insertWidget(1, self.sigma_hint)
        self.labels = {key: QLabel(self) for key in ("sigma", "seed")}
        # a row each: side by side, their two ranges widened the parameter column by a third on a laptop
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.labels["sigma"], sigma_column)
        form.addRow(self.labels["seed"], seed_column)
        self._stream = 0
        self.sigma.committed.connect(self._emit)
        self.seed.committed.connect(self._emit)
        self.retranslate()

    def retranslate(self) -> None:
        self.sigma_hint.setText(self.tr("0: off, or {range}").format(range=SIGMA.range_text))
        self.sigma.setProperty("help", self.tr("Standard deviation σ of the Gaussian noise added to each gradient "
                                               "component; 0: no noise"))
        self.sigma.setToolTip(self.sigma.reason or self.sigma.property("help"))
        show_help(self.seed, SEED)
        retranslate_ranges(self)
        self.labels["seed"].setText(self.tr("seed"))
        self.labels["sigma"].setText(self.tr("noise σ"))

    def noise(self) -> Noise | None:
        """The noise the fields show: None while σ is 0."""
        if self.sigma.value == 0:
            return None
        return Noise(self.sigma.value, int(self.seed.value), self._stream)

    def _emit(self, *_args) -> None:
        self.changed.emit(self.noise())

    def show_noise(self, noise: Noise | None) -> None:
        """Show noise set elsewhere (None: σ 0, the seed field kept as it is)."""
        self._stream = 0 if noise is None else noise.stream
        values = ((self.sigma, 0.0),) if noise is None else ((self.sigma, noise.sigma), (self.seed, noise.seed))
        for edit, value in values:
            if value != edit.value and not edit.reason and not edit.hasFocus():
                edit.set_value(value)
