"""AdaDelta: RMSProp whose learning rate is replaced by a running mean of the steps themselves.

Definition: torch.optim.Adadelta (PyTorch 2.13, torch/optim/adadelta.py, ``_single_tensor_adadelta``),
after Zeiler, "ADADELTA: An Adaptive Learning Rate Method", arXiv:1212.5701, 2012.  Update, in torch's
order: g ← g + λ·p; h ← h·ρ + (1 − ρ)·g·g; Δ = √(u + ε)/√(h + ε)·g; u ← u·ρ + (1 − ρ)·Δ·Δ; p ← p − η·Δ.
Defaults as torch's (η = 1: the paper has no learning rate).
"""

from __future__ import annotations

import math
from typing import NamedTuple

from ..explain import Equation
from ..hyper import Hyper
from ..i18n import N_
from ._shared import TORCH, eps, lr, weight_decay
from .base import Optimizer


class AdaDeltaState(NamedTuple):
    h: object
    u: object


class AdaDelta(Optimizer):
    name = "adadelta"
    title = "AdaDelta"
    order = 11
    formula = ("h ← ρ·h + (1−ρ)·g²", "Δ = √(u + ε) / √(h + ε) · g", "u ← ρ·u + (1−ρ)·Δ²", "p ← p − η·Δ")
    hypers = (lr(1.0), Hyper("rho", 0.9, 0.0, 1.0, "ρ", N_("decay of both running means, of g² (h) and of the "
                                                            "squared steps (u)")),
              eps(1e-6, N_("small constant added inside both square roots, so the division stays finite")),
              weight_decay(0.0, False))
    fields = ("h", "u")
    field_meanings = {"h": (N_("mean g²"), N_("a decaying mean of the squared gradients, as RMSProp's h")),
                      "u": (N_("mean Δ²"), N_("a decaying mean of the squared steps Δ²"))}
    State = AdaDeltaState
    about = N_("RMSProp divides by √h, the typical gradient size; AdaDelta also multiplies by √u, the typical "
             "size of its recent steps, so a step has the units of p and no learning rate is needed (η "
             "stays at 1). u starts at 0, so the first steps are about √ε in size and grow as u fills.")
    source = TORCH.format("Adadelta", "adadelta") + "; Zeiler, 'ADADELTA: An Adaptive Learning Rate Method', 2012"
    demo = {"lr": 10.0}
    equations = (Equation("g", "g + λ·p", "{g} + {weight_decay}×{p}", result="gd", when="weight_decay"),
                 Equation("h", "ρ·h + (1−ρ)·g²", "{rho}×{h} + (1 − {rho})×{gd}²"),
                 Equation("delta", "√(u + ε) / √(h + ε) · g", "√({u} + {eps})/√({new_h} + {eps})×{gd}",
                          result="delta", label="Δ"),
                 Equation("u", "ρ·u + (1−ρ)·Δ²", "{rho}×{u} + (1 − {rho})×{delta}²"),
                 Equation("p", "p − η·Δ", "{p} − {lr}×{delta}"))
    __slots__ = ()

    def explain_values(self, constant, values):
        wd, eps = self.values["weight_decay"], self.values["eps"]
        g = values["g"] + wd * values["p"] if wd else values["g"]
        return {"gd": g, "delta": math.sqrt(values["u"] + eps) / math.sqrt(values["new_h"] + eps) * g}

    def make_rule(self, ops):
        rho, eps, wd = self.values["rho"], self.values["eps"], self.values["weight_decay"]
        keep, sqrt = 1 - rho, ops.sqrt

        def rule(p, g, s, lr):
            if wd:
                g = g + wd * p
            h = s[0] * rho + keep * g * g
            delta = sqrt(s[1] + eps) / sqrt(h + eps) * g
            u = s[1] * rho + keep * delta * delta
            return p + -lr * delta, (h, u)
        return rule
