"""NAdam: Adam with Nesterov momentum, whose momentum coefficient warms up over the first steps.

Definition: torch.optim.NAdam (PyTorch 2.13, torch/optim/nadam.py, ``_single_tensor_nadam``), after Dozat,
"Incorporating Nesterov Momentum into Adam", ICLR 2016 workshop.  Update t, in torch's order:
g ← g + λ·p; μ_t = β₁·(1 − ½·0.96^(t·ψ)), μ_{t+1} likewise; Π ← Π·μ_t (the product of every μ so far);
m ← lerp(m, g, 1 − β₁); v ← v·β₂ + (1 − β₂)·g·g; d = √(v/(1 − β₂ᵗ)) + ε;
p ← p − η·(1 − μ_t)/(1 − Π)·g/d; p ← p − η·μ_{t+1}/(1 − Π·μ_{t+1})·m/d.  Defaults as torch's.

torch keeps Π in its state, so a change of β₁ or ψ mid-run multiplies on from the old product; Π is
state here too (``mu_product``, the same in both coordinates, as torch keeps one per parameter tensor).
"""

from __future__ import annotations

from typing import NamedTuple

from ..explain import Equation
from ..hyper import Hyper
from ..i18n import N_
from ._shared import EPS_IN_DENOMINATOR, TORCH, beta1, beta2, eps, lerp, lr, weight_decay
from .adamw import MOMENTS
from .base import Optimizer


class NAdamState(NamedTuple):
    m: object
    v: object
    mu_product: object
    t: int


class NAdam(Optimizer):
    name = "nadam"
    title = "NAdam"
    order = 8
    formula = ("μ_t = β₁·(1 − ½·0.96^(t·ψ)),  Π ← Π·μ_t", "m ← β₁·m + (1−β₁)·g", "v ← β₂·v + (1−β₂)·g²",
               "p ← p − η·[(1−μ_t)/(1−Π)·g + μ_{t+1}/(1−Π·μ_{t+1})·m] / (√(v/(1−β₂ᵗ)) + ε)")
    hypers = (lr(0.002), beta1(), beta2(), eps(1e-8, EPS_IN_DENOMINATOR), weight_decay(0.0, False),
              Hyper("momentum_decay", 4e-3, 0.0, 1.0, "ψ", N_("how fast the momentum coefficient μ_t rises towards "
                                                               "β₁ over the first steps (torch's momentum_decay)")))
    fields = ("m", "v", "mu_product")
    field_meanings = {**MOMENTS, "mu_product": ("Π μ", N_("the product of the momentum coefficients μ so far "
                                                         "(NAdam's bias correction for m)"))}
    initial = {"mu_product": 1.0}
    counts_steps = True
    State = NAdamState
    about = N_("Adam with Nesterov's look-ahead: the step mixes the current gradient and the momentum the next "
             "step will have (μ_{t+1}), each bias-corrected by the product Π of the momentum coefficients. "
             "μ_t starts at β₁/2 and rises towards β₁ at a rate set by ψ, a warm-up for the momentum.")
    source = TORCH.format("NAdam", "nadam") + "; Dozat, 'Incorporating Nesterov Momentum into Adam', ICLR 2016"
    demo = {"lr": 0.1}
    equations = (Equation("g", "g + λ·p", "{g} + {weight_decay}×{p}", result="gd", when="weight_decay"),
                 Equation("mu_t", "β₁·(1 − ½·0.96^(t·ψ))", "{beta1}×(1 − 0.5×0.96^({t}×{momentum_decay}))",
                          result="mu_t", per_coordinate=False, label="μ_t"),
                 Equation("mu_next", "β₁·(1 − ½·0.96^((t+1)·ψ))",
                          "{beta1}×(1 − 0.5×0.96^({t_next}×{momentum_decay}))", result="mu_next",
                          per_coordinate=False, label="μ_{t+1}"),
                 Equation("mu_product", "Π·μ_t", "{mu_product}×{mu_t}", label="Π"),
                 Equation("m", "β₁·m + (1−β₁)·g", "{beta1}×{m} + (1 − {beta1})×{gd}"),
                 Equation("v", "β₂·v + (1−β₂)·g²", "{beta2}×{v} + (1 − {beta2})×{gd}²"),
                 Equation("p", "p − η·[(1−μ_t)/(1−Π)·g + μ_{t+1}/(1−Π·μ_{t+1})·m] / (√(v/(1−β₂ᵗ)) + ε)",
                          "{p} − {lr}×((1 − {mu_t})/(1 − {new_mu_product})×{gd} + {mu_next}/(1 − {new_mu_product}"
                          "×{mu_next})×{new_m})/(√({new_v}/(1 − {beta2}^{t})) + {eps})"))
    __slots__ = ()

    def constants(self, rates, first):
        b1, b2, psi = self.values["beta1"], self.values["beta2"], self.values["momentum_decay"]

        def mu(t):
            return b1 * (1.0 - 0.5 * (0.96 ** (t * psi)))
        return [(rate, 1 - b2**t, mu(t), mu(t + 1)) for t, rate in enumerate(rates, first)]

    def explain_values(self, constant, values):
        _rate, _correction2, mu, mu_next = constant
        wd = self.values["weight_decay"]
        return {"gd": values["g"] + wd * values["p"] if wd else values["g"], "mu_t": mu, "mu_next": mu_next,
                "t_next": values["t"] + 1}

    def make_rule(self, ops):
        b2, eps, wd = self.values["beta2"], self.values["eps"], self.values["weight_decay"]
        keep2, mean, sqrt = 1 - b2, lerp(self.values["beta1"]), ops.sqrt

        def rule(p, g, s, c):
            lr, correction2, mu, mu_next = c
            if wd:
                g = g + wd * p
            product = s[2] * mu
            m = mean(s[0], g)
            v = s[1] * b2 + keep2 * g * g
            denom = sqrt(v / correction2) + eps
            p = p + -lr * (1.0 - mu) / (1.0 - product) * g / denom
            p = p + (-lr * mu_next) / (1.0 - product * mu_next) * m / denom
            return p, (m, v, product)
        return rule
