"""Start the desktop application."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import core

__all__ = ["create_application", "main"]


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, named for QSettings, with pyqtgraph configured (antialiased, row-major images)."""
    # The stepping thread runs Python flat out at full speed; the window's thread then waits for the GIL
    # up to the switch interval (5 ms by default) every time it needs it.  A shorter interval keeps
    # painting and the keyboard responsive.
    sys.setswitchinterval(0.001)
    app = QApplication.instance() or QApplication(["gradstep", *(argv or [])])
    app.setApplicationName("GradStep")
    app.setOrganizationName("GradStep")
    app.setApplicationVersion(core.__version__)
    app.setDesktopFileName("gradstep")
    pg.setConfigOptions(antialias=True, imageAxisOrder="row-major")
    return app


def main(argv: list[str] | None = None, path: str | None = None) -> int:
    """Open the window (``argv``: Qt's own options); ``path``, a session or a lesson file (``.json``), opens
    in it once it is up."""
    app = create_application(argv)
    from .main_window import MainWindow

    window = MainWindow()
    app.aboutToQuit.connect(window.shutdown)
    window.show()
    window.raise_()
    window.activateWindow()  # without a window manager (a bare X server) nothing else gives it the keyboard
    # Ctrl+C in the terminal closes the window as Quit would (Python only sees the signal between events)
    signal.signal(signal.SIGINT, lambda *_: window.close())
    if path:
        QTimer.singleShot(0, lambda: window.files.open_path(Path(path)))
    ticker = QTimer()
    ticker.start(250)
    ticker.timeout.connect(lambda: None)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
