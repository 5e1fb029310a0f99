"""AdaGrad, the lecture notes' fourth optimizer: a learning rate per coordinate that only shrinks."""

from __future__ import annotations

from typing import NamedTuple

from ..explain import Equation
from ..i18n import N_, _
from ._shared import NOTES_EPS, lr
from .base import Optimizer, per_coordinate_step
from .sgd import NOTES


class AdaGradState(NamedTuple):
    h: object


class AdaGrad(Optimizer):
    name = "adagrad"
    title = "AdaGrad"
    order = 4
    formula = ("h ← h + g²", "p ← p − η·g / (√h + ε)")
    hypers = (lr(0.01), NOTES_EPS)
    fields = ("h",)
    field_meanings = {"h": ("Σ g²", N_("the sum of all squared gradients so far"))}
    State = AdaGradState
    notes_rounding = True
    about = N_("Divides each coordinate's step by the root of the sum h of its squared gradients, so steep "
             "coordinates take small steps and flat ones large steps. h only grows, so every step size "
             "shrinks for ever.")
    source = NOTES
    demo = {"lr": 0.5}
    equations = (Equation("h", "h + g²", "{h} + {g}²"),
                 Equation("p", "p − η·g / (√h + ε)", "{p} − {lr}×{g}/(√({new_h}) + {eps})"))
    __slots__ = ()

    def make_rule(self, ops):
        eps = self.values["eps"]
        rs, rp, sqrt = ops.round_state, ops.round_params, ops.sqrt

        def rule(p, g, s, lr):
            h = rs(s[0] + g * g)
            return rp(p - lr * g / (sqrt(h) + eps)), (h,)
        return rule

    def derived(self, state, update=None):
        rate = self.values["lr"] if update is None else self.learning_rate(update)
        step = per_coordinate_step(rate, state.h, self.values["eps"])
        return {**super().derived(state, update),
                "step_size": (_("factor the gradient was multiplied by: {factor}").format(factor="η / (√h + ε)"), step)}
