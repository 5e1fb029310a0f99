"""The core's texts in the user's language, with the standard library's gettext: English, or Korean.

Every text is written in English in the source.  ``_(text)`` translates it now, into the language chosen
with `set_language`; ``N_(text)`` only marks a text defined at import time (a declaration's label or
meaning, an optimizer's ``about``) for the extractor and returns it unchanged: it is translated where it
is shown, with ``_``.  Nothing translated is ever kept, so a language switched while the program runs
(the window's Language menu) applies to every text shown afterwards.  Numbers, symbols, option names,
CSV columns and JSON keys are never translated.

A marked text is a plain string literal with named placeholders, filled after translating so that a
translation may reorder them: ``_("{label} must be a number, got {value}").format(label=..., value=...)``.
Never an f-string, nor a ``_("...")`` inside an f-string's braces: Python before 3.12 hides that from
the extractor.

The library's language is English until `set_language` is called: importing ``core`` never looks at the
machine's locale.  The headless commands' entry points call
``set_language(language_from_environment())``, so ``LANG=ko_KR.UTF-8 gradstep run`` speaks Korean.

Catalogs are package data: ``resources/locale/<language>/LC_MESSAGES/gradstep.mo``, read through
importlib.resources (so they load from a wheel or a zip as well as from the checkout) into
`gettext.GNUTranslations`.  ``tools/i18n_core.py`` extracts the template ``resources/locale/gradstep.pot``
from ``core/``, merges it into each ``gradstep.po`` and compiles the ``.mo`` files.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from importlib import resources

__all__ = ["DEFAULT", "DOMAIN", "N_", "_", "available_languages", "language", "language_from_environment",
           "ngettext", "set_language"]

DOMAIN = "gradstep"
#: The language of the source texts, and of everything when no other is chosen.
DEFAULT = "en"
#: Where gettext looks for the user's language, in its order: the first one set decides.
ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_catalogs: dict[str, gettext.NullTranslations] = {DEFAULT: gettext.NullTranslations()}
_active: tuple[str, gettext.NullTranslations] = (DEFAULT, _catalogs[DEFAULT])


def _(message: str) -> str:
    """``message`` in the current language (itself where the catalog has no translation)."""
    # gettext("") is the catalog's header, never a text of ours
    return _active[1].gettext(message) if message else message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a text that suits the count ``n``, in the current language."""
    return _active[1].ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it (show it later through `_`)."""
    return message


def _locale_folder():
    return resources.files("resources") / "locale"


def available_languages() -> tuple[str, ...]:
    """English and every language with a compiled catalog, e.g. ``("en", "ko")``."""
    try:
        found = sorted(item.name for item in _locale_folder().iterdir()
                       if item.is_dir() and (item / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file())
    except OSError:  # an installation without catalogs still works, in English
        found = []
    return (DEFAULT, *found)


def _catalog_language(code) -> str | None:
    """The available language a locale code names (``ko_KR.UTF-8``, ``ko-KR``, ``ko``: "ko"), or None."""
    name = str(code).split(".")[0].split("@")[0].replace("-", "_")
    languages = available_languages()
    for candidate in (name, name.split("_")[0].lower()):
        if candidate in languages:
            return candidate
    return None


def set_language(code: str | None) -> str:
    """Translate every text from now on into the language ``code`` names ("en", "ko", "ko_KR", a locale
    such as "ko_KR.UTF-8"); English for None, "C", or a language without a catalog.  Returns the
    language now in use ("en" or "ko")."""
    global _active
    chosen = _catalog_language(code) if code else None
    chosen = chosen or DEFAULT
    if chosen not in _catalogs:
        with (_locale_folder() / chosen / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as stream:
            _catalogs[chosen] = gettext.GNUTranslations(stream)
    _active = (chosen, _catalogs[chosen])
    return chosen


def language() -> str:
    """The language texts are translated into now ("en" unless `set_language` chose another)."""
    return _active[0]


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for, looked up as gettext does: the first of LANGUAGE, LC_ALL,
    LC_MESSAGES and LANG that is set, a colon-separated list of preferences (``ko:en``) whose first
    available language wins; "C" or "POSIX" end the search with English.  "en" when nothing matches."""
    environ = os.environ if environ is None else environ
    value = next((environ[name] for name in ENVIRONMENT if environ.get(name)), "")
    for code in value.split(":"):
        if code.split(".")[0] in ("C", "POSIX"):
            break
        found = _catalog_language(code) if code else None
        if found:
            return found
    return DEFAULT
