"""The runs' colours stand apart from the contour fill they are drawn on.

Colour difference is CIE 1976 ΔE*ab between CIELAB colours (sRGB, D65 white), computed here from the
published formulas; a ΔE near 2 is just noticeable, and a line of one colour on a field of another needs
far more to be followed across a classroom.  The Adam run of the notes was drawn sky blue on the fill's
blue basin (ΔE 8.7): it vanished exactly where the runs end.
"""

from __future__ import annotations

import itertools
import math

import pytest

from gui.contour_view import SHADES
from gui.palette import PALETTE

D65 = (0.95047, 1.0, 1.08883)


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    return tuple(int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))


def _lab(rgb) -> tuple[float, float, float]:
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    r, g, b = linear
    xyz = (0.4124 * r + 0.3576 * g + 0.1805 * b, 0.2126 * r + 0.7152 * g + 0.0722 * b,
           0.0193 * r + 0.1192 * g + 0.9505 * b)
    delta = 6 / 29
    fx, fy, fz = (t ** (1 / 3) if t > delta ** 3 else t / (3 * delta ** 2) + 4 / 29
                  for t in (v / w for v, w in zip(xyz, D65, strict=True)))
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e(a, b) -> float:
    return math.dist(_lab(a), _lab(b))


def fill_shades(samples: int = 40) -> list[tuple[float, float, float]]:
    """The fill's colours along its whole ramp (linear between the declared shades, as pyqtgraph mixes)."""
    shades = []
    for (_, c0), (_, c1) in itertools.pairwise(SHADES):
        a, b = _rgb(c0), _rgb(c1)
        shades += [tuple(x + (y - x) * k / samples for x, y in zip(a, b, strict=True)) for k in range(samples + 1)]
    return shades


def test_the_colour_difference_is_the_textbook_one():
    # white against black: L* 100 against 0; sRGB red's L*a*b* as tabulated (53.24, 80.09, 67.20)
    assert delta_e((1, 1, 1), (0, 0, 0)) == pytest.approx(100, abs=0.01)
    assert _lab((1, 0, 0)) == pytest.approx((53.24, 80.09, 67.20), abs=0.05)


@pytest.mark.parametrize("colour", PALETTE[:6])
def test_the_notes_six_runs_stand_apart_from_every_shade_of_the_fill(colour):
    closest = min(delta_e(_rgb(colour), shade) for shade in fill_shades())
    assert closest >= 20, f"{colour} is ΔE {closest:.1f} from the fill"


def test_the_six_colours_differ_from_one_another():
    six = [_rgb(c) for c in PALETTE[:6]]
    assert min(delta_e(a, b) for i, a in enumerate(six) for b in six[i + 1:]) >= 25
