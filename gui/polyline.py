"""Long trajectories drawn as few segments that stay within a pixel of the true path.

A run of a million steps cannot be drawn point by point every frame, and keeping every n-th point cuts
straight across curves.  Instead, in pixels:

1. **Snap.**  Each point moves to the centre of its cell in a grid of square cells of side `FINE_CELL`
   = 1/2 laid over the view, so by at most half the diagonal, 0.354 pixel.  A segment whose two ends move
   by at most d stays, point for point, within d of the true one ((1-t)a' + tb' - ((1-t)a + tb) is an
   average of the two moves), so the snapped path is within 0.354 pixel of the true one both ways (a
   Hausdorff distance).  Steps inside one cell snap to nothing, and a segment between two cells is kept
   once however often the path goes back and forth between them: a million steps that circle or bounce
   around a minimum become a handful of segments.
2. **Simplify.**  Douglas–Peucker, at `TOLERANCE` = 0.4 pixel, takes out the staircase that snapping
   leaves along a smooth curve: every snapped point it drops is within 0.4 pixel of the chord that
   replaces it, so the whole chord is too (the distance to a segment is convex), and every point of the
   chord is within 0.4 pixel of the snapped path (the path crosses the chord's normal there).
3. **Clip.**  Only what can be seen is drawn at that detail: segments are cut (Liang–Barsky) to the
   view widened by `MARGIN` on each side.  In a ring reaching `REACH` view sizes further out, a coarse
   grid (`COARSE_CELL`, `COARSE_TOLERANCE`) draws the path roughly, so that a pan or zoom out shows it
   until it is drawn again for the new view; beyond that, nothing.

Within the view, then, the drawn path and the true one are at most 0.354 + 0.4 < 0.76 pixel apart, both
ways, plus float64 rounding.  Nothing else reaches the view: a coarse point is within 4/√2 + 2 < 4.9
pixels of a true point outside the margin, which is at least 8 pixels wide; a snapped point whose cell
is the end of no drawn segment is either the path's first or last point, each drawn exactly and joined to
its cell's centre, or in a run of steps that leaves the margin without leaving its cell, so less than a
cell's diagonal from the margin's edge, outside the view.

`Trail` keeps this up to date for a path that grows: appended rows are snapped and merged into what is
there, rows taken away are forgotten, any prefix (steps 0..last) can be drawn without redoing anything,
and simplifying is done a bounded piece at a time (`Trail.simplify`), what is not yet simplified being
drawn as snapped.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise

import numpy as np

__all__ = ["BLOCK", "CHUNK", "COARSE_CELL", "FINE_CELL", "MARGIN", "REACH", "TOLERANCE", "Screen", "Trail"]

FINE_CELL = 0.5  #: pixels: a snapped point moves at most half the diagonal, 0.354 pixel
TOLERANCE = 0.4  #: pixels that Douglas–Peucker may move the snapped path in the view (and margin)
COARSE_CELL, COARSE_TOLERANCE = 4.0, 2.0  #: the same beyond the margin, where nothing is seen until a pan
MARGIN = 0.25  #: of the view's width (height) on each side drawn in full: a small pan needs no redraw
MARGIN_MIN = 8.0  #: pixels, at least: more than a coarse point moves (4/√2 + 2)
REACH = 2.0  #: view widths (heights) beyond the margin on each side drawn coarsely; nothing further out
CHUNK = 1 << 16  #: points snapped at once, so that the temporary arrays stay in the processor's cache
BLOCK = 256  #: snapped segments simplified together (the newest, fewer, are drawn as snapped)


@dataclass(frozen=True)
class Screen:
    """A view: data x0..x1 × y0..y1 shown on width × height pixels (x1 > x0, y1 > y0, sizes > 0).

    Pixel coordinates u, v count from the view's corner (x0, y0); v grows with y (a mirror image of the
    screen's, which changes no distance).
    """

    x0: float
    x1: float
    y0: float
    y1: float
    width: float
    height: float

    @property
    def scale(self) -> tuple[float, float]:
        """Pixels per data unit in x and in y."""
        return self.width / (self.x1 - self.x0), self.height / (self.y1 - self.y0)

    def pixels(self, x, y):
        kx, ky = self.scale
        return (x - self.x0) * kx, (y - self.y0) * ky

    def data(self, u, v):
        kx, ky = self.scale
        return self.x0 + u / kx, self.y0 + v / ky


@dataclass(frozen=True)
class _Grid:
    """Square cells of side ``cell`` pixels over the box u0..u1 × v0..v1 (pixels), numbered u-major;
    paths drawn through their centres are simplified at ``tolerance`` pixels."""

    u0: float
    v0: float
    u1: float
    v1: float
    cell: float
    tolerance: float

    @cached_property
    def shape(self) -> tuple[int, int]:
        return int((self.u1 - self.u0) // self.cell) + 1, int((self.v1 - self.v0) // self.cell) + 1

    def holds(self, u: float, v: float) -> bool:
        return self.u0 <= u <= self.u1 and self.v0 <= v <= self.v1

    def keys(self, u: np.ndarray, v: np.ndarray) -> np.ndarray:
        """The cell of each point of the box (int64); clipped, so a point on the edge counts as inside."""
        nx, ny = self.shape
        cx, cy = (u - self.u0) / self.cell, (v - self.v0) / self.cell
        for c, n in ((cx, nx), (cy, ny)):  # in place: this runs over every point of a long run
            np.floor(c, out=c)
            np.clip(c, 0, n - 1, out=c)
        cx *= ny
        cx += cy
        return cx.astype(np.int64)  # exact: fewer than 2**53 cells

    def centres(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        cx, cy = np.divmod(keys, self.shape[1])
        return self.u0 + (cx + 0.5) * self.cell, self.v0 + (cy + 0.5) * self.cell

    def centre(self, u: float, v: float) -> tuple[float, float]:
        """The centre of one point's cell, as `keys` and `centres` find it."""
        (nx, ny), c = self.shape, self.cell
        cx = min(max(math.floor((u - self.u0) / c), 0), nx - 1)
        cy = min(max(math.floor((v - self.v0) / c), 0), ny - 1)
        return self.u0 + (cx + 0.5) * c, self.v0 + (cy + 0.5) * c


