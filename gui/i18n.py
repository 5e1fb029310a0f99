"""The window's language: English or Korean, switched without a restart (View ▸ Language).

Qt's own machinery: the window's texts go through ``tr()``; ``resources/translations/gradstep_<lang>.ts``
holds their translations (edited in Qt Linguist, extracted with ``pyside6-lupdate``) and
``gradstep_<lang>.qm`` the compiled catalog (``pyside6-lrelease``), loaded by a QTranslator, with Qt's
own catalog for its standard dialogs (buttons, file dialogs).  Texts that come from the Qt-free core go
through the standard library's gettext (`core.i18n`), switched here at the same time.  Installing a
translator sends every widget a LanguageChange event; the window then sets its texts again.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from core.i18n import set_language

__all__ = ["LANGUAGES", "Translations", "system_language"]

#: The languages the window speaks, in the menu's order: code, name in that language.
LANGUAGES = (("en", "English"), ("ko", "한국어"))
_CODES = {code for code, _name in LANGUAGES}


def system_language() -> str:
    """The language of the application's default locale if the window speaks it, else English.

    The default locale (``QLocale()``) is the system's (LANG, LC_ALL, the desktop's choice) unless the
    application set another with ``QLocale.setDefault``, which ``QLocale.system()`` would ignore: a test, or
    an embedding program, can then choose the language the window starts in."""
    code = QLocale().name().split("_")[0]
    return code if code in _CODES else "en"




class Translations(QObject):
    """The translators installed in the application for the current language."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.language = "en"
        self._installed: list[QTranslator] = []

    def apply(self, code: str) -> str:
        """Switch to ``code`` ("en", "ko"; anything else is English); returns the language in effect."""
        code = code if code in _CODES else "en"
        # The core's language first: installing a translator tells every widget to set its texts again,
        # and those that show the core's texts must find it switched already.
        set_language(code)
        app = QCoreApplication.instance()
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []
        if code != "en":
            self._load(app, f"gradstep_{code}", _catalog_folder())
            self._load(app, f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        self.language = code
        return code

    def _load(self, app, name: str, folder: str) -> None:
        translator = QTranslator(self)
        if translator.load(name, folder):
            app.installTranslator(translator)
            self._installed.append(translator)


def _catalog_folder() -> str:
    return str(resources.files("resources") / "translations")
