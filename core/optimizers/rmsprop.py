"""RMSProp, the lecture notes' fifth optimizer: AdaGrad with a memory that fades."""

from __future__ import annotations

from typing import NamedTuple

from ..explain import Equation
from ..hyper import Hyper
from ..i18n import N_, _
from ._shared import NOTES_EPS, lr
from .base import Optimizer, per_coordinate_step
from .sgd import NOTES


class RMSPropState(NamedTuple):
    h: object


class RMSProp(Optimizer):
    name = "rmsprop"
    title = "RMSProp"
    order = 5
    formula = ("h ← γ·h + (1−γ)·g²", "p ← p − η·g / (√h + ε)")
    hypers = (lr(0.01),
              Hyper("gamma", 0.75, 0.0, 1.0, "γ", N_("forgetting factor (decay rate): the larger, the more the "
                                                      "past squared gradients count"), high_open=True),
              NOTES_EPS)
    fields = ("h",)
    field_meanings = {"h": (N_("mean g²"), N_("a decaying mean of the squared gradients"))}
    State = RMSPropState
    notes_rounding = True
    about = N_("AdaGrad whose sum of squared gradients forgets: h is a decaying mean, so the step size "
             "follows the recent steepness instead of shrinking for ever.")
    source = NOTES
    demo = {"lr": 0.05}
    equations = (Equation("h", "γ·h + (1−γ)·g²", "{gamma}×{h} + (1 − {gamma})×{g}²"),
                 Equation("p", "p − η·g / (√h + ε)", "{p} − {lr}×{g}/(√({new_h}) + {eps})"))
    __slots__ = ()

    def make_rule(self, ops):
        gamma, eps = self.values["gamma"], self.values["eps"]
        keep_new = 1 - gamma
        rs, rp, sqrt = ops.round_state, ops.round_params, ops.sqrt

        def rule(p, g, s, lr):
            h = rs(gamma * s[0] + keep_new * g * g)
            return rp(p - lr * g / (sqrt(h) + eps)), (h,)
        return rule

    def derived(self, state, update=None):
        rate = self.values["lr"] if update is None else self.learning_rate(update)
        step = per_coordinate_step(rate, state.h, self.values["eps"])
        return {**super().derived(state, update),
                "step_size": (_("factor the gradient was multiplied by: {factor}").format(factor="η / (√h + ε)"), step)}
