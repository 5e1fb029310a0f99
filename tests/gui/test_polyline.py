"""gui.polyline: a long path is drawn through few points, and what is drawn stays within a pixel of it.

The distances here are computed independently of the module: the path and the drawing are mapped to
pixels with the view's plain formula, cut into pieces of a fraction of a pixel, and every sample of one
is measured to the nearest segment of the other.  Samples are at most SPACING apart, and a distance to a
set changes by at most as much as the point moves, so a sampled maximum of LIMIT means at most
LIMIT + SPACING / 2 < 1 pixel everywhere.  Samples and pieces are rounded to 1/128 pixel and counted once
(a converging run repeats nearly the same point for ever), which changes a distance by less than 1/64.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.functions import get_function
from core.optimizers import SGD
from core.run import Run
from gui.polyline import Screen, Trail

BOUND = 0.76  # what the module promises: 0.354 (snapping) + 0.4 (simplifying)
SPACING = 0.2  # pixels between samples
GRAIN = 1 / 128  # pixels: samples and pieces are rounded to this
LIMIT = BOUND + 2 * GRAIN  # what is measured of a drawing within BOUND (rounding moves each end 0.0055)
ROSENBROCK = get_function("rosenbrock")
FUNCTION_VIEW = Screen(*ROSENBROCK.view, 800.0, 800.0)


# -- independent geometry ------------------------------------------------------------------------------
def to_pixels(screen: Screen, x, y):
    return ((np.asarray(x) - screen.x0) * (screen.width / (screen.x1 - screen.x0)),
            (np.asarray(y) - screen.y0) * (screen.height / (screen.y1 - screen.y0)))


def path_segments(u, v):
    if len(u) == 1:  # a path of one point: a segment of length 0
        return u, v, u, v
    return u[:-1], v[:-1], u[1:], v[1:]


def drawn_segments(u, v, joins):
    """The segments a connect array draws: point i to point i+1 wherever joins[i]."""
    i = np.flatnonzero(joins[:-1])
    return u[i], v[i], u[i + 1], v[i + 1]


def box_of(screen: Screen) -> tuple[float, float, float, float]:
    """The view in its own pixels: u0, u1, v0, v1."""
    return 0.0, screen.width, 0.0, screen.height


def crop(box, segments, pad: float):
    """The parts of the segments inside the box (u0, u1, v0, v1) widened by ``pad`` pixels (a line's
    points a + t d inside lo..hi on each axis: a t interval; the parts are those of 0..1 in both)."""
    au, av, bu, bv = segments
    t0, t1 = np.zeros(len(au)), np.ones(len(au))
    for a, b, low, high in ((au, bu, box[0], box[1]), (av, bv, box[2], box[3])):
        d = b - a
        moving = d != 0
        with np.errstate(divide="ignore", invalid="ignore"):
            lo, hi = (low - pad - a) / d, (high + pad - a) / d
        t0 = np.where(moving, np.maximum(t0, np.minimum(lo, hi)), t0)
        t1 = np.where(moving, np.minimum(t1, np.maximum(lo, hi)), t1)
        t1 = np.where(~moving & ((a < low - pad) | (a > high + pad)), -1.0, t1)
    keep = t0 <= t1
    au, av, du, dv, t0, t1 = au[keep], av[keep], (bu - au)[keep], (bv - av)[keep], t0[keep], t1[keep]
    return au + t0 * du, av + t0 * dv, au + t1 * du, av + t1 * dv


def pieces(segments, step):
    """The segments cut into pieces at most ``step`` long."""
    au, av, bu, bv = segments
    n = np.maximum(np.ceil(np.hypot(bu - au, bv - av) / step), 1).astype(np.int64)
    owner = np.repeat(np.arange(len(au)), n)
    k = np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)
    t0, t1 = k / n[owner], (k + 1) / n[owner]
    du, dv = (bu - au)[owner], (bv - av)[owner]
    return au[owner] + t0 * du, av[owner] + t0 * dv, au[owner] + t1 * du, av[owner] + t1 * dv


def samples_in(box, segments):
    """Points along the segments at most SPACING apart, those in the box (u0, u1, v0, v1)."""
    cropped = crop(box, segments, 0.0)
    au, av, _, _ = pieces(cropped, SPACING)
    u, v = np.concatenate((au, cropped[2])), np.concatenate((av, cropped[3]))
    inside = (u >= box[0]) & (u <= box[1]) & (v >= box[2]) & (v <= box[3])
    return once(u[inside], v[inside])


def once(*columns):
    """The rows of the columns rounded to GRAIN, each row once."""
    return tuple(np.unique(np.round(np.stack(columns, axis=1) / GRAIN) * GRAIN, axis=0).T)


def point_segment(pu, pv, au, av, bu, bv):
    du, dv = bu - au, bv - av
    length2 = du * du + dv * dv
    t = np.where(length2 > 0, ((pu - au) * du + (pv - av) * dv) / np.where(length2 > 0, length2, 1), 0)
    t = np.clip(t, 0, 1)
    return np.hypot(pu - au - t * du, pv - av - t * dv)


def nearest(points, segments, reach: float = 0.8) -> np.ndarray:
    """Each point's distance to the nearest segment where that is at most ``reach``, else inf.

    Segments are cut into pieces at most ``reach`` long, each filed under every reach-sized square that
    its bounding box widened by ``reach`` touches (at most 4 x 4); a point then needs only its square.
    """
    pu, pv = points
    au, av, bu, bv = once(*pieces(segments, reach))
    lo_u, hi_u = (np.floor((f(au, bu) + s) / reach).astype(np.int64) for f, s in ((np.minimum, -reach),
                                                                                   (np.maximum, reach)))
    lo_v, hi_v = (np.floor((f(av, bv) + s) / reach).astype(np.int64) for f, s in ((np.minimum, -reach),
                                                                                   (np.maximum, reach)))
    keys, ids = [], []
    for du in range(4):
        for dv in range(4):
            ok = (lo_u + du <= hi_u) & (lo_v + dv <= hi_v)
            keys.append(((lo_u + du) * (1 << 32) + lo_v + dv)[ok])
            ids.append(np.flatnonzero(ok))
    key, piece = np.concatenate(keys), np.concatenate(ids)
    order = np.argsort(key, kind="stable")
    key, piece = key[order], piece[order]
    home = np.floor(pu / reach).astype(np.int64) * (1 << 32) + np.floor(pv / reach).astype(np.int64)
    best = np.full(len(pu), np.inf)
    for start in range(0, len(pu), 20_000):  # in batches: a dense path has many pieces per square
        part = slice(start, start + 20_000)
        lo, hi = np.searchsorted(key, home[part]), np.searchsorted(key, home[part], side="right")
        count = hi - lo
        owner = np.repeat(np.arange(len(count)), count) + start
        cand = piece[np.arange(count.sum()) + np.repeat(lo - (np.cumsum(count) - count), count)]
        d = point_segment(pu[owner], pv[owner], au[cand], av[cand], bu[cand], bv[cand])
        has = count > 0
        if has.any():
            best[part][has] = np.minimum.reduceat(d, (np.cumsum(count) - count)[has])
    best[best > reach] = np.inf
    return best


def pixel_distances(box, path, picture) -> tuple[float, float]:
    """In the box (u0, u1, v0, v1), pixels: the farthest a point of the path (u, v) is from the picture
    (u, v, joins), and the farthest a point of the picture is from the path."""
    path = crop(box, path_segments(*path), 2.0)
    picture = crop(box, drawn_segments(*picture), 2.0)
    missed = nearest(samples_in(box, path), picture)
    invented = nearest(samples_in(box, picture), path)
    return (missed.max(initial=0.0), invented.max(initial=0.0))


def distances(screen: Screen, x, y, drawn) -> tuple[float, float]:
    """`pixel_distances` in the screen's view, for a path x, y and a drawing x, y, joins (data units)."""
    picture = (*to_pixels(screen, drawn[0], drawn[1]), drawn[2])
    return pixel_distances(box_of(screen), to_pixels(screen, x, y), picture)


