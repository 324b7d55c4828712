"""A profile's headline: which line or piece under the name says what the person does
("Product designer", "품질 엔지니어 · Quality Engineer", the first piece of a contact
line before its place), and what only says how long they have worked."""

from __future__ import annotations

import re

from .md_places import profile_place
from .md_vocabulary import ROLE_WORDS, title_text

#: How long one has worked, said beside the name: "총 경력 9년 4개월", "12 years of experience".
CAREER_LENGTH = re.compile(
    r"^(?:총\s*)?경력\s*\d+\s*년|^\d+\s*년\s*차$|\b\d+\+?\s*years?\s+(?:of\s+)?experience", re.I
)


def is_label(text: str) -> bool:
    """A headline: short, names a role ("Product designer", "머신러닝 엔지니어")."""
    words = text.split()
    if not 1 <= len(words) <= 7 or len(text) > 60 or not ROLE_WORDS.search(text):
        return False
    if text.rstrip().endswith((".", "。")):  # "Systems programmer (Rust, C)."
        head = re.sub(r"\s*\([^)]*\)\s*$", "", text.rstrip().rstrip(".。"))
        return bool(head) and bool(ROLE_WORDS.search(head.split()[-1]))
    return not re.search(r"[.!?](\s|$)", text)


def translated(pieces: list[str]) -> bool:
    """One headline in two languages ("품질 엔지니어 · Quality Engineer"): a Hangul piece
    and a short capitalised Latin one, either a role."""
    hangul = [p for p in pieces if re.search("[가-힣]", p)]
    latin = [p for p in pieces if p not in hangul]
    if len(hangul) != 1 or len(latin) != 1 or re.search(r"\d|@|https?:", latin[0]):
        return False
    short = 1 <= len(latin[0].split()) <= 5 and latin[0][:1].isupper()
    return short and any(is_label(title_text(p)) for p in pieces)


def first_headline(pieces: list[str], left: list[str], placed: bool) -> bool:
    """The first piece of a contact line, before its place, is the headline by where it
    stands ("Hydrogeologist | Tucson, AZ | mail", "마케팅 매니저 8년차 | mail | 010-…");
    ``placed``: the profile has its place already."""
    head = left[0]
    if head != pieces[0].strip() or len(head) > 60 or re.search(r"[.!?。](\s|$)|[\[\]<>`]", head):
        return False
    if len(left) == 1:  # the line's place found already: what is left is no place
        return placed or not profile_place(head)
    return len(left) == 2 and profile_place(left[1])


def short_headline(text: str) -> bool:
    """A headline on a line of its own: a role, short, no sentence, no link or markup."""
    return (
        len(text) <= 60
        and not re.search(r"[.!?。](\s|$)|[\[\]<>*_`]", text)
        and bool(ROLE_WORDS.search(text))
    )
