"""Read the ten-step tables out of the lecture notes, as printed, for the tests to compare against.

Each table is a notebook cell that builds an optimizer (``adam = Adam(lr=0.9)``) followed by its printed
output: an initial line and numbered step lines of ``name={'x': X, 'y': Y}`` groups and ``func=F``.  Some
lines in the notes are cut off; only the groups printed in full are returned.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

NOTES = Path(__file__).resolve().parents[1] / "data" / "lecture_notes_optimizers.txt"

_CONSTRUCTOR = re.compile(r"^\w+ = (SGD|Momentum|Nesterov|AdaGrad|RMSProp|Adam)\((.*)\)\s*$")
_GROUP = re.compile(r"(\w+)=\{'x': ([-0-9.e]+), 'y': ([-0-9.e]+)\}")
_FUNC = re.compile(r"func=(-?\d+\.\d{4})\s*$")
_ROW = re.compile(r"^(초기값|(\d+)회 시행): ")
# the notes' constructors take the learning rate first
_POSITIONAL = {"SGD": ["lr"], "AdaGrad": ["lr"], "Momentum": ["lr", "momentum"], "Nesterov": ["lr", "momentum"],
               "RMSProp": ["lr", "gamma"], "Adam": ["lr", "beta1", "beta2"]}


@dataclass
class NotesRow:
    step: int  # 0 for the initial line, i for "i회 시행" (after i updates)
    groups: dict[str, tuple[float, float]]  # params, grads, v, h, m ... as printed in full
    func: str | None  # f formatted with four decimals, as printed


@dataclass
class NotesTable:
    optimizer: str  # the notes' class name
    hyperparameters: dict[str, float]
    rows: list[NotesRow]


def _arguments(cls: str, text: str) -> dict[str, float]:
    call = ast.parse(f"f({text})", mode="eval").body
    values = {name: ast.literal_eval(arg) for name, arg in zip(_POSITIONAL[cls], call.args, strict=False)}
    values.update({kw.arg: ast.literal_eval(kw.value) for kw in call.keywords})
    return {k: float(v) for k, v in values.items()}


def _row(line: str) -> NotesRow | None:
    head = _ROW.match(line)
    if not head:
        return None
    step = 0 if head.group(2) is None else int(head.group(2))
    groups = {name: (float(x), float(y)) for name, x, y in _GROUP.findall(line)}
    func = _FUNC.search(line)
    return NotesRow(step, groups, func.group(1) if func else None)


def read_tables(path: Path = NOTES) -> list[NotesTable]:
    tables: list[NotesTable] = []
    current: NotesTable | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        built = _CONSTRUCTOR.match(line.strip())
        if built:
            current = NotesTable(built.group(1), _arguments(built.group(1), built.group(2)), [])
            tables.append(current)
            continue
        row = _row(line.strip())
        if row is not None and current is not None:
            current.rows.append(row)
    return [t for t in tables if t.rows]
