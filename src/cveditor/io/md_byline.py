"""Lines about the person at the top that are more than a name.

A byline names the whole job after the name, as reviews and forms write it on one line
("작성자: 문서연 / HRBP (과장) / 인사팀 / (주)그린테이블"); its pieces are told apart by
their shape (an employer's legal form, a team's ending), not by their order, so that the
job is one work item instead of a long headline. A profile site's headline is a few
short phrases ("Talent Partner | Hiring for engineering | Boston"), and its count of
connections is no text of the résumé.
"""

from __future__ import annotations

import re
from typing import Any

from .md_blocks import Block
from .md_private import private_label
from .md_vocabulary import KEY_LINE, ROLE_WORDS, is_contact, key_kind

#: An employer's legal form: "(주)그린테이블", "주식회사 …", "Acme Inc.", "Foo GmbH".
EMPLOYER = re.compile(
    r"\(주\)|㈜|주식회사|\(유\)|유한회사|\b(?:inc|ltd|llc|corp|co|gmbh|plc|ag|s\.?a)\b\.?",
    re.IGNORECASE,
)
#: A team or department: "인사팀", "전략기획실", "플랫폼본부", "Data Team".
TEAM = re.compile(r"(?:팀|실|본부|센터|랩|부서|사업부|그룹)$|\b(?:team|department|dept)\b", re.I)
PIECES = re.compile(r"\s+[/|·]\s+")


def byline_job(value: str) -> dict[str, Any] | None:
    """The job in a byline's pieces after the name, or None when none is an employer."""
    pieces = [p.strip() for p in PIECES.split(value) if p.strip()]
    rest = pieces[1:]
    employer = next((p for p in rest if EMPLOYER.search(p)), None)
    if employer is None and len(rest) >= 3 and any(TEAM.search(p) for p in rest):
        employer = rest[-1] if not TEAM.search(rest[-1]) else None  # "… / 인사팀 / 그린테이블"
    if len(pieces) < 3 or employer is None:
        return None
    job: dict[str, Any] = {}
    roles: list[str] = []
    for piece in rest:
        if piece is employer and "name" not in job:
            job["name"] = piece
        elif TEAM.search(piece) and "team" not in job:
            job["team"] = piece
        else:
            roles.append(piece)
    if roles:
        job["position"] = " / ".join(roles)
    return job


#: A name after its key without a colon, as forms print it ("성명 구민석").
UNCOLONED_NAME = re.compile(r"^(성명|이름|성 명)\s+([가-힣]{2,4})$")
#: A contact after its key without a colon, as job sites print them ("휴대폰 010-…",
#: "이메일 a@b.kr", "주소 서울 마포구 …").
UNCOLONED_CONTACT = re.compile(
    r"^(?:(휴대폰|핸드폰|휴대전화|전화번호|전화|연락처|mobile|phone|tel)\s+(?=\+?\(?\d)"
    r"|(이메일|e-?mail)\s+(?=[\w.+-]+@)|(주소|거주지)\s+(?=[가-힣]))",
    re.IGNORECASE,
)
#: A profile site's count of people ("· 500+ connections", "1,204 followers").
SOCIAL_COUNT = re.compile(
    r"^[·•|\-\s]*\d[\d,.]*\+?\s*(?:connections|followers|팔로워|일촌)\b.*$", re.IGNORECASE
)


def profile_headline(pieces: list[str]) -> bool:
    """LinkedIn's headline: a few short phrases, no sentence, no key ("Talent Partner |
    Hiring for engineering | Boston")."""
    return all(
        len(p.split()) <= 5 and not re.search(r"[.!?](\s|$)|[:：@]|\d", p) for p in pieces
    ) and bool(ROLE_WORDS.search(" ".join(pieces)) or len(pieces) >= 3)


def pair_pieces(line: str) -> list[str]:
    """ "Name: Mireille Okafor / Team: Risk, Calloway Bank / Manager: D. Brandt": one
    pair a piece (a contact detail, "010-…", a piece of its own too; other pieces stay
    with the pair before them: "작성자: 이름 / 직위"), when at least two labels are
    known; else the line itself."""
    pieces = PIECES.split(line)
    if len(pieces) < 2 or not KEY_LINE.match(pieces[0]):
        return [line]
    out: list[str] = []
    for piece in pieces:  # a piece with no label of its own belongs to the one before
        match = KEY_LINE.match(piece)
        if match or is_contact(piece) or not out:
            out.append(piece.strip())
        else:
            out[-1] = f"{out[-1]} / {piece.strip()}"
    matches = [KEY_LINE.match(p) for p in out]
    known = sum(1 for m in matches if m and (key_kind(m.group(1)) or private_label(m.group(0))))
    return out if known >= 2 else [line]


def split_pair_lines(blocks: list[Block]) -> list[Block]:
    """Paragraph lines of several pairs become a line a pair, so that each pair goes
    where its label says (the name to the profile, the manager to the private notes)."""
    for block in blocks:
        if block.kind != "paragraph":
            continue
        lines = [piece for line in block.text.split("\n") for piece in pair_pieces(line)]
        if len(lines) != len(block.text.split("\n")):
            block.text = block.source = "\n".join(lines)
    return blocks
