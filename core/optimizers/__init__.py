"""The optimizers: one module each in this package, found by discovery.

Every module here other than ``base`` and those starting with ``_`` declares exactly one `Optimizer`
subclass; importing the package imports them all and lists them in `OPTIMIZERS` by their ``order``
(the lecture notes' six first, in the notes' order, then the others).  Adding an optimizer is adding a
module (and its tests): the command line, the panels, sessions, CSV and the state table read the
declarations.  Each class is also importable from here by its class name
(``from core.optimizers import Adam``).
"""

from __future__ import annotations

import importlib
import pkgutil

from ..hyper import InvalidValue
from ..i18n import _
from .base import Optimizer


def _declared_in(module) -> list[type[Optimizer]]:
    return [obj for obj in vars(module).values()
            if isinstance(obj, type) and issubclass(obj, Optimizer) and obj.__module__ == module.__name__
            and "name" in vars(obj)]


def _discover() -> list[type[Optimizer]]:
    found = []
    for info in pkgutil.iter_modules(__path__):
        if info.name == "base" or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        classes = _declared_in(module)
        if len(classes) != 1:
            raise ImportError(f"{module.__name__} must declare exactly one optimizer, found {len(classes)}")
        found.append(classes[0])
    found.sort(key=lambda cls: cls.order)
    for key in ("order", "name"):
        seen = [getattr(cls, key) for cls in found]
        if len(set(seen)) != len(seen):
            raise ImportError(f"two optimizers share one {key}: {seen}")
    return found


_CLASSES = _discover()

#: Every optimizer class by its name, in menu order.
OPTIMIZERS: dict[str, type[Optimizer]] = {cls.name: cls for cls in _CLASSES}
globals().update({cls.__name__: cls for cls in _CLASSES})

__all__ = ["OPTIMIZERS", "Optimizer", "get_optimizer", *(cls.__name__ for cls in _CLASSES)]


def get_optimizer(name: str) -> type[Optimizer]:
    """The optimizer class called ``name`` (case-insensitive), or InvalidValue listing the choices."""
    try:
        return OPTIMIZERS[name.strip().lower()]
    except KeyError:
        raise InvalidValue(_("unknown optimizer {name} (choose from {choices})").format(
            name=repr(name), choices=", ".join(OPTIMIZERS))) from None
