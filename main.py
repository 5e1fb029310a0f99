"""GradStep launcher: ``python main.py`` opens the desktop app, ``python main.py run ...`` runs headless.

The headless command never imports Qt, so it starts in a fraction of a second and works without a screen.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] in (["run"], ["sweep"], ["basin"]):
        # the headless commands speak the language the environment asks for (LANG=ko_KR.UTF-8: Korean)
        from core.i18n import language_from_environment, set_language
        set_language(language_from_environment())
    if argv[:1] == ["run"]:
        from core.cli import main as run_main
        return run_main(argv[1:], prog="gradstep run")
    if argv[:1] in (["sweep"], ["basin"]):
        from core.cli_basin import main as basin_main
        from core.cli_sweep import main as sweep_main
        return (sweep_main if argv[0] == "sweep" else basin_main)(argv[1:], prog=f"gradstep {argv[0]}")
    if argv[:1] in (["-h"], ["--help"]):
        from core.cli import print_launcher_usage
        print_launcher_usage()
        return 0
    if argv[:1] == ["--version"]:
        from core import __version__
        print(f"gradstep {__version__}")
        return 0
    from gui.app import main as gui_main
    if argv and not argv[0].startswith("-"):  # gradstep FILE [Qt's options]
        return gui_main(argv[1:], path=argv[0])
    return gui_main(argv)


if __name__ == "__main__":
    sys.exit(main())
