"""AdamW: Adam whose weight decay shrinks the parameters directly instead of joining the gradient.

Definition: torch.optim.AdamW, which is torch's Adam with ``decoupled_weight_decay=True`` (PyTorch 2.13,
torch/optim/adam.py, ``_single_tensor_adam``), after Loshchilov & Hutter, "Decoupled Weight Decay
Regularization", ICLR 2019.  Update t, in torch's order: p ← p·(1 − η·λ); m ← lerp(m, g, 1 − β₁);
v ← v·β₂ + (1 − β₂)·g·g; p ← p − (η/(1 − β₁ᵗ))·m / (√v/√(1 − β₂ᵗ) + ε).  Defaults as torch's.
"""

from __future__ import annotations

from typing import NamedTuple

from ..explain import Equation
from ..i18n import N_
from ._shared import EPS_IN_DENOMINATOR, TORCH, beta1, beta2, eps, lerp, lr, weight_decay
from .base import Optimizer

MOMENTS = {"m": (N_("1st moment"), N_("running mean of the gradient g")),
           "v": (N_("2nd moment"), N_("running mean of the squared gradient g²"))}
TORCH_ADAM_FORMULA = ("m ← β₁·m + (1−β₁)·g", "v ← β₂·v + (1−β₂)·g²",
                      "p ← p − η/(1−β₁ᵗ) · m / (√v / √(1−β₂ᵗ) + ε)")


class AdamWState(NamedTuple):
    m: object
    v: object
    t: int


def adam_constants(rates, first, b1, b2):
    """torch's Adam: per update t, (−η/(1−β₁ᵗ), √(1−β₂ᵗ) as ``(1 − β₂ᵗ)**0.5``)."""
    return [(-(rate / (1 - b1**t)), (1 - b2**t) ** 0.5) for t, rate in enumerate(rates, first)]


class AdamW(Optimizer):
    name = "adamw"
    title = "AdamW"
    order = 7
    formula = ("p ← p·(1 − η·λ)", *TORCH_ADAM_FORMULA)
    hypers = (lr(0.001), beta1(), beta2(), eps(1e-8, EPS_IN_DENOMINATOR), weight_decay(0.01, True))
    fields = ("m", "v")
    field_meanings = MOMENTS
    counts_steps = True
    State = AdamWState
    about = N_("Adam with decoupled weight decay. Adding λ·p to the gradient (L2) lets Adam's per-coordinate "
             "scaling weaken the decay where gradients are large; AdamW instead shrinks p by the factor "
             "1 − η·λ before each Adam step, the same for every coordinate. m and v are Adam's running means "
             "of g and g², bias-corrected through 1 − β₁ᵗ and 1 − β₂ᵗ; ε is added after the square root, as "
             "torch does. With λ = 0 it is torch's Adam.")
    source = TORCH.format("AdamW", "adam") + "; Loshchilov & Hutter, 'Decoupled Weight Decay Regularization', ICLR 2019"
    demo = {"lr": 0.1}
    equations = (Equation("m", "β₁·m + (1−β₁)·g", "{beta1}×{m} + (1 − {beta1})×{g}"),
                 Equation("v", "β₂·v + (1−β₂)·g²", "{beta2}×{v} + (1 − {beta2})×{g}²"),
                 Equation("p", "p·(1 − η·λ) − η/(1−β₁ᵗ) · m / (√v / √(1−β₂ᵗ) + ε)",
                          "{p}×(1 − {lr}×{weight_decay}) − {lr}/(1 − {beta1}^{t})×{new_m}/"
                          "(√({new_v})/√(1 − {beta2}^{t}) + {eps})"))
    __slots__ = ()

    def constants(self, rates, first):
        wd = self.values["weight_decay"]
        adam = adam_constants(rates, first, self.values["beta1"], self.values["beta2"])
        return [(neg_step, root, 1 - rate * wd) for (neg_step, root), rate in zip(adam, rates, strict=True)]

    def make_rule(self, ops):
        b2, eps, decays = self.values["beta2"], self.values["eps"], self.values["weight_decay"] != 0
        keep2, mean, sqrt = 1 - b2, lerp(self.values["beta1"]), ops.sqrt

        def rule(p, g, s, c):
            neg_step, root, decay = c
            if decays:
                p = p * decay
            m = mean(s[0], g)
            v = s[1] * b2 + keep2 * g * g
            return p + neg_step * m / (sqrt(v) / root + eps), (m, v)
        return rule
