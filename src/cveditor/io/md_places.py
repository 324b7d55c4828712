"""Places on a profile's lines: which piece of a contact line is a place ("Tucson, AZ",
"서울 강남구", not "마케팅 매니저 8년차"), and which of the location's fields it fills
(a town the pages print, a street address they do not)."""

from __future__ import annotations

import re

from .md_vocabulary import KOREAN_REGIONS, ROLE_WORDS

#: A place in Latin letters: a few capitalised words ("Tucson, AZ", "Lagos").
PLACE_PIECE = re.compile(r"^(?:[A-Z][\w'’.-]*|[가-힣]+)(?:[ ,]+(?:[A-Z][\w'’.-]*|[가-힣]+)){0,3}$")
#: A Korean place: a city or province by name, or a word with a place's ending (서울,
#: 성남시, 강남구, 경기도 …); other Hangul words ("마케팅 매니저 8년차") are no place.
KOREAN_PLACE = re.compile(
    rf"^(?:(?:{KOREAN_REGIONS}|판교|분당|일산|수원|성남|용인|고양|창원|청주|천안|전주|포항)\S*"
    r"|\S+(?:시|도|구|군|읍|면|동))"
    r"(?:[ ,]+\S+(?:시|도|구|군|읍|면|동)?){0,2}$"
)


def profile_place(piece: str) -> bool:
    """A place on a contact line: "Tucson, AZ", "Lagos", "서울 강남구", "성남시"."""
    piece = piece.strip()
    if re.search("[가-힣]", piece):
        return bool(KOREAN_PLACE.match(piece)) and not ROLE_WORDS.search(piece)
    return bool(PLACE_PIECE.match(piece)) and not ROLE_WORDS.search(piece)


#: A place a résumé prints: "Edinburgh", "Austin, TX", "Lyon, France", "서울", "부산 해운대구".
CITY_REGION = re.compile(
    r"^([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})(?:,\s*([A-Z][\w .'’-]{1,30}))?$"
)
KOREAN_CITY = re.compile(r"^[가-힣]{2,5}(?:시|도)?(?:\s+[가-힣]{1,6}(?:구|군|시))?$")


def place_fields(text: str) -> dict[str, str]:
    """A place as the location's fields: a town (and its region or country) is the city
    the pages print; anything longer (a street, a number) stays the address, which they
    do not."""
    text = text.strip()
    if not re.search(r"\d", text) and KOREAN_CITY.match(text):
        return {"city": text}  # "서울 마포구": written, and printed, without a comma
    match = None if re.search(r"\d", text) else CITY_REGION.match(text)
    if match is None:
        return {"address": text}
    city, region = match.group(1), match.group(2)
    return {"city": city, "region": region} if region else {"city": city}
