"""Help ▸ Keyboard shortcuts and Help ▸ About."""

from __future__ import annotations

import platform
from importlib import metadata

import contourpy
import numpy as np
import pyqtgraph as pg
import PySide6
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

import core

from .actions import plain

__all__ = ["about_text", "shortcuts_html", "show_about", "show_shortcuts"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # marked with _t/_tr: see tools/i18n_gui.py


_NATIVE = QKeySequence.SequenceFormat.NativeText  # the keys' names as the menus write them, in the window's language


def shortcuts_html(actions) -> str:
    """A table of every action that has a shortcut, read from the actions themselves."""
    rows = "".join(
        f"<tr><td style='padding-right:18px'><b>{a.shortcut().toString(_NATIVE)}</b></td>"
        f"<td>{plain(a.text())}</td></tr>"
        for a in actions if not a.shortcut().isEmpty())
    return (f"<table>{rows}</table><p>" + _tr("Click the plot while paused to move the selected run's start "
            "point there, rounded to the view's scale (Shift+click: exactly there). Drag to pan, scroll to zoom.")
            + "</p>")


def show_shortcuts(parent: QWidget, actions) -> None:
    box = QMessageBox(parent)
    box.setObjectName("shortcuts_dialog")
    box.setWindowTitle(_tr("Keyboard shortcuts"))
    box.setText(shortcuts_html(actions))
    box.exec()


def about_text() -> str:
    return (f"<h3>GradStep {core.__version__}</h3>"
            "<p>" + _tr("Step gradient-descent optimizers across a 2-D function, one step at a time, with every "
                        "number of every step on screen: SGD, Momentum, Nesterov, AdaGrad, RMSProp and Adam exactly "
                        "as the lecture notes define them, including their rounding, and seven more.") + "</p>"
            "<p>" + _tr("Free software under the MIT licence.") + "</p>"
            f"<p style='color:gray'>Python {platform.python_version()} · Qt {qVersion()} · "
            f"PySide6 {PySide6.__version__} · pyqtgraph {pg.__version__} · numpy {np.__version__} · "
            f"contourpy {contourpy.__version__} · sympy {_version('sympy')} · Pillow {_version('Pillow')}</p>")


def _version(distribution: str) -> str:
    """An installed library's version without importing it (sympy takes a second to import)."""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "?"


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, _tr("About GradStep"), about_text())
