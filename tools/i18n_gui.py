"""Update the window's translation sources and compile them: ``python tools/i18n_gui.py [--check]``.

``pyside6-lupdate`` reads every ``tr()``, ``QCoreApplication.translate()``, ``QT_TRANSLATE_NOOP()`` and
``T()``, ``_t()`` and ``_tr()`` (markers for texts without a class of their own, aliases of Qt's QT_TR_NOOP:
their context is "") in gui/ and merges them
into ``resources/translations/gradstep_<lang>.ts`` (translated in Qt Linguist or any XML editor);
``pyside6-lrelease`` compiles each into the ``.qm`` the window loads.  ``--check`` changes nothing and
exits 1 if a catalog is out of date with the sources or a compiled file is out of date with its catalog
(the tests run the same checks).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("ko",)
#: the window's markers for texts without a class of their own (context ""): see gui/actions.py, gui/tables.py
MARKERS = "QT_TR_NOOP+=T,QT_TR_NOOP+=_t,QT_TR_NOOP+=_tr"


def tool(name: str) -> str:
    """A Qt Linguist tool that came with PySide6, beside this Python or on the PATH."""
    beside = Path(sys.executable).with_name(f"pyside6-{name}")
    found = beside if beside.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: it comes with PySide6 (pip install PySide6-Essentials)")
    return str(found)


def update(ts: Path) -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "gui").glob("*.py"))
    subprocess.run([tool("lupdate"), *sources, "-tr-function-alias", MARKERS, "-locations", "none", "-no-obsolete",
                    "-ts", str(ts)], cwd=ROOT, check=True, capture_output=True)


def release(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for language in LANGUAGES:
        ts, qm = FOLDER / f"gradstep_{language}.ts", FOLDER / f"gradstep_{language}.qm"
        with tempfile.TemporaryDirectory() as scratch:
            fresh_ts, fresh_qm = Path(scratch) / ts.name, Path(scratch) / qm.name
            if ts.exists():
                shutil.copy(ts, fresh_ts)
            update(fresh_ts)
            release(fresh_ts, fresh_qm)
            for made, shipped in ((fresh_ts, ts), (fresh_qm, qm)):
                if not shipped.exists() or made.read_bytes() != shipped.read_bytes():
                    stale.append(shipped.name)
                    if not check:
                        shutil.copy(made, shipped)
    if stale:
        print(("out of date: " if check else "updated: ") + ", ".join(stale))
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
