"""Adam as the lecture notes write it: momentum and RMSProp together, with bias correction."""

from __future__ import annotations

import math
from typing import NamedTuple

from ..explain import Equation
from ..i18n import N_, _
from ._shared import NOTES_EPS, beta1, beta2, lr
from .base import Optimizer
from .sgd import NOTES


class AdamState(NamedTuple):
    m: object
    v: object
    t: int


class Adam(Optimizer):
    name = "adam"
    title = "Adam"
    order = 6
    formula = ("m ← β₁·m + (1−β₁)·g", "v ← β₂·v + (1−β₂)·g²",
               "lr_t = η·√(1−β₂ᵗ) / (1−β₁ᵗ)", "p ← p − lr_t·m / √(v + ε)")
    hypers = (lr(0.001), beta1(), beta2(), NOTES_EPS)
    fields = ("m", "v")
    field_meanings = {"m": (N_("1st moment"), N_("running mean of the gradient g")),
                      "v": (N_("2nd moment"), N_("running mean of the squared gradient g²"))}
    counts_steps = True
    State = AdamState
    notes_rounding = True
    about = N_("Momentum (m, a running mean of gradients) and RMSProp (v, a running mean of squared "
             "gradients) together. Both start at zero, so early means are too small: lr_t corrects for that "
             "bias. The notes add ε inside the square root.")
    source = NOTES + "; Kingma & Ba, 'Adam: A Method for Stochastic Optimization', ICLR 2015"
    demo = {"lr": 0.1}
    equations = (Equation("m", "β₁·m + (1−β₁)·g", "{beta1}×{m} + (1 − {beta1})×{g}"),
                 Equation("v", "β₂·v + (1−β₂)·g²", "{beta2}×{v} + (1 − {beta2})×{g}²"),
                 Equation("lr_t", "η·√(1−β₂ᵗ) / (1−β₁ᵗ)", "{lr}×√(1 − {beta2}^{t})/(1 − {beta1}^{t})",
                          result="lr_t", per_coordinate=False),
                 Equation("p", "p − lr_t·m / √(v + ε)", "{p} − {lr_t}×{new_m}/√({new_v} + {eps})"))
    __slots__ = ()

    def lr_t(self, t: int) -> float:
        """The bias-corrected learning rate of update number t (t >= 1), as the notes compute it."""
        return self.step_constants(t, 1)[0]

    def constants(self, rates, first):
        b1, b2, sqrt = self.values["beta1"], self.values["beta2"], math.sqrt
        return [lr * sqrt(1.0 - b2**t) / (1.0 - b1**t) for t, lr in enumerate(rates, first)]

    def explain_values(self, constant, values):
        return {"lr_t": constant}

    def make_rule(self, ops):
        b1, b2, eps = self.values["beta1"], self.values["beta2"], self.values["eps"]
        keep1, keep2 = 1.0 - b1, 1.0 - b2
        rs, rp, sqrt, square = ops.round_state, ops.round_params, ops.sqrt, ops.square

        def rule(p, g, s, lr_t):
            m, v = s
            m = rs(b1 * m + keep1 * g)
            v = rs(b2 * v + keep2 * square(g))  # the notes' grads[key]**2 (pow, not g*g: see core.numerics)
            return rp(p - lr_t * m / sqrt(v + eps)), (m, v)
        return rule

    def derived(self, state, update=None):
        if state.t < 1:
            return {}
        lr_t = self.lr_t(state.t)
        eps = self.values["eps"]
        step = tuple(lr_t / math.sqrt(float(vi) + eps) for vi in state.v)
        return {**super().derived(state, state.t if update is None else update),
                "lr_t": (_("bias-corrected learning rate of this step: {formula}").format(formula="η·√(1−β₂ᵗ)/(1−β₁ᵗ)"),
                         lr_t),
                "step_size": (_("factor m was multiplied by: {factor}").format(factor="lr_t / √(v + ε)"), step)}
