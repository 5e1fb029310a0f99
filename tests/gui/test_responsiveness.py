"""What keeps the window responsive, checked as facts about the order and size of the work, not as times
(the speed figures are benchmarks/gui_speed.py's, on a quiet machine)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from gui.session import Options


class _Recorder(QObject):
    """Every acknowledgement, redraw of a new snapshot, and repaint of a view that paints with Python code
    (the plots, whose items paint in pyqtgraph, and the tables, whose cells come from Python models), in
    order."""

    def __init__(self, window):
        super().__init__()
        self.order: list[str] = []
        views = (window.contour, window.loss, window.history_table, window.state_table)
        self.viewports = {view.viewport() for view in views}
        send, draw = window.client.send, window._draw

        def recorded_send(name, *args):
            if name == "acknowledge":
                self.order.append("ack")
            send(name, *args)

        def recorded_draw():
            if window._owe_acknowledgement:  # a frame for a new snapshot (at full speed the only ones drawn)
                self.order.append("redraw")
            draw()
        window.client.send, window._draw = recorded_send, recorded_draw

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and watched in self.viewports:
            self.order.append("paint")
        return False


def _play_full_speed(qtbot, window) -> None:
    window.set_options(Options(None, 1_000_000, 0.0))
    window.speed.slider.setValue(window.speed.slider.maximum())
    window.toggle_play()
    qtbot.waitUntil(lambda: window.playing)


def _acknowledged_before_painting(order: list[str]) -> list[int]:
    """The acknowledgements sent after a redraw that went on to repaint, but before that repaint began."""
    early = []
    for i, what in enumerate(order):
        if what != "ack" or "redraw" not in order[:i]:
            continue
        redraw = i - order[i::-1].index("redraw")
        following = order[i:].index("redraw") + i if "redraw" in order[i:] else len(order)
        if "paint" not in order[redraw:i] and "paint" in order[i:following]:
            early.append(i)
    return early


def test_the_worker_hears_a_frame_is_drawn_only_after_its_repaint(qtbot, window):
    """At full speed the worker steps again on the acknowledgement: sent before the repaint, the two
    threads would fight for the GIL through the whole paint."""
    recorder = _Recorder(window)
    _play_full_speed(qtbot, window)
    QApplication.instance().installEventFilter(recorder)
    try:
        qtbot.waitUntil(lambda: recorder.order.count("ack") >= 3, timeout=20_000)
        recorder.order.clear()  # from a frame drawn at full speed on
        qtbot.waitUntil(lambda: recorder.order.count("ack") >= 30, timeout=20_000)
    finally:
        QApplication.instance().removeEventFilter(recorder)
        window.toggle_play()
    assert recorder.order.count("paint") >= 30
    early = _acknowledged_before_painting(recorder.order)
    assert early == [], [recorder.order[max(i - 8, 0): i + 4] for i in early[:3]]


def test_at_full_speed_the_window_draws_only_frames_of_new_snapshots(qtbot, window):
    """Between an acknowledgement and the next snapshot the worker is stepping: a part drawn then would
    paint while the worker holds the GIL."""
    drawn_while_stepping, drawn = [], []
    draw_part = window._draw_part

    def recorded(part):
        if window.model.playing:
            (drawn if window._owe_acknowledgement else drawn_while_stepping).append(part)
        draw_part(part)
    _play_full_speed(qtbot, window)
    window._draw_part = recorded
    qtbot.waitUntil(lambda: len(drawn) >= 40, timeout=20_000)
    window.toggle_play()
    assert {"trajectories", "history", "state", "loss"} <= set(drawn)
    assert drawn_while_stepping == []
