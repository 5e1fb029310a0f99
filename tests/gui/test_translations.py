"""The window's Korean catalog: complete, compiled, current with the sources, and true to each source text
(its placeholders, its mnemonic, its symbols and names)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "gradstep_ko.ts"
TOOL = ROOT / "tools" / "i18n_gui.py"

_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%[pn]")
_MNEMONIC = re.compile(r"&([^&\s])")
# kept as they are in every language (HOUSE_STYLE 19): symbols, and the names a class types or reads in a file
SYMBOLS = ("η", "μ", "σ", "δ", "−∇f", "∇f", "‖∇f‖", "Δp", "f*", "★", "×", "≈", "▸", "…", "Ctrl+", "Shift+", "[", "]")
NAMES = ("GradStep", "SGD", "Nesterov", "AdaGrad", "RMSProp", "Adam", "CSV", "PNG", "SVG", "GIF", "MP4", "UTF-8",
         "BOM", "MIT", "pip install", "gradstep[video]", "round()", "lr_t", "x^2")


def _messages() -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message of the Korean catalog."""
    root = ET.parse(TS).getroot()
    return [(context.findtext("name") or "", message.findtext("source"), message.find("translation"))
            for context in root.iter("context") for message in context.iter("message")]


MESSAGES = _messages()


def _pairs() -> list[tuple[str, str, str]]:
    return [(context, source, translation.text or "") for context, source, translation in MESSAGES]


def test_every_message_is_translated_none_unfinished_vanished_or_obsolete():
    assert len(MESSAGES) > 350  # every text of the window, not a sample
    left = [(context, source, translation.get("type")) for context, source, translation in MESSAGES
            if translation.get("type") is not None or not (translation.text or "").strip()]
    assert left == []


def test_every_translation_is_korean_and_not_the_source_copied():
    copied = [(c, s) for c, s, t in _pairs() if t == s and re.search(r"[A-Za-z]{3}", s)]
    assert copied == []
    hangul = [(c, s) for c, s, t in _pairs() if re.search(r"[A-Za-z]{4}", _bare(s))
              and not re.search(r"[가-힣]", t)]
    assert hangul == []


def _bare(text: str) -> str:
    """A source without what stays as it is: placeholders, file patterns, names."""
    text = _PLACEHOLDER.sub("", re.sub(r"\(\*[^)]*\)", "", text))
    return re.sub("|".join(map(re.escape, NAMES)), "", text)


def test_each_translation_keeps_the_sources_placeholders():
    wrong = [(c, s, t) for c, s, t in _pairs() if set(_PLACEHOLDER.findall(s)) != set(_PLACEHOLDER.findall(t))]
    assert wrong == []


def test_each_translation_keeps_the_sources_mnemonic_as_korean_menus_write_it():
    """One ``&`` where the source has one, after the text in parentheses with the same key: 재생(&P)."""
    assert [(c, s, t) for c, s, t in _pairs() if not _same_mnemonic(s, t)] == []


def _same_mnemonic(source: str, translation: str) -> bool:
    keys = _MNEMONIC.findall(source)
    if translation.count("&") != source.count("&"):
        return False
    return not keys or bool(re.search(rf"\(&{re.escape(keys[0])}\)…?$", translation, re.IGNORECASE))


def test_each_translation_keeps_the_sources_symbols_names_and_lines():
    wrong = [(c, s, t) for c, s, t in _pairs()
             if any(token in s and token not in t for token in SYMBOLS + NAMES) or s.count("\n") != t.count("\n")]
    assert wrong == []


def test_the_compiled_catalog_says_what_the_source_catalog_says(qapp):
    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    differ = [(c, s) for c, s, t in _pairs() if translator.translate(c, s) != t]
    assert differ == []


def _check(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(root / "tools" / "i18n_gui.py"), "--check"], capture_output=True,
                          text=True, timeout=120)


def test_the_catalog_and_its_compiled_file_are_current_with_the_sources():
    done = _check(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_check_fails_when_a_new_window_text_is_not_in_the_catalog(tmp_path):
    """The same check on a copy whose sources gained a tr() text: it says which catalog is out of date and
    changes nothing."""
    for folder in ("tools", "gui", "resources/translations"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "gui" / "new_part.py").write_text(
        "from PySide6.QtWidgets import QLabel\n\n\nclass NewPart(QLabel):\n"
        "    def retranslate(self):\n        self.setText(self.tr(\"A text the catalog has never seen\"))\n")
    before = (tmp_path / "resources" / "translations" / "gradstep_ko.ts").read_bytes()
    done = _check(tmp_path)
    assert done.returncode == 1 and "gradstep_ko.ts" in done.stdout
    assert (tmp_path / "resources" / "translations" / "gradstep_ko.ts").read_bytes() == before


def test_the_compiled_catalog_is_installed_with_gradstep():
    """Package data: a GradStep installed from a wheel, not only from the checkout, speaks Korean."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'packages = \[[^\]]*"resources\.translations"', pyproject)
    assert re.search(r'"resources\.translations" = \[[^\]]*"\*\.qm"', pyproject)
