"""Fit to N pages (issue #10): tighten spacing, then line height, then size — within the
theme's bounds — until the résumé fits, and say what changed or that it cannot.

The ladder goes from the résumé's own style (its explicit size and line height, else
the theme's) to the tightest the theme allows: the rhythm's spacing steps scaled down
(85 %, 70 %), then the line height down on a 0.05 grid to a floor (theme's − 0.15, never
below 1.1), then the font size down on a 0.5 pt grid to a floor (theme's − 1.5 pt, never
below 8 pt): seven rungs at most. A theme may set its own floors in ``[options.fit]``
(render/themes.py). Each rung keeps the kinds before it at their floors, so spacing
always gives way before line height, and line height before size.

The résumé is drawn as it is; when too long, at the tightest rung; when that is at
most one page too long, at each rung in turn until one fits: at most 8 renders of
30–60 ms. When none fits, the résumé is drawn as it is and the result says so.
``render/build.render_resume`` runs this for every caller, so the preview, the PDF and
the printer show the same pages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from .html import Style, Tightening
from .themes import Theme

#: Spacing steps are scaled down by this much per rung, to ``MIN_SPACING``.
SPACING_STEP = 0.15
MIN_SPACING = 0.7
#: Line height: down by ``LINE_STEP`` per rung, at most ``LINE_DROP`` below the
#: theme's, never below ``MIN_LINE_HEIGHT``.
LINE_STEP = 0.05
LINE_DROP = 0.15
MIN_LINE_HEIGHT = 1.1
#: Font size: down by ``FONT_STEP`` per rung, at most ``FONT_DROP`` below the theme's,
#: never below ``MIN_FONT_SIZE``.
FONT_STEP = 0.5
FONT_DROP = 1.5
MIN_FONT_SIZE = 8.0
#: At most this many rungs of each kind: with the résumé drawn as it is, at most
#: 8 renders in all.
SPACING_RUNGS, LINE_RUNGS, FONT_RUNGS = 2, 2, 3
#: fitPages in the layout: 1 to this.
MAX_FIT_PAGES = 10


@dataclass(frozen=True)
class Floors:
    """The tightest the theme allows, never looser than where the résumé starts."""

    spacing: float
    line_height: float
    font_size: float


def floors(theme: Theme, start: Style) -> Floors:
    bounds = theme.fit
    font = bounds.min_font_size
    if font is None:
        font = max(MIN_FONT_SIZE, theme.font_size - FONT_DROP)
    line = bounds.min_line_height
    if line is None:
        line = max(MIN_LINE_HEIGHT, theme.rhythm.line_height - LINE_DROP)
    spacing = MIN_SPACING if bounds.min_spacing is None else bounds.min_spacing
    return Floors(
        spacing=round(min(1.0, spacing), 3),
        line_height=round(min(line, start.line_height), 3),
        font_size=round(min(font, start.font_size), 3),
    )


def _down(start: float, floor: float, step: float, most: int) -> list[float]:
    """Values below ``start`` on a grid of ``step``, down to ``floor`` (always the last):
    at most ``most`` of them, evenly spread when there would be more."""
    values: list[float] = []
    value = start
    while round(value - step, 3) > floor + 1e-9:
        value = round(value - step, 3)
        values.append(value)
    if floor < start - 1e-9:
        values.append(round(floor, 3))
    if len(values) > most:
        values = [values[round((i + 1) * len(values) / most) - 1] for i in range(most)]
    return values


def ladder(start: Style, bounds: Floors) -> list[Tightening]:
    """Every rung from the first tightening to the tightest, in the order tried:
    spacing, then line height (spacing at its floor), then size (both at theirs)."""
    spacing, line = bounds.spacing, bounds.line_height
    rungs = [Tightening(spacing=k) for k in _down(1.0, spacing, SPACING_STEP, SPACING_RUNGS)]
    rungs += [
        Tightening(spacing=spacing, line_height=h)
        for h in _down(start.line_height, line, LINE_STEP, LINE_RUNGS)
    ]
    rungs += [
        Tightening(spacing=spacing, line_height=line, font_size=size)
        for size in _down(start.font_size, bounds.font_size, FONT_STEP, FONT_RUNGS)
    ]
    return rungs


def _plural(count: int, word: str = "page") -> str:
    return f"{count} {word}{'s' * (count != 1)}"


@dataclass(frozen=True)
class FitResult:
    """What "Fit to pages" did: the target, the pages drawn, whether they fit, and the
    tightening applied (None: the résumé is drawn as it is)."""

    target: int
    pages: int  # the pages drawn
    fits: bool
    start: Style  # the résumé's own style
    applied: Tightening | None = None
    natural: int = 0  # pages as the résumé is
    tightest: int = 0  # pages at the tightest the theme allows (0: not tried)
    tries: int = 1  # renders made

    def changes(self) -> str:
        """What differs from the résumé's own: "spacing 85 %, line height 1.2×, 9.5 pt"."""
        t, start = self.applied, self.start
        if t is None:
            return ""
        parts = []
        if t.spacing < 1.0:
            parts.append(f"spacing {round(t.spacing * 100)} %")
        if t.line_height is not None and abs(t.line_height - start.line_height) > 1e-6:
            parts.append(f"line height {t.line_height:g}×")
        if t.font_size is not None and abs(t.font_size - start.font_size) > 1e-6:
            parts.append(f"{t.font_size:g} pt")
        return ", ".join(parts)

    @property
    def message(self) -> str:
        """One sentence for the status bar and the command line."""
        target = _plural(self.target)
        if not self.fits:
            drawn = "" if self.tightest == self.pages else f" ({_plural(self.pages)})"
            return (
                f"Cannot fit on {target} at the theme's smallest size: "
                f"{_plural(self.tightest)}; drawn as set{drawn}"
            )
        if self.applied is None:
            return f"Fits on {target} as set ({_plural(self.pages)}): nothing tightened"
        return f"Fitted to {target}: {self.changes()}"

    @property
    def short(self) -> str:
        """For the page count in the status bar: "2 pages (fitted)"."""
        pages = _plural(self.pages)
        if not self.fits:
            return f"{pages} — cannot fit on {self.target}"
        return f"{pages} (fitted)" if self.applied is not None else pages


