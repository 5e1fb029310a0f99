"""Adamax: Adam with the root mean square of gradients replaced by a decaying maximum of their size.

Definition: torch.optim.Adamax (PyTorch 2.13, torch/optim/adamax.py, ``_single_tensor_adamax``), after
Kingma & Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, section 7.1.  Update t, in torch's
order: g ← g + λ·p; m ← lerp(m, g, 1 − β₁); u ← max(β₂·u, |g| + ε); p ← p − (η/(1 − β₁ᵗ))·m/u.
Defaults as torch's.
"""

from __future__ import annotations

from typing import NamedTuple

from ..explain import Equation
from ..i18n import N_
from ._shared import TORCH, beta1, beta2, eps, lerp, lr, weight_decay
from .base import Optimizer


class AdamaxState(NamedTuple):
    m: object
    u: object
    t: int


class Adamax(Optimizer):
    name = "adamax"
    title = "Adamax"
    order = 12
    formula = ("m ← β₁·m + (1−β₁)·g", "u ← max(β₂·u, |g| + ε)", "p ← p − η/(1−β₁ᵗ) · m / u")
    hypers = (lr(0.002), beta1(), beta2(0.999, N_("decay of the running maximum u of |g|")),
              eps(1e-8, N_("small constant added to |g| inside the maximum, so the division stays finite")),
              weight_decay(0.0, False))
    fields = ("m", "u")
    field_meanings = {"m": (N_("1st moment"), N_("running mean of the gradient g")),
                      "u": (N_("max |g|"), N_("a decaying maximum of the gradient's size (the ∞-norm)"))}
    counts_steps = True
    State = AdamaxState
    about = N_("Adam's v averages g² (a 2-norm); Adamax lets the exponent grow to infinity, which turns the "
             "average into a decaying maximum u of |g|. u needs no bias correction, and one huge gradient "
             "cannot make it overflow. Steps are at most about η/(1−β₁ᵗ)·|m|/|g|.")
    source = TORCH.format("Adamax", "adamax") + "; Kingma & Ba, 'Adam: A Method for Stochastic Optimization', §7.1"
    demo = {"lr": 0.1}
    equations = (Equation("g", "g + λ·p", "{g} + {weight_decay}×{p}", result="gd", when="weight_decay"),
                 Equation("m", "β₁·m + (1−β₁)·g", "{beta1}×{m} + (1 − {beta1})×{gd}"),
                 Equation("u", "max(β₂·u, |g| + ε)", "max({beta2}×{u}, |{gd}| + {eps})"),
                 Equation("p", "p − η/(1−β₁ᵗ) · m / u", "{p} − {lr}/(1 − {beta1}^{t})×{new_m}/{new_u}"))
    __slots__ = ()

    def constants(self, rates, first):
        b1 = self.values["beta1"]
        return [-(rate / (1 - b1**t)) for t, rate in enumerate(rates, first)]

    def explain_values(self, constant, values):
        wd = self.values["weight_decay"]
        return {"gd": values["g"] + wd * values["p"] if wd else values["g"]}

    def make_rule(self, ops):
        b2, eps, wd = self.values["beta2"], self.values["eps"], self.values["weight_decay"]
        mean, maximum, size = lerp(self.values["beta1"]), ops.maximum, ops.abs

        def rule(p, g, s, neg_step):
            if wd:
                g = g + wd * p
            m = mean(s[0], g)
            u = maximum(s[1] * b2, size(g) + eps)
            return p + neg_step * m / u, (m, u)
        return rule
