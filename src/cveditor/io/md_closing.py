"""The closing of a Korean 이력서 form: the pledge ("위 기재 사항은 사실과 틀림이
없습니다", "I certify that the above is true") and the date and signature lines after
it ("2025년 3월 10일", "지원자 : 문지호 (인)"). They belong to the paper form, not to
the résumé: left out (the review step still shows them)."""

from __future__ import annotations

import re

from .md_blocks import Block

PLEDGE = re.compile(
    r"(?:위|상기)(?:의)?\s*(?:기재|기록|작성)?\s*(?:한\s*)?(?:사항|내용)\S{0,2}\s*(?:모두\s*)?"
    r"(?:사실과\s*(?:틀림|다름)|사실임|틀림)"
    r"|\bI\s+(?:hereby\s+)?(?:certify|declare|confirm)\s+that\s+(?:all\s+)?(?:the\s+)?"
    r"(?:above|information|foregoing|particulars)",
    re.IGNORECASE,
)
MAX_AFTER = 4
SHORT = 40


def _short(block: Block) -> bool:
    """Short lines only ("2025. 3. 10." reads as a numbered list: its source counts)."""
    lines = [line for line in block.source.split("\n") if line.strip()]
    return block.kind in ("paragraph", "bullets") and all(
        len(line.strip()) <= SHORT for line in lines
    )


def mark_closing(blocks: list[Block]) -> list[Block]:
    """The pledge and the short date and signature lines after it, when they end the
    document, marked ``left_out``."""
    for at, block in enumerate(blocks):
        if block.kind != "paragraph" or not PLEDGE.search(block.text):
            continue
        after = [b for b in blocks[at + 1 :] if b.kind != "rule"]
        if len(after) <= MAX_AFTER and all(_short(b) for b in after):
            for closing in [block, *after]:
                closing.left_out = True
            break
    return blocks