class _Paged(Protocol):
    @property
    def page_count(self) -> int: ...

    def close(self) -> None: ...


class _Rendered(Protocol):
    @property
    def pages(self) -> _Paged: ...


R = TypeVar("R", bound=_Rendered)


def fit_to_pages(
    render: Callable[[Tightening | None], R], start: Style, theme: Theme, target: int
) -> tuple[R, FitResult]:
    """The first rung of the ladder whose render has at most ``target`` pages, with what
    was done. ``render(None)`` draws the résumé as it is; renders not kept are closed.

    The tightest rung is drawn second: more than a page too long there, it cannot fit
    (two renders). Otherwise the rungs are tried in order: pages do not always shrink
    with each rung (an item kept together jumps to the next page), so the first that
    fits is looked for, not bisected for."""
    natural = render(None)
    count = natural.pages.page_count
    if count <= target:
        return natural, FitResult(target, count, True, start, natural=count)
    rungs = ladder(start, floors(theme, start))
    if not rungs:
        return natural, FitResult(target, count, False, start, natural=count, tightest=count)
    held = [natural]  # closed if a render fails or is stopped (Cancelled)
    try:
        tightest = render(rungs[-1])
        held.append(tightest)
        least, tries = tightest.pages.page_count, 2
        kept, chosen = natural, None
        for index, rung in enumerate(rungs if least <= target + 1 else []):
            candidate = tightest if index == len(rungs) - 1 else render(rung)
            if candidate is not tightest:
                held.append(candidate)
                tries += 1
            if candidate.pages.page_count <= target:
                kept, chosen = candidate, rung
                break
            if candidate is not tightest:
                held.remove(candidate)
                candidate.pages.close()
    except BaseException:
        for rendered in held:
            rendered.pages.close()
        raise
    for rendered in held:
        if rendered is not kept:
            rendered.pages.close()
    pages = kept.pages.page_count
    result = FitResult(
        target,
        pages,
        chosen is not None,
        start,
        chosen,
        natural=count,
        tightest=least,
        tries=tries,
    )
    return kept, result
