"""One contact detail of a profile line ("mail", "010-…", "github.com/x", "Seoul")
into its field of ``basics``. Split from md_profile, which cuts the lines into pieces."""

from __future__ import annotations

import re
from typing import Any

from .md_places import place_fields
from .md_vocabulary import EMAIL, EMOJI, KRAMDOWN_ATTRS, LOCATION, PHONE, URL, plain

PROFILE_SITE = re.compile(
    r"^(?:https?://)?(?:www\.)?(github\.com|linkedin\.com|gitlab\.com)/\S+$", re.IGNORECASE
)
NETWORKS = {"github.com": "GitHub", "linkedin.com": "LinkedIn", "gitlab.com": "GitLab"}
BARE_SITE = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?$")
LINK = re.compile(r"^\[([^\]]*)\]\((\S+?)\)$")


def _url_of(value: str) -> str | None:
    """An address written as a link, an autolink or bare text (github.com/…)."""
    value = value.strip().strip("<>")
    link = LINK.match(value)
    if link:
        value = link.group(2) if URL.match(link.group(2)) else link.group(1)
    found = URL.search(value)
    if found:
        return found.group(0)
    if BARE_SITE.match(value) and "@" not in value:
        return "https://" + value
    return None


def _profile(basics: dict[str, Any], url: str) -> bool:
    site = PROFILE_SITE.match(url)
    if not site:
        return False
    network = NETWORKS[site.group(1).lower()]
    basics.setdefault("profiles", []).append({"network": network, "url": url})
    return True


#: A network and a handle: "인스타 @gaon.bakes", "Instagram: @x", "X @handle", "블로그 @id".
HANDLE = re.compile(
    r"^(인스타그램|인스타|instagram|insta|트위터|twitter|x|threads|스레드|유튜브|youtube|틱톡|tiktok"
    r"|깃허브|github|블로그|blog|behance|비핸스|dribbble|드리블)\s*[:：]?\s*@([\w.\-]{2,40})$",
    re.IGNORECASE,
)
HANDLE_NETWORKS = {
    **dict.fromkeys(("instagram", "insta"), "Instagram"),
    **dict.fromkeys(("twitter", "x"), "X"),
    "threads": "Threads",
    "youtube": "YouTube",
    "tiktok": "TikTok",
    "github": "GitHub",
    "blog": "Blog",
    "behance": "Behance",
    "dribbble": "Dribbble",
}


def _handle(basics: dict[str, Any], value: str) -> bool:
    """ "인스타 @gaon.bakes": a profile by its network and user name."""
    match = HANDLE.match(value.strip())
    if not match:
        return False
    written = match.group(1)  # "인스타" stays as written; "instagram" is "Instagram"
    network = written if re.search("[가-힣]", written) else HANDLE_NETWORKS[written.lower()]
    basics.setdefault("profiles", []).append({"network": network, "username": match.group(2)})
    return True


def contact_piece(basics: dict[str, Any], text: str, key: str | None = None) -> bool:
    """Put one contact detail into ``basics``; True when the piece held nothing else."""
    raw = KRAMDOWN_ATTRS.sub("", text).strip()
    value = EMOJI.sub("", raw).strip()
    bare = plain(value)
    marked = re.sub(r"[*_`<>]", "", value).strip()
    if not value:
        return False
    if key is None and _handle(basics, value):
        return True
    email = EMAIL.search(value)
    if email and (key in (None, "email", "phone", "url") and only(value, email.group(0))):
        if "email" not in basics:
            basics["email"] = email.group(0)
            return True
        return False
    phone = PHONE.fullmatch(marked) if key in (None, "phone") else PHONE.search(marked)
    if phone and (key == "phone" or only(marked, phone.group(0))):
        if "phone" not in basics:
            basics["phone"] = phone.group(0).strip()
            return only(marked, phone.group(0))
        return False
    url = _url_of(value)
    if url and (key in ("github", "linkedin", "url") or only_link(value)):
        if key in ("github", "linkedin") or PROFILE_SITE.match(url):
            if _profile(basics, url):
                return True
            network = "GitHub" if key == "github" else "LinkedIn"
            basics.setdefault("profiles", []).append({"network": network, "url": url})
            return True
        if "url" not in basics:
            basics["url"] = url
            return True
        named = LINK.match(value.strip())
        if named and 0 < len(named.group(1).split()) <= 2 and len(named.group(1)) <= 20:
            profile = {"network": named.group(1).strip(), "url": url}  # "[Behance](…)"
            basics.setdefault("profiles", []).append(profile)
            return True
        return False
    if (key == "location" or (key is None and LOCATION.match(bare))) and "location" not in basics:
        basics["location"] = place_fields(bare)
        return True
    return False


def only(text: str, value: str) -> bool:
    """``text`` holds nothing but ``value`` (and link or emphasis marks)."""
    rest = re.sub(r"mailto:|tel:", " ", text.replace(value, " "))
    rest = re.sub(r"[\[\]()<>]", " ", plain(rest)).strip()
    return not rest or rest.lower() == value.lower()


def only_link(text: str) -> bool:
    text = text.strip().strip("<>")
    return bool(LINK.match(text) or URL.fullmatch(text) or BARE_SITE.match(text))
