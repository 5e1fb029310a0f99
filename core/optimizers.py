"""The lecture notes' six optimizers as pure functions over explicit, immutable state.

Every optimizer is an immutable object holding its hyperparameters, with

* ``init(params) -> state``: the state before the first update, a NamedTuple whose fields are named as
  in the notes (``v``; ``h``; ``m`` and ``v`` plus the step count ``t`` for Adam);
* ``update(grads, state, params) -> (params, state)``: one step, returning new values and never
  modifying its arguments.  ``params`` has shape (..., 2): one start point or a whole batch.

The arithmetic lives in ``make_rule``, written once per coordinate over values that are Python floats for a
single run and numpy arrays for a batch (see `core.numerics`).  It keeps the notes' order of operations,
so that with the notes' settings the results agree with their printouts bit for bit (their Nesterov step
1 is x = 1.4400000000000002), and it rounds exactly where the notes call ``round(..., 4)`` when the
optimizer is built with ``decimals``.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from typing import ClassVar, NamedTuple

import numpy as np

from .hyper import Hyper, InvalidValue
from .numerics import MAX_DECIMALS, NUMPY, PYTHON, ArrayOps, FloatOps
from .settings import DECIMALS

__all__ = [
    "OPTIMIZERS", "SGD", "AdaGrad", "Adam", "Momentum", "Nesterov", "Optimizer", "RMSProp", "get_optimizer",
]


def _lr(default: float) -> Hyper:
    return Hyper("lr", default, 0.0, 100.0, "η", "learning rate: how far one step moves along the gradient",
                 low_open=True)


def _momentum() -> Hyper:
    return Hyper("momentum", 0.9, 0.0, 1.0, "μ",
                 "momentum: the fraction of the previous velocity kept at each step", high_open=True)


EPS = Hyper("eps", 1e-7, 0.0, 1.0, "ε", "small constant that keeps the division finite when the "
            "accumulated squared gradient is zero", low_open=True)


class Optimizer:
    """Base of all optimizers: hyperparameter handling, ``init`` and ``update`` from ``rule``.

    Subclasses declare ``name``, ``title``, ``hypers``, ``fields`` (per-coordinate state fields),
    ``State`` and ``formula``, and implement ``make_rule`` (and ``step_constant`` if a step needs one).
    Instances are immutable;
    `replace` returns a changed copy.
    """

    name: ClassVar[str]
    title: ClassVar[str]
    formula: ClassVar[tuple[str, ...]]
    hypers: ClassVar[tuple[Hyper, ...]]
    fields: ClassVar[tuple[str, ...]] = ()
    counts_steps: ClassVar[bool] = False  # the state carries the update count t (Adam's bias correction)
    #: Whether the notes' code for this optimizer turns the values it touches into numpy floats (its state
    #: starts as numpy zeros or passes through np.sqrt): then their rounding is numpy's after the start.
    notes_numpy: ClassVar[bool] = True
    State: ClassVar[type]

    __slots__ = ("decimals", "values")

    def __init__(self, decimals: int | None = None, **values):
        known = {h.name: h for h in self.hypers}
        for key in values:
            if key not in known:
                raise InvalidValue(f"unknown hyperparameter {key!r} for {self.name} "
                                   f"(choose from {', '.join(known)})")
        checked = {name: h.check(values.get(name, h.default)) for name, h in known.items()}
        if decimals is not None and not isinstance(decimals, int | np.integer):
            raise InvalidValue(f"decimals must be a whole number from 0 to {MAX_DECIMALS}, got {decimals!r}")
        object.__setattr__(self, "values", checked)
        object.__setattr__(self, "decimals", DECIMALS.check(decimals))

    def __getattr__(self, name):
        try:
            return object.__getattribute__(self, "values")[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is immutable; use replace()")

    def __eq__(self, other):
        return (type(self) is type(other) and self.values == other.values
                and self.decimals == other.decimals)

    def __hash__(self):
        return hash((type(self), tuple(self.values.items()), self.decimals))

    def __repr__(self):
        args = ", ".join(f"{k}={v!r}" for k, v in self.values.items())
        tail = "" if self.decimals is None else f", decimals={self.decimals}"
        return f"{type(self).__name__}({args}{tail})"

    def replace(self, **changes) -> Optimizer:
        """A copy with some hyperparameters (or ``decimals``) changed, validated like the constructor."""
        decimals = changes.pop("decimals", self.decimals)
        return type(self)(decimals=decimals, **{**self.values, **changes})

    @classmethod
    def hyper(cls, name: str) -> Hyper:
        for h in cls.hypers:
            if h.name == name:
                return h
        raise InvalidValue(f"unknown hyperparameter {name!r} for {cls.name} "
                           f"(choose from {', '.join(h.name for h in cls.hypers)})")

    @classmethod
    def state_columns(cls) -> tuple[str, ...]:
        """Per-coordinate state as named columns: ``v_x, v_y`` or ``m_x, m_y, v_x, v_y``."""
        return tuple(f"{f}_{axis}" for f in cls.fields for axis in "xy")

    # -- the notes' rounding ------------------------------------------------------------------------
    def rounding_kinds(self, update: int) -> tuple[str, str, str]:
        """Which rounding (PYTHON or NUMPY, see `core.numerics`) the notes' code applies in update number
        ``update`` to (the gradient at the new point, the state, the new parameters); update 0 is the start
        point, where only the gradient is computed.

        The notes start from Python floats (``params = {'x': 0., 'y': 0.}``), so the gradient at the start is
        a Python float, and so is every value of SGD, which never leaves them.  The other optimizers'
        values become numpy floats in their first update (Momentum and Nesterov add ``np.zeros_like``
        velocities to the point; AdaGrad, RMSProp and Adam divide by ``np.sqrt``); only the state of that
        first update is still computed from Python floats alone (a state that starts at ``0.`` and the
        start point's gradient).  From the second update on, everything is numpy's.
        """
        if not self.notes_numpy:
            return PYTHON, PYTHON, PYTHON
        if update <= 0:
            return PYTHON, NUMPY, NUMPY
        return NUMPY, PYTHON if update == 1 else NUMPY, NUMPY

    def ops(self, update: int, arrays: bool = False) -> FloatOps:
        """The arithmetic namespace for update number ``update`` (0: the start), rounding as the notes do
        when this optimizer carries ``decimals``; ArrayOps when ``arrays``, else FloatOps."""
        cls = ArrayOps if arrays else FloatOps
        return cls(self.decimals, *self.rounding_kinds(update))

    # -- the pure interface -------------------------------------------------------------------------
    def init(self, params):
        """The state before the first update, for ``params`` of shape (..., 2)."""
        zeros = np.zeros_like(np.asarray(params, dtype=np.float64))
        fields = tuple(zeros.copy() for _ in self.fields)
        return self.State(*fields, 0) if self.counts_steps else self.State(*fields)

    def state_from_row(self, row: dict):
        """The State recorded in a history row ({"v_x": ..., "v_y": ..., "t": ...}): (2,) arrays, t an int."""
        fields = [np.array([row[f"{name}_x"], row[f"{name}_y"]]) for name in self.fields]
        return self.State(*fields, int(row["t"])) if self.counts_steps else self.State(*fields)

    def update(self, grads, state, params, number: int | None = None):
        """One update: returns ``(new_params, new_state)``; the arguments are left untouched.

        grads and params: arrays of shape (..., 2); state: as returned by `init` or `update`.  number: which
        update this is (1 for the first), for the notes' rounding (`rounding_kinds`); by default the state's
        step count where it has one, else a later update.
        """
        params = np.asarray(params, dtype=np.float64)
        grads = np.asarray(grads, dtype=np.float64)
        t = state.t + 1 if self.counts_steps else 0
        if number is None:
            number = t if self.counts_steps else 2
        per_coordinate = tuple(np.asarray(getattr(state, f), dtype=np.float64) for f in self.fields)
        rule = self.make_rule(self.ops(number, arrays=True))
        (c,) = self.step_constants(t if self.counts_steps else number, 1)
        new_params, new_fields = rule(params, grads, per_coordinate, c)
        new_params = np.asarray(new_params, dtype=np.float64)
        new_fields = tuple(np.asarray(v, dtype=np.float64) for v in new_fields)
        new_state = self.State(*new_fields, t) if self.counts_steps else self.State(*new_fields)
        return new_params, new_state

    def derived(self, state) -> dict[str, tuple[str, object]]:
        """Quantities a teacher explains, computed from the state after an update.

        Returns {name: (meaning, value)} where value is a float or an (x, y) pair.  Empty by default.
        """
        return {}

    # -- what subclasses write ----------------------------------------------------------------------
    def step_constants(self, first: int, count: int) -> Iterable:
        """What the rule needs that changes from step to step, for updates first..first+count-1 (1-based).

        None for each step unless the optimizer depends on the step count (Adam's bias-corrected
        learning rate).  Computed a block at a time because the single-run loop iterates over them.
        """
        return itertools.repeat(None, count)

    def make_rule(self, ops):
        """The update of one coordinate, as ``rule(p, g, s, c) -> (p, s)``.

        p and g are the coordinate's parameter and gradient, s the tuple of its state fields (in
        ``fields`` order), c this update's entry of `step_constants`.  All are Python floats when
        ``ops`` is a FloatOps and numpy arrays of one shape when it is an ArrayOps: the one piece of
        arithmetic that every code path shares.  Hyperparameters and ``ops`` are bound once, here.
        Where the notes round, the rule calls ``ops.round_state`` and ``ops.round_params``.
        """
        raise NotImplementedError


class SGDState(NamedTuple):
    pass


class SGD(Optimizer):
    name = "sgd"
    title = "SGD"
    formula = ("p ← p − η·g",)
    hypers = (_lr(0.01),)
    State = SGDState
    notes_numpy = False  # the notes' SGD only ever adds Python floats to Python floats
    __slots__ = ()

    def make_rule(self, ops):
        lr = self.values["lr"]

        def rule(p, g, s, c):
            return p - lr * g, s
        return rule

    def derived(self, state):
        lr = self.values["lr"]
        return {"step_size": ("factor the gradient was multiplied by: η", (lr, lr))}


class MomentumState(NamedTuple):
    v: object


class Momentum(Optimizer):
    name = "momentum"
    title = "Momentum"
    formula = ("v ← μ·v − η·g", "p ← p + v")
    hypers = (_lr(0.01), _momentum())
    fields = ("v",)
    State = MomentumState
    __slots__ = ()

    def make_rule(self, ops):
        lr, mu = self.values["lr"], self.values["momentum"]

        def rule(p, g, s, c):
            v = mu * s[0] - lr * g
            return p + v, (v,)
        return rule

    def derived(self, state):
        lr = self.values["lr"]
        return {"step_size": ("factor the gradient was multiplied by: η", (lr, lr))}


class NesterovState(NamedTuple):
    v: object


class Nesterov(Optimizer):
    """The notes' form of Nesterov's accelerated gradient, which needs only the gradient at p."""

    name = "nesterov"
    title = "Nesterov"
    formula = ("p ← p + μ²·v − (1+μ)·η·g", "v ← μ·v − η·g")
    hypers = (_lr(0.01), _momentum())
    fields = ("v",)
    State = NesterovState
    __slots__ = ()

    def make_rule(self, ops):
        lr, mu = self.values["lr"], self.values["momentum"]
        mu2, lr_ahead = mu * mu, (1 + mu) * lr  # the notes multiply these out first, left to right

        def rule(p, g, s, c):
            v = s[0]
            p = p + mu2 * v
            p = p - lr_ahead * g
            return p, (v * mu - lr * g,)
        return rule

    def derived(self, state):
        step = (1 + self.values["momentum"]) * self.values["lr"]
        return {"step_size": ("factor the gradient was multiplied by: (1+μ)·η", (step, step))}


class AdaGradState(NamedTuple):
    h: object


def _per_coordinate_step(lr, h, eps, sqrt=math.sqrt):
    return tuple(lr / (sqrt(float(hi)) + eps) for hi in h)


class AdaGrad(Optimizer):
    name = "adagrad"
    title = "AdaGrad"
    formula = ("h ← h + g²", "p ← p − η·g / (√h + ε)")
    hypers = (_lr(0.01), EPS)
    fields = ("h",)
    State = AdaGradState
    __slots__ = ()

    def make_rule(self, ops):
        lr, eps = self.values["lr"], self.values["eps"]
        rs, rp, sqrt = ops.round_state, ops.round_params, ops.sqrt

        def rule(p, g, s, c):
            h = rs(s[0] + g * g)
            return rp(p - lr * g / (sqrt(h) + eps)), (h,)
        return rule

    def derived(self, state):
        step = _per_coordinate_step(self.values["lr"], state.h, self.values["eps"])
        return {"step_size": ("factor the gradient was multiplied by: η / (√h + ε)", step)}


class RMSPropState(NamedTuple):
    h: object


class RMSProp(Optimizer):
    name = "rmsprop"
    title = "RMSProp"
    formula = ("h ← γ·h + (1−γ)·g²", "p ← p − η·g / (√h + ε)")
    hypers = (_lr(0.01),
              Hyper("gamma", 0.75, 0.0, 1.0, "γ", "forgetting factor (decay rate): the larger, the more the "
                    "past squared gradients count", high_open=True),
              EPS)
    fields = ("h",)
    State = RMSPropState
    __slots__ = ()

    def make_rule(self, ops):
        lr, gamma, eps = self.values["lr"], self.values["gamma"], self.values["eps"]
        keep_new = 1 - gamma
        rs, rp, sqrt = ops.round_state, ops.round_params, ops.sqrt

        def rule(p, g, s, c):
            h = rs(gamma * s[0] + keep_new * g * g)
            return rp(p - lr * g / (sqrt(h) + eps)), (h,)
        return rule

    def derived(self, state):
        step = _per_coordinate_step(self.values["lr"], state.h, self.values["eps"])
        return {"step_size": ("factor the gradient was multiplied by: η / (√h + ε)", step)}


class AdamState(NamedTuple):
    m: object
    v: object
    t: int


class Adam(Optimizer):
    name = "adam"
    title = "Adam"
    formula = ("m ← β₁·m + (1−β₁)·g", "v ← β₂·v + (1−β₂)·g²",
               "lr_t = η·√(1−β₂ᵗ) / (1−β₁ᵗ)", "p ← p − lr_t·m / √(v + ε)")
    hypers = (_lr(0.001),
              Hyper("beta1", 0.9, 0.0, 1.0, "β₁", "decay of the running mean of gradients m (the momentum "
                    "part)", high_open=True),
              Hyper("beta2", 0.999, 0.0, 1.0, "β₂", "decay of the running mean of squared gradients v (the "
                    "RMSProp part)", high_open=True),
              EPS)
    fields = ("m", "v")
    counts_steps = True
    State = AdamState
    __slots__ = ()

    def lr_t(self, t: int) -> float:
        """The bias-corrected learning rate of update number t (t >= 1), as the notes compute it."""
        return self.step_constants(t, 1)[0]

    def step_constants(self, first, count):
        lr, b1, b2, sqrt = self.values["lr"], self.values["beta1"], self.values["beta2"], math.sqrt
        return [lr * sqrt(1.0 - b2**t) / (1.0 - b1**t) for t in range(first, first + count)]

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

    def derived(self, state):
        if state.t < 1:
            return {}
        lr_t = self.lr_t(state.t)
        eps = self.values["eps"]
        step = tuple(lr_t / math.sqrt(float(vi) + eps) for vi in state.v)
        return {"lr_t": ("bias-corrected learning rate of this step: η·√(1−β₂ᵗ)/(1−β₁ᵗ)", lr_t),
                "step_size": ("factor m was multiplied by: lr_t / √(v + ε)", step)}


OPTIMIZERS: dict[str, type[Optimizer]] = {cls.name: cls for cls in (SGD, Momentum, Nesterov, AdaGrad, RMSProp, Adam)}


def get_optimizer(name: str) -> type[Optimizer]:
    """The optimizer class called ``name`` (case-insensitive), or InvalidValue listing the choices."""
    try:
        return OPTIMIZERS[name.strip().lower()]
    except KeyError:
        raise InvalidValue(f"unknown optimizer {name!r} (choose from {', '.join(OPTIMIZERS)})") from None
