"""Sympy's work on a typed-in function, given a time limit: past it, the work is stopped inside sympy.

The limits in `core.expression_parse` keep sympy's work small, but its automatic simplification and its
assumption queries (``is_positive``...) can still take seconds on some short inputs, and sympy has no way
to cancel.  `within` runs the work in a worker thread and waits at most the limit; a worker that
overruns is stopped by raising `TimeUp` in it, and only inside a function of sympy or mpmath, not in a
callback that happens to run in its thread (a weakref or gc callback, an import hook), where Python
would print and drop the exception:

* Python 3.12 and later: a ``sys.monitoring`` callback on function starts, switched on only while a
  worker is being stopped (no cost before), raises TimeUp at the worker's next call of sympy's code by
  sympy's code;
* Python 3.10 and 3.11: TimeUp is sent into the worker (``PyThreadState_SetAsyncExc``) when its
  innermost frame is such a call, and sent again until the worker has ended: Python delivers it at the
  worker's next check, microseconds later, so it could still meet a callback that starts in between;
  it is then printed and dropped, and the next one stops the worker.

Either way the worker ends within milliseconds (a few tenths of a second at worst, measured over
hundreds of stops) and the caller does not wait for it.  Facts that sympy cached on the way stay true,
so a stopped attempt changes nothing for later ones.
"""

from __future__ import annotations

import ctypes
import os
import sys
import threading

import mpmath
import sympy

__all__ = ["TimeUp", "within"]

_STOPPABLE = tuple(os.path.dirname(module.__file__) + os.sep for module in (sympy, mpmath))
_CALLERS = (*_STOPPABLE, os.path.dirname(__file__) + os.sep)
_RESEND = 0.005  # seconds between two sends of the exception (Python 3.10, 3.11)
_MONITORED_FOR = 2.0  # seconds that function starts are watched in every thread to stop one worker (3.12+)
_stopping: set[int] = set()  # the worker threads being stopped (3.12+)
_lock = threading.Lock()
_tool: list[int] = []  # the sys.monitoring tool id, once one is taken


class TimeUp(BaseException):
    """Raised in a worker that ran past its time (a BaseException, so that sympy's handlers let it pass)."""


def within(work, seconds: float):
    """``work()`` run in a worker thread: its result or its exception; TimeUp after ``seconds``."""
    outcome: dict = {}

    def run():
        try:
            outcome["result"] = work()
        except BaseException as error:  # handed to the caller, which raises it again
            outcome["error"] = error

    worker = threading.Thread(target=run, name="gradstep-expression", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        monitored = hasattr(sys, "monitoring")
        threading.Thread(target=_stop_monitored if monitored else _stop_by_sending, args=(worker,),
                         name="gradstep-expression-stop", daemon=True).start()
        raise TimeUp
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def _stop_monitored(worker: threading.Thread) -> None:
    monitoring = sys.monitoring
    with _lock:
        if not _tool and (tool := _free_tool_id()) is not None:
            _tool.append(tool)
            monitoring.register_callback(tool, monitoring.events.PY_START, _on_start)
        if _tool:
            _stopping.add(worker.ident)
            monitoring.set_events(_tool[0], monitoring.events.PY_START)
    if not _tool:  # every id is taken by other tools: stop it the other way
        return _stop_by_sending(worker)
    # every function start in every thread calls _on_start meanwhile: a worker that makes no call of
    # sympy's within a while (stuck in one long C call) is left to the other way, which costs nothing
    worker.join(_MONITORED_FOR)
    with _lock:
        _stopping.discard(worker.ident)
        if not _stopping:
            monitoring.set_events(_tool[0], 0)
    return _stop_by_sending(worker)


def _free_tool_id() -> int | None:
    for tool in (4, 3):  # neither the debugger's, the coverage tool's, the profiler's nor the optimizer's
        if sys.monitoring.get_tool(tool) is None:
            sys.monitoring.use_tool_id(tool, "gradstep time limit")
            return tool
    return None


def _on_start(code, offset):
    if threading.get_ident() in _stopping:
        starting = sys._getframe(1)  # the frame of the function starting (the monitor's caller)
        if _in_sympy(code, starting.f_back if starting.f_code is code else starting):
            raise TimeUp
    return None


def _in_sympy(code, caller) -> bool:
    """Whether ``code`` is sympy's or mpmath's, called by sympy, mpmath or this package: a step of the work,
    not a callback (lambdify's linecache cleanup is sympy's code too, but weakref.finalize calls it)."""
    return code.co_filename.startswith(_STOPPABLE) and caller is not None and caller.f_code.co_filename.startswith(
        _CALLERS)


def _stop_by_sending(worker: threading.Thread) -> None:
    while worker.is_alive():
        frame = sys._current_frames().get(worker.ident)
        if frame is not None and _in_sympy(frame.f_code, frame.f_back):
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(worker.ident), ctypes.py_object(TimeUp))
        worker.join(_RESEND)