def _grids(screen: Screen) -> tuple[_Grid, _Grid]:
    """The fine grid over the view and its margin, and the coarse one over the ring around it."""
    w, h = screen.width, screen.height
    mx, my = max(MARGIN * w, MARGIN_MIN), max(MARGIN * h, MARGIN_MIN)
    fine = _Grid(-mx, -my, w + mx, h + my, FINE_CELL, TOLERANCE)
    rx, ry = mx + REACH * w, my + REACH * h
    coarse = _Grid(-rx, -ry, w + rx, h + ry, COARSE_CELL, COARSE_TOLERANCE)
    for grid in (fine, coarse):
        nx, ny = grid.shape
        if (nx * ny) ** 2 >= 2 ** 63:  # a pair of cells is one int64
            raise ValueError(f"a view of {w:g} x {h:g} pixels is too large to draw")
    return fine, coarse


def _outcodes(u: np.ndarray, v: np.ndarray, g: _Grid) -> np.ndarray:
    """Which sides of the box each point is beyond: bits 1 left, 2 right, 4 below, 8 above (0 inside)."""
    code = (u < g.u0).view(np.uint8) | ((u > g.u1).view(np.uint8) << 1)
    code |= ((v < g.v0).view(np.uint8) << 2) | ((v > g.v1).view(np.uint8) << 3)
    return code


def _clip(u, v, j: np.ndarray, g: _Grid) -> tuple[np.ndarray, np.ndarray]:
    """Liang–Barsky: the part t0..t1 (0 <= t <= 1) inside the box of each segment j, from point j to
    point j+1 of u, v.  Empty parts come out with t0 >= t1."""
    t0, t1 = np.zeros(len(j)), np.ones(len(j))
    with np.errstate(divide="ignore", invalid="ignore"):
        for p, lo, hi in ((u, g.u0, g.u1), (v, g.v0, g.v1)):
            start, d = p[j], p[j + 1] - p[j]
            a, b = (lo - start) / d, (hi - start) / d
            still = d == 0  # parallel to these two sides: all in or all out
            outside = still & ((start < lo) | (start > hi))
            t0 = np.maximum(t0, np.where(still, np.where(outside, 2.0, 0.0), np.minimum(a, b)))
            t1 = np.minimum(t1, np.where(still, 1.0, np.maximum(a, b)))
    return t0, t1


