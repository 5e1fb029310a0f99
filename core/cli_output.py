"""What the headless command writes, and how: streamed in chunks, in what the stream's encoding can carry.

**Streaming.**  `stream_steps` advances a run a chunk at a time and hands each chunk's rows to a writer,
draining the run's history (`core.history.History.drain`), so the memory a run uses does not grow with
``--steps``.  `TableWriter` writes the readable table; `core.trajectory_csv.RowWriter` the CSV.

**Encoding.**  A console or a redirected file may not take every character (cp949 on Korean Windows,
ASCII on some terminals): `transliterated` makes the standard streams write a character they cannot
encode in an ASCII spelling (``≤`` as ``<=``, ``β₁`` as ``beta1``) instead of failing, and leaves every
character they can encode, Hangul in cp949 or UTF-8 included, as it is.
"""

from __future__ import annotations

import codecs
import contextlib
import unicodedata
from collections.abc import Callable, Iterator
from itertools import repeat
from typing import IO

import numpy as np

from .run import Run
from .trajectory_csv import header_for

__all__ = ["CHUNK", "ERRORS", "TableWriter", "ascii_spelling", "stream_steps", "transliterated"]

#: Steps advanced between two writes: large enough that a write costs little per row, small enough
#: that a chunk's rows (a few megabytes) never matter.
CHUNK = 65_536

#: The name of the codec error handler registered here; usable as ``errors=`` on any text stream.
ERRORS = "gradstep-ascii"

_SPELLINGS = {
    "−": "-", "–": "-", "—": "-", "²": "^2", "³": "^3", "⁴": "^4", "¹": "^1", "ᵗ": "^t", "≤": "<=",
    "≥": ">=", "≠": "!=", "≈": "~", "η": "eta", "μ": "mu", "γ": "gamma", "ε": "eps", "β": "beta", "√": "sqrt",
    "·": "*", "×": "x", "←": "<-", "→": "->", "π": "pi", "‖": "|", "∇": "grad ", "…": "...", "½": "1/2",
    "▸": ">", "’": "'", "‘": "'", "“": '"', "”": '"', "∞": "inf", "±": "+/-", "λ": "lambda", "⌊": "floor(",
    "⌋": ")", "\u0302": "_hat",
}


def ascii_spelling(character: str) -> str:
    """An ASCII stand-in for one character: the table above, then a Greek letter's name, then the
    character without its accents (``é`` → ``e``), and ``?`` when nothing of it is ASCII."""
    if character in _SPELLINGS:
        return _SPELLINGS[character]
    if "₀" <= character <= "₉":
        return str(ord(character) - ord("₀"))
    name = unicodedata.name(character, "")
    if name.startswith("GREEK SMALL LETTER ") and " " not in name[19:]:
        return name[19:].lower()
    if name.startswith("GREEK CAPITAL LETTER ") and " " not in name[21:]:
        return name[21:].capitalize()
    plain = unicodedata.normalize("NFKD", character).encode("ascii", "ignore").decode("ascii")
    return plain if plain.isprintable() and plain else "?"


def _transliterate(error: UnicodeError) -> tuple[str, int]:
    """The codec error handler: ASCII spellings for the characters the stream's encoding cannot carry."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text, spelled = error.object, []
    for i in range(error.start, error.end):
        spelling = ascii_spelling(text[i])
        after = text[i + 1:i + 2]
        if spelling[-1:].isalpha() and after.isascii() and after.isalpha():
            spelling += " "  # "√h" as "sqrt h", not "sqrth"
        spelled.append(spelling)
    return "".join(spelled), error.end


codecs.register_error(ERRORS, _transliterate)


@contextlib.contextmanager
def transliterated(*streams: IO[str] | None) -> Iterator[None]:
    """Within the block, the text ``streams`` write an ASCII spelling for what their encoding cannot
    carry (see `ascii_spelling`); their error handling is restored afterwards.  Streams that are None
    (closed at start-up) or cannot be reconfigured are left as they are."""
    changed = []
    for stream in streams:
        with contextlib.suppress(AttributeError, OSError, ValueError):
            before = stream.errors
            stream.reconfigure(errors=ERRORS)
            changed.append((stream, before))
    try:
        yield
    finally:
        for stream, before in changed:
            with contextlib.suppress(OSError, ValueError):  # a stream that failed stays failed
                stream.reconfigure(errors=before)


def stream_steps(run: Run, steps: int, write: Callable[[np.ndarray, int], None], chunk: int = CHUNK) -> None:
    """Advance ``run`` by up to ``steps`` steps, ``chunk`` at a time, passing every recorded row, the
    start's included, to ``write(block, first)`` (rows ``first``.. in the history's column order) once.

    The history is drained after each chunk, so it holds a chunk's rows at most, however many steps.
    """
    left = steps
    while True:
        taken = run.advance(min(chunk, left))
        left -= taken
        block = run.history.drain()
        if len(block):
            write(block, len(run.history) - len(block))
        if not taken or not left or run.stopped:
            return


class TableWriter:
    """The readable table: a ``step`` column and every CSV column after it, right-aligned, two spaces
    apart; floats as repr (``f`` to ``decimals`` places when the run rounds).

    Widths are found per chunk and never shrink: a run of one chunk (65,536 steps) gets the widths of its
    longest cells, as a table computed from all rows would; a longer one widens a column at the chunk
    where a longer cell first appears.
    """

    def __init__(self, run: Run, stream: IO[str]):
        self._stream = stream
        header = header_for([run])
        self._head = ["step", *header[4:header.index("decimals")]]  # the steps; the settings are in --list
        position = {c: i for i, c in enumerate(run.history.columns)}
        self._index = [position[c] for c in self._head[1:]]
        decimals = run.decimals
        self._formats = [f"{{:.{decimals}f}}".format if c == "f" and decimals is not None else repr
                         for c in self._head[1:]]
        self._widths: list[int] | None = None

    def write(self, block: np.ndarray, first: int) -> None:
        columns = block[:, self._index].T.tolist()
        cells = [list(map(str, range(first, first + len(block))))]
        cells += [list(map(fmt, values)) for fmt, values in zip(self._formats, columns, strict=True)]
        widths = [max(map(len, column), default=0) for column in cells]
        if self._widths is None:
            self._widths = [max(w, len(h)) for w, h in zip(widths, self._head, strict=True)]
            self._stream.write(_line(self._head, self._widths))
        self._widths = [max(w, old) for w, old in zip(widths, self._widths, strict=True)]
        padded = [map(str.rjust, column, repeat(w)) for column, w in zip(cells, self._widths, strict=True)]
        self._stream.write("".join(map(_joined, zip(*padded, strict=True))))


def _joined(cells) -> str:
    return "  ".join(cells) + "\n"


def _line(cells, widths) -> str:
    return _joined(c.rjust(w) for c, w in zip(cells, widths, strict=True))
