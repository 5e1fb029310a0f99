"""JSON documents from files a user chose: bounded before they are parsed, checked key by key after.

``json.loads`` alone fails in too many ways for a file from anywhere: 100,000 nested brackets raise
RecursionError, a 5,000-digit whole number raises ValueError (Python's limit on int digits), NaN and
Infinity are read although they are not JSON, and an unpaired surrogate escape (``"\\ud800"``) becomes a
str that cannot be written back as UTF-8.  Here each of those is refused with `InvalidValue` in one line.

After parsing, `read_object` checks an object against a small declarative schema, a sequence of `Field`
(key, check, default), so a later version of a format adds a value by adding one Field.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .atomic import FileError
from .i18n import _
from .values import InvalidValue, shown

__all__ = ["MAX_BYTES", "MAX_DEPTH", "MAX_DIGITS", "REQUIRED", "Field", "check_list", "located", "os_reason",
           "parse_document", "read_file_text", "read_object"]

#: The largest file read.  A session of 32 runs is about 6 kB and the shipped lessons file 8 kB, so this is
#: far beyond any real document and still small enough to parse at once.
MAX_BYTES = 1_000_000
#: GradStep's documents are 6 levels deep (file, lessons, lesson, runs, run, start).  Refusing anything
#: much deeper keeps the checks, and repr() in their messages, far from Python's recursion limit.
MAX_DEPTH = 16
#: 1e308, the largest float, has 309 digits; a longer whole number cannot be a value of ours.  Checked by
#: the parser because int() of a long digit string takes quadratic time once the interpreter's own limit
#: on int digits is lifted (PYTHONINTMAXSTRDIGITS=0), and raises ValueError while it is not.
MAX_DIGITS = 400

_SURROGATE = re.compile("[\ud800-\udfff]")
REQUIRED = object()  # the default of a Field that must be present


def os_reason(error: OSError) -> str:
    """Why an operating-system call failed, to follow a colon: ``no such file or directory``."""
    return (error.strerror or str(error)).lower()


def read_file_text(path) -> str:
    """The UTF-8 text of the file at ``path`` (a str, a path or an importlib.resources Traversable), a
    byte-order mark dropped.  FileError naming the file if it cannot be read, is not UTF-8, or is over
    `MAX_BYTES` (found by reading one byte more, so an endless or huge file is never read whole)."""
    source = Path(path) if isinstance(path, str | os.PathLike) else path
    try:
        with source.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise FileError(_("cannot read {path}: {reason}").format(path=path, reason=os_reason(error))) from error
    if len(data) > MAX_BYTES:
        raise FileError(_("cannot open {path}: it is over {most} bytes, too big for a GradStep file").format(
            path=path, most=f"{MAX_BYTES:,}"))
    try:
        return data.decode("utf-8-sig")  # editors on Windows may start UTF-8 with a byte-order mark
    except UnicodeDecodeError:
        raise FileError(_("cannot read {path}: it is not UTF-8 text").format(path=path)) from None


def parse_document(text: str) -> Any:
    """The JSON value in ``text``.  InvalidValue ("not a GradStep file: …") if it is longer than `MAX_BYTES`
    characters, is not JSON, is nested more than `MAX_DEPTH` deep, or holds NaN, Infinity, a whole number
    of more than `MAX_DIGITS` digits or an unpaired surrogate."""
    if len(text) > MAX_BYTES:
        raise InvalidValue(_("not a GradStep file: {count} characters is too big (at most {most})").format(
            count=f"{len(text):,}", most=f"{MAX_BYTES:,}"))
    if not text.strip():
        raise InvalidValue(_("not a GradStep file: it is empty"))
    try:
        data = json.loads(text, parse_int=_whole_number, parse_constant=_constant)
    except json.JSONDecodeError as error:
        # where the text stops being JSON, with json's own description of it (in English)
        raise InvalidValue(_("not a GradStep file: it is not JSON from line {line}, column {column} ({error})").format(
            line=error.lineno, column=error.colno, error=error.msg)) from None
    except RecursionError:
        raise _too_deep() from None
    _check_tree(data)
    return data


def _whole_number(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise InvalidValue(_("not a GradStep file: a whole number of {count} digits").format(
            count=f"{len(digits.lstrip('-')):,}"))
    return int(digits)


def _constant(name: str):
    raise InvalidValue(_("not a GradStep file: {name} is not a JSON value").format(name=name))


def _too_deep() -> InvalidValue:
    return InvalidValue(_("not a GradStep file: nested too deeply (at most {depth} levels)").format(depth=MAX_DEPTH))


def _check_tree(data) -> None:
    """Refuse nesting deeper than MAX_DEPTH and unpaired surrogates, walking without recursion."""
    pending = [(data, 0)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, str) and _SURROGATE.search(value):
            raise InvalidValue(_("not a GradStep file: text with an unpaired surrogate, {value}").format(
                value=shown(value)))
        if isinstance(value, dict | list):
            if depth >= MAX_DEPTH:
                raise _too_deep()
            items = [*value.keys(), *value.values()] if isinstance(value, dict) else value
            pending.extend((item, depth + 1) for item in items)


@dataclass(frozen=True)
class Field:
    """One key of a JSON object.  ``check`` takes the value as parsed and returns it as the program keeps
    it, or raises InvalidValue; a Field whose ``default`` is not `REQUIRED` may be left out."""

    key: str
    check: Callable[[Any], Any]
    default: Any = REQUIRED


def read_object(value, place: str, fields: Sequence[Field]) -> dict[str, Any]:
    """Every field's checked value (or default), by key.  InvalidValue, its message starting with
    ``place`` (unless that is empty; in the current language), if ``value`` is not an object, has a key
    that no field declares, lacks a required one, or a check refuses its value."""
    if not isinstance(value, dict):
        raise InvalidValue(_("{place} must be an object, got {value}").format(
            place=place or _("the document"), value=shown(value)))
    with located(place):
        return _read_fields(value, fields)


@contextlib.contextmanager
def located(place: str) -> Iterator[None]:
    """Put ``place`` (``lesson 'x'``, ``run 2``) in front of an InvalidValue raised inside, so that nested
    refusals read ``lesson 'x': run 2: lr must be a number``; an empty place adds nothing."""
    try:
        yield
    except InvalidValue as error:
        if not place:
            raise
        raise InvalidValue(f"{place}: {error}") from None


def _read_fields(value: dict, fields: Sequence[Field]) -> dict[str, Any]:
    keys = [field.key for field in fields]
    for key in value:
        # Refused, not ignored: a mistyped key ("colour", "hyperparameter") would otherwise silently leave
        # its default in place, and a file from a newer GradStep is refused rather than half understood.
        if key not in keys:
            raise InvalidValue(_("unknown key {key} (expected {keys})").format(key=shown(key), keys=", ".join(keys)))
    checked = {}
    for field in fields:
        if field.key in value:
            checked[field.key] = field.check(value[field.key])
        elif field.default is REQUIRED:
            raise InvalidValue(_("missing {key}").format(key=repr(field.key)))
        else:
            checked[field.key] = field.default
    return checked


def check_list(value, what: str, most: int) -> list:
    """``value`` if it is a list of at most ``most`` items; InvalidValue naming ``what`` (a key) otherwise."""
    if not isinstance(value, list):
        raise InvalidValue(_("{key} must be a list, got {value}").format(key=what, value=shown(value)))
    if len(value) > most:
        raise InvalidValue(_("too many {key}: {count}, at most {most}").format(
            key=what, count=f"{len(value):,}", most=f"{most:,}"))
    return value
