"""Headless commands: ``cveditor validate``, ``convert`` — the same code paths as the GUI."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .errors import ResumeFileError
from .io import native


def _validate(args: argparse.Namespace) -> int:
    native.load(args.file)
    print("OK")
    return 0


def _convert(args: argparse.Namespace) -> int:
    resume = native.load(args.input)
    native.save(resume, args.output, backup=False)
    print(f"wrote {args.output}")
    return 0


COMMANDS: dict[str, tuple[str, Callable[[argparse.Namespace], int]]] = {
    "validate": ("check that a résumé file reads cleanly", _validate),
    "convert": ("read a résumé and write it in another file", _convert),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cveditor", description="Headless résumé commands.")
    parser.add_argument("--version", action="version", version=f"cveditor {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help=COMMANDS["validate"][0])
    validate.add_argument("file", type=Path)
    convert = sub.add_parser("convert", help=COMMANDS["convert"][0])
    convert.add_argument("input", type=Path)
    convert.add_argument("-o", "--output", type=Path, required=True)
    return parser


def run(argv: Sequence[str]) -> int:
    """Run one headless command; user errors print one located line and return 1."""
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command][1](args)
    except ResumeFileError as error:
        print(f"error: {error.located()}", file=sys.stderr)
        return 1