@dataclass
class _Pieces:
    """Parts of segments: segment j's points t0..t1 (t runs from point j to point j+1)."""

    j: np.ndarray
    t0: np.ndarray
    t1: np.ndarray

    def ends(self, u: np.ndarray, v: np.ndarray):
        """The pieces' ends in pixels (u, v: the points).  An end at t = 0 or 1 is the point itself, bit
        for bit, so that the two pieces meeting there fall in the same cell."""
        i = self.j
        du, dv = u[i + 1] - u[i], v[i + 1] - v[i]
        au = np.where(self.t0 == 0, u[i], u[i] + self.t0 * du)
        av = np.where(self.t0 == 0, v[i], v[i] + self.t0 * dv)
        bu = np.where(self.t1 == 1, u[i + 1], u[i] + self.t1 * du)
        bv = np.where(self.t1 == 1, v[i + 1], v[i] + self.t1 * dv)
        return au, av, bu, bv


_NO_PIECES = _Pieces(np.empty(0, np.int64), np.empty(0), np.empty(0))


@dataclass
class _Cut:
    """What one grid draws of the segments: all of those where ``whole`` (a mask) is set, and ``pieces``."""

    whole: np.ndarray
    pieces: _Pieces


def _split(u, v, fine: _Grid, coarse: _Grid) -> tuple[_Cut, _Cut]:
    """Cut the segments between consecutive points of u, v (pixels) into their parts in the fine box and
    their parts in the coarse ring around it; segment j runs from point j to point j+1."""
    if u.min() >= fine.u0 and u.max() <= fine.u1 and v.min() >= fine.v0 and v.max() <= fine.v1:
        # the common case while playing in a view that shows the whole run
        inside = np.ones(len(u) - 1, bool)
        return _Cut(inside, _NO_PIECES), _Cut(~inside, _NO_PIECES)
    cf = _outcodes(u, v, fine)
    inside = (cf[:-1] | cf[1:]) == 0
    cross = np.flatnonzero(~inside & ((cf[:-1] & cf[1:]) == 0))  # not both beyond the same side
    f0, f1 = _clip(u, v, cross, fine)
    hit = f0 < f1
    fine_cut = _Cut(inside, _Pieces(cross[hit], f0[hit], f1[hit]))
    return fine_cut, _ring(u, v, coarse, ~inside, fine_cut.pieces)


def _ring(u, v, coarse: _Grid, out: np.ndarray, fine: _Pieces) -> _Cut:
    """The parts in the coarse box of the segments ``out`` (a mask: not all in the fine box), less their
    fine parts: one piece before the fine part and one after it."""
    cc = _outcodes(u, v, coarse)
    whole = out & ((cc[:-1] | cc[1:]) == 0)
    whole[fine.j] = False
    rest = np.flatnonzero(out & ~whole & ((cc[:-1] & cc[1:]) == 0))
    g0, g1 = _clip(u, v, rest, coarse)
    h0, h1 = np.full(len(rest), 2.0), np.full(len(rest), 2.0)  # no fine part: "before" it is all
    at = np.searchsorted(rest, fine.j)  # a segment that meets the fine box is one of these
    h0[at], h1[at] = fine.t0, fine.t1
    t0 = np.stack((g0, np.maximum(g0, h1)), axis=1).ravel()
    t1 = np.stack((np.minimum(g1, h0), g1), axis=1).ravel()
    keep = t0 < t1
    return _Cut(whole, _Pieces(np.repeat(rest, 2)[keep], t0[keep], t1[keep]))


def _merge(j1: np.ndarray, cols1, j2: np.ndarray, cols2):
    """Merge two lists sorted by j (their own columns alongside), equal j's of the second after the
    first's, in linear time."""
    at = np.searchsorted(j1, j2, side="right") + np.arange(len(j2))
    into = np.ones(len(j1) + len(j2), bool)
    into[at] = False
    merged = []
    for c1, c2 in zip((j1, *cols1), (j2, *cols2), strict=True):
        out = np.empty(len(into), c1.dtype)
        out[into], out[at] = c1, c2
        merged.append(out)
    return merged


