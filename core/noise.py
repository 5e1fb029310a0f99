"""Noisy gradients: Gaussian noise of a chosen standard deviation, the same every time it is asked for.

The gradient an update uses is ``g + σ·z``, z a pair of standard normal numbers that depends only on
(seed, stream, step): the step is the point's (row k of a run holds the gradient at the point after k
updates, and z for that gradient is keyed by k), the stream tells independent sequences apart (a single
run uses its Noise's stream, 0 by default; a batch gives each point a stream, see `core.batch`).  So a
step recomputed after stepping back, a session reopened, the CSV and the headless command all see the
same noise, and nothing is drawn from a generator's running state.

How z is made, exactly: the seed goes through numpy's SeedSequence to a 64-bit key; the counter
c = stream·2⁴⁰ + 2·step + lane (lane 0 and 1) picks the output ``mix(key + (c + 1)·φ)`` of SplitMix64
(Steele, Lea & Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014: φ = 0x9E3779B97F4A7C15
and Stafford's mix13 finaliser), a counter-based generator, so any step's numbers are computed directly.
The two 64-bit outputs become u₁ ∈ (0, 1] and u₂ ∈ [0, 1) (their top 53 bits), and Box and Muller's
transform gives z = √(−2 ln u₁)·(cos 2πu₂, sin 2πu₂).  The logarithm, cosine and sine are numpy's on
float64 arrays in every code path (see `core.numerics`), so a single run and a batch agree bit for bit.

**Where the noise enters, relative to the lecture notes' rounding.**  The noisy gradient stands in for
the notes' ``deriv_f``, whose result their code rounds: so with rounding on, the gradient an update uses
is round(g + σ·z), computed from the unrounded g; the recorded true gradient is round(g) as before.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from .i18n import N_, _
from .values import InvalidValue, Number, Whole, shown

__all__ = ["SEED", "SIGMA", "STREAM", "Noise", "standard_normals"]

SIGMA = Number("sigma", N_("the noise's standard deviation"), 0.1, 0.0, 1e6, low_open=True,
               meaning=N_("standard deviation σ of the Gaussian noise added to each gradient component"))
SEED = Whole("seed", N_("the noise seed"), 0, 0, 2**32 - 1, meaning=N_("which noise: the same seed, the same noise"))
#: Streams of one seed: a 2000 × 2000 basin map needs four million.
STREAM = Whole("stream", N_("the noise stream"), 0, 0, 2**24 - 1,
               meaning=N_("which of a seed's independent noise sequences (a batch gives each point its own)"))

_PHI = np.uint64(0x9E3779B97F4A7C15)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_TO_UNIT = 2.0**-53
_TAU = 2.0 * math.pi


def _mix(x: np.ndarray) -> np.ndarray:
    """SplitMix64's output function (Stafford's mix13), on uint64 arrays (which wrap, as intended)."""
    x = (x ^ (x >> np.uint64(30))) * _MIX1
    x = (x ^ (x >> np.uint64(27))) * _MIX2
    return x ^ (x >> np.uint64(31))


def standard_normals(key: int, steps, streams) -> tuple[np.ndarray, np.ndarray]:
    """z for each (stream, step) pair, broadcast: two float64 arrays of standard normal numbers.

    key: the seed's 64-bit key (`Noise.key`); steps and streams: whole numbers ≥ 0 or arrays of them.
    """
    steps = np.atleast_1d(np.asarray(steps, dtype=np.uint64))
    streams = np.atleast_1d(np.asarray(streams, dtype=np.uint64))
    counter = (streams << np.uint64(40)) + (steps << np.uint64(1))
    base = np.uint64(key) + counter * _PHI
    u1 = ((_mix(base + _PHI) >> np.uint64(11)) + np.uint64(1)).astype(np.float64) * _TO_UNIT
    u2 = (_mix(base + _PHI + _PHI) >> np.uint64(11)).astype(np.float64) * _TO_UNIT
    radius = np.sqrt(-2.0 * np.log(u1))
    angle = _TAU * u2
    return radius * np.cos(angle), radius * np.sin(angle)


@dataclass(frozen=True)
class Noise:
    """Gaussian gradient noise: standard deviation ``sigma`` (> 0), ``seed`` and ``stream``; immutable.

    Values are checked against `SIGMA`, `SEED` and `STREAM`; a wrong one raises InvalidValue.
    """

    sigma: float
    seed: int = 0
    stream: int = 0
    key: int = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "sigma", SIGMA.check(self.sigma))
        object.__setattr__(self, "seed", SEED.check(self.seed))
        object.__setattr__(self, "stream", STREAM.check(self.stream))
        key = np.random.SeedSequence(self.seed).generate_state(1, np.uint64)[0]
        object.__setattr__(self, "key", int(key))

    def normals(self, steps, streams=None) -> tuple[np.ndarray, np.ndarray]:
        """z for the gradients at ``steps`` (arrays), in this noise's stream or in ``streams``."""
        return standard_normals(self.key, steps, self.stream if streams is None else streams)

    def replace(self, **changes) -> Noise:
        values = {"sigma": self.sigma, "seed": self.seed, "stream": self.stream, **changes}
        return Noise(**values)

    @property
    def text(self) -> str:
        """``σ = 0.1, seed 0`` (and the stream where it is not 0), in the current language."""
        if self.stream:
            return _("σ = {sigma}, seed {seed}, stream {stream}").format(sigma=f"{self.sigma:g}", seed=self.seed,
                                                                       stream=self.stream)
        return _("σ = {sigma}, seed {seed}").format(sigma=f"{self.sigma:g}", seed=self.seed)

    def to_json(self) -> dict:
        """The noise as a JSON object (for session files)."""
        return {"sigma": self.sigma, "seed": self.seed, "stream": self.stream}

    @classmethod
    def from_json(cls, value) -> Noise:
        """Read `to_json`'s object back, each value checked with exactly its declared type."""
        if not isinstance(value, dict) or set(value) - {"sigma", "seed", "stream"} or "sigma" not in value:
            raise InvalidValue(_("noise must be an object with sigma (and seed, stream), got {value}").format(
                value=shown(value)))
        return cls(**value)
