"""The lecture notes' own code, executed from the notes file: the reference for their rounding.

The notes define six optimizer classes and the function ``deriv_f`` in notebook cells.  `load` runs those
cells (and nothing else: no printing loop) in a fresh namespace with numpy, so a test can step the notes'
very code next to GradStep's.  ``decimals`` rewrites the notes' ``round(..., 4)`` to another number of
decimals, or (None) takes rounding out altogether by shadowing ``round`` with the identity.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from .lecture_notes import NOTES

CLASSES = ("SGD", "Momentum", "Nesterov", "AdaGrad", "RMSProp", "Adam")
_CELL = re.compile(r"^In \[\d+\]:\s*$", re.MULTILINE)


def _definition_cells(text: str) -> list[str]:
    """The cells that define a class or a function (their code runs up to the notebook's printed output,
    which starts with 초기값, or the next markdown bullet)."""
    cells = []
    for chunk in _CELL.split(text)[1:]:
        lines = []
        for line in chunk.strip("\n").splitlines():
            if line.startswith(("- ", "초기값")):
                break
            lines.append(line)
        code = "\n".join(lines).strip("\n")
        body = [ln for ln in code.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
        if body and body[0].startswith(("class ", "def ")):
            cells.append(code)
    return cells


def load(decimals: int | None = 4, path: Path = NOTES) -> dict:
    """A namespace holding the notes' classes, ``func`` and ``deriv_f``."""
    source = "\n\n".join(_definition_cells(path.read_text(encoding="utf-8")))
    if decimals is not None:
        source = re.sub(r",\s*4\)", f", {decimals})", source)
    namespace: dict = {"np": np, "__name__": "lecture_notes_code"}
    if decimals is None:
        namespace["round"] = lambda value, _digits=None: value
    exec(compile(source, str(path), "exec"), namespace)  # the project's own test data, not user input
    missing = [name for name in (*CLASSES, "func", "deriv_f") if name not in namespace]
    if missing:
        raise LookupError(f"the notes no longer define {missing}")
    return namespace


def step_notes(namespace: dict, optimizer: str, hyperparameters: dict, start, steps: int):
    """Run the notes' loop: yields (params, grads used, state) after each update, as plain floats.

    state maps the notes' attribute names (v; h; m and v) to (x, y).  Stops early if a value stops being
    finite.
    """
    opt = namespace[optimizer](**hyperparameters)
    params = {"x": float(start[0]), "y": float(start[1])}
    grads = namespace["deriv_f"](params)
    yield (params["x"], params["y"]), (grads["x"], grads["y"]), {}
    with np.errstate(all="ignore"):
        for _ in range(steps):
            opt.update(params, grads)
            state = {name: (float(getattr(opt, name)["x"]), float(getattr(opt, name)["y"]))
                     for name in ("v", "h", "m") if isinstance(getattr(opt, name, None), dict)}
            used = (float(grads["x"]), float(grads["y"]))
            point = (float(params["x"]), float(params["y"]))
            yield point, used, state
            if not np.isfinite([*point, *used, *(c for pair in state.values() for c in pair)]).all():
                return
            grads = namespace["deriv_f"](params)
