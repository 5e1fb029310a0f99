"""Learning-rate schedules: the learning rate each update uses, declared like hyperparameters.

A `Schedule` gives the learning rate of update k (k = 1 for the first update) from the optimizer's own
learning rate η.  With e = k − 1, the number of updates made before it (torch's ``last_epoch`` when
``scheduler.step()`` is called once per update):

* ``constant``: η, the default; it changes nothing, bit for bit.
* ``step``: η·γ^⌊e/step_size⌋, as torch.optim.lr_scheduler.StepLR's closed form.
* ``exponential``: η·γ^e, as ExponentialLR's closed form.
* ``cosine``: η_min + (η − η_min)·(1 + cos(π·e/t_max))/2, as CosineAnnealingLR's closed form (past
  t_max the cosine climbs again, as torch's does).
* ``inverse-time``: η·(1 + γ·e)^(−power), Caffe's ``inv`` learning-rate policy
  (``base_lr * pow(1 + gamma * iter, -power)``, caffe/src/caffe/solvers/sgd_solver.cpp).

Each formula is written with torch's (or Caffe's) operations in torch's order, so it gives the very
floats of its closed form.  ``warmup=K`` (K ≥ 1) puts a linear warm-up before any of them: update k ≤ K
uses η·(k/K), climbing in K equal steps to η at update K; from update K + 1 the schedule runs from its
own beginning (update K + j uses the schedule's rate of update j).  That is torch's
``SequentialLR([LinearLR(start_factor=1/K, total_iters=K−1), schedule], milestones=[K])``.

Rates are computed with + − × ÷ on the learning rate, so η may be a numpy array of learning rates (one
per point of a batch) and each element gets exactly the float a single run with that η gets.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from .i18n import N_, _
from .settings import MAX_STEPS_LIMIT
from .values import InvalidValue, Number, Whole, shown

__all__ = ["CONSTANT", "SCHEDULES", "WARMUP", "Schedule", "ScheduleKind"]

WARMUP = Whole("warmup", "warmup", 0, 0, MAX_STEPS_LIMIT,
               meaning=N_("updates of linear warm-up before the schedule: update k ≤ K uses η·k/K (0: none)"))


@dataclass(frozen=True)
class ScheduleKind:
    """One kind of schedule: its name on the command line, its parameters' declarations, its formula.

    rate(lr, e, values) is the learning rate after e updates (of update e + 1) for the parameters in
    ``values`` (a dict by name).  ``title``, the parameters' meanings and a ``source`` in words are marked
    with N_: show them through ``_``.  A parameter's name is its label, in every language.
    """

    name: str
    title: str
    formula: str
    params: tuple
    rate: Callable = None
    source: str = ""


def _constant(lr, e, v):
    return lr


def _step(lr, e, v):
    return lr * v["gamma"] ** (e // v["step_size"])


def _exponential(lr, e, v):
    return lr * v["gamma"] ** e


def _cosine(lr, e, v):
    eta_min = v["eta_min"]
    return eta_min + (lr - eta_min) * (1 + math.cos(math.pi * e / v["t_max"])) / 2


def _inverse_time(lr, e, v):
    return lr * (1.0 + v["gamma"] * e) ** -v["power"]


def _gamma(default: float, meaning: str) -> Number:
    return Number("gamma", "gamma", default, 0.0, 1.0, meaning, low_open=True)


_KINDS = (
    ScheduleKind("constant", N_("Constant"), "η_k = η", (), _constant),
    ScheduleKind("step", N_("Step decay"), "η_k = η·γ^⌊(k−1)/step_size⌋",
                 (Whole("step_size", "step_size", 10, 1, MAX_STEPS_LIMIT,
                        meaning=N_("updates between two decays")),
                  _gamma(0.1, N_("factor the rate is multiplied by every step_size updates"))),
                 _step, "torch.optim.lr_scheduler.StepLR"),
    ScheduleKind("exponential", N_("Exponential decay"), "η_k = η·γ^(k−1)",
                 (_gamma(0.99, N_("factor the rate is multiplied by at every update")),),
                 _exponential, "torch.optim.lr_scheduler.ExponentialLR"),
    ScheduleKind("cosine", N_("Cosine annealing"), "η_k = η_min + (η − η_min)·(1 + cos(π·(k−1)/t_max))/2",
                 (Whole("t_max", "t_max", 100, 1, MAX_STEPS_LIMIT,
                        meaning=N_("updates from η down to η_min (half a cosine period)")),
                  Number("eta_min", "eta_min", 0.0, 0.0, 100.0, N_("the rate reached after t_max updates"))),
                 _cosine, "torch.optim.lr_scheduler.CosineAnnealingLR"),
    ScheduleKind("inverse-time", N_("Inverse-time decay"), "η_k = η·(1 + γ·(k−1))^(−power)",
                 (Number("gamma", "gamma", 0.01, 0.0, 1e6, N_("how fast the rate falls: the larger, the sooner"),
                         low_open=True),
                  Number("power", "power", 1.0, 0.0, 10.0, N_("exponent: 1 gives η/(1 + γ·e), 0.5 a 1/√ decay"),
                         low_open=True)),
                 _inverse_time, N_("Caffe's 'inv' learning-rate policy")),
)

#: Every kind of schedule by name, in the order a menu shows them.
SCHEDULES: dict[str, ScheduleKind] = {kind.name: kind for kind in _KINDS}


def _kind(name) -> ScheduleKind:
    key = str(name).strip().lower().replace("_", "-")
    if key not in SCHEDULES:
        raise InvalidValue(_("unknown schedule {name} (choose from {choices})").format(
            name=shown(name), choices=", ".join(SCHEDULES)))
    return SCHEDULES[key]


@dataclass(frozen=True, init=False)
class Schedule:
    """A learning-rate schedule: a kind, its parameters and an optional warm-up; immutable and hashable.

    ``Schedule()`` is the constant schedule.  ``Schedule("cosine", t_max=50, warmup=5)``; parameters
    left out take their declared defaults; a wrong one raises InvalidValue naming it.
    """

    kind: str
    params: tuple
    warmup: int

    def __init__(self, kind: str = "constant", warmup: int = 0, **values):
        declared = _kind(kind)
        known = {p.name: p for p in declared.params}
        for key in values:
            if key not in known:
                raise InvalidValue(_("schedule {name}: unknown parameter {key} (choose from {choices})").format(
                    name=declared.name, key=shown(key), choices=", ".join([*known, "warmup"])))
        checked = tuple((name, self._checked(declared, p, values.get(name, p.default))) for name, p in known.items())
        object.__setattr__(self, "kind", declared.name)
        object.__setattr__(self, "params", checked)
        object.__setattr__(self, "warmup", self._checked(declared, WARMUP, warmup))

    @staticmethod
    def _checked(kind: ScheduleKind, declaration, value):
        try:
            return declaration.check(value)
        except InvalidValue as error:
            raise InvalidValue(_("schedule {name}: {error}").format(name=kind.name, error=error)) from None

    @property
    def values(self) -> dict:
        """The kind's parameters by name (warmup apart)."""
        return dict(self.params)

    @property
    def is_constant(self) -> bool:
        """True for the schedule that leaves the learning rate alone."""
        return self.kind == "constant" and self.warmup == 0

    @property
    def declaration(self) -> ScheduleKind:
        return SCHEDULES[self.kind]

    def rate(self, lr, update: int):
        """The learning rate of update number ``update`` (≥ 1) for base rate ``lr`` (a float or an array)."""
        if self.warmup and update <= self.warmup:
            return lr * (update / self.warmup)
        return self.declaration.rate(lr, update - self.warmup - 1, self.values)

    def rates(self, lr, first: int, count: int) -> list:
        """The learning rates of updates first..first+count-1; the constant schedule returns ``lr`` itself."""
        if self.is_constant:
            return [lr] * count
        return [self.rate(lr, k) for k in range(first, first + count)]

    @property
    def formula(self) -> str:
        """The rule in the notation of the formula panel, warm-up included (its words in the current language)."""
        main = self.declaration.formula
        if not self.warmup:
            return main
        return _("η_k = η·k/{warmup} for k ≤ {warmup}; then {schedule}").format(
            warmup=self.warmup, schedule=main.replace("k−1", f"k−{self.warmup + 1}"))

    @property
    def text(self) -> str:
        """The command line's form, which `parse` reads back: ``cosine:t_max=100,eta_min=0.0,warmup=10``."""
        items = [f"{name}={value!r}" for name, value in self.params]
        if self.warmup:
            items.append(f"warmup={self.warmup}")
        return self.kind + (":" + ",".join(items) if items else "")

    def __str__(self) -> str:
        return self.text

    @classmethod
    def parse(cls, text: str) -> Schedule:
        """Read ``NAME[:key=value,...]`` (or just ``warmup=K`` for a constant rate after a warm-up)."""
        text = str(text).strip()
        name, sep, rest = text.partition(":")
        if not sep and "=" in name:
            name, rest = "constant", name
        kind = _kind(name)
        known = {p.name: p for p in (*kind.params, WARMUP)}
        values = {}
        for item in filter(None, (part.strip() for part in rest.split(","))):
            key, eq, value = item.partition("=")
            key = key.strip()
            if not eq or key not in known:
                raise InvalidValue(_("schedule {name}: expected key=value with a key from {keys}, got {value}").format(
                    name=kind.name, keys=", ".join(known), value=shown(item)))
            values[key] = cls._checked(kind, _Parsing(known[key]), value)
        return cls(kind.name, **values)

    def to_json(self) -> dict:
        """The schedule as a JSON object (for session files): {"name": ..., parameters..., "warmup": K}."""
        return {"name": self.kind, **self.values, "warmup": self.warmup}

    @classmethod
    def from_json(cls, value) -> Schedule:
        """Read `to_json`'s object back, each value checked with exactly its declared type."""
        if not isinstance(value, dict) or not isinstance(value.get("name"), str):
            raise InvalidValue(_("a schedule must be an object with a name, got {value}").format(value=shown(value)))
        rest = {k: v for k, v in value.items() if k != "name"}
        return cls(value["name"], **rest)


class _Parsing:
    """A declaration's ``parse`` presented as ``check``, for typed text."""

    def __init__(self, declaration):
        self.declaration = declaration

    def check(self, text):
        return self.declaration.parse(text)


#: The default schedule.
CONSTANT = Schedule()
