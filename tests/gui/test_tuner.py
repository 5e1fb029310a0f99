"""Run ▸ Tune learning rates: the sweep off the window's thread, its best rate, Apply, Undo and Cancel."""

from __future__ import annotations

import math
import threading

import numpy as np
from PySide6.QtCore import Qt

import gui.tuner as tuner_module
from core.functions import get_function
from core.optimizers import SGD, Adam
from core.run import Run, StopReason
from gui.session import Options

BUDGET = 10


def _type(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _final_f(lr: float) -> float:
    """f after BUDGET steps of the notes' SGD from (0, 0), one single core run; inf if it diverged."""
    run = Run(get_function("quadratic"), SGD(lr=lr), (0.0, 0.0), max_steps=BUDGET, tol=1e-8)
    run.advance(BUDGET)
    return math.inf if run.stop.reason is StopReason.DIVERGED else run.history.row(run.step)["f"]


def _closed_form_best() -> float:
    """The rate minimising f after BUDGET steps on x² + y² + xy − 4x − 8y from (0, 0), from its eigenvalues.

    The Hessian [[2, 1], [1, 2]] has eigenvalues 3 and 1; the start's error (0, −4) has the same length, √8,
    along both eigenvectors, so f − f* = 4·(3·(1 − 3η)^(2k) + (1 − η)^(2k)) after k steps."""
    eta = np.linspace(0.3, 0.6, 300_001)
    excess = 3 * (1 - 3 * eta) ** (2 * BUDGET) + (1 - eta) ** (2 * BUDGET)
    return float(eta[np.argmin(excess)])


def test_the_tuner_finds_sgds_best_rate_off_the_gui_thread_and_apply_sets_it(qtbot, window, monkeypatch):
    threads = []
    real = tuner_module.sweep_learning_rates

    def recording(*args, **kwargs):
        threads.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(tuner_module, "sweep_learning_rates", recording)
    window.set_options(Options(None, 1000, 1e-8))
    window.action_tune.trigger()
    dialog = window.tuner.dialog
    qtbot.waitUntil(dialog.isVisible)
    _type(qtbot, dialog.edits["budget"], "0")
    assert "budget" in dialog.edits["budget"].reason  # refused where typed
    _type(qtbot, dialog.edits["budget"], str(BUDGET))
    with qtbot.waitSignal(dialog.runner.finished, timeout=30_000):
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert threads and threading.main_thread().ident not in threads

    (tuned,) = dialog.tuned
    rates = np.geomspace(1e-4, 10.0, 100)
    finals = [_final_f(lr) for lr in rates]
    best = float(rates[int(np.argmin(finals))])
    assert np.array_equal(tuned.result.lr, rates) and tuned.best_lr == best
    assert tuned.result.f[tuned.result.best] == min(finals)
    # within one step of the sweep's grid of the rate the closed form gives (about 0.49 for ten steps)
    assert abs(math.log(best / _closed_form_best())) <= math.log(rates[1] / rates[0])
    assert sum(math.isinf(f) for f in finals) == int((tuned.result.score == np.inf).sum()) > 0
    assert dialog.table.item(0, 3).text() == f"{best:.4g}" and dialog.table.item(0, 2).text() == "0.5"
    assert "f* = -16 (the known minimum)" in dialog.caption.text()

    depth = window.model.undo_stack.count()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.synced)
    assert window.selected().optimizer == SGD(lr=best) and window.model.undo_stack.count() == depth + 1
    qtbot.waitUntil(lambda: window.run_panel.hypers.edits["lr"].value == best)
    window.action_undo.trigger()
    qtbot.waitUntil(lambda: window.model.synced)
    assert window.selected().optimizer == SGD(lr=0.5)


def test_apply_sets_every_shown_run_in_one_change(qtbot, window):
    window.model.add_run()  # Momentum
    qtbot.waitUntil(lambda: window.model.synced and len(window.entries) == 2)
    dialog = window.tuner.open()
    _type(qtbot, dialog.edits["count"], "20")
    _type(qtbot, dialog.edits["budget"], "30")
    with qtbot.waitSignal(dialog.runner.finished, timeout=30_000):
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert [t.run_id for t in dialog.tuned] == [e.run_id for e in window.entries]
    assert dialog.table.rowCount() == 2
    before = [e.optimizer for e in window.entries]
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.synced)
    assert [e.optimizer.lr for e in window.entries] == [t.best_lr for t in dialog.tuned]
    window.action_undo.trigger()  # one undo takes both back
    qtbot.waitUntil(lambda: window.model.synced)
    assert [e.optimizer for e in window.entries] == before
    window.model.choose_optimizer("adam")  # the second run (selected) is another optimizer now
    qtbot.waitUntil(lambda: window.model.synced)
    adam = window.entries[1].optimizer
    assert isinstance(adam, Adam) and adam.lr != dialog.tuned[1].best_lr
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.synced)
    assert window.entries[0].optimizer.lr == dialog.tuned[0].best_lr
    assert window.entries[1].optimizer == adam and "1 run(s) left alone" in dialog.status.text()


