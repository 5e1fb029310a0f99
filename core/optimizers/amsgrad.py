"""AMSGrad: Adam whose denominator uses the largest second moment seen so far, so it never grows a step.

Definition: torch.optim.Adam with ``amsgrad=True`` (PyTorch 2.13, torch/optim/adam.py,
``_single_tensor_adam``), after Reddi, Kale & Kumar, "On the Convergence of Adam and Beyond", ICLR 2018.
torch keeps the maximum of the *uncorrected* v and divides its root by √(1 − β₂ᵗ): update t is
g ← g + λ·p; m ← lerp(m, g, 1 − β₁); v ← v·β₂ + (1 − β₂)·g·g; v_max ← max(v_max, v);
p ← p − (η/(1 − β₁ᵗ))·m / (√v_max/√(1 − β₂ᵗ) + ε).  Defaults as torch's Adam.
"""

from __future__ import annotations

from typing import NamedTuple

from ..explain import Equation
from ..i18n import N_
from ._shared import TORCH, beta1, beta2, eps, lerp, lr, weight_decay
from .adamw import MOMENTS, adam_constants
from .base import Optimizer


class AMSGradState(NamedTuple):
    m: object
    v: object
    v_max: object
    t: int


class AMSGrad(Optimizer):
    name = "amsgrad"
    title = "AMSGrad"
    order = 10
    formula = ("m ← β₁·m + (1−β₁)·g", "v ← β₂·v + (1−β₂)·g²", "v_max ← max(v_max, v)",
               "p ← p − η/(1−β₁ᵗ) · m / (√v_max / √(1−β₂ᵗ) + ε)")
    hypers = (lr(0.001), beta1(), beta2(),
              eps(1e-8, N_("small constant added to the root of v_max in the denominator, so the division stays "
                           "finite")),
              weight_decay(0.0, False))
    fields = ("m", "v", "v_max")
    field_meanings = {**MOMENTS, "v_max": (N_("max of v"), N_("the largest v so far: the denominator never shrinks"))}
    counts_steps = True
    State = AMSGradState
    about = N_("Adam can take a large step after a stretch of small gradients, because v forgets the large "
             "ones; in some problems that keeps it from converging. AMSGrad divides by the largest v seen "
             "so far (v_max), so a coordinate's step size can only shrink. While v never decreases it takes "
             "exactly Adam's steps (torch's form, as AdamW with λ = 0).")
    source = (TORCH.format("Adam(amsgrad=True)", "adam")
              + "; Reddi, Kale & Kumar, 'On the Convergence of Adam and Beyond', ICLR 2018")
    demo = {"lr": 0.1}
    equations = (Equation("g", "g + λ·p", "{g} + {weight_decay}×{p}", result="gd", when="weight_decay"),
                 Equation("m", "β₁·m + (1−β₁)·g", "{beta1}×{m} + (1 − {beta1})×{gd}"),
                 Equation("v", "β₂·v + (1−β₂)·g²", "{beta2}×{v} + (1 − {beta2})×{gd}²"),
                 Equation("v_max", "max(v_max, v)", "max({v_max}, {new_v})"),
                 Equation("p", "p − η/(1−β₁ᵗ) · m / (√v_max / √(1−β₂ᵗ) + ε)",
                          "{p} − {lr}/(1 − {beta1}^{t})×{new_m}/(√({new_v_max})/√(1 − {beta2}^{t}) + {eps})"))
    __slots__ = ()

    def constants(self, rates, first):
        return adam_constants(rates, first, self.values["beta1"], self.values["beta2"])

    def explain_values(self, constant, values):
        wd = self.values["weight_decay"]
        return {"gd": values["g"] + wd * values["p"] if wd else values["g"]}

    def make_rule(self, ops):
        b2, eps, wd = self.values["beta2"], self.values["eps"], self.values["weight_decay"]
        keep2, mean, sqrt, maximum = 1 - b2, lerp(self.values["beta1"]), ops.sqrt, ops.maximum

        def rule(p, g, s, c):
            neg_step, root = c
            if wd:
                g = g + wd * p
            m = mean(s[0], g)
            v = s[1] * b2 + keep2 * g * g
            v_max = maximum(s[2], v)
            return p + neg_step * m / (sqrt(v_max) / root + eps), (m, v, v_max)
        return rule
