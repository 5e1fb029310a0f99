"""core/ imports numpy and the standard library only: every module loads with Qt made unimportable."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import core

ROOT = Path(__file__).resolve().parents[2]
BLOCKER = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in {'PySide6', 'shiboken6', 'pyqtgraph', 'PyQt5', 'PyQt6', 'PySide2', 'contourpy'}:
            raise ImportError('blocked: ' + name)
sys.meta_path.insert(0, Block())
"""


def test_every_core_module_imports_with_qt_blocked():
    modules = sorted(f"core.{m.name}" for m in pkgutil.iter_modules(core.__path__))
    assert {"core.optimizers", "core.functions", "core.run", "core.cli", "core.trajectory_csv"} <= set(modules)
    script = BLOCKER + "".join(f"import {m}\n" for m in modules) + (
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'pyqtgraph', 'shiboken6'})\n"
        "print('loaded', len(bad))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "loaded 0"


def test_the_blocker_really_blocks():
    done = subprocess.run([sys.executable, "-c", BLOCKER + "import PySide6"], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    assert done.returncode != 0 and "blocked: PySide6" in done.stderr
