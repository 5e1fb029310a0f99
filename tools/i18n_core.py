"""Keep the core's translation catalogs current with Babel: extract, update, compile.

    python tools/i18n_core.py            extract, update and compile, in that order
    python tools/i18n_core.py extract    the texts marked in core/ -> resources/locale/gradstep.pot
    python tools/i18n_core.py update     the template's texts into every <language>/LC_MESSAGES/gradstep.po
    python tools/i18n_core.py compile    every gradstep.po -> gradstep.mo beside it (what the program reads)
    python tools/i18n_core.py init ko    start the catalog of a new language from the template

After ``update``, translate what it added (empty entries) or changed (entries marked fuzzy, with the old
text as a hint) in the .po file, remove the fuzzy mark, and ``compile``; tests/core/test_i18n_catalog.py
fails while an entry is untranslated or fuzzy, or a .mo is not the compiled .po.  A file is rewritten
only when more than its dates would change.  Babel comes with the test extra (``pip install -e
".[test]"``); the program itself reads the .mo files with the standard library's gettext.
"""

from __future__ import annotations

import io
import re
import sys
from datetime import datetime, timezone
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "resources" / "locale"
TEMPLATE = LOCALE / "gradstep.pot"
#: Where the marked texts are: the Qt-free core (the window's own texts are Qt's .ts files).
SOURCES = ("core",)
#: A comment starting with this just above a marked text is shown to translators.
COMMENT_TAGS = ("TRANSLATORS:",)
HEADER = ("# The texts of GradStep's Qt-free core (core/), extracted by tools/i18n_core.py.\n"
          "# Copyright (C) GradStep maintainers\n"
          "# This file is distributed under the same license as the GradStep project (MIT).\n#")
_DATES = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date): [^"]*"\n', re.MULTILINE)


def extract() -> Catalog:
    """Every text marked with ``_``, ``N_`` or ``ngettext`` in `SOURCES`, as a template catalog."""
    catalog = Catalog(project="GradStep", version="0.1.0", copyright_holder="GradStep maintainers",
                      msgid_bugs_address="the GradStep issue tracker", charset="utf-8",
                      header_comment=HEADER, fuzzy=False)
    for folder in SOURCES:
        for filename, lineno, message, comments, context in extract_from_dir(
                ROOT / folder, comment_tags=COMMENT_TAGS, strip_comment_tags=True):
            catalog.add(message, locations=[(f"{folder}/{filename}", lineno)], auto_comments=comments,
                        context=context)
    return catalog


def catalogs() -> list[Path]:
    """The .po file of every language."""
    return sorted(LOCALE.glob("*/LC_MESSAGES/gradstep.po"))


def read(path: Path) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream, locale=None if path == TEMPLATE else path.parents[1].name)


def po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, include_lineno=False, ignore_obsolete=True)
    return buffer.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def _write(path: Path, data: bytes, dated: bool = True) -> bool:
    """Write ``data`` to ``path`` unless the file holds it already (dates aside); True if written."""
    old = path.read_bytes() if path.exists() else None
    if old is not None and (_DATES.sub(b"", old) == _DATES.sub(b"", data) if dated else old == data):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    print(f"wrote {path.relative_to(ROOT)}")
    return True


def do_extract() -> None:
    _write(TEMPLATE, po_bytes(extract()))


def do_update() -> None:
    template = read(TEMPLATE)
    for path in catalogs():
        catalog = read(path)
        catalog.update(template)
        _write(path, po_bytes(catalog))


def do_compile() -> None:
    for path in catalogs():
        catalog = read(path)
        problems = [f"{message.id!r}: {error}" for message, errors in catalog.check() for error in errors]
        if problems:
            sys.exit(f"{path.relative_to(ROOT)}:\n  " + "\n  ".join(problems))
        _write(path.with_suffix(".mo"), mo_bytes(catalog), dated=False)


def do_init(language: str) -> None:
    path = LOCALE / language / "LC_MESSAGES" / "gradstep.po"
    if path.exists():
        sys.exit(f"{path.relative_to(ROOT)} exists already: use update")
    catalog = read(TEMPLATE)
    catalog.locale = Locale.parse(language)
    catalog.revision_date = datetime.now(timezone.utc)
    catalog.fuzzy = False
    _write(path, po_bytes(catalog))


def main(argv: list[str]) -> None:
    steps = {"extract": do_extract, "update": do_update, "compile": do_compile}
    if argv[:1] == ["init"] and len(argv) == 2:
        do_init(argv[1])
    elif not argv:
        for step in steps.values():
            step()
    elif len(argv) == 1 and argv[0] in steps:
        steps[argv[0]]()
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
