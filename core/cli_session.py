"""``gradstep run --session FILE`` and ``--save-session FILE``: a saved experiment, headless.

``--session FILE`` runs every run of a session file as the window would after playing it to the end (the
shown runs stepped to the session's step limit, or until they converge or diverge; a hidden run stays at
its start) and writes one CSV of all of them, the bytes the window's File ▸ Export CSV writes then.  The
options ``--steps``, ``--decimals`` and ``--tol`` given with it override the session's.  The runs are
streamed one after another, so memory does not grow with the step limit.

``--save-session FILE`` saves the run the other options describe as a session file the window opens.
"""

from __future__ import annotations

from .lessons import Lesson, LessonRun, load_session, save_session, saved_session_texts
from .run import Run
from .settings import DECIMALS, MAX_STEPS, TOL
from .trajectory_csv import RunsWriter

__all__ = ["SESSION_OVERRIDES", "save_run_as_session", "session_runs", "write_session_csv"]

#: The options that may be given with --session, each overriding the session's value.
SESSION_OVERRIDES = ("steps", "decimals", "tol")


def session_runs(path, steps=None, decimals=None, tol=None) -> list[tuple[Run, int]]:
    """The session's runs, each with the steps it takes (0 for a hidden run); ``steps``, ``decimals`` and
    ``tol``, typed text, override the session's where given.  FileError for a file that cannot be used,
    InvalidValue for a bad override."""
    session = load_session(path)
    steps = session.max_steps if steps is None else MAX_STEPS.parse(steps)
    decimals = session.decimals if decimals is None else DECIMALS.parse(decimals)
    tol = session.tol if tol is None else TOL.parse(tol)
    runs = []
    for entry in session.runs:
        run = Run(session.function, entry.optimizer, entry.start, decimals=decimals, max_steps=steps, tol=tol,
                  name=entry.name)
        runs.append((run, steps if entry.visible else 0))
    return runs


def write_session_csv(runs: list[tuple[Run, int]], stream, stream_steps) -> None:
    """Every run's steps under one header, run after run (``stream_steps`` as core.cli_output's)."""
    writer = RunsWriter([run for run, _ in runs], stream)
    for run, steps in runs:
        stream_steps(run, steps, writer.writer(run))


def save_run_as_session(path, run: Run, steps: int):
    """Save ``run`` (before it steps) as a one-run session with ``steps`` as its step limit.

    The session's group, title and description are written in the language in use (LANG=ko_KR.UTF-8:
    Korean), by `core.lessons.saved_session_texts`: they are the file's data, shown as written when it
    is opened.  The run is named after its optimizer's title as declared (SGD, Momentum), as the window
    names a new run."""
    name = type(run.optimizer).title
    group, title, description = saved_session_texts(run.function, 1)
    session = Lesson("session", group, title, description, run.function, run.decimals, max(steps, 1),
                     (LessonRun(name, run.optimizer, run.start),), run.tol)
    return save_session(path, session)
