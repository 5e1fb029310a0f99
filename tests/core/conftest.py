"""Core tests read English whatever the machine's locale and whatever ran before them: each starts and
ends with the library in English, and the commands the tests start as processes get LANGUAGE=en, the
variable gettext reads first."""

import pytest

from core.i18n import set_language


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    monkeypatch.setenv("LANGUAGE", "en")
    set_language("en")
    yield
    set_language("en")
