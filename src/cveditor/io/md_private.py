"""What must never be printed, told by its meaning wherever it is written: pay, the
reasons for leaving, self-assessment and a manager's feedback, a reviewer's name.

A heading with such words is a private section (md_classify reads PRIVATE_WORDS); a
bullet or a "**label:** value" line with such a label is taken out of its block, even
inside a job, and becomes a block of its own that goes to the private notes.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .md_blocks import Block, Bullet, flatten
from .md_vocabulary import KEY_LINE, has_word, plain

#: Words that make a heading or a label private wherever it is.
PRIVATE_WORDS = (
    "연봉",
    "희망 연봉",
    "처우",
    "salary",
    "compensation",
    *("current comp", "total comp", "pay band", "현재 처우", "희망 처우"),
    "expected pay",
    "pay expectation",
    "퇴사 사유",
    "퇴직 사유",
    "이직 사유",
    "이직 이유",
    *("why i left", "why i'm leaving", "why i am leaving", "reason i left"),
    "퇴사 이유",
    "reason for leaving",
    "reasons for leaving",
    *("left because", "leaving because", "why leaving", "why leave", "떠나는 이유"),
    *("나가는 이유", "그만두는 이유", "그만둔 이유", "퇴사 계기"),
    # what the author wants from the next job, and whom to ask: their own notes
    *("what i want next", "what i want from my next", "wish list", "wishlist"),
    *("must-haves", "must haves", "dealbreakers"),
    *("deal breakers", "deal-breakers", "ideal job", "원하는 조건", "이직 조건", "이직 희망 조건"),
    *("people to ask", "who to ask", "references to ask", "연락할 사람", "레퍼런스 부탁"),
    "manager feedback",
    "평가 의견",
    "평가의견",
    "평가자",
    "reviewer",
    # a rating of oneself or by others: the review's, never the résumé's
    *("self-rating", "self rating", "self-assessment", "self assessment", "자기 평가"),
    *("자기평가", "360 feedback", "360-degree feedback", "performance rating"),
    "면접관",
    "interviewer",
    # personal particulars an employer may not ask for: never printed
    *("생년월일", "date of birth", "birth date", "birthdate", "주민등록", "성별", "gender"),
    *("혼인", "marital status", "종교", "religion", "가족관계", "가족 관계", "가족사항"),
    *("family members", "희망 조건", "희망 근무 조건", "희망조건", "desired conditions"),
)
#: Self-assessment: private in a review or a job, printable in a self-introduction.
SELF_WORDS = (
    "강점",
    "약점",
    "개선점",
    "보완점",
    "strength",
    "strengths",
    "weakness",
    "weaknesses",
    "areas to grow",
    "areas for growth",
    "areas to improve",
    "areas for improvement",
    "growth areas",
)
#: Goals: printable, but as a section of their own (never a job's highlights).
GOAL_WORDS = ("목표", "goal", "goals", "okr", "okrs", "계획", "next period", "다음 분기")
LABEL_WORDS = PRIVATE_WORDS + SELF_WORDS
#: Labels private only when they are the whole label: an interview's questions and
#: answers ("Q1:", "답변:"), a manager's name ("Manager: S. Lee").
EXACT_LABELS = re.compile(
    r"^(?:q|a|질문|답변|question|answer|manager|line manager|매니저|담당 매니저)\s*\d{0,2}\.?$"
    r"|^(?:(?:manager|매니저|팀장|리더|상사|peer|동료)(?:'s)?\s*)?(?:feedback|피드백)$"
    r"|^(?:메모|memo|notes?|note to self|notes? for me|to-?do|할\s*일|reminder)$",  # own notes
    re.IGNORECASE,
)
#: Pay written as a short label ("- pay: 52k → 58k" under a job): private wherever it is.
PAY_LABELS = re.compile(
    r"^(?:pay|base|base pay|comp|tc|bonus|day rate|floor|walk[- ]?away|기본급|성과급)$", re.I
)
#: A line of a story told as Situation, Task, Action, Result: "S: …", "**A:** …".
STAR_LABEL = re.compile(r"^\s*(?:[-*]\s+)?[*_]*[STAR][*_]*\s*[:：.)][*_]*\s*\S", re.IGNORECASE)
#: The person who wrote a review; as a label over venues it is an academic service.
REVIEWER = re.compile(r"^(?:reviewer|평가자)$", re.I)
BOLD_LABEL = re.compile(r"^\s*(?:\*\*|__)([^*_\n]{1,40}?)[:：]?(?:\*\*|__)\s*[:：]?\s*(.*)$")
MAX_LABEL = 30


def private_label(text: str, words: tuple[str, ...] = LABEL_WORDS) -> bool:
    """A line whose label (before a colon, or in bold) is a private word (or, given
    ``words``, one of them)."""
    line = text.strip().split("\n")[0]
    match = KEY_LINE.match(line) or BOLD_LABEL.match(line)
    label = plain(match.group(1)) if match else plain(line) if len(plain(line)) <= 20 else ""
    if not label or len(label) > MAX_LABEL:
        return False
    if not match and not text.strip().split("\n")[1:] and "**" not in line:
        return False  # a bare word on its own ("피드백") with nothing under it: text
    if match and REVIEWER.match(label) and "," in match.group(2):
        return False  # "Reviewer: Journal A, Conference B": a service, not a person
    exact = words is LABEL_WORDS and bool(match and EXACT_LABELS.match(label))
    if match and words in (LABEL_WORDS, PRIVATE_WORDS) and PAY_LABELS.match(label):
        return True
    return has_word(label, words) or exact


#: A birth year or an age, however written ("남 · 1990년생 (35세)", "만 34세", "Born 1990").
BIRTH = re.compile(
    r"(?:19|20)\d{2}\s*년\s*생|\(\s*만?\s*\d{2}\s*세\s*\)|(?<![가-힣])만\s*\d{2}\s*세"
    r"|\bborn\s+(?:in\s+)?(?:19|20)\d{2}|^\s*(?:생년월일|생일|date of birth|birth\s*date|dob)\b",
    re.IGNORECASE,
)


def _labelled(bullet: Bullet, words: tuple[str, ...]) -> bool:
    if private_label(bullet.text, words) or (words is LABEL_WORDS and BIRTH.search(bullet.text)):
        return True
    short = len(plain(bullet.text)) <= 20
    return bool(bullet.children) and short and has_word(plain(bullet.text), words)


def _split(block: Block, words: tuple[str, ...], flag: str) -> tuple[Block | None, Block | None]:
    """(the block without the lines labelled with ``words``, those lines as a block
    marked ``flag``: private or goal)."""
    if block.kind == "bullets":
        bullets = [_lazy_split(b, words) for b in block.bullets]
        lazy = [tail for _b, tail in bullets if tail is not None]
        block = replace(block, bullets=[b for b, _tail in bullets])
        mine = [b for b in block.bullets if _labelled(b, words)] + lazy
        rest = [b for b in block.bullets if not _labelled(b, words)]
        if flag == "private":  # "- 퇴사 사유: …" under a job's bullet ("- 주식회사 …")
            rest = [_without_children(b, PRIVATE_WORDS, mine) for b in rest]
        if not mine:
            return block, None
        split = replace(block, bullets=mine, source=_bullet_source(mine), **{flag: True})
        public = replace(block, bullets=rest, source=_bullet_source(rest)) if rest else None
        return public, split
    if block.kind == "paragraph":
        lines = block.text.split("\n")
        star = sum(1 for line in lines if STAR_LABEL.match(line)) >= 2
        marks = [
            (private_label(line, words) and bool(KEY_LINE.match(line) or BOLD_LABEL.match(line)))
            or (words is LABEL_WORDS and bool(BIRTH.search(line)))  # "1990년생 (35세)"
            for line in lines
        ]
        if star:  # "A: …" of a story told as S/T/A/R is its action, not an answer to hide
            marks = [m and not STAR_LABEL.match(line) for m, line in zip(marks, lines, strict=True)]
        if not any(marks):
            return block, None
        mine = "\n".join(line for line, m in zip(lines, marks, strict=True) if m)
        rest = "\n".join(line for line, m in zip(lines, marks, strict=True) if not m)
        split = replace(block, text=mine, source=mine, **{flag: True})
        public = replace(block, text=rest, source=rest) if rest.strip() else None
        return public, split
    if block.kind == "table" and block.rows and all(len(r) % 2 == 0 for r in block.rows):
        return _split_pairs(block, words, flag)  # | 생년월일 | 1991.08.14 | of a profile
    return block, None


def _split_pairs(
    block: Block, words: tuple[str, ...], flag: str
) -> tuple[Block | None, Block | None]:
    """A table of "label | value" pairs (two or four columns): the labelled pairs as
    lines of their own, the rest as the table."""
    mine: list[str] = []
    rows: list[list[str]] = []
    for row in block.rows:
        kept = list(row)
        for at in range(0, len(row), 2):
            label, value = row[at].strip(), row[at + 1].strip()
            if value and private_label(f"{label}: {value}", words):
                mine.append(f"{label}: {value}")
                kept[at] = kept[at + 1] = ""
        if any(c.strip() for c in kept) or not rows:
            rows.append(kept)
    if not mine:
        return block, None
    text = "\n".join(mine)
    split = replace(block, kind="paragraph", text=text, source=text, **{flag: True})
    if not any(c.strip() for r in rows for c in r):
        return None, split
    width = len(rows[0])
    source = "\n".join(f"| {' | '.join(r)} |" for r in [rows[0], ["---"] * width, *rows[1:]])
    return replace(block, rows=rows, source=source), split


def _lazy_split(bullet: Bullet, words: tuple[str, ...]) -> tuple[Bullet, Bullet | None]:
    """A bullet whose later lines (a paragraph line run into it: "퇴사사유: …" after a
    job's last bullet) are private: (the bullet without them, them as a bullet)."""
    lines = bullet.text.split("\n")
    if len(lines) < 2:
        return bullet, None
    marks = [i > 0 and private_label(line, words) for i, line in enumerate(lines)]
    if not any(marks):
        return bullet, None
    kept = "\n".join(line for line, m in zip(lines, marks, strict=True) if not m)
    taken = "\n".join(line for line, m in zip(lines, marks, strict=True) if m)
    return replace(bullet, text=kept), Bullet(taken)


def _without_children(bullet: Bullet, words: tuple[str, ...], taken: list[Bullet]) -> Bullet:
    """The bullet without its labelled sub-bullets, which are added to ``taken``."""
    if not any(_labelled(c, words) for c in bullet.children):
        return bullet
    taken += [c for c in bullet.children if _labelled(c, words)]
    kept = [c for c in bullet.children if not _labelled(c, words)]
    return replace(bullet, children=kept)


#: Every Hangul syllable that ends in ㄹ (줄일, 뺄, 할, 말): "… 줄일 것", "… 뺄 것".
_RIEUL = "".join(chr(0xAC00 + at * 28 + 8) for at in range(399))
#: A line the author wrote to themselves: "… 확인할 것.", "… 줄일 것", "하지 말 것",
#: "숫자 먼저 말하기", "나만 보는 …", "제출 전 체크:", "Note to self: …", "TODO …".
TO_SELF = re.compile(
    rf"[{_RIEUL}]\s*것\s*[.!]?\s*$|나만\s*(?:보|볼)|^\s*(?:todo|to-?do)\b"
    r"|(?:하|이|리|치|빼|넣|쓰|주|우|꾸|내)기\s*[.!]?\s*$"  # "… 먼저 말하기", "수식어 빼기"
    r"|^\s*(?:제출\s*전|보내기\s*전|체크|check(?:list)?|before (?:sending|submitting))"
    r"[^:：]{0,12}[:：]"
    r"|note to self|for my eyes|reminder to self|don'?t forget|remember to\b",
    re.IGNORECASE,
)
TASK = re.compile(r"^\[[ xX]\]\s")


def to_self(block: Block) -> bool:
    """A block quote of notes to self, or a task list ("- [ ] 포트폴리오 갱신"): the
    author's own working notes, never printed."""
    if block.kind == "bullets" and block.bullets:
        return all(TASK.match(b.text) for b in block.bullets)
    if block.kind != "paragraph" or not block.source.lstrip().startswith(">"):
        return False
    lines = [line for line in re.split(r"\n|(?<=[.!?])\s+", block.text) if line.strip()]
    mine = sum(1 for line in lines if TO_SELF.search(line) or has_word(line, PRIVATE_WORDS))
    return bool(lines) and mine * 2 >= len(lines)


def split_private(block: Block) -> tuple[Block | None, Block | None]:
    """(the block without its private lines, the private lines as a block) — either
    may be None; a block with nothing private comes back as it is."""
    if block.private or block.goal:
        return None, block
    if to_self(block):
        return None, replace(block, private=True)
    return _split(block, LABEL_WORDS, "private")


def _bullet_source(bullets: list[Bullet]) -> str:
    return "\n".join(f"- {line}" for line in flatten(bullets))


#: A remark to oneself after a line's text, or a line of its own: "(812자) ← 줄일 것",
#: "… <- fix", "← 수치 다시 확인할 것".
ARROW_NOTE = re.compile(r"(?:^|\s+)(?:←|<-{1,2}|⬅)\s*(\S.*)$")
#: What one earns or asks for, said in a sentence ("Currently earning 59M KRW; looking
#: for 68M+.", "현재 연봉은 5,900만 원입니다"): a pay word and an amount.
PAY_WORDS = re.compile(
    r"\b(?:earn(?:ing|s)?|(?:my|current(?:ly)?|expected|desired)\s+(?:salary|pay|comp\w*|base)"
    r"|salary (?:of|is)|looking for|asking for)\b"
    r"|(?:현재|희망|현|받는|받고\s*있는)\s*(?:연봉|월급|처우)|연봉[은이]",
    re.IGNORECASE,
)
AMOUNT = re.compile(
    r"\d[\d,.]*\s*(?:만\s*원|만원|억|천만|원|k\b|m\b|krw|usd|eur|gbp)|[$€£₩]\s?\d", re.I
)
SENTENCES = re.compile(r"(?<=[.!?;。])\s+|(?<=다\.)\s*")


def arrow_notes(block: Block) -> tuple[Block | None, Block | None]:
    """(the paragraph or list without the remarks after an arrow, the remarks as a
    private block)."""
    if block.kind == "bullets":
        return _arrow_bullets(block)
    if block.kind != "paragraph" or not ARROW_NOTE.search(block.text):
        return block, None
    lines = block.text.split("\n")
    notes = [m.group(1) for line in lines if (m := ARROW_NOTE.search(line))]
    kept = [ARROW_NOTE.sub("", line) for line in lines]
    text, remarks = "\n".join(kept), "\n".join(notes)
    public = replace(block, text=text, source=text) if text.strip() else None
    return public, replace(block, text=remarks, source=remarks, private=True, left_out=False)


def _arrow_bullets(block: Block) -> tuple[Block | None, Block | None]:
    """Remarks after an arrow in a list's items ("- 2번 너무 김 ← 줄일 것", a "← …" line
    run into the last item)."""
    notes: list[str] = []

    def clean(bullet: Bullet) -> Bullet:
        lines = bullet.text.split("\n")
        notes.extend(m.group(1) for line in lines if (m := ARROW_NOTE.search(line)))
        text = "\n".join(k for line in lines if (k := ARROW_NOTE.sub("", line)).strip())
        return replace(bullet, text=text, children=[clean(c) for c in bullet.children])

    bullets = [clean(b) for b in block.bullets]
    if not notes:
        return block, None
    kept = [b for b in bullets if b.text.strip() or b.children]
    public = replace(block, bullets=kept, source=_bullet_source(kept)) if kept else None
    text = "\n".join(notes)
    return public, replace(
        block, kind="paragraph", bullets=[], text=text, source=text, private=True, left_out=False
    )


def pay_sentences(block: Block) -> tuple[Block | None, Block | None]:
    """(the paragraph without its sentences about one's pay, those as a private block)."""
    said = PAY_WORDS.search(block.text) and AMOUNT.search(block.text)
    if block.kind != "paragraph" or not said:
        return block, None
    kept_lines: list[str] = []
    taken: list[str] = []
    for line in block.text.split("\n"):
        parts = [p for p in SENTENCES.split(line) if p.strip()]
        pay = [p for p in parts if PAY_WORDS.search(p) and AMOUNT.search(p)]
        taken += pay
        rest = " ".join(p for p in parts if p not in pay)
        if rest.strip() or not pay:
            kept_lines.append(rest if pay else line)
    if not taken:
        return block, None
    text, notes = "\n".join(kept_lines), "\n".join(taken)
    public = replace(block, text=text, source=text) if text.strip() else None
    return public, replace(block, text=notes, source=notes, private=True, left_out=False)


def private_blocks(blocks: list[Block]) -> list[Block]:
    """Every block with its private lines, then its goals, split off after it."""
    out: list[Block] = []
    for block in blocks:
        public, remarks = arrow_notes(block)
        public, pay = pay_sentences(public) if public else (None, None)
        public, private = split_private(public) if public else (None, None)
        public, goals = _split(public, GOAL_WORDS, "goal") if public else (None, None)
        out += [b for b in (public, remarks, pay, private, goals) if b is not None]
    return out


def private_title(block: Block) -> str:
    """The title of a private block's note: its first label ("퇴사 사유")."""
    first = block.bullets[0].text if block.kind == "bullets" and block.bullets else block.text
    line = first.strip().split("\n")[0]
    match = KEY_LINE.match(line) or BOLD_LABEL.match(line)
    return plain(match.group(1)) if match else plain(line)[:40]
