"""Headless commands: ``cveditor validate``, ``convert`` — the same code paths as the GUI."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .errors import ResumeFileError
from .io import native
from .io.atomic import atomic_write_bytes
from .model.resume import Resume
from .task import Cancelled, Task, running


def _validate(args: argparse.Namespace) -> int:
    """Reports, never refuses: every problem on its own line, exit 1 when there are any
    (the window opens such a file and keeps what it cannot read)."""
    _resume, problems = native.check(args.file)
    for problem in problems:
        print(problem.located(str(args.file)), file=sys.stderr)
    if problems:
        return 1
    print("OK")
    return 0


def _qt_app() -> object:
    """A GUI-less Qt application for rendering; works with no display at all."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(["cveditor"])


def _export(args: argparse.Namespace) -> int:
    from .render.themes import get_theme

    resume = native.load(args.file)
    if args.theme:  # asked for by name: one that cannot be used is an error
        get_theme(args.theme, fallback=False)
        resume.layout.theme = args.theme
    # named in the résumé, a broken or missing one is replaced by the default, and
    # write_resume's warnings say so
    if args.paper:
        resume.layout.paper = args.paper
    suffix = args.output.suffix.lower()
    if suffix not in {".pdf", ".html", ".htm"}:
        raise ResumeFileError("choose an output ending in .pdf or .html", file=args.output)
    _apply_fit(resume, args.fit_pages, args.output)
    app = _qt_app()  # noqa: F841 — rendering needs a Qt application alive
    from .render.exports import write_resume

    # the same filtered output as convert and Export As: only what prints leaves
    warnings = write_resume(
        resume, args.output, base_dir=args.file.parent, attach_source=not args.no_source
    )
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if suffix == ".pdf":
        from pypdf import PdfReader

        _say_fit(resume, args.file)
        pages = len(PdfReader(args.output).pages)
        print(f"wrote {args.output} ({pages} page{'s' * (pages != 1)})")
        return _text_layer_status(args.output, warnings)
    print(f"wrote {args.output}")
    return 0


def _apply_fit(resume: Resume, pages: int | None, output: Path) -> None:
    """``--fit-pages N`` for this export only (0: off, whatever the file says)."""
    if pages is None:
        return
    if output.suffix.lower() != ".pdf":
        raise ResumeFileError("--fit-pages goes with a .pdf output", file=output)
    resume.layout.fitPages = pages or None


def _say_fit(resume: Resume, source: Path) -> None:
    """What "Fit to pages" changed (on stdout), or that it could not fit (a warning on
    stderr, located at the résumé; the PDF is written anyway, drawn as set)."""
    if not resume.layout.fitPages:
        return
    from .render.build import render_resume

    rendered = render_resume(resume, base_dir=source.parent)
    fit = rendered.fit
    rendered.pages.close()
    if fit is None:
        return
    if fit.fits:
        print(f"fit: {fit.message}")
    else:
        print(f"warning: {source}: {fit.message}", file=sys.stderr)


def _fit_pages(text: str) -> int:
    """argparse type of --fit-pages: a whole number of pages from 0 (off) to 10."""
    from .render.fit import MAX_FIT_PAGES

    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= MAX_FIT_PAGES:
        raise argparse.ArgumentTypeError(
            f"give a number of pages from 1 to {MAX_FIT_PAGES} (0: off), not {text!r}"
        )
    return value


def _text_layer_status(output: Path, warnings: list[str]) -> int:
    """TEXT_LAYER_FAILED when the PDF's text does not read back as printed (the words are
    in the warnings above): a script must not send such a PDF to an ATS unnoticed."""
    from .render.pdf import TextLayerProblem

    if not any(isinstance(w, TextLayerProblem) for w in warnings):
        return 0
    print(f"error: {output}: the text layer does not read back as printed", file=sys.stderr)
    return TEXT_LAYER_FAILED


#: ``cveditor export`` wrote the PDF, but its text layer failed the read-back check.
TEXT_LAYER_FAILED = 3

FIT_HELP = (
    "with a .pdf output: fit on at most N pages (1-10; 0 off) by tightening spacing, "
    "then line height, then font size within the theme's bounds; prints what changed. "
    "When it cannot fit, the PDF is drawn as set, a warning says so, exit status 0"
)


def _themes(_args: argparse.Namespace) -> int:
    """Every theme, and by name each user theme that cannot be used and why."""
    from .paths import user_themes_dir
    from .render.themes import load_themes

    catalog = load_themes()
    for theme in catalog.themes.values():
        origin = "built-in" if theme.builtin else "user"
        ats = "" if theme.ats_friendly else "  (not for ATS)"
        print(f"{theme.id:<10} {theme.name} — {origin}{ats}")
    for theme_id, error in catalog.broken.items():
        print(f"{theme_id:<10} cannot be used — user theme: {error.located()}")
    print(f"\nuser themes folder: {user_themes_dir()}")
    return 0


def _ats(args: argparse.Namespace) -> int:
    from .ats.command import run

    return run(args)


