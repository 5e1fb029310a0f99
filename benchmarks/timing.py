"""What every benchmark here shares: the median wall time of repeated calls."""

from __future__ import annotations

import statistics
import time

__all__ = ["median_time"]


def median_time(fn, repeats: int) -> float:
    """Seconds: the median of ``repeats`` timed calls of ``fn()``."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
