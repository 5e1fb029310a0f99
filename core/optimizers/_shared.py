"""Hyperparameter declarations that several optimizers share, each written once."""

from __future__ import annotations

from ..hyper import Hyper
from ..i18n import N_

__all__ = ["EPS_IN_DENOMINATOR", "NOTES_EPS", "beta1", "beta2", "eps", "lr", "momentum", "weight_decay"]


def lr(default: float) -> Hyper:
    return Hyper("lr", default, 0.0, 100.0, "η", N_("learning rate: how far one step moves along the gradient"),
                 low_open=True)


def momentum() -> Hyper:
    return Hyper("momentum", 0.9, 0.0, 1.0, "μ",
                 N_("momentum: the fraction of the previous velocity kept at each step"), high_open=True)


NOTES_EPS = Hyper("eps", 1e-7, 0.0, 1.0, "ε", N_("small constant that keeps the division finite when the "
                                                 "accumulated squared gradient is zero"), low_open=True)
#: ε's meaning where it is added to the root of the second moment, as in torch's Adam.
EPS_IN_DENOMINATOR = N_("small constant added to √v̂ in the denominator, so the division stays finite")


def eps(default: float, meaning: str) -> Hyper:
    """ε with its default and its meaning, which says where the optimizer adds it (marked with N_)."""
    return Hyper("eps", default, 0.0, 1.0, "ε", meaning, low_open=True)


def beta1(default: float = 0.9, meaning: str = N_("decay of the running mean of gradients m (the momentum "
                                                 "part)")) -> Hyper:
    return Hyper("beta1", default, 0.0, 1.0, "β₁", meaning, high_open=True)


def beta2(default: float = 0.999, meaning: str = N_("decay of the running mean of squared gradients v (the "
                                                   "RMSProp part)")) -> Hyper:
    return Hyper("beta2", default, 0.0, 1.0, "β₂", meaning, high_open=True)


def weight_decay(default: float, decoupled: bool) -> Hyper:
    """λ: decoupled (shrinks the parameters directly, AdamW and Lion) or L2 (added to the gradient, torch's
    ``weight_decay`` in the other optimizers)."""
    meaning = (N_("decoupled weight decay: each step also shrinks p by η·λ·p, outside the adaptive scaling")
               if decoupled else N_("L2 penalty: λ·p is added to the gradient before the update (0: none)"))
    return Hyper("weight_decay", default, 0.0, 10.0, "λ", meaning)


def lerp(beta: float):
    """m ← lerp(m, g, 1 − β) as torch's CPU kernel computes it (ATen/native/Lerp.h): m + w·(g − m) when
    the weight w = 1 − β is below ½ in size, else g − (g − m)·(1 − w); torch's moments use it."""
    weight = 1 - beta
    if abs(weight) < 0.5:
        return lambda m, g: m + weight * (g - m)
    rest = 1 - weight
    return lambda m, g: g - (g - m) * rest


TORCH = "torch.optim.{} (PyTorch 2.13: its documented algorithm and torch/optim/{}.py, single-tensor path)"
