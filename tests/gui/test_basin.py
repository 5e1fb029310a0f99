"""View ▸ Basin map: Himmelblau's four basins, diverged starts, clicks through the map, Cancel."""

from __future__ import annotations

import threading

import numpy as np
from PySide6.QtCore import QPointF, Qt

import gui.basin_view as basin_module
from core.basin import nearest_minimum
from core.functions import get_function
from core.optimizers import SGD, Adam
from core.run import Run, StopReason
from gui.basin_colors import ALPHA, BY_FINAL_F, DIVERGED_COLOR, NO_MINIMUM_COLOR, minimum_color
from gui.session import Options

GRID, STEPS = 41, 300
HIMMELBLAU = get_function("himmelblau")


def _type(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _rgba(color: str) -> list[int]:
    color = color.lstrip("#")
    return [int(color[i:i + 2], 16) for i in (0, 2, 4)] + [ALPHA]


def _map(qtbot, window, optimizer) -> object:
    """Himmelblau, rounding off, the selected run set to ``optimizer``, its view (−5..5 square) on screen;
    the basin map switched on and then computed at GRID × GRID, STEPS steps; returns the BasinView."""
    window.choose_function("himmelblau")
    window.set_options(Options(None, 1000, 1e-8))
    window.model.choose_optimizer(type(optimizer).name)
    for name, value in optimizer.values.items():
        window.model.set_hyper(name, value)
    qtbot.waitUntil(lambda: window.model.synced and window.selected().optimizer == optimizer)
    window.contour.getPlotItem().getViewBox().setAspectLocked(False)  # the box exactly the function's view
    window.contour.getPlotItem().getViewBox().setRange(xRange=(-5, 5), yRange=(-5, 5), padding=0)
    basin = window.basin
    window.action_basin.trigger()  # starts a 200 × 200 map at once; the smaller one below replaces it
    _type(qtbot, basin.panel.grid, str(GRID))
    _type(qtbot, basin.panel.steps, str(STEPS))
    with qtbot.waitSignal(basin.drawn, timeout=60_000):
        qtbot.mouseClick(basin.panel.compute, Qt.MouseButton.LeftButton)
    return basin


def _single_run(optimizer, x: float, y: float) -> Run:
    run = Run(HIMMELBLAU, optimizer, (x, y), max_steps=STEPS, tol=1e-8)
    run.advance(STEPS)
    return run


def test_himmelblaus_four_basins_each_labelled_with_its_minimum(qtbot, window, monkeypatch):
    threads = []
    real = basin_module.basin_map
    monkeypatch.setattr(basin_module, "basin_map", lambda *a, **k: threads.append(threading.get_ident()) or
                        real(*a, **k))
    adam = Adam(lr=0.1)
    basin = _map(qtbot, window, adam)
    assert threads and threading.main_thread().ident not in threads
    result, image = basin.result, basin.image.image
    assert result.minimum.shape == (GRID, GRID) and image.shape == (GRID, GRID, 4)
    assert basin.image.isVisible() and basin.image.zValue() == -15
    assert np.allclose(result.box, (-5, 5, -5, 5), atol=1e-6)
    for index, (mx, my) in enumerate(HIMMELBLAU.minima):
        row, column = int(np.argmin(abs(result.ys - my))), int(np.argmin(abs(result.xs - mx)))
        assert result.minimum[row, column] == index
        assert image[row, column].tolist() == _rgba(minimum_color(index))
        run = _single_run(adam, result.xs[column], result.ys[row])  # the same start, alone
        final = np.array([[run.history.row(run.step)["x"], run.history.row(run.step)["y"]]])
        assert nearest_minimum(HIMMELBLAU, final, result.radius)[0] == index
    rng = np.random.default_rng(7)
    for row, column in rng.integers(0, GRID, size=(6, 2)):
        run = _single_run(adam, result.xs[column], result.ys[row])
        final = np.array([[run.history.row(run.step)["x"], run.history.row(run.step)["y"]]])
        assert nearest_minimum(HIMMELBLAU, final, result.radius)[0] == result.minimum[row, column]
    assert set(np.unique(result.minimum)) == {0, 1, 2, 3}
    legend = [label.text() for label in basin.panel.legend.findChildren(type(basin.panel.about))]
    assert "minimum 0: (3, 2)" in legend and "diverged" in legend


def test_diverged_starts_get_the_diverged_colour_and_final_f_colours_the_rest(qtbot, window):
    sgd = SGD(lr=0.03)
    basin = _map(qtbot, window, sgd)
    result = basin.result
    diverged = result.stop == 2
    assert 0 < diverged.sum() < diverged.size
    image = basin.image.image
    assert (image[diverged] == _rgba(DIVERGED_COLOR)).all()
    assert not (image[~diverged] == _rgba(DIVERGED_COLOR)).all(axis=-1).any()
    reached = result.minimum >= 0
    assert (image[~diverged & ~reached] == _rgba(NO_MINIMUM_COLOR)).all()
    rng = np.random.default_rng(3)
    for rows, columns in (np.nonzero(diverged), np.nonzero(~diverged)):  # a few of each, run alone
        for i in rng.choice(len(rows), size=4, replace=False):
            alone = _single_run(sgd, result.xs[columns[i]], result.ys[rows[i]])
            assert (alone.stop.reason is StopReason.DIVERGED) == diverged[rows[i], columns[i]]
    basin.panel.mode.setCurrentIndex(basin.panel.mode.findData(BY_FINAL_F))
    image = basin.image.image
    assert (image[diverged] == _rgba(DIVERGED_COLOR)).all()
    low, high = np.unravel_index(np.argmin(np.where(diverged, np.inf, result.f)), result.f.shape), \
        np.unravel_index(np.argmax(np.where(diverged, -np.inf, result.f)), result.f.shape)
    assert image[low].tolist() != image[high].tolist()


def test_a_click_on_the_map_moves_the_start_and_switching_it_off_hides_it(qtbot, window):
    basin = _map(qtbot, window, Adam(lr=0.1))
    box = window.contour.getPlotItem().getViewBox()
    pos = window.contour.mapFromScene(box.mapViewToScene(QPointF(-3.0, 3.0)))
    assert basin.image.sceneBoundingRect().contains(box.mapViewToScene(QPointF(-3.0, 3.0)))  # on the map
    qtbot.mouseClick(window.contour.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    # where the click lands, to the pixel (the offscreen plot is small), snapped to 0.01 on this view
    qtbot.waitUntil(lambda: window.selected().start != (0.0, 0.0) and window.model.synced)
    x, y = window.selected().start
    assert abs(x + 3.0) < 0.05 and abs(y - 3.0) < 0.05 and (x, y) == (round(x, 2), round(y, 2))
    qtbot.waitUntil(lambda: window.run_panel.start_x.value == x)
    _type(qtbot, basin.panel.grid, "21")  # a second map replaces the first
    with qtbot.waitSignal(basin.drawn, timeout=60_000):
        qtbot.mouseClick(basin.panel.compute, Qt.MouseButton.LeftButton)
    assert basin.image.image.shape == (21, 21, 4) and "21 × 21 starts" in basin.panel.about.text()
    window.action_basin.trigger()
    assert not basin.image.isVisible() and not basin.dock.isVisible()


def test_the_status_bar_cancel_stops_a_long_map(qtbot, window):
    basin = _map(qtbot, window, Adam(lr=0.1))
    _type(qtbot, basin.panel.grid, "500")  # 250,000 starts for 100,000 steps: minutes, unless cancelled
    _type(qtbot, basin.panel.steps, "100000")
    with qtbot.waitSignal(basin.runner.progressed, timeout=60_000):
        qtbot.mouseClick(basin.panel.compute, Qt.MouseButton.LeftButton)
    assert basin.cancel_button.isVisible() and basin.progress.isVisible()
    with qtbot.waitSignal(basin.runner.cancelled, timeout=60_000):
        qtbot.mouseClick(basin.cancel_button, Qt.MouseButton.LeftButton)
    assert not basin.cancel_button.isVisible() and not basin.runner.busy
    assert window.statusBar().currentMessage() == "Basin map cancelled."
    assert len(basin.result.xs) == GRID and basin.image.isVisible()  # the map on screen stays


def test_beside_a_narrow_history_the_maps_options_are_a_tab_of_its(qtbot, window):
    from PySide6.QtWidgets import QDockWidget

    tables = window.findChild(QDockWidget, "history_dock")
    before = tables.width()
    assert before < basin_module.HISTORY_KEEPS  # on the 800-pixel test screen
    window.action_basin.trigger()
    dock = window.basin.dock
    qtbot.waitUntil(lambda: dock.isVisible())
    assert window.tabifiedDockWidgets(tables) == [dock]  # not beside it, squeezing its columns
    # the options in front (a dock behind a tab is moved out of the window), the history's tab a click away
    qtbot.waitUntil(lambda: window.rect().contains(dock.geometry()) and not window.rect().intersects(tables.geometry()))
    window.action_basin.trigger()
    qtbot.waitUntil(lambda: not dock.isVisible() and window.rect().contains(tables.geometry()))
    assert tables.width() == before


def test_beside_a_wide_history_the_maps_options_share_its_row(qtbot, window):
    from PySide6.QtWidgets import QDockWidget

    window.resize(1900, 1000)
    tables = window.findChild(QDockWidget, "history_dock")
    qtbot.waitUntil(lambda: tables.width() > basin_module.HISTORY_KEEPS + 600)  # room for the options too
    window.action_basin.trigger()
    dock = window.basin.dock
    qtbot.waitUntil(lambda: dock.isVisible())
    assert tables.isVisible() and not window.tabifiedDockWidgets(tables)
    assert dock.geometry().left() > tables.geometry().right()
    window.action_basin.trigger()