def _convert(args: argparse.Namespace) -> int:
    from .io.formats import read_resume

    resume = read_resume(args.input)  # Markdown: as File ▸ Import… reads it (import_plan)
    suffix = args.output.suffix.lower()
    over_existing = False
    if args.into is not None:  # import into that résumé (io.merge), as the window does
        from .io.merge import merge_into

        over_existing = _same_path(args.output, args.into)
        if over_existing and (args.to or suffix != ".json"):
            raise ResumeFileError(
                "the output is the résumé given with --into: it can only be saved as a "
                "cveditor .json (no --to)",
                file=args.output,
            )
        resume = merge_into(read_resume(args.into), resume)
    if args.to == "jsonresume" and suffix != ".json":
        raise ResumeFileError("--to jsonresume writes a .json file", file=args.output)
    if args.include_unprinted and args.to != "jsonresume":
        raise ResumeFileError("--include-unprinted goes with --to jsonresume", file=args.output)
    _apply_fit(resume, args.fit_pages, args.output)
    if over_existing:  # the careful save of the window: previous file kept as .bak
        native.save(resume, args.output)
    elif suffix == ".json" and not args.to:  # a native save needs no Qt; read-only refused
        text = native.dumps(resume)  # a whole résumé: private (#18)
        atomic_write_bytes(args.output, text.encode("utf-8"), backup=False, private=True)
    else:  # exports: pages rendered, the photo re-encoded from its pixels — with Qt
        app = _qt_app()  # noqa: F841
        from .render.exports import write_resume

        for warning in write_resume(
            resume,
            args.output,
            to=args.to or "",
            base_dir=args.input.parent,
            include_unprinted=args.include_unprinted,
        ):
            print(f"warning: {warning}", file=sys.stderr)
        if suffix == ".pdf":
            _say_fit(resume, args.input)
    print(f"wrote {args.output}")
    return 0


COMMANDS: dict[str, tuple[str, Callable[[argparse.Namespace], int]]] = {
    "validate": ("check that a résumé file reads cleanly", _validate),
    "convert": ("read a résumé and write it in another file", _convert),
    "export": ("render a résumé to PDF or HTML (works with no display)", _export),
    "themes": ("list the available themes", _themes),
    "ats": ("show what an applicant-tracking system reads from a résumé or PDF", _ats),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cveditor", description="Headless résumé commands.")
    parser.add_argument("--version", action="version", version=f"cveditor {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help=COMMANDS["validate"][0])
    validate.add_argument("file", type=Path)
    convert = sub.add_parser(
        "convert",
        help=COMMANDS["convert"][0],
        description="Formats follow the extensions. In: .json (cveditor or JSON Resume), "
        ".md, .pdf (exported by cveditor). Out: .json, .md, .html, .txt, .pdf.",
    )
    convert.add_argument("input", type=Path)
    convert.add_argument("-o", "--output", type=Path, required=True)
    convert.add_argument(
        "--to",
        choices=["jsonresume"],
        help="with a .json output: plain JSON Resume for other tools",
    )
    convert.add_argument(
        "--include-unprinted",
        action="store_true",
        help="with --to jsonresume: also the fields no theme prints (street address, "
        "postal code, meta, a birth date …) and the photo",
    )
    convert.add_argument("--fit-pages", type=_fit_pages, metavar="N", help=FIT_HELP)
    convert.add_argument(
        "--into",
        type=Path,
        metavar="EXISTING.json",
        help="add the input to this résumé (jobs, projects, sections, private notes; its "
        "profile fields are kept, empty ones filled) and write the result; the output may "
        "be EXISTING.json itself (saved carefully, the old file kept as .bak)",
    )
    export = sub.add_parser(
        "export",
        help=COMMANDS["export"][0],
        description="Exit status: 0 written; 1 not written (an error); "
        f"{TEXT_LAYER_FAILED} a PDF written whose text does not read back as printed "
        "(words lost, read twice, or outside the page body; named in the warnings). "
        "A résumé that --fit-pages cannot fit is written as set, with a warning: 0.",
    )
    export.add_argument("file", type=Path)
    export.add_argument("-o", "--output", type=Path, required=True, help="OUT.pdf or OUT.html")
    export.add_argument("--theme", help="theme id (see: cveditor themes)")
    export.add_argument("--paper", choices=["a4", "letter"])
    export.add_argument("--fit-pages", type=_fit_pages, metavar="N", help=FIT_HELP)
    export.add_argument(
        "--no-source",
        action="store_true",
        help="do not attach the printed résumé as JSON to the PDF",
    )
    sub.add_parser("themes", help=COMMANDS["themes"][0])
    from .ats.command import DESCRIPTION, add_arguments

    add_arguments(sub.add_parser("ats", help=COMMANDS["ats"][0], description=DESCRIPTION))
    return parser


def run(argv: Sequence[str]) -> int:
    """Run one headless command; user errors print one located line and return 1."""
    args = build_parser().parse_args(argv)
    try:
        with running(Task()):  # a theme's budget (cveditor.task) holds here too
            return COMMANDS[args.command][1](args)
    except Cancelled as error:  # a theme over its budget
        where = _input_of(args)
        print(f"error: {f'{where}: ' if where else ''}{error.reason}", file=sys.stderr)
        return 1
    except ResumeFileError as error:
        if error.file is None:  # e.g. an unknown theme named inside the résumé
            error = ResumeFileError(error.message, file=_input_of(args), field=error.field)
        print(f"error: {error.located()}", file=sys.stderr)
        return 1


def _same_path(a: Path, b: Path) -> bool:
    """Whether two paths name one file (links and relative names included)."""
    try:
        return a.resolve() == b.resolve() or (a.exists() and a.samefile(b))
    except OSError:
        return False


def _input_of(args: argparse.Namespace) -> Path | None:
    return getattr(args, "file", None) or getattr(args, "input", None)