def test_cancel_stops_a_long_sweep_and_the_dialog_is_ready_again(qtbot, window):
    dialog = window.tuner.open()
    _type(qtbot, dialog.edits["count"], "10000")
    _type(qtbot, dialog.edits["budget"], "1000000")
    _type(qtbot, dialog.edits["lr_min"], "1e-6")
    with qtbot.waitSignal(dialog.runner.progressed, timeout=30_000):
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert dialog.runner.busy and not dialog.run_button.isEnabled() and dialog.cancel_button.isEnabled()
    with qtbot.waitSignal(dialog.runner.cancelled, timeout=30_000):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.run_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert dialog.status.text().startswith("Cancelled") and dialog.tuned == [] and not dialog.apply_button.isEnabled()
    assert window.selected().optimizer == SGD(lr=0.5)
    _type(qtbot, dialog.edits["count"], "5")  # not stuck: it runs again
    _type(qtbot, dialog.edits["budget"], "5")
    with qtbot.waitSignal(dialog.runner.finished, timeout=30_000):
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert len(dialog.tuned[0].result.lr) == 5 and dialog.apply_button.isEnabled()
    _type(qtbot, dialog.edits["count"], "10000")
    _type(qtbot, dialog.edits["budget"], "1000000")
    with qtbot.waitSignal(dialog.runner.progressed, timeout=30_000):
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.runner.cancelled, timeout=30_000):
        dialog.close()  # closing the dialog stops its sweep too
    assert not dialog.runner.busy and len(dialog.tuned[0].result.lr) == 5


def test_an_empty_range_is_refused_before_anything_runs(qtbot, window):
    dialog = window.tuner.open()
    _type(qtbot, dialog.edits["lr_min"], "2")
    _type(qtbot, dialog.edits["lr_max"], "1")
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert not dialog.runner.busy and "must be below the largest" in dialog.status.text()


def test_the_tuner_fits_a_small_screen(qtbot, window):
    from PySide6.QtCore import QSize

    # a 1366 x 768 laptop with its task bar: 728 pixels free, less than the tuner's own 760
    assert tuner_module.fitted_size(QSize(1366, 728)) == (860, 655)
    assert tuner_module.fitted_size(QSize(1920, 1040)) == (860, 760)
    assert tuner_module.fitted_size(QSize(800, 600)) == (720, 540)
    dialog = window.tuner.open()
    qtbot.waitUntil(dialog.isVisible)
    free = dialog.screen().availableGeometry().size()
    assert (dialog.width(), dialog.height()) == tuner_module.fitted_size(free)


def test_the_tuner_names_no_best_rate_where_every_rate_ends_alike(qtbot, window):
    """exp(−(x² + y²)) from its top, where ∇f = 0: every rate leaves SGD there with f = 1.  No rate is named
    the best and Apply has nothing to set."""
    window.choose_function("expr:exp(-(x^2+y^2))")
    qtbot.waitUntil(lambda: window.model.synced and window.model.function.name.startswith("expr:"))
    window.model.set_start((0.0, 0.0))
    qtbot.waitUntil(lambda: window.model.synced and window.selected().start == (0.0, 0.0))
    window.action_tune.trigger()
    dialog = window.tuner.dialog
    qtbot.waitUntil(dialog.isVisible)
    _type(qtbot, dialog.edits["budget"], str(BUDGET))
    with qtbot.waitSignal(dialog.runner.finished, timeout=30_000):
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    (tuned,) = dialog.tuned
    assert (tuned.result.f == 1.0).all() and tuned.best_lr is None
    assert dialog.table.item(0, 3).text() == "—" and "none is better" in dialog.table.item(0, 5).text()
    assert not dialog.apply_button.isEnabled()
