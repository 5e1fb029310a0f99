"""The window in Korean (View ▸ Language): every text of its own switched at once, back to English exactly,
remembered, and chosen from the system's locale at the first start.

The strict check reads what a class reads: labels, buttons, check boxes, group boxes, docks, tabs, fields'
placeholders and units, dialogs' titles, menus and their actions, the toolbar.  A word in Latin letters is
allowed only if it is a name, a symbol's spelling or an identifier that stays as it is in every language
(`ALLOWED`).  The texts that come from the Qt-free core (the functions' titles and notes, the optimizers'
titles, the ranges under the fields, the rounding note) are read too: the core's gettext catalog
translates them, switched with the window's.  The choosers' items count as texts shown; their tooltips
hold formulas and are left out.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QTabWidget,
    QWidget,
)

from gui.actions import ACTIONS
from gui.app import create_application
from gui.main_window import MainWindow
from gui.numbers import FULL

ALLOWED = {
    # the program, the optimizers (their names are names), the files and formats a class meets
    "GradStep", "SGD", "Momentum", "Nesterov", "AdaGrad", "RMSProp", "Adam", "AdamW", "NAdam", "RAdam", "AMSGrad",
    "AdaDelta", "Adamax", "Lion", "CSV", "PNG", "SVG", "GIF", "MP4", "UTF", "BOM", "Excel", "MIT", "pip", "gradstep",
    "video", "Python", "Qt", "PySide6", "pyqtgraph", "numpy", "contourpy",
    # View ▸ Language names each language in itself
    "English",
    # keys
    "Ctrl", "Shift", "Space", "Home", "Esc", "Del", "Delete", "Enter", "F1", "F11",
    # identifiers the notes, the CSV and the command line share: hyperparameters, state, columns, functions
    "lr", "eps", "momentum", "gamma", "beta1", "beta2", "sigma", "seed", "lr_min", "lr_max", "lr_t", "params",
    "grads", "grad_x", "grad_y", "sin", "cos", "tan", "exp", "log", "sqrt", "abs", "tanh", "sinh", "cosh", "atan",
    "pi", "round",
    # the test functions' names (a formula's xy is x times y)
    "Rosenbrock", "Beale", "Himmelblau", "Booth", "Matyas", "Rastrigin", "Ackley", "Goldstein", "Price",
    "Styblinski", "Tang", "Six", "hump", "camel", "xy",
}

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_OWN_ACTIONS = {spec.name for spec in ACTIONS}


def _widget_texts(widget: QWidget) -> list[str]:
    """What ``widget`` itself shows in words (its children are walked on their own)."""
    texts = []
    if isinstance(widget, QLabel | QAbstractButton):
        texts.append(widget.text())
    if isinstance(widget, QGroupBox | QDockWidget | QDialog):
        # (QGroupBox.title unbound: the state panel keeps a label of its own under the name "title")
        texts.append(QGroupBox.title(widget) if isinstance(widget, QGroupBox) else widget.windowTitle())
    if isinstance(widget, QTabWidget):
        texts += [widget.tabText(i) for i in range(widget.count())]
    if isinstance(widget, QLineEdit):
        texts.append(widget.placeholderText())
    if isinstance(widget, QAbstractSpinBox) and hasattr(widget, "suffix"):
        texts += [widget.prefix(), widget.suffix()]
    if isinstance(widget, QProgressBar):
        texts.append(widget.format())
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    return [text for text in texts if text.strip()]


def _menu_texts(menu: QMenu, where: str) -> list[tuple[str, str]]:
    """A menu's title, its actions' texts (and status tips, for the window's own), and its submenus'."""
    found = [(where, menu.title())]
    for action in menu.actions():
        if action.menu() is not None:
            found += _menu_texts(action.menu(), f"{where} ▸ {action.menu().title()}")
        elif not action.isSeparator():
            found.append((f"{where} ▸ {action.objectName()}", action.text()))
            if action.objectName() in _OWN_ACTIONS:
                found.append((f"{where} ▸ {action.objectName()} (status tip)", action.statusTip()))
    return found


def window_texts(win: MainWindow) -> list[tuple[str, str]]:
    """(where, text) for every text the window shows in words, its own and the core's.

    Widgets a part has replaced (deleteLater: a form built anew, a legend redrawn) are gone first, as they
    are before anything is painted."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    found = []
    for widget in [win, *win.findChildren(QWidget)]:
        found += [(widget.objectName() or type(widget).__name__, text) for text in _widget_texts(widget)]
    for action in win.menuBar().actions():
        found += _menu_texts(action.menu(), action.menu().title())
    for action in win.toolbar.actions():
        found += [(f"toolbar ▸ {action.objectName()}", text) for text in (action.iconText(), action.toolTip())]
    axes = win.loss.getPlotItem().getAxis("left"), win.loss.getPlotItem().getAxis("bottom")
    found += [("loss plot axis", axis.labelText) for axis in axes]
    return found


def english_words(text: str) -> list[str]:
    """The words of ``text`` in Latin letters that are not allowed to stay English (mnemonics and markup aside)."""
    plain = re.sub(r"<[^>]+>|&[a-z]+;", " ", text).replace("&", "")
    return [word for word in _WORD.findall(plain) if len(word) > 1 and word not in ALLOWED]


def english_left(win: MainWindow) -> list[tuple[str, str]]:
    return [(where, text) for where, text in window_texts(win) if english_words(text)]


def _language_action(win: MainWindow, code: str) -> QAction:
    action = win.findChild(QAction, f"action_language_{code}")
    assert action is not None
    return action


def _open_parts(qtbot, win: MainWindow) -> None:
    """The parts made on demand: the tuner dialog and the basin map's dock, its map drawn."""
    win.action_tune.trigger()
    with qtbot.waitSignal(win.basin.drawn, timeout=60_000):
        win.action_basin.trigger()


def test_the_walk_reads_the_whole_window(window):
    """In English it finds English words all over: the Korean checks below look where a class looks."""
    texts = window_texts(window)
    assert len(texts) > 120
    assert len(english_left(window)) > 100
    shown = {text for _where, text in texts}
    assert {"&File", "Parameters", "Runs", "Lecture-notes rounding", "History of the selected run", "Speed"} <= shown


def test_korean_from_view_language_changes_every_text_of_the_window_at_once(window):
    _language_action(window, "ko").trigger()  # no event processed before the checks: applied at once
    assert english_left(window) == []
    assert window.menuBar().actions()[0].text() == "파일(&F)" and window.action_play.iconText() == "재생"
    assert window.findChild(QDockWidget, "parameters_dock").windowTitle() == "매개변수"
    assert window.tables.tabText(0) == "선택한 실행의 기록" and window.settings_panel.title() == "설정"
    assert window.status_label.text().startswith("SGD: 0 / 0단계") and "일시 정지됨" in window.status_label.text()
    assert _language_action(window, "ko").isChecked() and not _language_action(window, "en").isChecked()
    # the core's texts, switched with the window's: a function's title and note, an optimizer's title, a range
    panel = window.function_panel
    assert panel.combo.itemText(0) == "강의 노트의 이차함수" and "둥근 그릇 모양" in panel.formula.text()
    assert window.findChild(QComboBox, "optimizer_combo").itemText(1) == "모멘텀"
    assert window.findChild(QLabel, "schedule_warmup_range").text() == "0부터 10,000,000까지"
    assert window.windowTitle() == "GradStep — 강의 노트의 이차함수"


def test_open_dialogs_and_docks_switch_too(qtbot, window):
    _open_parts(qtbot, window)
    window.set_language("ko")
    assert english_left(window) == []
    assert window.tuner.dialog.windowTitle() == "학습률 탐색" and window.tuner.dialog.run_button.text() == "탐색 시작"
    assert window.findChild(QDockWidget, "basin_dock").windowTitle() == "수렴 영역 지도"
    legend = [label.text() for label in window.basin.panel.legend.findChildren(QLabel) if label.text()]
    assert "최소점 0: (0, 4)" in legend


def test_a_lesson_and_its_steps_in_korean(qtbot, window):
    window.set_language("ko")
    lesson = next(lesson for lesson in window.lessons if lesson.name == "notes-adam")
    window.open_lesson(lesson)
    for _ in range(3):
        window.action_step.trigger()
    qtbot.waitUntil(lambda: window.model.synced and window.selected().step == 3
                    and window.status_label.text().startswith("Adam: 3 / 3단계"))
    assert english_left(window) == []
    assert lesson.text("title", "ko") in window.lesson_panel.text.text()
    lessons_menu = window.menuBar().actions()[4].menu()
    assert next(a.menu().title() for a in lessons_menu.actions() if a.menu()) == "강의 노트"
    shown = {row.label: row.shown for row in window.state_model.rows()}
    assert shown["params  (x, y)"] == "params  위치" and shown["step"] == "단계" and shown["lr_t"] == "lr_t"
    # the history table's headers are identifiers that checks outside the project read: the same in Korean
    model = window.history_table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:10] == ["step", "x", "y", "f", "grad_x", "grad_y", "m_x", "m_y", "v_x", "v_y"]


