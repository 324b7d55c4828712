"""The preview paints only the pages a repaint shows, found without looking at every
page (ui/preview.py ``pages_in``): a long résumé has a thousand pages, and each look
would be a call into Qt while a render may hold Python's lock."""

from __future__ import annotations

import random

from PySide6.QtCore import QRectF

from cveditor.model import Resume
from cveditor.model.resume import Work
from cveditor.render.build import render_resume
from cveditor.ui.preview import PreviewWidget


def test_the_pages_a_band_shows_are_the_pages_it_meets(qtbot) -> None:
    resume = Resume(work=[Work(name=f"Company {n}", highlights=["Did it"] * 4) for n in range(60)])
    pages = render_resume(resume).pages
    preview = PreviewWidget()
    qtbot.addWidget(preview)
    preview.resize(700, 500)
    preview.show()
    try:
        preview.set_pages(pages)
        view = preview.view
        assert pages.page_count > 3
        height = view.height()
        rng = random.Random(7)
        for _ in range(300):
            top = rng.uniform(-50, height + 50)
            band = QRectF(0, top, view.width(), rng.uniform(1, 2500))
            met = [i for i in range(pages.page_count) if view.page_rect(i).intersects(band)]
            shown = list(view.pages_in(band))
            assert set(met) <= set(shown), (band, met, shown)
            assert len(shown) <= len(met) + 1, "at most one page beside the band (a gap)"
    finally:
        preview.set_pages(None)
        pages.close()
