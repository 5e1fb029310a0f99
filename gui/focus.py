"""Tab order by layout: fields built after the window (an optimizer's hyperparameters, a schedule's
parameters) join Qt's focus chain at its very end, after every table, so Tab never reached them from the
field above; these put them back where they are laid out."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLayout, QLayoutItem, QWidget

__all__ = ["chain_in_layout_order", "laid_out_fields"]


def laid_out_fields(layout: QLayout) -> list[QWidget]:
    """The widgets Tab can reach in ``layout``, in the order they were laid out, nested layouts and the
    layouts of plain containers included."""
    found: list[QWidget] = []
    for item in _items(layout):
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                found.append(widget)
            elif widget.layout() is not None:
                found.extend(laid_out_fields(widget.layout()))
        elif inner is not None:
            found.extend(laid_out_fields(inner))
    return found


def chain_in_layout_order(fields: list[QWidget]) -> None:
    """Tab goes from each of ``fields`` to the next (the first keeps its place in the window's chain)."""
    for before, after in pairwise(fields):
        QWidget.setTabOrder(before, after)


def _items(layout: QLayout) -> list[QLayoutItem]:
    if isinstance(layout, QFormLayout):  # by row: a row inserted later is not last in itemAt's order
        roles = (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole, QFormLayout.ItemRole.SpanningRole)
        items = (layout.itemAt(row, role) for row in range(layout.rowCount()) for role in roles)
        return [item for item in items if item is not None]
    return [layout.itemAt(i) for i in range(layout.count())]