def drawn(screen: Screen, x, y, last=None):
    trail = Trail(screen)
    trail.extend(x, y)
    trail.simplify()
    return trail.polyline(x, y, len(x) - 1 if last is None else last)


def path_length(screen: Screen, x, y) -> float:
    u, v = to_pixels(screen, x, y)
    return float(np.hypot(np.diff(u), np.diff(v)).sum())


def extent(screen: Screen, x, y) -> float:
    """Pixels in the path's bounding box."""
    u, v = to_pixels(screen, x, y)
    return float(np.ptp(u) * np.ptp(v))


def zoom(screen: Screen, cx: float, cy: float, factor: float) -> Screen:
    hw, hh = (screen.x1 - screen.x0) / (2 * factor), (screen.y1 - screen.y0) / (2 * factor)
    return Screen(cx - hw, cx + hw, cy - hh, cy + hh, screen.width, screen.height)


# -- paths ---------------------------------------------------------------------------------------------
def sgd_valley(steps: int = 200_000) -> tuple[np.ndarray, np.ndarray]:
    run = Run(ROSENBROCK, SGD(lr=0.001), (-1.2, 1.0), max_steps=steps, tol=0.0)
    run.advance(steps)
    points = run.history.points()
    return points[:, 0].copy(), points[:, 1].copy()


