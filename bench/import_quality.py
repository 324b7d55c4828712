"""Markdown import quality (issue #11): the corpus of tests/data/import-corpus, imported
as ``cveditor convert`` does and scored against each document's expected structure.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/import_quality.py [-v] [NAME…]
Per document: the share of content lines in the expected field, dates found/expected,
lines lost, private lines leaked (saved outside notes or printed), raw Markdown printed,
keys the model does not declare, the name and the section order; then the totals.
Targets: ≥ 95 % in the field, 100 % of dates, 0 lost, 0 leaked. Always exits 0; the
targets are enforced by tests/test_import_corpus.py, which uses the same scoring code
(tests/import_score.py). ``-v`` lists what went wrong in each document.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests import import_score as s


def _mark(ok: bool) -> str:
    return "ok" if ok else "NO"


def main(argv: list[str]) -> int:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["cveditor-bench"])  # noqa: F841
    verbose = "-v" in argv
    names = [a for a in argv if not a.startswith("-")]
    documents = [d for d in s.documents() if not names or any(n in d.name for n in names)]
    header = (
        f"{'document':<40} {'in field':>14} {'dates':>9} {'lost':>5} {'leak':>5}"
        f" {'markup':>6} {'model':>5} {'name':>4} {'order':>5}"
    )
    print(header)
    print("-" * len(header))
    totals = s.Score("TOTAL")
    meeting = 0
    for document in documents:
        score = s.score_document(document)
        totals.lines += score.lines
        totals.in_field += score.in_field
        totals.dates_found += score.dates_found
        totals.dates_expected += score.dates_expected
        totals.lost += score.lost
        totals.private_leaks += score.private_leaks
        totals.raw_markup += score.raw_markup
        totals.model_problems += score.model_problems
        meeting += score.meets_targets
        field = f"{score.in_field}/{score.lines} {score.share:4.0%}"
        dates = f"{score.dates_found}/{score.dates_expected}"
        print(
            f"{document.stem[:40]:<40} {field:>14} {dates:>9} {len(score.lost):>5}"
            f" {len(score.private_leaks):>5} {len(score.raw_markup):>6}"
            f" {len(score.model_problems):>5}"
            + (
                f"    -     -  ERROR {score.error}"
                if score.error
                else f" {_mark(score.name_ok):>4} {_mark(score.order_ok):>5}"
            )
        )
        if verbose:
            _details(score)
    print("-" * len(header))
    field = f"{totals.in_field}/{totals.lines} {totals.share:4.0%}"
    dates = f"{totals.dates_found}/{totals.dates_expected}"
    share_dates = totals.dates_found / totals.dates_expected if totals.dates_expected else 1
    print(
        f"{'TOTAL':<40} {field:>14} {dates:>9} {len(totals.lost):>5}"
        f" {len(totals.private_leaks):>5} {len(totals.raw_markup):>6}"
        f" {len(totals.model_problems):>5}"
    )
    print(
        f"\n{len(documents)} documents; {meeting} meet every target. Lines in the expected "
        f"field {totals.share:.1%} (target ≥ 95 %), dates {share_dates:.1%} (target 100 %), "
        f"lines lost {len(totals.lost)} (target 0), private leaks "
        f"{len(totals.private_leaks)} (target 0)."
    )
    return 0


def _details(score: s.Score) -> None:
    for title, items in (
        ("wrong field", score.wrong_field),
        ("lost", score.lost),
        ("missing date", score.missing_dates),
        ("private", score.private_leaks),
        ("raw markup", score.raw_markup),
        ("model", score.model_problems),
    ):
        for item in items:
            print(f"      {title}: {item}")
    if not score.name_ok:
        print(f"      name: {score.name_found!r}, expected {score.name_expected!r}")
    if not score.order_ok:
        print(f"      order: {score.order_found}, expected {score.order_expected}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
