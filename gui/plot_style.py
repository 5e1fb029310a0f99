"""The look both plots share: white, labelled axes without SI-prefix scaling, no pyqtgraph menu or buttons."""

from __future__ import annotations

import pyqtgraph as pg

__all__ = ["plain_plot"]


def plain_plot(widget: pg.PlotWidget, name: str, x_label: str, y_label: str) -> pg.PlotItem:
    """Set up ``widget`` and return its PlotItem."""
    widget.setObjectName(name)
    plot = widget.getPlotItem()
    plot.setLabel("bottom", x_label)
    plot.setLabel("left", y_label)
    for side in ("left", "bottom"):
        plot.getAxis(side).enableAutoSIPrefix(False)  # "f (x0.001)" puzzles more than it helps
    plot.setMenuEnabled(False)
    plot.hideButtons()
    return plot
