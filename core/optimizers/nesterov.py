"""Nesterov's accelerated gradient in the lecture notes' form, which needs only the gradient at p."""

from __future__ import annotations

from typing import NamedTuple

from ..explain import Equation
from ..i18n import N_, _
from ._shared import lr, momentum
from .base import Optimizer
from .sgd import NOTES


class NesterovState(NamedTuple):
    v: object


class Nesterov(Optimizer):
    """The notes' form of Nesterov's accelerated gradient, which needs only the gradient at p."""

    name = "nesterov"
    title = "Nesterov"
    order = 3
    formula = ("p ← p + μ²·v − (1+μ)·η·g", "v ← μ·v − η·g")
    hypers = (lr(0.01), momentum())
    fields = ("v",)
    field_meanings = {"v": (N_("velocity"), N_("the velocity: a decaying sum of past steps"))}
    State = NesterovState
    notes_rounding = True
    about = N_("Momentum that looks ahead: it corrects the step with the gradient where the velocity is "
             "taking the point, which brakes before overshooting. This is the notes' rearranged form, which "
             "only needs the gradient at p.")
    source = NOTES
    demo = {"lr": 0.02}
    equations = (Equation("p", "p + μ²·v − (1+μ)·η·g", "{p} + {momentum}²×{v} − (1 + {momentum})×{lr}×{g}"),
                 Equation("v", "μ·v − η·g", "{momentum}×{v} − {lr}×{g}"))
    __slots__ = ()

    def constants(self, rates, first):
        ahead = 1 + self.values["momentum"]
        return [(rate, ahead * rate) for rate in rates]  # the notes multiply (1 + μ)·η out first

    def make_rule(self, ops):
        mu = self.values["momentum"]
        mu2 = mu * mu

        def rule(p, g, s, c):
            lr, lr_ahead = c
            v = s[0]
            p = p + mu2 * v
            p = p - lr_ahead * g
            return p, (v * mu - lr * g,)
        return rule

    def derived(self, state, update=None):
        rate = self.values["lr"] if update is None else self.learning_rate(update)
        step = (1 + self.values["momentum"]) * rate
        meaning = _("factor the gradient was multiplied by: {factor}").format(factor="(1+μ)·η")
        return {**super().derived(state, update), "step_size": (meaning, (step, step))}
