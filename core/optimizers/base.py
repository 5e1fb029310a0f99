"""What every optimizer is: pure functions over explicit, immutable state, declared once.

Every optimizer is an immutable object holding its hyperparameters, with

* ``init(params) -> state``: the state before the first update, a NamedTuple of per-coordinate fields
  (``fields``) plus the update count ``t`` where the optimizer counts steps;
* ``update(grads, state, params) -> (params, state)``: one step, returning new values and never
  modifying its arguments.  ``params`` has shape (..., 2): one start point or a whole batch.

The arithmetic lives in ``make_rule``, written once per coordinate over values that are Python floats for a
single run and numpy arrays for a batch (see `core.numerics`).  What changes from update to update (the
learning rate in effect under a `core.schedules.Schedule`, Adam's bias-corrected rate...) comes from
``step_constants``, computed the same way for both.

Besides its hyperparameters an optimizer carries the settings that shape its updates without being
hyperparameters: ``decimals`` (the lecture notes' rounding, which only the notes' six optimizers apply:
``notes_rounding``), ``schedule`` and ``noise`` (`core.noise.Noise`, added to the gradient by the run
before the update sees it).  A run records which optimizer made which update, so changing any of them
mid-run applies from the next update.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import ClassVar

import numpy as np

from ..hyper import Hyper, InvalidValue
from ..i18n import _
from ..noise import Noise
from ..numerics import NUMPY, PYTHON, ArrayOps, FloatOps
from ..schedules import CONSTANT, Schedule
from ..settings import DECIMALS
from ..values import shown

__all__ = ["Optimizer"]


class Optimizer:
    """Base of all optimizers: settings, ``init`` and ``update`` from ``make_rule``.

    A subclass, one per module of this package, declares ``name`` (its key on the command line),
    ``title``, ``order`` (its place in menus: the notes' six first), ``formula`` (lines of its update
    rule), ``hypers``, ``fields`` (per-coordinate state) with ``field_meanings``, ``State``, ``about``
    (why it exists, what its state means, what its hyperparameters do), ``source`` (where its definition
    comes from) and ``demo`` (settings that move every test function visibly within a hundred steps:
    tests and benchmarks use them), and implements ``make_rule`` and, if an update needs more than the
    learning rate in effect, ``constants``.  Instances are immutable; `replace` returns a changed copy.

    The texts a person reads are English, marked with ``N_`` where they are declared (``title`` where it
    is a word rather than a name: Momentum; ``about``; ``field_meanings``; each Hyper's meaning), and
    shown in the current language through `title_text`, `about_text`, `field_text` (and ``_``).
    """

    name: ClassVar[str]
    title: ClassVar[str]
    order: ClassVar[int]
    formula: ClassVar[tuple[str, ...]]
    hypers: ClassVar[tuple[Hyper, ...]]
    fields: ClassVar[tuple[str, ...]] = ()
    #: field -> (short label, meaning), for a state table
    field_meanings: ClassVar[dict[str, tuple[str, str]]] = {}
    #: fields whose value before the first update is not 0 (NAdam's product of momentum coefficients: 1)
    initial: ClassVar[dict[str, float]] = {}
    counts_steps: ClassVar[bool] = False  # the state carries the update count t (bias corrections)
    about: ClassVar[str] = ""
    source: ClassVar[str] = ""
    demo: ClassVar[dict[str, float]] = {}
    #: Whether the lecture notes' rounding (``decimals``) applies: only to the notes' own six optimizers.
    notes_rounding: ClassVar[bool] = False
    #: Whether the notes' code for this optimizer turns the values it touches into numpy floats (its state
    #: starts as numpy zeros or passes through np.sqrt): then their rounding is numpy's after the start.
    notes_numpy: ClassVar[bool] = True
    #: the update written out line by line, for showing it with a step's numbers (see core.explain)
    equations: ClassVar[tuple] = ()
    State: ClassVar[type]

    __slots__ = ("decimals", "noise", "schedule", "values")

    def __init__(self, decimals: int | None = None, *, schedule: Schedule | None = None,
                 noise: Noise | None = None, **values):
        known = {h.name: h for h in self.hypers}
        for key in values:
            if key not in known:
                raise self._unknown(key)
        checked = {name: h.check(values.get(name, h.default)) for name, h in known.items()}
        if decimals is not None and not isinstance(decimals, int | np.integer):
            raise InvalidValue(_("{label} must be a whole number from {range}, got {value}").format(
                label=DECIMALS.label_text, range=DECIMALS.range_text, value=repr(decimals)))
        if schedule is not None and not isinstance(schedule, Schedule):
            raise InvalidValue(_("schedule must be a Schedule, got {value}").format(value=shown(schedule)))
        if noise is not None and not isinstance(noise, Noise):
            raise InvalidValue(_("noise must be a Noise or None, got {value}").format(value=shown(noise)))
        object.__setattr__(self, "values", checked)
        object.__setattr__(self, "decimals", DECIMALS.check(decimals))
        object.__setattr__(self, "schedule", schedule or CONSTANT)
        object.__setattr__(self, "noise", noise)

    def __getattr__(self, name):
        try:
            return object.__getattribute__(self, "values")[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is immutable; use replace()")

    def _key(self):
        return (self.values, self.decimals, self.schedule, self.noise)

    def __eq__(self, other):
        return type(self) is type(other) and self._key() == other._key()

    def __hash__(self):
        return hash((type(self), tuple(self.values.items()), self.decimals, self.schedule, self.noise))

    def __repr__(self):
        args = [f"{k}={v!r}" for k, v in self.values.items()]
        args += [] if self.decimals is None else [f"decimals={self.decimals}"]
        args += [] if self.schedule.is_constant else [f"schedule=Schedule.parse({self.schedule.text!r})"]
        args += [] if self.noise is None else [f"noise={self.noise!r}"]
        return f"{type(self).__name__}({', '.join(args)})"

    def replace(self, **changes) -> Optimizer:
        """A copy with some hyperparameters, ``decimals``, ``schedule`` or ``noise`` changed, checked as the
        constructor checks them."""
        settings = {key: changes.pop(key, getattr(self, key)) for key in ("decimals", "schedule", "noise")}
        return type(self)(**settings, **{**self.values, **changes})

    @classmethod
    def hyper(cls, name: str) -> Hyper:
        for h in cls.hypers:
            if h.name == name:
                return h
        raise cls._unknown(name)

    @classmethod
    def _unknown(cls, name: str) -> InvalidValue:
        return InvalidValue(_("unknown hyperparameter {name} for {optimizer} (choose from {choices})").format(
            name=repr(name), optimizer=cls.name, choices=", ".join(h.name for h in cls.hypers)))

    # -- what a person reads, in the current language -------------------------------------------------
    @classmethod
    def title_text(cls) -> str:
        """The title as menus show it: "모멘텀" for Momentum in Korean; names (Adam, Nesterov) as they are."""
        return _(cls.title)

    @classmethod
    def about_text(cls) -> str:
        return _(cls.about)

    @classmethod
    def field_text(cls, name: str) -> tuple[str, str]:
        """(short label, meaning) of the state field ``name``; ("", "") for a field without them."""
        short, meaning = cls.field_meanings.get(name, ("", ""))
        return _(short), _(meaning)

    @classmethod
    def state_columns(cls) -> tuple[str, ...]:
        """Per-coordinate state as named columns: ``v_x, v_y`` or ``m_x, m_y, v_x, v_y``."""
        return tuple(f"{f}_{axis}" for f in cls.fields for axis in "xy")

    @classmethod
    def rounding_note(cls) -> str:
        """Why the lecture notes' rounding does not apply here (empty for the notes' six, where it does)."""
        if cls.notes_rounding:
            return ""
        return _("Lecture-notes rounding applies to the notes' six optimizers only: {title} is not one of them, "
                 "so its steps are always computed in full precision.").format(title=cls.title_text())

    # -- the notes' rounding ------------------------------------------------------------------------
    @property
    def decimals_in_effect(self) -> int | None:
        """The rounding this optimizer applies: ``decimals`` for the notes' six, None for the others."""
        return self.decimals if self.notes_rounding else None

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
        when this is one of their optimizers and it carries ``decimals``; ArrayOps when ``arrays``."""
        cls = ArrayOps if arrays else FloatOps
        return cls(self.decimals_in_effect, *self.rounding_kinds(update))

    # -- the learning rate in effect ------------------------------------------------------------------
    def learning_rates(self, first: int, count: int, lr=None) -> list:
        """The learning rates of updates first..first+count-1 (1-based) under this optimizer's schedule.

        lr: the base rate, this optimizer's ``lr`` by default, or an array of rates (one per batch point).
        """
        return self.schedule.rates(self.values["lr"] if lr is None else lr, first, count)

    def learning_rate(self, update: int) -> float:
        """The learning rate in effect in update number ``update`` (≥ 1)."""
        return self.learning_rates(update, 1)[0]

    # -- the pure interface -------------------------------------------------------------------------
    def initial_fields(self) -> tuple[float, ...]:
        """Each per-coordinate field's value before the first update, in ``fields`` order."""
        return tuple(float(self.initial.get(name, 0.0)) for name in self.fields)

    def init(self, params):
        """The state before the first update, for ``params`` of shape (..., 2)."""
        shape = np.shape(np.asarray(params, dtype=np.float64))
        fields = tuple(np.full(shape, value) for value in self.initial_fields())
        return self.State(*fields, 0) if self.counts_steps else self.State(*fields)

    def state_from_row(self, row: dict):
        """The State recorded in a history row ({"v_x": ..., "v_y": ..., "t": ...}): (2,) arrays, t an int."""
        fields = [np.array([row[f"{name}_x"], row[f"{name}_y"]]) for name in self.fields]
        return self.State(*fields, int(row["t"])) if self.counts_steps else self.State(*fields)

    def update(self, grads, state, params, number: int | None = None):
        """One update: returns ``(new_params, new_state)``; the arguments are left untouched.

        grads and params: arrays of shape (..., 2); state: as returned by `init` or `update`.  number: which
        update this is (1 for the first), for the notes' rounding (`rounding_kinds`) and the schedule; by
        default the state's step count where it has one, else a later update (pass it with a schedule).
        grads is the gradient the update uses: a run adds its noise before calling this.
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

    def derived(self, state, update: int | None = None) -> dict[str, tuple[str, object]]:
        """Quantities a teacher explains, computed from the state after update number ``update``.

        Returns {name: (meaning, value)} where value is a float or an (x, y) pair; the meaning is in the
        current language.  With ``update`` given
        and a schedule set, it includes the learning rate that update used.
        """
        if update is None or update < 1 or self.schedule.is_constant:
            return {}
        meaning = _("learning rate of this update under the schedule: {formula}").format(formula=self.schedule.formula)
        return {"lr_in_effect": (meaning, self.learning_rate(update))}

    # -- what subclasses write ----------------------------------------------------------------------
    def step_constants(self, first: int, count: int, lr=None) -> Sequence:
        """What the rule needs that changes from update to update, for updates first..first+count-1
        (1-based): by default the learning rate in effect (`learning_rates`), passed through `constants`.

        lr: as for `learning_rates`.  Computed a block at a time because the single-run loop iterates
        over them; with an array ``lr`` every entry is an array of the batch's shape.
        """
        return self.constants(self.learning_rates(first, count, lr), first)

    def explain_values(self, constant, values: dict) -> dict:
        """Named intermediate quantities of one update for its `equations` (see `core.explain`): from
        this update's entry of `step_constants` and the coordinate's ``values``.  None by default."""
        return {}

    def constants(self, rates: list, first: int) -> Sequence:
        """The rule's per-update constants from the learning rates in effect of updates first, first+1...:
        the rates themselves unless the optimizer needs more (Adam's bias-corrected rate)."""
        return rates

    def make_rule(self, ops):
        """The update of one coordinate, as ``rule(p, g, s, c) -> (p, s)``.

        p and g are the coordinate's parameter and gradient, s the tuple of its state fields (in
        ``fields`` order), c this update's entry of `step_constants`.  All are Python floats when
        ``ops`` is a FloatOps and numpy arrays of one shape when it is an ArrayOps: the one piece of
        arithmetic that every code path shares.  Hyperparameters and ``ops`` are bound once, here.
        Where the notes round, the rule calls ``ops.round_state`` and ``ops.round_params``.
        """
        raise NotImplementedError


def per_coordinate_step(lr, h, eps, sqrt=math.sqrt):
    """lr / (√h + ε) for each coordinate's h: the factor AdaGrad and RMSProp multiply the gradient by."""
    return tuple(lr / (sqrt(float(hi)) + eps) for hi in h)
