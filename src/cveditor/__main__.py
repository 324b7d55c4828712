"""``cveditor [FILE]`` opens the editor; ``cveditor COMMAND …`` runs headless."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from .cli import COMMANDS

    if argv and argv[0] in COMMANDS:
        from .cli import run

        return run(argv)
    parser = argparse.ArgumentParser(
        prog="cveditor",
        description="Edit a résumé with a live preview. "
        f"Headless commands: {', '.join(COMMANDS)} (cveditor COMMAND --help).",
    )
    parser.add_argument("file", nargs="?", type=Path, help="résumé to open")
    parser.add_argument("--sample", action="store_true", help="open the bundled sample résumé")
    parser.add_argument("--version", action="version", version=f"cveditor {__version__}")
    args = parser.parse_args(argv)
    from .ui.app import run_gui

    return run_gui(args.file, sample=args.sample)


if __name__ == "__main__":
    sys.exit(main())
