"""Momentum, the lecture notes' second optimizer: a velocity that remembers past steps."""

from __future__ import annotations

from typing import NamedTuple

from ..explain import Equation
from ..i18n import N_, _
from ._shared import lr, momentum
from .base import Optimizer
from .sgd import NOTES


class MomentumState(NamedTuple):
    v: object


class Momentum(Optimizer):
    name = "momentum"
    title = N_("Momentum")
    order = 2
    formula = ("v ← μ·v − η·g", "p ← p + v")
    hypers = (lr(0.01), momentum())
    fields = ("v",)
    field_meanings = {"v": (N_("velocity"), N_("the velocity: a decaying sum of past steps"))}
    State = MomentumState
    notes_rounding = True
    about = N_("Gradient descent with a velocity v that keeps a fraction μ of the previous step, like a ball "
             "rolling downhill: it speeds up along a steady slope and damps zig-zags across a valley.")
    source = NOTES
    demo = {"lr": 0.05}
    equations = (Equation("v", "μ·v − η·g", "{momentum}×{v} − {lr}×{g}"),
                 Equation("p", "p + v", "{p} + {new_v}"))
    __slots__ = ()

    def make_rule(self, ops):
        mu = self.values["momentum"]

        def rule(p, g, s, lr):
            v = mu * s[0] - lr * g
            return p + v, (v,)
        return rule

    def derived(self, state, update=None):
        rate = self.values["lr"] if update is None else self.learning_rate(update)
        return {**super().derived(state, update),
                "step_size": (_("factor the gradient was multiplied by: {factor}").format(factor="η"), (rate, rate))}
