"""The window's file commands: export CSV, pictures and animations, save and open sessions, reopen the last
session.

Every write goes through the core's atomic writer, so a failure leaves no partial file; every failure is
reported in a dialog naming the file and the reason, and the window carries on.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from core.atomic import FileError
from core.functions import file_stem
from core.lessons import load_session, save_session
from core.trajectory_csv import write_csv

__all__ = ["CSV_PATTERN", "EXCEL_PATTERN", "SESSION_PATTERN", "FileCommands"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # marked with _tr: see tools/i18n_gui.py


# the file dialogs' filters, translated where they are offered (_tr)
SESSION_PATTERN = QT_TRANSLATE_NOOP("", "GradStep sessions (*.gradstep)")
LESSON_PATTERN = QT_TRANSLATE_NOOP("", "GradStep lessons (*.json)")
CSV_PATTERN = QT_TRANSLATE_NOOP("", "CSV files, UTF-8 (*.csv)")
EXCEL_PATTERN = QT_TRANSLATE_NOOP("", "CSV for Excel, UTF-8 with BOM (*.csv)")
ALL_PATTERN = QT_TRANSLATE_NOOP("", "All files (*)")


def _filters(*patterns: str) -> str:
    return ";;".join(_tr(pattern) for pattern in patterns)


class FileCommands:
    """File ▸ … for one window (which provides entries, function, settings, plots, current_session)."""

    def __init__(self, window):
        self.window = window

    def _folder(self) -> str:
        return str(self.window.settings.value("last_folder", str(Path.home())))

    def ask_save_path(self, title: str, name: str, pattern: str, suffix: str) -> Path | None:
        """A save dialog; ``suffix`` is added unless the name already ends in it (a name like
        "week3.final" becomes "week3.final.csv").  None if cancelled.  The dialog asks before replacing
        the file it was given; a name changed here is asked about here."""
        chosen, _ = QFileDialog.getSaveFileName(self.window, title, str(Path(self._folder()) / name), pattern)
        return self._checked_path(title, chosen, suffix)

    def _checked_path(self, title: str, chosen: str, suffix: str) -> Path | None:
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
            if not self._may_replace(title, path):
                return None
        self.window.settings.setValue("last_folder", str(path.parent))
        return path

    def ask_export_path(self, title: str, name: str, formats) -> Path | None:
        """A save dialog offering ``formats`` ((suffix, filter) pairs, the default first): a name ending in
        one of the suffixes keeps it; any other name gets the suffix of the filter chosen.  None if
        cancelled."""
        filters = ";;".join(pattern for _, pattern in formats)
        chosen, selected = QFileDialog.getSaveFileName(self.window, title, str(Path(self._folder()) / name), filters)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in {suffix for suffix, _ in formats}:
            suffix = next((suffix for suffix, pattern in formats if pattern == selected), formats[0][0])
            path = path.with_name(path.name + suffix)
            if not self._may_replace(title, path):
                return None
        self.window.settings.setValue("last_folder", str(path.parent))
        return path

    def _may_replace(self, title: str, path: Path) -> bool:
        """For a name the dialog did not see (a suffix added): ask before replacing a file there."""
        if not path.exists():
            return True
        question = _tr("{0} already exists. Replace it?").format(path.name)
        return QMessageBox.question(self.window, title, question) == QMessageBox.StandardButton.Yes

    def _failed(self, title: str, what: str, error: FileError) -> None:
        QMessageBox.critical(self.window, title, f"{what}\n\n{error}")

    def _done(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 6000)

    def default_csv_name(self) -> str:
        """The function, the optimizers and the date and time: a new name for each export, so the last
        one is never overwritten by accident."""
        w = self.window
        kinds = list(dict.fromkeys(type(e.recorded or e.optimizer).name for e in w.entries))
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        return f"{file_stem(w.function)}-{'-'.join(kinds[:4])}{'-etc' if len(kinds) > 4 else ''}-{stamp}.csv"

    def default_session_name(self) -> str:
        """The function and the date and time, as an export's name: a new one each time."""
        return f"{file_stem(self.window.function)}-{datetime.now().strftime('%Y%m%d-%H%M%S')}.gradstep"

    def export_csv(self) -> None:
        w = self.window
        title = _tr("Export trajectories as CSV")
        chosen, kind = QFileDialog.getSaveFileName(w, title,
                                                   str(Path(self._folder()) / self.default_csv_name()),
                                                   _filters(CSV_PATTERN, EXCEL_PATTERN, ALL_PATTERN))
        path = self._checked_path(title, chosen, ".csv")
        if path is None:
            return
        runs = [e for e in w.entries if e.history is not None]
        try:
            write_csv(runs, path, labels=[e.name for e in runs], bom=kind == _tr(EXCEL_PATTERN))
        except FileError as error:
            self._failed(_tr("Export failed"), _tr("The CSV file was not written."),
                         error)
            return
        self._done(_tr("Exported {n} run(s) to {path}").format(n=len(runs), path=path))

    def export_image(self) -> None:
        """File ▸ Export image: the contour plot with a title and legend, PNG or SVG, at a chosen size."""
        # imported on first use: Pillow, QtSvg and the export modules cost about a third of a second, which
        # the window's start need not wait for
        from . import export_dialogs, exporters
        from .slide import window_content

        content = window_content(self.window)  # what is on screen now, whatever plays on meanwhile
        size = export_dialogs.ask_image_size(self.window)
        if size is None:
            return
        path = self.ask_export_path(_tr("Export the plot as an image"), exporters.image_name(content),
                                    exporters.image_formats())
        if path is None:
            return
        try:
            exporters.export_image(content, size, path)
        except FileError as error:
            self._failed(_tr("Export failed"), _tr("The image was not written."), error)
            return
        self._done(_tr("Saved the plot ({0} × {1} pixels) to {2}").format(size.width, size.height, path))

    def export_animation(self) -> None:
        """File ▸ Export animation: the runs step by step from step 0 to the step on view, GIF or MP4."""
        from . import export_dialogs, exporters  # on first use (see export_image)
        from .slide import window_content

        content = window_content(self.window)
        options = export_dialogs.ask_animation_options(self.window, content.step)
        if options is None:
            return
        path = self.ask_export_path(_tr("Export an animation of the runs"),
                                    exporters.animation_name(content), exporters.animation_formats())
        if path is None:
            return
        try:
            frames = exporters.export_animation(self.window, content, options, path)
        except exporters.ExportCancelled:
            self._done(_tr("Export cancelled: nothing was written."))
            return
        except FileError as error:
            self._failed(_tr("Export failed"), _tr("The animation was not written."),
                         error)
            return
        self._done(_tr("Saved {0} frames to {1}").format(frames, path))

    def save_session(self) -> None:
        path = self.ask_save_path(_tr("Save the session"), self.default_session_name(),
                                  _filters(SESSION_PATTERN, ALL_PATTERN), ".gradstep")
        if path is None:
            return
        try:
            save_session(path, self.window.current_session())
        except FileError as error:
            self._failed(_tr("Save failed"), _tr("The session was not saved."), error)
            return
        self._done(_tr("Saved the session to {path}").format(path=path))

    def open_path(self, path: Path) -> None:
        """A file named on the command line (``gradstep FILE``): a lesson file by its ``.json``, else a
        session; one that cannot be used is reported as File ▸ Open would report it."""
        if Path(path).suffix.lower() == ".json":
            self.open_lesson_file(Path(path))
        else:
            self.open_session(Path(path))

    def open_session(self, path=None) -> None:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self.window, _tr("Open a session"), self._folder(),
                                                    _filters(SESSION_PATTERN, ALL_PATTERN))
            if not chosen:
                return
            path = Path(chosen)
            self.window.settings.setValue("last_folder", str(path.parent))
        try:
            session = load_session(path)
        except FileError as error:
            self._failed(_tr("Open failed"), _tr("The session could not be opened."),
                         error)
            return
        note = self.window.open_lesson(session)
        self._done(_tr("Opened {path}.").format(path=path) + note)

    def open_lesson_file(self, path=None) -> None:
        """File ▸ Open lesson file: its lessons join the Lessons menu and the first one opens."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self.window, _tr("Open a lesson file"),
                                                    self._folder(), _filters(LESSON_PATTERN, ALL_PATTERN))
            if not chosen:
                return
            path = Path(chosen)
            self.window.settings.setValue("last_folder", str(path.parent))
        try:
            loaded = self.window.library.open_file(path)
        except FileError as error:
            self._failed(_tr("Open failed"), _tr("The lesson file could not be opened."),
                         error)
            return
        if not loaded.lessons:
            self._failed(_tr("Open failed"),
                         _tr("The lesson file holds no lesson that could be used."),
                         FileError("\n".join(loaded.problems)))
            return
        self.window.open_lesson(loaded.lessons[0])
        more = len(loaded.lessons) - 1
        said = _tr("Opened {title}.").format(title=loaded.lessons[0].text("title", self.window.translations.language))
        if more:
            said += " " + _tr("{n} more in the Lessons menu.").format(n=more)
        if loaded.problems:
            said += " " + _tr("{n} left out (Lessons ▸ Why are some lessons missing?).").format(
                n=len(loaded.problems))
        self._done(said)

    def last_session_path(self) -> Path:
        """Beside the settings file: kept on every close, whatever the user saved."""
        return Path(self.window.settings.fileName()).with_name("last-session.gradstep")

    def keep_last_session(self) -> None:
        # keeping the last session is a convenience; closing must never fail over it
        with contextlib.suppress(FileError):
            save_session(self.last_session_path(), self.window.current_session())

    def reopen_last_session(self) -> None:
        path = self.last_session_path()
        if not path.exists():
            self._done(_tr("There is no earlier session yet: one is kept each time GradStep closes."))
            return
        self.open_session(path)
