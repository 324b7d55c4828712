"""The language of a résumé that does not say: its headings and dates follow it.

A JSON Resume file from another tool has no ``x-cveditor.layout.locale``; read with the
model's default (English) an all-Korean résumé printed "Experience", "Skills" and the
이력서 form's "Position" (a new user's report). Mostly Hangul text → Korean.
"""

from __future__ import annotations

from typing import Any, Literal

from ..model.resume import Resume

#: Share of Hangul among the letters from which a résumé is read as Korean.
KOREAN_SHARE = 0.3
#: Items of each list looked at: enough to tell, and a save of 3 200 jobs stays quick.
SAMPLE = 40


def _texts(resume: Resume) -> list[str]:
    basics = resume.basics
    texts = [basics.name, basics.label, basics.summary]
    for job in resume.work[:SAMPLE]:
        texts += [job.name, job.position, job.summary, *job.highlights]
    for degree in resume.education[:SAMPLE]:
        texts += [degree.institution, degree.area, degree.studyType]
    return [t for t in texts if isinstance(t, str)]


def guess_locale(resume: Resume) -> Literal["ko", "en"]:
    hangul = latin = 0
    for text in _texts(resume):
        for char in text:
            if "\uac00" <= char <= "\ud7a3" or "\u1100" <= char <= "\u11ff":
                hangul += 1
            elif char.isascii() and char.isalpha():
                latin += 1
    letters = hangul + latin
    return "ko" if letters and hangul / letters >= KOREAN_SHARE else "en"


def says_locale(data: Any) -> bool:
    """Whether the file data sets the language itself."""
    extras = data.get("x-cveditor") if isinstance(data, dict) else None
    layout = extras.get("layout") if isinstance(extras, dict) else None
    return isinstance(layout, dict) and "locale" in layout
