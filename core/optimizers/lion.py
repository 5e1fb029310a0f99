"""Lion: the sign of an interpolated momentum, found by program search.

Definition: Chen et al., "Symbolic Discovery of Optimization Algorithms", NeurIPS 2023, Algorithm 2
(Lion with decoupled weight decay): c ← β₁·m + (1 − β₁)·g; p ← p − η·(sign(c) + λ·p);
m ← β₂·m + (1 − β₂)·g.  Defaults as the paper's: β₁ = 0.9, β₂ = 0.99, λ = 0, and η = 1e-4, the
learning rate the common implementations default to (the paper advises 3 to 10 times smaller than
AdamW's).  sign(0) is 0.
"""

from __future__ import annotations

from typing import NamedTuple

from ..explain import Equation
from ..i18n import N_
from ._shared import beta1, beta2, lr, weight_decay
from .base import Optimizer


class LionState(NamedTuple):
    m: object


class Lion(Optimizer):
    name = "lion"
    title = "Lion"
    order = 13
    formula = ("c = β₁·m + (1−β₁)·g", "p ← p − η·(sign(c) + λ·p)", "m ← β₂·m + (1−β₂)·g")
    hypers = (lr(1e-4), beta1(0.9, N_("weight of the momentum m in the direction c whose sign is taken")),
              beta2(0.99, N_("decay of the momentum m kept for the next steps")), weight_decay(0.0, True))
    fields = ("m",)
    field_meanings = {"m": (N_("momentum"), N_("running mean of the gradient g"))}
    State = LionState
    about = N_("Every coordinate moves by exactly η per step (plus weight decay): only the sign of c, a blend "
             "of the momentum m and the new gradient, is used. Two decays: β₁ mixes for the current "
             "direction, β₂ (slower) for the momentum carried on. It needs no second moment, so its state "
             "is half of Adam's; near a minimum it oscillates by about η.")
    source = "Chen et al., 'Symbolic Discovery of Optimization Algorithms', NeurIPS 2023, Algorithm 2"
    demo = {"lr": 0.02}
    equations = (Equation("c", "β₁·m + (1−β₁)·g", "{beta1}×{m} + (1 − {beta1})×{g}", result="c"),
                 Equation("p", "p − η·(sign(c) + λ·p)", "{p} − {lr}×(sign({c}) + {weight_decay}×{p})"),
                 Equation("m", "β₂·m + (1−β₂)·g", "{beta2}×{m} + (1 − {beta2})×{g}"))
    __slots__ = ()

    def explain_values(self, constant, values):
        b1 = self.values["beta1"]
        return {"c": b1 * values["m"] + (1 - b1) * values["g"]}

    def make_rule(self, ops):
        b1, b2, wd = self.values["beta1"], self.values["beta2"], self.values["weight_decay"]
        keep1, keep2, sign = 1 - b1, 1 - b2, ops.sign

        def rule(p, g, s, lr):
            m = s[0]
            direction = b1 * m + keep1 * g
            return p - lr * (sign(direction) + wd * p), (b2 * m + keep2 * g,)
        return rule
