"""The update of the selected run at the step on view, in the notes' symbols and with this step's numbers.

For update k it shows each line of the optimizer's update rule (`core.explain`), first as a formula,
then with the numbers of step k − 1 substituted and the result of update k: for Momentum at step 2 of the
notes' lesson, ``v_x = 0.5 × 2.0 − 0.5 × 4.0 = −1.0`` and ``x = 2.0 + (−1.0) = 1.0``.  Under it, what the
optimizer is for, what its state means and what each hyperparameter does: on screen, since a class cannot
see a tooltip.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QWidget

from core.explain import explain
from core.i18n import _ as _core
from core.stepping import StopReason

from .model import WindowModel
from .numbers import NumberFormat

__all__ = ["FormulaPanel"]


def _e(text: str) -> str:
    return html.escape(text, quote=False)


class FormulaPanel(QTextBrowser):
    """``formula_panel``: rich text; its plain text holds the substituted numbers as digits."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("formula_panel")
        self.setOpenLinks(False)
        self.setReadOnly(True)
        self.number_format = NumberFormat()
        self._shown = ""

    def refresh(self, model: WindowModel) -> None:
        entry = model.selected()
        if entry is None or entry.history is None:
            return
        page = self.page(entry, model.viewed_step(entry))
        if page != self._shown:  # setting the same page again would scroll it back to the top
            self._shown = page
            self.setHtml(page)

    def page(self, entry, k: int) -> str:
        recorded = entry.recorded or entry.optimizer
        parts = [self._rule(type(recorded), entry.name)]
        if k > 0:
            parts.append(self._numbers(entry, k))
        stop = entry.stop
        if stop is not None and stop.reason is StopReason.DIVERGED and k == entry.step and stop.step > k:
            # the update that diverged is not recorded: say why there is no next step, rather than
            # inviting a Step press that does nothing
            gone = self.tr("Update {n} would take the run where f or its gradient is not a finite number, or "
                           "past 1e10 in x or y: the run stopped here, diverged.").format(n=stop.step)
            parts.append(f"<p>{gone}</p>")
        elif k == 0:
            start = self.tr("Step 0 is the start point: press Step to see update 1 with its numbers.")
            parts.append(f"<p>{start}</p>")
        parts.append(self._about(type(recorded), entry.optimizer_for(max(k, 1))))
        return "".join(parts)

    def _rule(self, cls, name: str) -> str:
        rule = "<br>".join(_e(line) for line in cls.formula)
        return f"<p><b>{_e(name)}</b> · {_e(cls.title_text())}<br><span style='font-family:monospace'>{rule}</span></p>"

    def _numbers(self, entry, k: int) -> str:
        made_by = entry.optimizer_for(k)
        fmt = self.number_format if made_by.notes_rounding else NumberFormat(self.number_format.mode, None)
        lines = explain(made_by, entry.history, k, fmt.text)
        rows = "".join(f"<tr><td>{_e(line.label)}</td><td>=&nbsp;{_e(line.numeric)}</td>"
                       f"<td>=&nbsp;<b>{_e(line.result)}</b></td></tr>" for line in lines)
        head = self.tr("Update {k}, with the numbers of step {before}:").format(k=k, before=k - 1)
        note = ""
        if made_by.decimals is not None and made_by.notes_rounding:
            note = "<br><i>" + self.tr("Results rounded to {d} decimals where the notes round them.").format(
                d=made_by.decimals) + "</i>"
        elif self.number_format.decimals is not None and not made_by.notes_rounding:
            note = f"<br><i>{_e(made_by.rounding_note())}</i>"
        return (f"<p>{head}{note}</p><table cellspacing='2' style='font-family:monospace'>{rows}</table>")

    def _about(self, cls, optimizer) -> str:
        hypers = "".join(f"<li>{_e(h.symbol)} {_e(h.name)} = {optimizer.values[h.name]:g}: {_e(h.meaning_text)}</li>"
                         for h in cls.hypers)
        fields = "".join(f"<li>{_e(name)}: {_e(_core(meaning))}</li>" for name, (_short, meaning)
                         in cls.field_meanings.items())
        # (each heading one whole text: lupdate cannot see a tr() inside an f-string, and a translation
        # may put the name elsewhere in the sentence)
        state_head, hypers_head = self.tr("Its state:"), self.tr("Its hyperparameters:")
        state = f"<p>{state_head}</p><ul>{fields}</ul>" if fields else ""
        about = self.tr("About {name}").format(name=_e(cls.title_text()))  # "모멘텀 소개", as the menus name it
        return f"<hr><p><b>{about}</b>: {_e(cls.about_text())}</p>{state}<p>{hypers_head}</p><ul>{hypers}</ul>"
