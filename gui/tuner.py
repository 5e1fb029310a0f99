"""Run ▸ Tune learning rates: sweep each shown run's learning rate and apply the best.

For the current function, each shown run's start and every other setting of its optimizer, the core's
batched sweep (`core.sweep.sweep_learning_rates`, the learning rates on the batch axis) scores
``count`` log-spaced learning rates by f after the *tuning* budget (not the window's step limit); a run
that diverged scores worst.  The sweep runs in a `gui.batch_job.BatchRunner` thread with progress and
Cancel; the dialog shows f against the learning rate per run (`gui.tuner_plot`), a table of each run's
best rate, and Apply sets every run's learning rate to its best as one undoable change.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.functions import Objective
from core.optimizers import Optimizer
from core.sweep import COUNT, LR_MAX, LR_MIN, SweepResult, learning_rates, sweep_learning_rates
from core.values import InvalidValue, Whole

from .batch_job import BatchRunner
from .fields import retranslate_ranges
from .palette import swatch
from .schedule_form import declared_field, show_help
from .session import GUI_MAX_STEPS
from .tuner_plot import TunerPlot

__all__ = ["BUDGET", "TunedRun", "Tuner", "TunerDialog", "TuningRun", "tune"]

BUDGET = Whole("budget", "the tuning budget", 100, 1, GUI_MAX_STEPS,
               meaning=QT_TRANSLATE_NOOP("TunerDialog", "updates each learning rate gets before it is scored by f "
                                                        "(the window's step limit is not used)"))


_DECLARATIONS = (LR_MIN, LR_MAX, COUNT, BUDGET)  # the fields, left to right


@dataclass(frozen=True)
class TuningRun:
    """A run to tune, as the window has it set."""

    run_id: int
    name: str
    color: str
    optimizer: Optimizer
    start: tuple[float, float]


@dataclass(frozen=True)
class TunedRun:
    """A run's sweep: ``lr_before`` is its learning rate when the sweep began."""

    run_id: int
    name: str
    color: str
    lr_before: float
    result: SweepResult

    @property
    def best_lr(self) -> float | None:
        """The best-scoring learning rate; None if every rate diverged or none did better than another."""
        best = self.result.best
        return None if best < 0 else float(self.result.lr[best])


def tune(function: Objective, runs: list[TuningRun], lr_min: float, lr_max: float, count: int, steps: int, *,
         decimals=None, tol: float, progress=None, cancelled=None) -> list[TunedRun]:
    """Sweep each run in turn (plain Python: it runs in the runner's thread).

    progress(done, total) counts updates over all runs; cancelled() as for `core.batch.run_batch`."""
    tuned = []
    for i, run in enumerate(runs):
        def each(k, _steps, i=i):
            if progress is not None:
                progress(i * steps + k, len(runs) * steps)
        result = sweep_learning_rates(function, run.optimizer, run.start, steps, lr_min, lr_max, count,
                                      decimals=decimals, tol=tol, progress=each, cancelled=cancelled)
        tuned.append(TunedRun(run.run_id, run.name, run.color, run.optimizer.values["lr"], result))
    return tuned


