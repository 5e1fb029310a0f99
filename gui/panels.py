"""The parameter panels: function, runs, the selected run's optimizer and start, shared settings.

Every choice and range shown here comes from the core's declarations (`core.functions.FUNCTIONS`,
`core.optimizers.OPTIMIZERS` and their `Hyper` lists); the panels hold no optimizer-specific code.
Panels only emit what the user asked for; the window decides what it means for the runs.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.optimizers import OPTIMIZERS
from core.settings import DECIMALS, MAX_STEPS, RUN_NAME, START, TOL

from .fields import INVALID_STYLE, HyperForm, ReasonLabel, ValueEdit
from .focus import chain_in_layout_order, laid_out_fields
from .palette import PALETTE, swatch
from .schedule_form import NoiseForm, ScheduleForm
from .session import GUI_MAX_STEPS, Options, RunEntry

__all__ = ["ROUNDING_HELP", "RunListPanel", "RunPanel", "SettingsPanel"]

#: What the lecture-notes rounding is, in two sentences (also in the README).
ROUNDING_HELP = QT_TRANSLATE_NOOP(
    "SettingsPanel", "Round exactly where and as the lecture notes' code does: the gradient, and the state and new "
    "parameters of AdaGrad, RMSProp and Adam, to this many decimals.\nLike the notes' round(), plain numbers are "
    "rounded to the nearest decimal and numpy numbers (everything after the first update, except SGD's) the way "
    "numpy rounds, so any run gives the notes' own numbers. Takes effect from the step on view.")


class RunListPanel(QGroupBox):
    """The runs side by side: select, show/hide, add, duplicate, remove, recolour."""

    selected = Signal(int)
    visibility_changed = Signal(int, bool)
    add_requested = Signal()
    duplicate_requested = Signal()
    remove_requested = Signal()
    color_chosen = Signal(int, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setObjectName("run_list")
        self.list.setMinimumHeight(70)
        self.list.setMaximumHeight(150)
        self.add_button = QPushButton(self)
        self.duplicate_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.duplicate_button, self.remove_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_requested)
        self.duplicate_button.clicked.connect(self.duplicate_requested)
        self.remove_button.clicked.connect(self.remove_requested)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemChanged.connect(self._item_changed)
        self._updating = False
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Runs"))
        self.list.setToolTip(self.tr("Tick to show a run (only shown runs step); select one to edit it"))
        self.add_button.setText(self.tr("Add"))
        self.duplicate_button.setText(self.tr("Duplicate"))
        self.remove_button.setText(self.tr("Remove"))
        self.add_button.setToolTip(self.tr("Add a run with the next optimizer not yet shown, from the selected "
                                           "run's start (Ctrl+N)"))
        self.duplicate_button.setToolTip(self.tr("Copy the selected run, settings and all (Ctrl+D)"))
        self.remove_button.setToolTip(self.tr("Remove the selected run (Delete)"))

    def _context_menu(self, position) -> None:
        item = self.list.itemAt(position)
        if item is None:
            return
        run_id = item.data(Qt.ItemDataRole.UserRole)
        menu = QMenu(self)
        colours = menu.addMenu(self.tr("Colour"))
        for color in PALETTE:
            action = colours.addAction(swatch(color), color)
            action.triggered.connect(lambda _c=False, chosen=color: self.color_chosen.emit(run_id, chosen))
        menu.addSeparator()
        menu.addAction(self.tr("Duplicate"), self.duplicate_requested.emit)
        menu.addAction(self.tr("Remove"), self.remove_requested.emit).setEnabled(self.list.count() > 1)
        menu.exec(self.list.viewport().mapToGlobal(position))

    def _current_changed(self, item, _previous):
        if item is not None and not self._updating:
            self.selected.emit(item.data(Qt.ItemDataRole.UserRole))

    def _item_changed(self, item):
        if not self._updating:
            visible = item.checkState() == Qt.CheckState.Checked
            self.visibility_changed.emit(item.data(Qt.ItemDataRole.UserRole), visible)

    def show_runs(self, entries: list[RunEntry], selected_id: int) -> None:
        """Show the runs, rebuilding the list only if the set of runs changed."""
        self._updating = True
        ids = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
        if ids != [e.run_id for e in entries]:
            self.list.clear()
            for entry in entries:
                item = QListWidgetItem(self.list)
                item.setData(Qt.ItemDataRole.UserRole, entry.run_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        for i, entry in enumerate(entries):
            item = self.list.item(i)
            item.setIcon(swatch(entry.color))
            title = type(entry.optimizer).title
            label = entry.name if entry.name == title else f"{entry.name}  ·  {title}"
            item.setText(f"{label}  ·  {entry.status_text()}")
            item.setCheckState(Qt.CheckState.Checked if entry.visible else Qt.CheckState.Unchecked)
            item.setToolTip(self.tr("{name}: {optimizer}, start {start}").format(
                name=entry.name, optimizer=repr(entry.optimizer), start=entry.start))
            if entry.run_id == selected_id and self.list.currentRow() != i:
                self.list.setCurrentRow(i)
        self.remove_button.setEnabled(len(entries) > 1)
        self._updating = False


def _meaning(declaration) -> str:
    """A declaration's meaning in the window's language (the core translates its own texts), capitalised."""
    text = declaration.meaning_text
    return text[:1].upper() + text[1:]


def _start_check(axis: str):
    return lambda text: START.parse_coordinate(axis, text)


class RunPanel(QGroupBox):
    """The selected run: its name, optimizer, every hyperparameter, learning-rate schedule, gradient noise,
    and start point."""

    name_changed = Signal(str)
    optimizer_chosen = Signal(str)
    hyper_changed = Signal(str, float)
    schedule_changed = Signal(object)  # Schedule
    noise_changed = Signal(object)  # Noise, or None
    start_changed = Signal(float, float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(INVALID_STYLE)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("run_name")
        self.name_edit.setMaxLength(RUN_NAME.max_length)
        self.optimizer_combo = QComboBox(self)
        self.optimizer_combo.setObjectName("optimizer_combo")
        for cls in OPTIMIZERS.values():
            self.optimizer_combo.addItem(cls.title_text(), cls.name)
            self.optimizer_combo.setItemData(self.optimizer_combo.count() - 1, "\n".join(cls.formula),
                                             Qt.ItemDataRole.ToolTipRole)
        self.rule = QLabel(self)
        self.rule.setObjectName("update_rule")
        self.rule.setStyleSheet("font-family: monospace;")
        self.hypers = HyperForm(self)
        self.schedule = ScheduleForm(self)
        self.noise = NoiseForm(self)
        self.start_x = ValueEdit(_start_check("x"), 0.0, self)
        self.start_y = ValueEdit(_start_check("y"), 0.0, self)
        self.start_x.setObjectName("start_x")
        self.start_y.setObjectName("start_y")
        self.start_reason = ReasonLabel(self)
        self.labels = {key: QLabel(self) for key in ("name", "optimizer", "start")}
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_x)
        start_row.addWidget(self.start_y)
        form = QFormLayout(self)
        form.addRow(self.labels["name"], self.name_edit)
        form.addRow(self.labels["optimizer"], self.optimizer_combo)
        form.addRow(self.rule)
        form.addRow(self.hypers)
        form.addRow(self.schedule)
        form.addRow(self.noise)
        form.addRow(self.labels["start"], start_row)
        form.addRow(self.start_reason)
        self.name_edit.editingFinished.connect(self._name_done)
        self.optimizer_combo.activated.connect(
            lambda i: self.optimizer_chosen.emit(self.optimizer_combo.itemData(i)))
        self.hypers.changed.connect(self.hyper_changed)
        self.schedule.changed.connect(self.schedule_changed)
        self.noise.changed.connect(self.noise_changed)
        for edit in (self.start_x, self.start_y):
            edit.committed.connect(lambda _v: self.start_changed.emit(self.start_x.value, self.start_y.value))
            edit.problem.connect(self._start_problem)
        self._kind = None
        self._tab_chain: list[QWidget] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Selected run"))
        self.labels["name"].setText(self.tr("Name"))
        self.labels["optimizer"].setText(self.tr("Optimizer"))
        self.labels["start"].setText(self.tr("Start (x, y)"))
        self.name_edit.setToolTip(self.tr("The run's name, used in the legend and as the run column of the CSV"))
        self.optimizer_combo.setToolTip(self.tr("Changing the optimizer starts this run again from its start point"))
        for i, cls in enumerate(OPTIMIZERS.values()):
            self.optimizer_combo.setItemText(i, cls.title_text())  # Momentum: 모멘텀 in Korean
        self.rule.setToolTip(self.tr("The update rule of one step (g is the gradient at the current point)"))
        for edit in (self.start_x, self.start_y):
            edit.setProperty("help", self.tr("Where the run starts; you can also click the plot while paused"))
            edit.setToolTip(edit.reason or edit.property("help"))
        for part in (self.schedule, self.noise):
            if hasattr(part, "retranslate"):
                part.retranslate()
        self._kind = None  # the hyperparameter form is built again, in the new language

    def _start_problem(self, _reason: str) -> None:
        self.start_reason.show_reason(self.start_x.reason or self.start_y.reason)

    def _name_done(self) -> None:
        name = self.name_edit.text().strip()
        if name:
            self.name_changed.emit(name)

    def show_run(self, entry: RunEntry) -> bool:
        """Show the run's settings; True if the form was built anew (new fields)."""
        opt = entry.optimizer
        if not self.name_edit.hasFocus():
            self.name_edit.setText(entry.name)
        self.optimizer_combo.setCurrentIndex(self.optimizer_combo.findData(opt.name))
        self.rule.setText("\n".join(opt.formula))
        built = self._kind is not type(opt)
        if built:
            self.hypers.build(type(opt), opt.values)
            self._kind = type(opt)
        else:
            self.hypers.show_values(opt.values)
        self.schedule.show_schedule(opt.schedule)
        self.noise.show_noise(opt.noise)
        for edit, value in ((self.start_x, entry.start[0]), (self.start_y, entry.start[1])):
            if not edit.reason and edit.value != value and not edit.hasFocus():
                edit.set_value(value)
        self._keep_tab_order()
        return built

    def _keep_tab_order(self) -> None:
        fields = laid_out_fields(self.layout())
        if fields != self._tab_chain:  # fields built anew (another optimizer or schedule kind)
            chain_in_layout_order(fields)
            self._tab_chain = fields

    def rebuild(self) -> None:
        """Forget the laid-out form (another run was selected): the next show_run builds it afresh."""
        self._kind = None