def test_back_to_english_gives_the_texts_of_a_fresh_window_exactly(qtbot, window):
    _open_parts(qtbot, window)
    fresh = sorted(window_texts(window))
    window.set_language("ko")
    assert sorted(window_texts(window)) != fresh
    _language_action(window, "en").trigger()
    assert sorted(window_texts(window)) == fresh


def _started(qtbot) -> MainWindow:
    """A new window, up and stepped to its first snapshot (as the ``window`` fixture makes one)."""
    create_application()
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.selected() is not None and win.selected().history is not None, timeout=5000)
    return win


def test_the_language_is_remembered(qtbot, window):
    window.set_language("ko")
    assert window.settings.value("view/language") == "ko"
    window.close()
    again = _started(qtbot)
    assert again.translations.language == "ko" and again.menuBar().actions()[0].text() == "파일(&F)"
    assert english_left(again) == []
    again.close()


@pytest.fixture
def korean_locale():
    """The application's default locale Korean, as on a Korean desktop, then back to what it was."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
    yield
    QLocale.setDefault(before)


def test_the_first_start_speaks_the_systems_language(qtbot, korean_locale):
    win = _started(qtbot)
    assert win.translations.language == "ko" and _language_action(win, "ko").isChecked()
    assert english_left(win) == []
    win.close()


def test_a_stored_choice_wins_over_the_systems_language(qtbot, korean_locale, isolated_settings):
    from gui.preferences import settings_store

    settings_store().setValue("view/language", "en")
    win = _started(qtbot)
    assert win.translations.language == "en" and win.menuBar().actions()[0].text() == "&File"
    win.close()


def test_korean_texts_fit_where_they_are_shown(qtbot, window):
    """Tool buttons without the menus' mnemonic, the state and comparison tables' word columns as wide as
    their Hangul, the timeline's and the speed's labels as wide as their longest text."""
    window.open_lesson(next(lesson for lesson in window.lessons if lesson.name == "notes-all"))
    window.set_language("ko")
    window.action_step.trigger()
    qtbot.waitUntil(lambda: window.model.synced and window.selected().step == 1
                    and window.state_model.rows()[-1].shown == "다음 이동  Δp")
    buttons = [window.toolbar.widgetForAction(action).text() for action in window.toolbar.actions()
               if window.toolbar.widgetForAction(action) is not None and action.text()]
    assert "재생" in buttons and not any("(" in text for text in buttons)
    for view in (window.state_table, window.compare_panel.table):  # as wide as Qt's own delegate asks
        assert [view.columnWidth(c) >= view.sizeHintForColumn(c) for c in range(2)] == [True, True], view.objectName()
    for label in (window.timeline.label, window.speed.label):
        assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())


def test_the_tuners_table_says_why_the_best_rate_stopped_in_korean(qtbot, window):
    """The last column reads 수렴 (N단계), not the core's English ``converged``."""
    window.set_language("ko")
    window.action_tune.trigger()
    dialog = window.tuner.dialog
    qtbot.waitUntil(dialog.isVisible)
    with qtbot.waitSignal(dialog.runner.finished, timeout=30_000):
        dialog.run_button.click()
    (tuned,) = dialog.tuned
    best = tuned.result.best
    korean = {"converged": "수렴", "step limit reached": "최대 시행 횟수 도달", "diverged": "발산"}
    expected = f"{korean[tuned.result.reason(best).value]} ({tuned.result.stop_step[best]}단계)"
    assert dialog.table.item(0, 5).text() == expected
    assert english_words(expected) == []


