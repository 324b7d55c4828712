"""Where the keyboard goes: Tab between the window's parts, and a window kept on screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget


def tab_between_parts(parts: list[QWidget], forward: bool) -> bool:
    """When Tab (Shift+Tab) would leave the part that has the focus, move to the next
    (previous) part's first (last) stop instead; False when Qt's own chain should act."""

    def part_of(widget: QWidget | None) -> int | None:
        for index, part in enumerate(parts):
            if widget is part or (widget is not None and part.isAncestorOf(widget)):
                return index
        return None

    current = QApplication.focusWidget()
    part = part_of(current)
    if part is None:
        return False
    following = _tab_neighbour(current, forward)
    if following is not None and part_of(following) == part:
        return False
    candidates = _tab_stops(parts[(part + (1 if forward else -1)) % len(parts)])
    if not candidates:
        return False
    reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
    (candidates[0] if forward else candidates[-1]).setFocus(reason)
    return True


def clamp_to(rect: QRect, screen: QRect) -> QRect:
    """The window rectangle moved (and shrunk if need be) to lie on the screen."""
    width = min(rect.width(), screen.width())
    height = min(rect.height(), screen.height())
    left = min(max(rect.left(), screen.left()), screen.right() - width + 1)
    top = min(max(rect.top(), screen.top()), screen.bottom() - height + 1)
    return QRect(left, top, width, height)


def _takes_tab(widget: QWidget) -> bool:
    return (
        widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    )


def _tab_neighbour(widget: QWidget, forward: bool) -> QWidget | None:
    """The widget Tab (or Shift+Tab) would reach from ``widget`` by the focus chain."""
    step = QWidget.nextInFocusChain if forward else QWidget.previousInFocusChain
    candidate = step(widget)
    while candidate is not None and candidate is not widget:
        if _takes_tab(candidate):
            return candidate
        candidate = step(candidate)
    return None


def _tab_stops(part: QWidget) -> list[QWidget]:
    """The widgets of one part that Tab stops at, in focus-chain order."""
    stops = []
    candidate = part
    for _ in range(10_000):
        if (candidate is part or part.isAncestorOf(candidate)) and _takes_tab(candidate):
            stops.append(candidate)
        candidate = candidate.nextInFocusChain()
        if candidate is part:
            break
    return stops