def _distance(pu, pv, au, av, bu, bv) -> np.ndarray:
    """From each point p to the segment a-b beside it (pixels)."""
    du, dv = bu - au, bv - av
    length2 = du * du + dv * dv
    t = ((pu - au) * du + (pv - av) * dv) / np.where(length2 > 0, length2, 1.0)
    np.clip(t, 0.0, 1.0, out=t)
    return np.hypot(pu - au - t * du, pv - av - t * dv)


def _simplify(u: np.ndarray, v: np.ndarray, joins: np.ndarray, tolerance: float) -> np.ndarray:
    """Douglas–Peucker on each run of joined points, all runs at once, one depth of the recursion per
    pass: the points to keep (a mask), every dropped one within ``tolerance`` of its chord.

    A chord is cut at its farthest point if that is in its middle half, else in the middle: at most
    log(n)/log(4/3) passes, where plain Douglas–Peucker can need one pass per point.
    """
    keep = ~joins  # the last point of each run
    keep[1:] |= ~joins[:-1]  # and the first
    keep[:1] = True
    settled = np.zeros(len(u), bool)  # inside a chord already accepted
    while True:
        ends = np.flatnonzero(keep)
        a, b = ends[:-1], ends[1:]
        open_ = (b - a > 1) & joins[a]
        open_[open_] &= ~settled[a[open_] + 1]
        a, b = a[open_], b[open_]
        if not len(a):
            return keep
        inner = b - a - 1
        owner = np.repeat(np.arange(len(a)), inner)
        point = np.arange(len(owner)) + np.repeat(a + 1 - (np.cumsum(inner) - inner), inner)
        d = _distance(u[point], v[point], u[a[owner]], v[a[owner]], u[b[owner]], v[b[owner]])
        worst = np.maximum.reduceat(d, np.cumsum(inner) - inner)
        far = worst[owner] > tolerance
        settled[point[~far]] = True
        farthest = np.flatnonzero(far & (d == worst[owner]))
        farthest = point[farthest[np.diff(owner[farthest], prepend=-1) != 0]]  # the first in each chord
        a, b = a[worst > tolerance], b[worst > tolerance]
        middle = (4 * (farthest - a) >= b - a) & (4 * (b - farthest) >= b - a)
        keep[np.where(middle, farthest, (a + b) // 2)] = True


class _Level:
    """The distinct segments between cells of one grid, in the order the path first draws them.

    a, b: the cells at the two ends (int64 keys of `grid`); j: the path's segment (from point j to point
    j+1) that first drew it, non-decreasing; seen, seen_j: the sorted keys of the unordered pairs a, b,
    and their j; blocks: the simplified chains of segments 0..BLOCK-1, BLOCK..2*BLOCK-1, ... so far.
    """

    def __init__(self, grid: _Grid):
        self.grid = grid
        self.a = self.b = self.j = self.seen = self.seen_j = np.empty(0, np.int64)
        self.blocks: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self._joined = (0, np.empty(0), np.empty(0), np.empty(0, bool))  # blocks[:n] concatenated

    def _pairs(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        size = self.grid.shape[0] * self.grid.shape[1]
        return np.minimum(a, b) * size + np.maximum(a, b)

    def add(self, cut: _Cut, u: np.ndarray, v: np.ndarray, base: int) -> None:
        """Add what ``cut`` draws of the segments between points u, v (pixels; segment 0 is the path's
        segment ``base``) where it joins two cells not joined before."""
        j, a, b = self._cells(cut, u, v)
        if not len(j):
            return
        pairs = self._pairs(a, b)
        bounce = np.flatnonzero(np.diff(pairs, prepend=-1))  # cheap first pass: back and forth
        _, first = np.unique(pairs[bounce], return_index=True)
        first = np.sort(bounce[first])
        new = first[self._find(pairs[first]) < 0]
        if not len(new):  # back over what is drawn already
            return
        order = np.argsort(pairs[new])
        at = np.searchsorted(self.seen, pairs[new][order])
        self.seen = np.insert(self.seen, at, pairs[new][order])
        self.seen_j = np.insert(self.seen_j, at, j[new][order] + base)
        self.a, self.b = np.concatenate((self.a, a[new])), np.concatenate((self.b, b[new]))
        self.j = np.concatenate((self.j, j[new] + base))

    def _find(self, pairs: np.ndarray) -> np.ndarray:
        """Where each pair is in ``seen`` (-1: not there)."""
        if not len(self.seen):
            return np.full(len(pairs), -1)
        at = np.minimum(np.searchsorted(self.seen, pairs), len(self.seen) - 1)
        return np.where(self.seen[at] == pairs, at, -1)

    def _cells(self, cut: _Cut, u: np.ndarray, v: np.ndarray):
        """The segments that ``cut`` draws from one cell to another, in order: j, cell at t0, cell at t1."""
        w = a = b = np.empty(0, np.int64)
        if cut.whole.any():
            keys = self.grid.keys(u, v)
            drawn = cut.whole & (keys[:-1] != keys[1:])  # most steps of a long run stay in their cell
            # and a run that bounces between two cells goes back over the segment it has just drawn
            drawn[1:] &= ~(cut.whole[:-1] & (keys[2:] == keys[:-2]))
            w = np.flatnonzero(drawn)
            a, b = keys[w], keys[w + 1]
        if not len(cut.pieces.j):
            return w, a, b
        au, av, bu, bv = cut.pieces.ends(u, v)
        pa, pb = self.grid.keys(au, av), self.grid.keys(bu, bv)
        moved = pa != pb
        return _merge(w, (a, b), cut.pieces.j[moved], (pa[moved], pb[moved]))

    def truncate(self, segments: int) -> None:
        """Forget what segments ``segments`` and later drew."""
        k = np.searchsorted(self.j, segments)
        self.a, self.b, self.j = self.a[:k], self.b[:k], self.j[:k]
        pairs = self._pairs(self.a, self.b)
        order = np.argsort(pairs)
        self.seen, self.seen_j = pairs[order], self.j[order]
        del self.blocks[k // BLOCK:]
        self._joined = (0, np.empty(0), np.empty(0), np.empty(0, bool))

    def simplify(self, blocks: int) -> int:
        """Simplify up to ``blocks`` more blocks; returns how many full blocks are still to do."""
        done = len(self.blocks)
        stop = min(len(self.j) // BLOCK, done + blocks)
        if stop > done:
            chains = [self._chain(start, start + BLOCK) for start in range(done * BLOCK, stop * BLOCK, BLOCK)]
            u, v, joins = (np.concatenate([chain[i] for chain in chains]) for i in range(3))
            keep = _simplify(u, v, joins, self.grid.tolerance)  # each chain ends unjoined: simplified apart
            bounds = np.cumsum([0] + [len(chain[0]) for chain in chains])
            for lo, hi in pairwise(bounds):
                mask = keep[lo:hi]
                self.blocks.append((u[lo:hi][mask], v[lo:hi][mask], joins[lo:hi][mask]))
        return len(self.j) // BLOCK - len(self.blocks)

    def drawn(self, segments: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """What the path's first ``segments`` segments drew: points (pixels) and, per point, whether it
        joins the next; simplified as far as done."""
        k = int(np.searchsorted(self.j, segments))
        done = min(len(self.blocks), k // BLOCK)
        if self._joined[0] != done:  # the blocks drawn so far, in one piece: they change rarely
            parts = self.blocks[:done] or [(np.empty(0), np.empty(0), np.empty(0, bool))]
            self._joined = (done, *(np.concatenate([part[i] for part in parts]) for i in range(3)))
        if k == done * BLOCK:
            return self._joined[1:]
        tail = self._chain(done * BLOCK, k)
        return tuple(np.concatenate((self._joined[i + 1], tail[i])) for i in range(3))

    def _chain(self, start: int, stop: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Segments start..stop-1 as points, one shared where a segment starts at the one before's end.

        Where one starts elsewhere, a line joins them if it is itself a segment drawn before that one,
        as it is where the path went back over a single segment (it adds nothing, and a drawing in one
        piece is simplified further and stroked faster).
        """
        a, b, j = self.a[start:stop], self.b[start:stop], self.j[start:stop]
        starts = np.ones(len(a), bool)
        starts[1:] = a[1:] != b[:-1]
        bridged = np.zeros(len(a), bool)
        gap = np.flatnonzero(starts[1:]) + 1
        at = self._find(self._pairs(b[gap - 1], a[gap]))
        bridged[gap] = (at >= 0) & (self.seen_j[at] < j[gap])
        end = np.cumsum(starts + 1) - 1  # where each segment's b goes
        keys = np.empty(end[-1] + 1 if len(a) else 0, np.int64)
        keys[end] = b
        keys[end[starts] - 1] = a[starts]
        joins = np.ones(len(keys), bool)
        joins[end] = np.append(~starts[1:] | bridged[1:], False)
        return (*self.grid.centres(keys), joins)


class Trail:
    """The drawn form of a path of points (x, y) on one screen, kept up to date as the path grows.

    ``count``: the points snapped so far (0..count-1).  `extend` snaps more, `truncate` forgets the last
    ones, `simplify` refines, `polyline` gives what to draw for points 0..last.  The caller passes the
    path's arrays each time and makes sure that rows already snapped have not changed since (`follows`
    checks the newest).
    """

    def __init__(self, screen: Screen):
        self.screen = screen
        self.levels = tuple(_Level(grid) for grid in _grids(screen))
        self.count = 0
        self._tail: tuple[float, float] | None = None

    def extend(self, x: np.ndarray, y: np.ndarray, stop: int | None = None) -> None:
        """Snap points count..stop-1 (default: to the end) of x, y (data units, float64, finite)."""
        stop = len(x) if stop is None else min(stop, len(x))
        while self.count < stop:
            first = max(self.count - 1, 0)  # the point before: the segment from it is new too
            end = min(first + CHUNK, stop)
            u, v = self.screen.pixels(x[first:end], y[first:end])
            for level, cut in zip(self.levels, _split(u, v, *(level.grid for level in self.levels)), strict=True):
                level.add(cut, u, v, first)
            self.count = end
        if self.count:
            self._tail = (float(x[self.count - 1]), float(y[self.count - 1]))

    def follows(self, x: np.ndarray, y: np.ndarray) -> bool:
        """Whether x, y still hold the newest point snapped (a cheap guard, not a proof of the rest)."""
        n = self.count
        if n == 0 or self._tail is None:
            return len(x) >= n
        return len(x) >= n and (float(x[n - 1]), float(y[n - 1])) == self._tail

    def truncate(self, count: int) -> None:
        """Forget points count.. (and the segments that reach them)."""
        if count < self.count:
            for level in self.levels:
                level.truncate(max(count - 1, 0))
            self.count, self._tail = count, None

    @property
    def simplified(self) -> bool:
        """Whether every full block of segments is simplified (the newest, fewer than `BLOCK`, never are)."""
        return all(len(level.blocks) == len(level.j) // BLOCK for level in self.levels)

    def simplify(self, blocks: int = 1 << 30) -> bool:
        """Simplify up to ``blocks`` more blocks of `BLOCK` segments; True if there is more to do."""
        return any([level.simplify(blocks) > 0 for level in self.levels])

    def polyline(self, x: np.ndarray, y: np.ndarray, last: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """What to draw for points 0..last (last < count): x, y in data units and, per point, whether a
        line joins it to the next (pyqtgraph's ``connect`` array).  Within the view it is less than
        0.76 pixel from the path, both ways (see the module docstring); points 0 and ``last`` are exact."""
        parts = []
        for level in self.levels:
            u, v, joins = level.drawn(last)
            parts.append((*self.screen.data(u, v), joins))
        parts += [self._exact(float(x[i]), float(y[i])) for i in sorted({0, last})]
        return tuple(np.concatenate([part[k] for part in parts]) for k in range(3))

    def _exact(self, x: float, y: float):
        """The point joined to its cell's centre (nothing if it is outside the fine box)."""
        grid = self.levels[0].grid
        u, v = self.screen.pixels(x, y)
        if not grid.holds(u, v):
            return np.empty(0), np.empty(0), np.empty(0, bool)
        cx, cy = self.screen.data(*grid.centre(u, v))
        return np.array([x, cx]), np.array([y, cy]), np.array([True, False])