def test_the_plots_legend_follows_a_language_switch_both_ways(qtbot, window):
    """The legend's rows (the arrows, Momentum's title) were kept from the first language shown."""
    window.open_lesson(next(lesson for lesson in window.lessons if lesson.name == "notes-momentum"))
    window.action_step.trigger()
    qtbot.waitUntil(lambda: window.model.synced and window.selected().step == 1)

    def texts():
        window.redraw()
        return [row.text for row in window.legend.rows]

    english = texts()
    assert english[-1] == "the next step (to scale)" and english[0].startswith("Momentum η=0.5")
    window.set_language("ko")
    korean = texts()
    assert korean[-1] == "다음 이동 (실제 비율)" and korean[0].startswith("모멘텀 η=0.5")
    assert "가장 가파른 내리막" in korean[-2]
    window.set_language("en")
    assert texts() == english


def test_the_nesterov_lesson_names_the_menu_that_shows_the_notes_digits(qtbot, window):
    def plain(text: str) -> str:
        return re.sub(r"\(&\w\)|&", "", text)

    lesson = next(lesson for lesson in window.lessons if lesson.name == "notes-nesterov")
    for language, view_title in (("ko", "보기"), ("en", "View")):
        window.set_language(language)
        view = next(menu for menu in window.menuBar().findChildren(QMenu) if plain(menu.title()) == view_title)
        numbers = next(a.menu() for a in view.actions() if a.menu() is not None
                       and window.number_actions[FULL] in a.menu().actions())
        path = " ▸ ".join(plain(t) for t in (view.title(), numbers.title(), window.number_actions[FULL].text()))
        assert path in lesson.text("look_for", language), path  # where the window really has it
