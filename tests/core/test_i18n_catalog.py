"""The translation catalogs: current with the source, complete, consistent in their terms, compiled, shipped."""

import gettext
import importlib.util
import io
import re
import string
from pathlib import Path

from babel.messages.mofile import write_mo

from core.i18n import available_languages

ROOT = Path(__file__).resolve().parents[2]


def _tool():
    spec = importlib.util.spec_from_file_location("i18n_core", ROOT / "tools" / "i18n_core.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOOL = _tool()
KOREAN_PO = TOOL.LOCALE / "ko" / "LC_MESSAGES" / "gradstep.po"
KOREAN = TOOL.read(KOREAN_PO)
ENTRIES = [message for message in KOREAN if message.id]


def _texts(message) -> list[tuple[str, str]]:
    """(English, Korean) pairs of an entry: one, or one per form of a plural entry."""
    if isinstance(message.id, tuple):
        return [(message.id[min(i, 1)], text) for i, text in enumerate(message.string)]
    return [(message.id, message.string)]


def test_every_text_marked_in_the_core_is_in_the_template_and_the_korean_catalog():
    marked = {message.id for message in TOOL.extract() if message.id}
    assert len(marked) > 200
    assert marked == {message.id for message in TOOL.read(TOOL.TEMPLATE) if message.id}
    assert marked == {message.id for message in ENTRIES}


def test_every_korean_entry_is_translated_and_none_is_fuzzy():
    assert not KOREAN.fuzzy and KOREAN.plural_forms == "nplurals=1; plural=0;"
    assert [m.id for m in ENTRIES if m.fuzzy] == []
    assert [m.id for m in ENTRIES if not all(text for _english, text in _texts(m))] == []
    hangul = re.compile("[가-힣]")
    assert [m.id for m in ENTRIES if not all(hangul.search(text) for _english, text in _texts(m))] == []


def _fields(text: str) -> list[str]:
    return sorted(f"{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}"
                  for _literal, name, spec, conversion in string.Formatter().parse(text) if name is not None)


def test_each_translation_keeps_the_placeholders_and_the_edges_of_its_text():
    for message in ENTRIES:
        for english, korean in _texts(message):
            assert _fields(korean) == _fields(english), message.id
            assert korean.count("%") == english.count("%"), message.id  # argparse's %% in help texts
            assert (korean[:1].isspace(), korean[-1:].isspace()) == (english[:1].isspace(), english[-1:].isspace())


# the notes' terms: every text that says the English says the Korean
TERMS = {r"learning[ -]rate": "학습률", r"gradient[ -]descent": "경사 하강법", r"converge": "수렴",
         r"diverge": "발산", r"hyperparameter": "하이퍼파라미터", r"momentum": "모멘텀", r"rounding": "반올림",
         r"tolerance": "허용 오차", r"step limit": "최대 시행 횟수", r"lecture[ -]notes": "강의 노트",
         r"optimizer": "옵티마이저", r"standard deviation": "표준편차", r"velocity": "속도"}
# names that stay as they are inside a text: options, placeholders, identifiers and key=value examples
_NAMES = re.compile(r"--[\w-]+|\{[^}]*\}|\S*=\S*|\w*_\w*")


def test_the_korean_uses_the_lecture_notes_terms_consistently():
    for message in ENTRIES:
        for english, korean in _texts(message):
            words = _NAMES.sub(" ", english).lower()
            for term, word in TERMS.items():
                if re.search(term, words):
                    assert word in korean, (message.id, word)
            if re.search(r"\bgradients?\b", re.sub(r"gradient[ -]descent", "", words)):
                assert "기울기" in korean, message.id


def test_the_shipped_catalog_is_the_compiled_po():
    compiled = io.BytesIO()
    write_mo(compiled, KOREAN, use_fuzzy=False)
    built = gettext.GNUTranslations(io.BytesIO(compiled.getvalue()))
    with KOREAN_PO.with_suffix(".mo").open("rb") as stream:
        shipped = gettext.GNUTranslations(stream)
    assert shipped._catalog == built._catalog  # every message and the header, nothing stale
    assert shipped.gettext("converged at step {step}") == "{step}회 시행에서 수렴"


def test_the_compiled_catalog_is_package_data():
    assert "ko" in available_languages()  # found through importlib.resources
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    data = re.search(r'^"resources" = \[(.*)\]$', pyproject, re.MULTILINE)
    assert data is not None and '"locale/*/LC_MESSAGES/*.mo"' in data.group(1)
    assert Path(ROOT, "resources", "locale", "ko", "LC_MESSAGES", "gradstep.mo").is_file()
