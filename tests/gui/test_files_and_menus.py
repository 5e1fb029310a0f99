"""Export, menus, persistence and the launcher, as a user meets them."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox

from core.functions import get_function
from core.optimizers import SGD, Momentum
from core.run import Run
from core.trajectory_csv import write_csv
from gui.main_window import MainWindow

from .conftest import wait_steps

ROOT = Path(__file__).resolve().parents[2]


def _answer_save_dialog(monkeypatch, path):
    asked = []

    def fake(parent, caption, directory, pattern):
        asked.append((caption, directory, pattern))
        return str(path), pattern.split(";;")[0]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


def test_export_csv_writes_what_the_core_writes(qtbot, window, tmp_path, monkeypatch):
    window.action_add_run.trigger()
    qtbot.waitUntil(lambda: len(window.entries) == 2 and all(e.history is not None for e in window.entries))
    for _ in range(7):
        window.action_step.trigger()
    qtbot.waitUntil(lambda: [e.step for e in window.entries] == [7, 7], timeout=5000)
    asked = _answer_save_dialog(monkeypatch, tmp_path / "runs")  # no suffix: .csv is added
    window.action_export_csv.trigger()
    assert asked and "csv" in asked[0][2].lower()
    written = tmp_path / "runs.csv"
    assert written.exists()
    runs = []
    for name, optimizer in (("SGD", SGD(lr=0.5)), ("Momentum", Momentum())):
        run = Run(get_function("quadratic"), optimizer, (0.0, 0.0), decimals=4, max_steps=1000, name=name)
        run.advance(7)
        runs.append(run)
    expected = write_csv(runs, tmp_path / "expected.csv")
    assert written.read_bytes() == expected.read_bytes()


def test_export_csv_to_an_unwritable_place_shows_an_error_and_writes_nothing(qtbot, window, tmp_path,
                                                                           monkeypatch):
    target = tmp_path / "missing-folder" / "runs.csv"
    _answer_save_dialog(monkeypatch, target)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    window.action_export_csv.trigger()
    assert shown and "not written" in shown[0] and "does not exist" in shown[0]
    assert not target.parent.exists()
    window.action_step.trigger()  # the window carries on
    wait_steps(qtbot, window, 1)


def test_cancelling_the_dialog_writes_nothing(window, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    window.action_export_csv.trigger()
    assert list(tmp_path.iterdir()) == [tmp_path / "settings"] or not list(tmp_path.glob("*.csv"))


def test_export_image_writes_a_png_of_the_plot(qtbot, window, tmp_path, monkeypatch):
    from gui import export_dialogs
    from gui.slide import slide_size

    window.action_step.trigger()
    wait_steps(qtbot, window, 1)
    monkeypatch.setattr(export_dialogs, "ask_image_size", lambda win: slide_size(640, 360))
    _answer_save_dialog(monkeypatch, tmp_path / "plot")
    window.action_export_image.trigger()
    image = QImage(str(tmp_path / "plot.png"))
    assert not image.isNull() and (image.width(), image.height()) == (640, 360)


def test_every_lesson_opens_from_the_menu(qtbot, window):
    from PySide6.QtGui import QAction

    for lesson in window.lessons:
        action = window.findChild(QAction, f"lesson_{lesson.name}")
        assert action is not None and action.text() == lesson.title
        action.trigger()
        qtbot.waitUntil(lambda lesson=lesson: [e.name for e in window.entries] == [r.name for r in lesson.runs]
                        and all(e.history is not None for e in window.entries), timeout=5000)
        assert window.function is lesson.function
        assert [e.optimizer for e in window.entries] == [r.optimizer for r in lesson.runs]
        assert window.options.decimals == lesson.decimals


def test_help_lists_the_shortcuts_and_about_names_the_app(window, monkeypatch):
    from gui import dialogs

    shown = []
    real = dialogs.shortcuts_html

    def spy(actions):
        shown.append(real(actions))
        return shown[-1]
    monkeypatch.setattr(dialogs, "shortcuts_html", spy)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    window.action_shortcuts.trigger()
    html = shown[0]
    for key in ("Space", "Right", "Left", "R", "Ctrl+E", "Del"):
        assert f"<b>{key}</b>" in html
    about = dialogs.about_text()
    assert "GradStep" in about and "MIT" in about
    import PIL
    import sympy
    # every library it is built on, the typed-in functions' and the exports' included
    for library in (f"numpy {np.__version__}", f"sympy {sympy.__version__}", f"Pillow {PIL.__version__}"):
        assert library in about


def test_window_size_and_view_choices_persist(qtbot, isolated_settings):
    first = MainWindow()
    qtbot.addWidget(first)
    first.resize(701, 503)  # small enough for the offscreen screen, which clamps restored sizes
    first.speed.slider.setValue(2)
    first.action_log_loss.setChecked(True)
    first.set_number_mode(6)
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.size().width() == 701 and second.size().height() == 503
    assert second.speed.slider.value() == 2
    assert second.action_log_loss.isChecked() and second.loss.log
    assert second.number_mode == 6 and second.number_actions[6].isChecked()
    assert second.number_format().text(1 / 3) == "0.333333"
    # the runs themselves always open on the notes' first example
    assert second.selected().optimizer == SGD(lr=0.5)
    settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "GradStep", "GradStep")
    assert Path(settings.fileName()).is_relative_to(isolated_settings)
    second.close()


def test_the_app_launches_from_main_py_and_quits(tmp_path):
    script = (
        "import sys\n"
        "from PySide6.QtCore import QSettings, QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        f"QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {str(tmp_path)!r})\n"
        "from gui.app import create_application\n"
        "app = create_application()\n"
        "def done():\n"
        "    windows = [w for w in QApplication.topLevelWidgets() if w.objectName() == 'main_window']\n"
        "    print('windows', len(windows), windows[0].windowTitle() if windows else '')\n"
        "    for w in windows:\n"
        "        w.close()\n"
        "QTimer.singleShot(1500, done)\n"
        "import main\n"
        "sys.exit(main.main([]))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60,
                          env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert "windows 1 GradStep" in done.stdout
    noise = [line for line in done.stderr.splitlines() if not line.startswith("This plugin does not support")]
    assert noise == []


def test_a_file_named_on_the_command_line_opens_in_the_window(tmp_path):
    """``gradstep FILE``: a session saved by the headless command opens as the window's runs; a lesson file
    (.json) joins the Lessons menu and its first lesson opens."""
    session = tmp_path / "rosen.gradstep"
    saved = subprocess.run([sys.executable, "main.py", "run", "--function", "rosenbrock", "--optimizer", "adam",
                            "--set", "lr=0.05", "--quiet", "--save-session", str(session)],
                           cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert saved.returncode == 0, saved.stderr
    lessons = tmp_path / "mine.json"
    lessons.write_text('{"format": "gradstep-lessons-1", "lessons": [{"name": "mine", "group": "Mine", '
                       '"title": "Booth from far away", "description": "", "function": "booth", "decimals": null, '
                       '"max_steps": 100, "runs": [{"name": "slow", "optimizer": "sgd", '
                       '"hyperparameters": {"lr": 0.01}, "start": [-8.0, 8.0]}]}]}', encoding="utf-8")
    script = (
        "import sys\n"
        "from PySide6.QtCore import QSettings, QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        f"QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {str(tmp_path)!r})\n"
        "from gui.app import create_application\n"
        "app = create_application()\n"
        "import time\n"
        "deadline = time.monotonic() + 30\n"
        "def done():\n"  # once the file's function is on screen (the window opens on the notes' quadratic)
        "    w = next((w for w in QApplication.topLevelWidgets() if w.objectName() == 'main_window'), None)\n"
        "    if (w is None or w.model.function.name == 'quadratic') and time.monotonic() < deadline:\n"
        "        QTimer.singleShot(50, done)\n"
        "        return\n"
        "    print('opened', w.windowTitle(), [(e.name, type(e.optimizer).name, e.optimizer.values['lr'], e.start)\n"
        "                                       for e in w.entries])\n"
        "    w.close()\n"
        "QTimer.singleShot(0, done)\n"
        "import main\n"
        "sys.exit(main.main(sys.argv[1:]))\n")
    for path, expected in ((session, "opened GradStep — Rosenbrock [('Adam', 'adam', 0.05, (0.0, 0.0))]"),
                           (lessons, "opened GradStep — Booth [('slow', 'sgd', 0.01, (-8.0, 8.0))]")):
        done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, cwd=ROOT,
                              timeout=60, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
        assert done.returncode == 0, done.stderr
        assert expected in done.stdout, done.stdout


def test_a_saved_session_opens_again_as_it_was(qtbot, window, tmp_path, monkeypatch):
    window.open_lesson(next(lesson for lesson in window.lessons if lesson.name == "ill-conditioned"))
    qtbot.waitUntil(lambda: len(window.entries) == 4 and all(e.history is not None for e in window.entries))
    window.model.set_run_color(window.entries[0].run_id, "#000000")
    window.model.set_run_visible(window.entries[2].run_id, False)
    _answer_save_dialog(monkeypatch, tmp_path / "class")
    window.action_save_session.trigger()
    saved = window.current_session()
    window.open_lesson(window.lessons[0])
    qtbot.waitUntil(lambda: len(window.entries) == 1)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a: (str(tmp_path / "class.gradstep"), "")))
    window.action_open_session.trigger()
    qtbot.waitUntil(lambda: len(window.entries) == 4 and all(e.history is not None for e in window.entries))
    assert window.current_session() == saved
    assert window.entries[0].color == "#000000" and not window.entries[2].visible


def test_a_broken_session_file_is_refused_with_a_message(window, tmp_path, monkeypatch):
    bad = tmp_path / "bad.gradstep"
    bad.write_text('{"format": "gradstep-session-1", "session": {"name": "x"}}', encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(bad), "")))
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    before = window.current_session()
    window.action_open_session.trigger()
    assert shown and "could not be opened" in shown[0] and "missing" in shown[0]
    assert window.current_session() == before


def test_the_last_session_is_kept_when_the_window_closes(qtbot, isolated_settings):
    first = MainWindow()
    qtbot.addWidget(first)
    first.choose_function("booth")
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.function.name == "quadratic"  # it opens on the notes' example, as always
    second.action_reopen_session.trigger()
    qtbot.waitUntil(lambda: second.function.name == "booth" and second.selected().history is not None)
    assert second.selected().start == get_function("booth").start
    second.close()


def test_equal_axis_scales_can_be_switched_off(qtbot, window):
    box = window.contour.getPlotItem().getViewBox()
    assert window.action_equal_scales.isChecked() and box.state["aspectLocked"]
    window.action_equal_scales.trigger()
    assert not box.state["aspectLocked"]
    window.contour.reset_view()
    (x0, x1), (y0, y1) = box.viewRange()
    fx0, fx1, fy0, fy1 = window.function.view
    for shown, wanted in ((x0, fx0), (x1, fx1), (y0, fy0), (y1, fy1)):
        assert math.isclose(shown, wanted, abs_tol=1e-6)  # exactly the function's box, not widened


def test_the_suffix_is_added_to_any_other_name_and_replacing_is_asked(qtbot, window, tmp_path, monkeypatch):
    _answer_save_dialog(monkeypatch, tmp_path / "week3.final")
    window.action_export_csv.trigger()
    assert (tmp_path / "week3.final.csv").exists() and not (tmp_path / "week3.final").exists()
    (tmp_path / "keep.csv").write_text("mine\n", encoding="utf-8")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda parent, title, text: asked.append(text) or QMessageBox.StandardButton.No))
    _answer_save_dialog(monkeypatch, tmp_path / "keep")
    window.action_export_csv.trigger()
    assert asked and "keep.csv already exists" in asked[0]
    assert (tmp_path / "keep.csv").read_text(encoding="utf-8") == "mine\n"


def test_a_session_asking_for_more_steps_than_the_window_keeps_is_capped(qtbot, window, tmp_path, monkeypatch):
    from core.lessons import save_session
    from gui.session import GUI_MAX_STEPS

    session = window.current_session()
    big = type(session)(**{**session.__dict__, "max_steps": 5_000_000})
    save_session(tmp_path / "big.gradstep", big)
    window.files.open_session(tmp_path / "big.gradstep")
    assert window.options.max_steps == GUI_MAX_STEPS
    assert window.settings_panel.max_steps.value() == GUI_MAX_STEPS
    assert "lowered" in window.statusBar().currentMessage()


def test_a_session_run_headless_writes_what_the_window_exports_after_playing_it(qtbot, window, tmp_path,
                                                                              monkeypatch):
    from core.cli import main as run_command
    from core.lessons import load_session

    session_path = tmp_path / "class.gradstep"
    session_path.write_text("""{"format": "gradstep-session-1", "session": {"name": "s", "group": "g",
      "title": "Three runs", "description": "", "function": "rosenbrock", "decimals": null, "max_steps": 300,
      "tol": 1e-06, "runs": [
      {"name": "SGD", "optimizer": "sgd", "hyperparameters": {"lr": 0.001}, "start": [-1.2, 1]},
      {"name": "Adam", "optimizer": "adam", "hyperparameters": {"lr": 0.05}, "start": [-1.2, 1]},
      {"name": "Off", "optimizer": "momentum", "start": [0, 0], "visible": false}]}}""", encoding="utf-8")
    window.open_lesson(load_session(session_path))
    qtbot.waitUntil(lambda: window.model.synced and len(window.entries) == 3)
    window.speed.slider.setValue(window.speed.slider.maximum())
    window.action_play.trigger()
    qtbot.waitUntil(lambda: window.model.synced and not window.playing
                    and all(e.stop is not None for e in window.entries if e.visible), timeout=20000)
    _answer_save_dialog(monkeypatch, tmp_path / "window")
    window.action_export_csv.trigger()
    headless = tmp_path / "headless.csv"
    assert run_command(["--session", str(session_path), "--csv", str(headless), "--quiet"]) == 0
    assert (tmp_path / "window.csv").read_bytes() == headless.read_bytes()


def test_csv_for_excel_starts_with_a_bom_and_default_names_never_repeat(qtbot, window, tmp_path, monkeypatch):
    from gui.files import EXCEL_PATTERN

    window.model.rename("학습률 0.5")
    qtbot.waitUntil(lambda: window.model.synced and window.selected().name == "학습률 0.5")
    chosen = []

    def fake(parent, caption, directory, pattern):
        chosen.append(directory)
        return str(tmp_path / "excel.csv"), EXCEL_PATTERN
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    window.action_export_csv.trigger()
    data = (tmp_path / "excel.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "학습률 0.5".encode() in data
    name = Path(chosen[0]).name
    assert name.startswith("quadratic-sgd-") and name.endswith(".csv") and name[-19:-4].replace("-", "").isdigit()
    _answer_save_dialog(monkeypatch, tmp_path / "plain.csv")
    window.action_export_csv.trigger()
    assert not (tmp_path / "plain.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_a_session_opened_at_start_shows_steps_from_0_on_the_loss_plot(qtbot, tmp_path):
    """`gradstep FILE` opens the session before the window's first frame: the loss plot's step axis still
    starts at 0 (auto-ranged, it had centred the lone step 0 between -5 and 5)."""
    path = tmp_path / "two.gradstep"
    path.write_text(json.dumps({"format": "gradstep-session-2", "session": {
        "name": "s", "group": "Sessions", "title": "Two runs", "description": "", "function": "himmelblau",
        "decimals": None, "max_steps": 1000, "tol": 1e-8,
        "runs": [{"name": "Adam", "optimizer": "adam", "start": [-3.0, 3.0]},
                 {"name": "SGD", "optimizer": "sgd", "start": [-3.0, 3.0]}]}}), encoding="utf-8")
    win = MainWindow()
    qtbot.addWidget(win)
    win.files.open_path(path)
    win.show()
    qtbot.waitUntil(lambda: win.model.synced and len(win.entries) == 2
                    and all(e.history is not None for e in win.entries))
    box = win.loss.getPlotItem().getViewBox()

    def steps_from_0() -> bool:  # steps 0 to 10, a little padding (centred on step 0 it read -5 to 5)
        low, high = box.viewRange()[0]
        return -1 < low < 0 and 9 < high < 12

    qtbot.waitUntil(steps_from_0)  # once the frames have drawn the new runs
    win.close()


def test_default_file_names_of_a_typed_function_hold_no_folder_or_forbidden_character(qtbot, window, tmp_path,
                                                                                      monkeypatch):
    """x/(1 + y^2)*x: a '/' in a proposed name would make the dialog look for a folder; Windows refuses '*'.
    The CSV, the picture, the animation and the session are all proposed under f-x-1-y-2-x-…"""
    from gui import exporters
    from gui.slide import window_content

    window.choose_function("expr:x/(1 + y^2)*x + y^2")
    qtbot.waitUntil(lambda: window.model.synced and window.model.function.name.startswith("expr:"))
    content = window_content(window)
    names = [window.files.default_csv_name(), window.files.default_session_name(),
             exporters.image_name(content), exporters.animation_name(content)]
    for name in names:
        assert name.startswith("f-x-1-y-2-x-y-2-"), name
        assert not set(name) & set('/\\\\:*?"<>| '), name
    proposed = []

    def fake(parent, caption, directory, pattern):
        proposed.append(directory)
        return str(tmp_path / Path(directory).name), pattern.split(";;")[0]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    window.action_save_session.trigger()
    saved = tmp_path / Path(proposed[0]).name
    assert saved.suffix == ".gradstep" and saved.exists()