class TunerDialog(QDialog):
    """``tuner_dialog``: range, count and budget fields, Run/Cancel with progress, the plot, the table of
    best rates, Apply and Close.  It reads and changes the runs only through ``model``."""

    def __init__(self, model, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tuner_dialog")
        self.model = model
        self.runner = BatchRunner("gradstep-tuner", self)
        self.tuned: list[TunedRun] = []
        self._function: Objective | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro())
        layout.addLayout(self._fields())
        layout.addLayout(self._controls())
        self.plot = TunerPlot(self)
        layout.addWidget(self.plot, 1)
        self.caption = QLabel(self)
        self.caption.setObjectName("tuner_caption")
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)
        layout.addWidget(self._table())
        layout.addLayout(self._buttons())
        for button in self.findChildren(QPushButton):  # Enter in a field confirms the field, and only that
            button.setAutoDefault(False)
        self.runner.progressed.connect(self._progressed)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(lambda reason: self._done(reason))
        self.runner.cancelled.connect(lambda: self._done(self.tr("Cancelled: nothing was changed.")))
        self.retranslate()
        self.resize(*fitted_size((parent or self).screen().availableGeometry().size()))

    def retranslate(self) -> None:
        """Every text in the window's language (also while the dialog is open: see changeEvent)."""
        self.setWindowTitle(self.tr("Tune learning rates"))
        retranslate_ranges(self)
        self.intro.setText(self.tr("For the current function, each shown run's start point and its other settings: "
                                   "f after the tuning budget at each of the learning rates, log-spaced between the "
                                   "smallest and the largest. The lowest f wins; a run that diverges is worst."))
        for name, text in (("lr_min", self.tr("smallest η")), ("lr_max", self.tr("largest η")),
                           ("count", self.tr("number of rates")), ("budget", self.tr("budget (updates)"))):
            self.field_labels[name].setText(text)
        for declaration in _DECLARATIONS:
            meaning = self.tr(BUDGET.meaning) if declaration is BUDGET else ""
            show_help(self.edits[declaration.name], declaration, meaning)
        self.run_button.setText(self.tr("Run"))
        self.cancel_button.setText(self.tr("Cancel"))
        if not self.tuned and self.run_button.isEnabled():
            self.status.setText(self.tr("Press Run to sweep."))
        self.table.setHorizontalHeaderLabels([self.tr("run"), self.tr("optimizer"), self.tr("η now"),
                                              self.tr("best η"), self.tr("f there"), self.tr("at the best η")])
        self.apply_button.setText(self.tr("Apply the best learning rates"))
        self.apply_button.setToolTip(self.tr("Set each run's learning rate to its best (one change: Edit ▸ Undo)"))
        self.close_button.setText(self.tr("Close"))
        self.plot.retranslate()
        self.caption.setText(self.plot.caption())
        self._fill_table()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "close_button"):
            self.retranslate()
        super().changeEvent(event)

    # -- building ----------------------------------------------------------------------------------------
    def _intro(self) -> QLabel:
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        return self.intro

    def _fields(self) -> QGridLayout:
        grid = QGridLayout()
        self.edits, self.field_labels = {}, {}
        for column, declaration in enumerate(_DECLARATIONS):
            edit, field = declared_field(declaration, declaration.default, self, f"tuner_{declaration.name}")
            label = self.field_labels[declaration.name] = QLabel(self)
            grid.addWidget(label, 0, column)
            grid.addLayout(field, 1, column, Qt.AlignmentFlag.AlignTop)
            self.edits[declaration.name] = edit
        return grid

    def _controls(self) -> QHBoxLayout:
        self.run_button = QPushButton(self)
        self.run_button.setObjectName("tuner_run")
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("tuner_cancel")
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("tuner_progress")
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.status = QLabel(self)
        self.status.setObjectName("tuner_status")
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.run_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.progress, 1)
        row.addWidget(self.status, 2)
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.runner.cancel)
        return row

    def _table(self) -> QTableWidget:
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("tuner_table")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self._fit_table()
        return self.table

    def _fit_table(self) -> None:
        """As tall as its rows, up to eight (more scroll), so that the usual few never hide behind a scroll bar."""
        rows = min(max(self.table.rowCount(), 1), 8)
        height = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        self.table.setFixedHeight(height + rows * self.table.verticalHeader().defaultSectionSize())

    def _buttons(self) -> QHBoxLayout:
        self.apply_button = QPushButton(self)
        self.apply_button.setObjectName("tuner_apply")
        self.apply_button.setEnabled(False)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("tuner_close")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.apply_button)
        row.addWidget(self.close_button)
        self.apply_button.clicked.connect(self.apply)
        self.close_button.clicked.connect(self.close)
        return row

    # -- running -----------------------------------------------------------------------------------------
    def values(self) -> dict:
        """The fields' values by name (lr_min, lr_max, count, budget); InvalidValue if one is refused or the
        range is empty."""
        refused = [edit.reason for edit in self.edits.values() if edit.reason]
        if refused:
            raise InvalidValue(refused[0])
        values = {name: edit.value for name, edit in self.edits.items()}
        values["count"], values["budget"] = int(values["count"]), int(values["budget"])
        learning_rates(values["lr_min"], values["lr_max"], values["count"])  # refuses an empty range
        return values

    def run(self) -> None:
        """Start the sweep of every shown run (Run)."""
        try:
            v = self.values()
        except InvalidValue as error:
            self.status.setText(str(error))
            return
        m = self.model
        runs = [TuningRun(e.run_id, e.name, e.color, e.optimizer, e.start) for e in m.entries if e.visible]
        if not runs:
            self.status.setText(self.tr("No run is shown: tick one in the run list."))
            return
        function, options = m.function, m.options
        self._function = function
        self.runner.start(lambda progress, cancelled: tune(
            function, runs, v["lr_min"], v["lr_max"], v["count"], v["budget"], decimals=options.decimals,
            tol=options.tol, progress=progress, cancelled=cancelled))
        self._set_busy(True)
        self.status.setText(self.tr("Sweeping {n} run(s)…").format(n=len(runs)))

    def _set_busy(self, busy: bool) -> None:
        self.run_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.apply_button.setEnabled(not busy and any(t.best_lr is not None for t in self.tuned))
        self.progress.setValue(0)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setValue(int(1000 * done / max(total, 1)))

    def _finished(self, tuned: list[TunedRun]) -> None:
        self.tuned = tuned
        self.plot.show_runs(tuned, self._function)
        self.caption.setText(self.plot.caption())
        self._fill_table()
        self._done(self.tr("Done: Apply sets each run's η to its best."))
        self.progress.setValue(self.progress.maximum())

    def _done(self, text: str) -> None:
        self._set_busy(False)
        self.status.setText(text)

    def _fill_table(self) -> None:
        self.table.setRowCount(len(self.tuned))
        for row, t in enumerate(self.tuned):
            best = t.result.best
            cells = [t.name, t.result.optimizer.title_text(), f"{t.lr_before:.4g}",
                     "—" if best < 0 else f"{t.best_lr:.4g}", "—" if best < 0 else f"{t.result.f[best]:.10g}",
                     self._no_best(t.result) if best < 0 else self.tr("{reason} (step {k})").format(
                         reason=t.result.reason(best).text, k=t.result.stop_step[best])]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3):
                    item.setToolTip(repr(t.lr_before if column == 2 else t.best_lr))
                self.table.setItem(row, column, item)
            self.table.item(row, 0).setIcon(swatch(t.color))
        self._fit_table()

    def _no_best(self, result) -> str:
        if result.undecided:
            return self.tr("the same f at every rate that did not diverge: none is better")
        return self.tr("every rate diverged")

    def apply(self) -> None:
        """Set each tuned run's learning rate to its best, as one undoable change; a run whose kind of
        optimizer has changed since the sweep (or that is gone) is left alone."""
        if self._function is not self.model.function:
            self.status.setText(self.tr("The function has changed since the sweep: press Run again."))
            return
        rates = {t.run_id: t.best_lr for t in self.tuned if t.best_lr is not None and self._same_kind(t)}
        self.model.set_learning_rates(rates, self.tr("Tuned learning rates"))
        skipped = sum(1 for t in self.tuned if t.best_lr is not None) - len(rates)
        text = self.tr("Learning rates set (Edit ▸ Undo takes them back).")
        if skipped:
            text += " " + self.tr("{n} run(s) left alone: gone, or another optimizer now.").format(n=skipped)
        self.status.setText(text)

    def _same_kind(self, tuned: TunedRun) -> bool:
        entry = self.model.entry(tuned.run_id)
        return entry is not None and type(entry.optimizer) is type(tuned.result.optimizer)

    def hideEvent(self, event) -> None:
        if not event.spontaneous():  # closed (Close, Escape, the title bar), not minimised with the window
            self.runner.cancel()  # nobody is watching: stop computing
        super().hideEvent(event)


def fitted_size(free: QSize) -> tuple[int, int]:
    """860 x 760, or nine tenths of a smaller screen's free room (a 1366 x 768 laptop has about 728 pixels
    free in height: at 760 the title bar or the buttons were out of reach)."""
    return min(860, int(free.width() * 0.9)), min(760, int(free.height() * 0.9))


class Tuner:
    """The window's part for Run ▸ Tune learning rates: makes the dialog when first asked for."""

    def __init__(self, window):
        self.window = window
        self.dialog: TunerDialog | None = None

    def open(self) -> TunerDialog:
        if self.dialog is None:
            self.dialog = TunerDialog(self.window.model, self.window)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def retranslate(self) -> None:
        if self.dialog is not None:
            self.dialog.retranslate()

    def shutdown(self) -> None:
        if self.dialog is not None:
            self.dialog.runner.shutdown()