@pytest.fixture(scope="module")
def valley():
    return sgd_valley()


def random_walk(n=20_000, seed=1):
    steps = np.random.default_rng(seed).normal(scale=0.0005, size=(2, n))  # a tenth of a pixel
    return np.cumsum(steps[0]), 1.0 + np.cumsum(steps[1])


def spiral(n=200_000):
    t = np.linspace(0, 30 * np.pi, n)  # 15 turns, from 1.5 in to 0.3
    r = 1.5 * np.exp(-t / 60)
    return r * np.cos(t), 1.0 + r * np.sin(t)


def zigzag(n=20_000):
    """Momentum across a valley: from side to side, less each time, while drifting along it."""
    k = np.arange(n)
    return -1.8 + 3.6 * np.sqrt(k / n), 1.0 + 0.25 * (-1.0) ** k * np.exp(-k / 1000)


# -- the drawing is true to the path -------------------------------------------------------------------
@pytest.mark.parametrize("make", [random_walk, spiral, zigzag], ids=["random walk", "spiral", "zigzag"])
def test_a_long_path_is_drawn_within_a_pixel_through_few_points(make):
    x, y = make()
    for screen in (FUNCTION_VIEW, zoom(FUNCTION_VIEW, float(x[len(x) // 3]), float(y[len(x) // 3]), 8)):
        picture = drawn(screen, x, y)
        missed, invented = distances(screen, x, y, picture)
        assert missed <= LIMIT and invented <= LIMIT, (screen, missed, invented)
        assert len(picture[0]) <= path_length(screen, x, y) + 20  # at most a point per pixel of path
        assert len(picture[0]) <= 4 * extent(screen, x, y) + 20  # and 4 per pixel of its bounding box
    assert len(drawn(FUNCTION_VIEW, x, y)[0]) < len(x) / 5


def test_sgd_crawling_along_the_valley_is_drawn_where_it_went(valley):
    x, y = valley
    for screen in (FUNCTION_VIEW, zoom(FUNCTION_VIEW, 1.0, 1.0, 10), zoom(FUNCTION_VIEW, -0.9, 0.8, 40),
                   zoom(FUNCTION_VIEW, 0.0, 0.0, 3)):
        picture = drawn(screen, x, y)
        missed, invented = distances(screen, x, y, picture)
        assert missed <= LIMIT and invented <= LIMIT, (screen, missed, invented)
        assert len(picture[0]) <= path_length(screen, x, y) / 2 + 20
    assert len(drawn(FUNCTION_VIEW, x, y)[0]) < 1000  # for 200,001 points


def test_the_old_every_nth_point_drawing_misses_by_many_pixels(valley):
    x, y = valley
    stride = -(-len(x) // 1500)  # what contour_view did past 1,500 points
    old_x, old_y = np.append(x[::stride], x[-1]), np.append(y[::stride], y[-1])
    old = old_x, old_y, np.ones(len(old_x), bool)
    u, v = to_pixels(FUNCTION_VIEW, x[:5000], y[:5000])
    ou, ov = to_pixels(FUNCTION_VIEW, old_x, old_y)
    a_u, a_v, b_u, b_v = drawn_segments(ou, ov, old[2])
    farthest = max(point_segment(pu[:, None], pv[:, None], a_u, a_v, b_u, b_v).min(axis=1).max()
                   for pu, pv in zip(np.array_split(u, 10), np.array_split(v, 10), strict=True))
    assert farthest > 20  # pixels: it cuts the first descent into the valley short
    assert distances(FUNCTION_VIEW, x, y, drawn(FUNCTION_VIEW, x, y))[0] <= LIMIT  # the same test, passed


def test_a_run_that_bounces_for_a_million_steps_is_a_few_segments():
    k = np.arange(1_000_000)
    x = np.where(k % 2 == 0, 0.99014852, 0.98014852)  # RMSProp's last steps on Rosenbrock
    y = np.where(k % 2 == 0, 0.9655426, 0.9755426)
    for screen in (FUNCTION_VIEW, zoom(FUNCTION_VIEW, 0.985, 0.97, 50)):
        picture = drawn(screen, x, y)
        assert len(picture[0]) <= 6
        # as a set of points the path is its first segment, however often it goes back and forth
        assert max(distances(screen, x[:2], y[:2], picture)) <= LIMIT


def test_points_far_off_screen_neither_overflow_nor_bend_what_crosses_the_view():
    x = np.array([-1e10, 1e10, 1e10, 0.0, 3e9, 0.5])
    y = np.array([1.2, 0.7, -1e10, 1e10, -3e9, 1.5])  # every segment but the last crosses the view or not
    screen = zoom(FUNCTION_VIEW, 0.0, 1.0, 100)
    picture = drawn(screen, x, y)
    assert np.isfinite(picture[0]).all() and np.isfinite(picture[1]).all()
    assert max(distances(screen, x, y, picture)) <= LIMIT
    assert len(picture[0]) > 0


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(points=st.lists(st.tuples(st.floats(-4, 4), st.floats(-4, 4)), min_size=1, max_size=30),
       width=st.floats(10, 120), height=st.floats(10, 120), repeat=st.integers(1, 3))
def test_any_path_in_any_view_is_drawn_within_a_pixel(points, width, height, repeat):
    # coordinates in view sizes: some in the view (0..1), most in the margin, the ring or beyond
    x, y = (np.repeat(np.array(c, dtype=float), repeat) for c in zip(*points, strict=True))
    screen = Screen(0.0, 1.0, 0.0, 1.0, width, height)
    missed, invented = distances(screen, x, y, drawn(screen, x, y))
    assert missed <= LIMIT and invented <= LIMIT


# -- growing, shrinking, scrubbing ---------------------------------------------------------------------
def test_growing_a_trail_row_by_row_or_all_at_once_draws_the_same(valley):
    x, y = valley
    whole = Trail(FUNCTION_VIEW)
    whole.extend(x, y)
    whole.simplify()
    growing = Trail(FUNCTION_VIEW)
    rng = np.random.default_rng(3)
    while growing.count < len(x):
        growing.extend(x, y, growing.count + int(rng.integers(1, 9000)))
        growing.simplify(1)  # a block a frame, as the window does
    growing.simplify()
    for a, b in zip(whole.polyline(x, y, len(x) - 1), growing.polyline(x, y, len(x) - 1), strict=True):
        assert np.array_equal(a, b)


def test_a_prefix_is_drawn_as_if_the_path_ended_there(valley):
    x, y = valley
    trail = Trail(zoom(FUNCTION_VIEW, 0.0, 0.5, 2))
    trail.extend(x, y)
    trail.simplify()
    for last in (0, 1, 400, 5000, 123_456):
        alone = drawn(trail.screen, x[: last + 1], y[: last + 1])
        for a, b in zip(trail.polyline(x, y, last), alone, strict=True):
            assert np.array_equal(a, b)
        assert max(distances(trail.screen, x[: last + 1], y[: last + 1], alone)) <= LIMIT


def test_rows_taken_back_and_made_again_differently_are_drawn_anew(valley):
    x, y = valley
    trail = Trail(FUNCTION_VIEW)
    trail.extend(x, y)
    trail.simplify()
    kept = 3000
    other_x, other_y = np.concatenate((x[:kept], x[kept:] * 0.5)), np.concatenate((y[:kept], y[kept:] - 0.4))
    trail.truncate(kept)
    assert trail.count == kept and trail.follows(other_x, other_y)
    trail.extend(other_x, other_y)
    trail.simplify()
    fresh = drawn(FUNCTION_VIEW, other_x, other_y)
    for a, b in zip(trail.polyline(other_x, other_y, len(x) - 1), fresh, strict=True):
        assert np.array_equal(a, b)


def test_a_changed_newest_point_is_noticed():
    x, y = np.linspace(0, 1, 10), np.linspace(0, 1, 10)
    trail = Trail(FUNCTION_VIEW)
    trail.extend(x, y)
    assert trail.follows(x, y)
    assert not trail.follows(np.append(x[:9], 0.5), y)
    assert not trail.follows(x[:5], y[:5])