class SettingsPanel(QGroupBox):
    """Settings shared by every run."""

    options_changed = Signal(object)  # Options

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(INVALID_STYLE)
        self.rounding = QCheckBox(self)
        self.rounding.setObjectName("rounding")
        self.decimals = QSpinBox(self)
        self.decimals.setObjectName("decimals")
        self.decimals.setRange(DECIMALS.low, DECIMALS.high)
        self.max_steps = QSpinBox(self)
        self.max_steps.setObjectName("max_steps")
        self.max_steps.setRange(max(MAX_STEPS.low, 1), min(MAX_STEPS.high, GUI_MAX_STEPS))
        self.max_steps.setGroupSeparatorShown(True)
        self.tol = ValueEdit(TOL.parse, TOL.default, self)
        self.tol.setObjectName("tolerance")
        self.tol_reason = ReasonLabel(self)
        rounding_row = QHBoxLayout()
        rounding_row.addWidget(self.rounding)
        rounding_row.addWidget(self.decimals)
        # said while a run outside the notes' six is selected: the rounding leaves it alone
        self.rounding_note = QLabel(self)
        self.rounding_note.setObjectName("rounding_note")
        self.rounding_note.setWordWrap(True)
        self.rounding_note.setStyleSheet("color: palette(dark); font-style: italic;")
        self.rounding_note.setVisible(False)
        form = QFormLayout(self)
        form.addRow(rounding_row)
        form.addRow(self.rounding_note)
        self.labels = {key: QLabel(self) for key in ("steps", "tol")}
        form.addRow(self.labels["steps"], self.max_steps)
        form.addRow(self.labels["tol"], self.tol)
        form.addRow(self.tol_reason)
        self.rounding.toggled.connect(self._changed)
        self.decimals.valueChanged.connect(self._changed)
        self.max_steps.editingFinished.connect(self._changed)
        self.max_steps.valueChanged.connect(lambda _v: None if self.max_steps.hasFocus() else self._changed())
        self.tol.committed.connect(self._changed)
        self.tol.problem.connect(self.tol_reason.show_reason)
        self._shown: Options | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Settings"))
        self.rounding.setText(self.tr("Lecture-notes rounding"))
        help_text = self.tr(ROUNDING_HELP)
        for widget in (self.rounding, self.decimals):
            widget.setToolTip(help_text)
            widget.setWhatsThis(help_text)
        self.decimals.setSuffix(self.tr(" decimals"))
        self.labels["steps"].setText(self.tr("Step limit"))
        self.labels["tol"].setText(self.tr("Tolerance"))
        self.max_steps.setToolTip(self.tr("Runs stop here (\"step limit reached\")"))
        self.tol.setProperty("help", _meaning(TOL))
        self.tol.setToolTip(self.tol.reason or _meaning(TOL))

    def options(self) -> Options:
        decimals = self.decimals.value() if self.rounding.isChecked() else None
        return Options(decimals, self.max_steps.value(), self.tol.value)

    def show_options(self, options: Options) -> None:
        self._shown = options
        for widget in (self.rounding, self.decimals, self.max_steps):
            widget.blockSignals(True)
        self.rounding.setChecked(options.decimals is not None)
        self.decimals.setValue(4 if options.decimals is None else options.decimals)
        self.decimals.setEnabled(options.decimals is not None)
        self.max_steps.setValue(options.max_steps)
        self.tol.set_value(options.tol)
        for widget in (self.rounding, self.decimals, self.max_steps):
            widget.blockSignals(False)

    def show_rounding_note(self, note: str) -> None:
        """Say why the rounding does not apply to the selected run (``Optimizer.rounding_note()``; "": it does)."""
        if note != self.rounding_note.text():
            self.rounding_note.setText(note)
            self.rounding_note.setVisible(bool(note))

    def _changed(self, *_args) -> None:
        self.decimals.setEnabled(self.rounding.isChecked())
        options = self.options()
        if options != self._shown:
            self._shown = options
            self.options_changed.emit(options)
