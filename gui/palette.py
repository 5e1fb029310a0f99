"""The colours of runs: Okabe & Ito's colour-blind-safe palette (2008), yellow last (hard to see on light
colours), and a small square icon of a colour for lists and menus."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPixmap

__all__ = ["PALETTE", "swatch"]

#: The runs' colours in the order runs get them (Okabe and Ito's colour-blind-safe set).  The first six, the
#: notes' six runs, all stand apart from every shade of the contour fill: sky blue, which melts into the
#: fill's blue around a minimum (where the runs end), comes seventh.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#000000", "#56B4E9", "#F0E442")


def swatch(color: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)
