"""JSON documents from files a user chose, checked key by key against a small declarative schema.

`read_object` checks an object against a sequence of `Field` (key, check, default), so a later version of
a format adds a value by adding one Field, and every refusal is one line naming where it was found.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from .atomic import FileError
from .values import InvalidValue, shown

__all__ = ["REQUIRED", "Field", "check_list", "located", "os_reason", "parse_document", "read_file_text",
           "read_object"]

_NOT_OURS = "not a GradStep file"
REQUIRED = object()  # the default of a Field that must be present


def os_reason(error: OSError) -> str:
    """Why an operating-system call failed, to follow a colon: ``no such file or directory``."""
    return (error.strerror or str(error)).lower()


def read_file_text(path) -> str:
    """The UTF-8 text of the file at ``path``; FileError naming it if it cannot be read or is not UTF-8."""
    try:
        with open(path, encoding="utf-8") as stream:
            return stream.read()
    except OSError as error:
        raise FileError(f"cannot read {path}: {os_reason(error)}") from error
    except UnicodeDecodeError:
        raise FileError(f"cannot read {path}: it is not UTF-8 text") from None


def parse_document(text: str) -> Any:
    """The JSON value in ``text``; InvalidValue ("not a GradStep file: …") if it is not JSON."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidValue(f"{_NOT_OURS}: {error}") from None


@dataclass(frozen=True)
class Field:
    """One key of a JSON object.  ``check`` takes the value as parsed and returns it as the program keeps
    it, or raises InvalidValue; a Field whose ``default`` is not `REQUIRED` may be left out."""

    key: str
    check: Callable[[Any], Any]
    default: Any = REQUIRED


def read_object(value, place: str, fields: Sequence[Field]) -> dict[str, Any]:
    """Every field's checked value (or default), by key.  InvalidValue, its message starting with
    ``place`` (unless that is empty), if ``value`` is not an object, has a key that no field declares, lacks
    a required one, or a check refuses its value."""
    if not isinstance(value, dict):
        raise InvalidValue(f"{place or 'the document'} must be an object, got {shown(value)}")
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
            raise InvalidValue(f"unknown key {shown(key)} (expected {', '.join(keys)})")
    checked = {}
    for field in fields:
        if field.key in value:
            checked[field.key] = field.check(value[field.key])
        elif field.default is REQUIRED:
            raise InvalidValue(f"missing {field.key!r}")
        else:
            checked[field.key] = field.default
    return checked


def check_list(value, what: str) -> list:
    """``value`` if it is a list; InvalidValue naming ``what`` otherwise."""
    if not isinstance(value, list):
        raise InvalidValue(f"{what} must be a list, got {shown(value)}")
    return value
