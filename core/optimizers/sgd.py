"""SGD, the lecture notes' first optimizer: p ← p − η·g."""

from __future__ import annotations

from typing import NamedTuple

from ..explain import Equation
from ..i18n import N_, _
from ._shared import lr
from .base import Optimizer

NOTES = "the lecture notes' SGD class (tests/data/lecture_notes_optimizers.txt)"


class SGDState(NamedTuple):
    pass


class SGD(Optimizer):
    name = "sgd"
    title = "SGD"
    order = 1
    formula = ("p ← p − η·g",)
    hypers = (lr(0.01),)
    State = SGDState
    notes_rounding = True
    notes_numpy = False  # the notes' SGD only ever adds Python floats to Python floats
    about = N_("Plain gradient descent: step against the gradient, in proportion to it. It has no state; "
             "the learning rate η alone decides how far each step goes, so a steep direction can overshoot "
             "while a flat one crawls.")
    source = NOTES
    demo = {"lr": 0.05}
    equations = (Equation("p", "p − η·g", "{p} − {lr}×{g}"),)
    __slots__ = ()

    def make_rule(self, ops):
        def rule(p, g, s, lr):
            return p - lr * g, s
        return rule

    def derived(self, state, update=None):
        rate = self.values["lr"] if update is None else self.learning_rate(update)
        return {**super().derived(state, update),
                "step_size": (_("factor the gradient was multiplied by: {factor}").format(factor="η"), (rate, rate))}
