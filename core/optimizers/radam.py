"""RAdam: Adam that starts as momentum SGD and switches the adaptive step on once v can be trusted.

Definition: torch.optim.RAdam (PyTorch 2.13, torch/optim/radam.py, ``_single_tensor_radam``), after Liu
et al., "On the Variance of the Adaptive Learning Rate and Beyond", ICLR 2020.  Update t, in torch's
order: g ← g + λ·p; m ← lerp(m, g, 1 − β₁); v ← v·β₂ + (1 − β₂)·g·g; m̂ = m/(1 − β₁ᵗ);
ρ_∞ = 2/(1 − β₂) − 1; ρ_t = ρ_∞ − 2t·β₂ᵗ/(1 − β₂ᵗ); if ρ_t > 5:
r = √((ρ_t − 4)(ρ_t − 2)ρ_∞ / ((ρ_∞ − 4)(ρ_∞ − 2)ρ_t)) and p ← p − m̂·η·(√(1 − β₂ᵗ)/(√v + ε))·r;
otherwise p ← p − m̂·η.  Defaults as torch's.
"""

from __future__ import annotations

from typing import NamedTuple

from ..explain import Equation
from ..i18n import N_, _
from ._shared import TORCH, beta1, beta2, eps, lerp, lr, weight_decay
from .adamw import MOMENTS
from .base import Optimizer


class RAdamState(NamedTuple):
    m: object
    v: object
    t: int


def rectification(t: int, b2: float) -> float | None:
    """The variance rectification term r of update t, or None while ρ_t ≤ 5 (no adaptive step yet)."""
    rho_inf = 2 / (1 - b2) - 1
    correction2 = 1 - b2**t
    rho_t = rho_inf - 2 * t * (b2**t) / correction2
    if not rho_t > 5.0:
        return None
    return ((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t)) ** 0.5


class RAdam(Optimizer):
    name = "radam"
    title = "RAdam"
    order = 9
    formula = ("m ← β₁·m + (1−β₁)·g", "v ← β₂·v + (1−β₂)·g²", "ρ_t = ρ_∞ − 2t·β₂ᵗ/(1−β₂ᵗ),  ρ_∞ = 2/(1−β₂) − 1",
               "ρ_t > 5:  p ← p − η·m/(1−β₁ᵗ) · √(1−β₂ᵗ)/(√v + ε) · r_t", "else:  p ← p − η·m/(1−β₁ᵗ)")
    hypers = (lr(0.001), beta1(), beta2(),
              eps(1e-8, N_("small constant added to √v in the denominator, so the division stays finite")),
              weight_decay(0.0, False))
    fields = ("m", "v")
    field_meanings = MOMENTS
    counts_steps = True
    State = RAdamState
    about = N_("In Adam's first steps v rests on a handful of gradients, so the adaptive step size varies "
             "wildly (a reason warm-up helps). RAdam estimates how many gradients v effectively averages "
             "(ρ_t) and, until that exceeds 5, takes plain momentum steps η·m̂; then it scales Adam's step "
             "by the rectification r_t < 1, which tends to 1 as ρ_t grows.")
    source = (TORCH.format("RAdam", "radam")
              + "; Liu et al., 'On the Variance of the Adaptive Learning Rate and Beyond', ICLR 2020")
    demo = {"lr": 0.1}
    equations = (Equation("g", "g + λ·p", "{g} + {weight_decay}×{p}", result="gd", when="weight_decay"),
                 Equation("m", "β₁·m + (1−β₁)·g", "{beta1}×{m} + (1 − {beta1})×{gd}"),
                 Equation("v", "β₂·v + (1−β₂)·g²", "{beta2}×{v} + (1 − {beta2})×{gd}²"),
                 Equation("rho_t", "ρ_∞ − 2t·β₂ᵗ/(1−β₂ᵗ)", "{rho_inf} − 2×{t}×{beta2}^{t}/(1 − {beta2}^{t})",
                          result="rho_t", per_coordinate=False, label="ρ_t"),
                 Equation("r_t", "√((ρ_t−4)(ρ_t−2)ρ_∞ / ((ρ_∞−4)(ρ_∞−2)ρ_t))",
                          "√(({rho_t} − 4)×({rho_t} − 2)×{rho_inf}/(({rho_inf} − 4)×({rho_inf} − 2)×{rho_t}))",
                          result="r_t", per_coordinate=False, when="rectified", label="r_t"),
                 Equation("p", "p − η·m/(1−β₁ᵗ) · √(1−β₂ᵗ)/(√v + ε) · r_t",
                          "{p} − {lr}×{new_m}/(1 − {beta1}^{t})×√(1 − {beta2}^{t})/(√({new_v}) + {eps})×{r_t}",
                          when="rectified"),
                 Equation("p", "p − η·m/(1−β₁ᵗ)  (ρ_t ≤ 5: no adaptive step yet)",
                          "{p} − {lr}×{new_m}/(1 − {beta1}^{t})", when="!rectified"))
    __slots__ = ()

    def constants(self, rates, first):
        b1, b2 = self.values["beta1"], self.values["beta2"]
        return [(rate, 1 - b1**t, (1 - b2**t) ** 0.5, rectification(t, b2)) for t, rate in enumerate(rates, first)]

    def explain_values(self, constant, values):
        _rate, _correction1, _root, rect = constant
        b2, wd, t = self.values["beta2"], self.values["weight_decay"], values["t"]
        rho_inf = 2 / (1 - b2) - 1
        return {"gd": values["g"] + wd * values["p"] if wd else values["g"], "rho_inf": rho_inf,
                "rho_t": rho_inf - 2 * t * b2**t / (1 - b2**t), "rectified": rect is not None,
                "r_t": 0.0 if rect is None else rect}

    def make_rule(self, ops):
        b2, eps, wd = self.values["beta2"], self.values["eps"], self.values["weight_decay"]
        keep2, mean, sqrt = 1 - b2, lerp(self.values["beta1"]), ops.sqrt

        def rule(p, g, s, c):
            lr, correction1, root, rect = c
            if wd:
                g = g + wd * p
            m = mean(s[0], g)
            v = s[1] * b2 + keep2 * g * g
            corrected = m / correction1
            if rect is None:
                return p - corrected * lr, (m, v)
            return p - corrected * lr * (root / (sqrt(v) + eps)) * rect, (m, v)
        return rule

    def derived(self, state, update=None):
        if state.t < 1:
            return {}
        rect = rectification(state.t, self.values["beta2"])
        return {**super().derived(state, state.t if update is None else update),
                "rectification": (_("r_t: how much of Adam's adaptive step is taken (none while ρ_t ≤ 5)"),
                                  0.0 if rect is None else rect)}
