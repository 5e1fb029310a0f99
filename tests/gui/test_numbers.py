"""Numbers as people read them, and column widths that fit every value (plain pytest, no Qt)."""

import numpy as np
import pytest

from gui.numbers import FULL, READABLE, NumberFormat


@pytest.mark.parametrize(("value", "decimals", "column", "text"), [
    (24.199999999999996, None, "x", "24.2"), (-0.0038999999999997925, None, "x", "-0.0039"),
    (1 / 3, None, "x", "0.3333333333"), (0.03125, 4, "x", "0.03125"),  # the notes print SGD's 0.03125
    (1.4400000000000002, 4, "x", "1.44"), (-16.0, 4, "f", "-16.0000"), (10.0, 4, "x", "10.0"),
    (0.48435200000000034, 4, "x", "0.4844"), (1e-07, None, "x", "1e-07"),
    (1.9424263952412558e130, 4, "f", "1.942426395e+130"), (-2.5e15, 4, "f", "-2.5e+15"),
    (123456789012345.0, 2, "f", "123456789012345.00")])
def test_values_read_as_a_person_writes_them(value, decimals, column, text):
    assert NumberFormat(READABLE, decimals).text(value, column) == text
    assert NumberFormat(FULL, decimals).text(value, column) == repr(value)


def _samples(rng, kind):
    if kind == 0:
        return rng.standard_normal(60) * 10.0 ** rng.integers(-9, 140, 60)
    if kind == 1:
        return np.round(rng.uniform(-20, 20, 60), 4)
    if kind == 2:
        return rng.integers(-64, 64, 60) / 2.0 ** rng.integers(0, 24, 60)  # dyadic, as SGD's steps are
    return np.round(rng.uniform(-1, 1, 60), 4) * 10.0 ** rng.integers(-7, 4, 60)


@pytest.mark.parametrize("mode", [READABLE, FULL, 4, 6, 8])
@pytest.mark.parametrize("decimals", [None, 2, 4, 8])
def test_the_width_of_a_column_fits_every_text_in_it(mode, decimals):
    rng = np.random.default_rng([len(str(mode)), decimals or 0])
    fmt = NumberFormat(mode, decimals)
    for trial in range(120):
        values = _samples(rng, trial % 4)
        for column in ("x", "f"):
            longest = max(len(fmt.text(v, column)) for v in values.tolist())
            assert longest <= fmt.width(values, column), (values, column)


def test_the_width_is_tight_for_the_notes_numbers():
    values = np.array([0.0, 2.0, 0.5, 3.9961, -0.0156, 0.03125, 4.0])
    fmt = NumberFormat(READABLE, 4)
    assert fmt.width(values, "x") == max(len(fmt.text(v, "x")) for v in values)
