"""Every built-in theme on A4 and Letter, read back from the PDF as a reader would."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from cveditor.io import native
from cveditor.model import Resume
from cveditor.model.printed import printed_resume
from cveditor.render.pdf import ATTACHMENT_NAME, pdf_bytes
from cveditor.render.themes import available_themes

from .conftest import OUR_SAMPLE
from .pdfcheck import fonts, link_targets, pdftotext, reader, tokens

TODAY = date(2026, 11, 1)
THEMES = ["classic", "sidebar", "compact", "korean", "myeongjo", "modern", "english"]
PAPERS = {"a4": (595.3, 841.9), "letter": (612.0, 792.0)}

#: Keys whose values are not printed as they are (links print shortened, dates reformatted).
NOT_PRINTED_AS_IS = {
    "url",
    "startDate",
    "endDate",
    "date",
    "releaseDate",
    "image",
    "$schema",
    "countryCode",
    "postalCode",
    "address",
    "network",
    "username",
    "id",
    "kind",
    "schemaVersion",
    "meta",
    "layout",
}


def printed_words(data: object, key: str = "") -> set[str]:
    """The words a reader must find: every visible text of the file, hidden parts left out."""
    if key in NOT_PRINTED_AS_IS:
        return set()
    if isinstance(data, str):
        return tokens(data.replace("**", ""))
    if isinstance(data, list):
        return set().union(*(printed_words(item) for item in data)) if data else set()
    if isinstance(data, dict):
        extras = data.get("x-cveditor", {})
        if extras.get("hidden") or data.get("hidden") or data.get("kind") == "notes":
            return set()
        return set().union(*(printed_words(v, k) for k, v in data.items())) if data else set()
    return set()


@pytest.fixture(scope="module")
def sample_data() -> dict:
    return json.loads(OUR_SAMPLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def exports(qapp, tmp_path_factory) -> dict[tuple[str, str], tuple[Path, object]]:
    folder = tmp_path_factory.mktemp("exports")
    results = {}
    for theme in THEMES:
        for paper in PAPERS:
            resume = native.load(OUR_SAMPLE)
            resume.layout.theme = theme
            resume.layout.paper = paper
            data, report = pdf_bytes(resume, today=TODAY)
            path = folder / f"{theme}-{paper}.pdf"
            path.write_bytes(data)
            results[theme, paper] = (path, report)
    return results


def test_all_builtin_themes_are_tested() -> None:
    builtin = {t.id for t in available_themes().values() if t.builtin}
    assert builtin == set(THEMES)


@pytest.mark.parametrize("paper", list(PAPERS))
@pytest.mark.parametrize("theme", THEMES)
def test_theme_pdf_reads_back(exports, sample_data, theme, paper) -> None:
    path, report = exports[theme, paper]
    pdf = reader(path)
    width, height = PAPERS[paper]
    for page in pdf.pages:
        assert float(page.mediabox.width) == pytest.approx(width, abs=0.6)
        assert float(page.mediabox.height) == pytest.approx(height, abs=0.6)

    text = pdftotext(path)
    found = {t.casefold() for t in tokens(text)}  # a theme may print headings in capitals
    expected = {t.casefold() for t in printed_words(sample_data)}
    assert len(expected) > 250
    # poppler joins a word broken at its hyphen at a line's end ("customer-" "facing"
    # reads "customerfacing"): the text layer has the hyphen, the reader drops it
    missing = sorted(w for w in expected - found if w.replace("-", "") not in found)
    assert not missing, f"words not in the text layer: {missing[:20]}"
    for hidden in ("스타트업", "인턴십", "면접", "배포가"):
        assert hidden not in text, f"{hidden!r} is hidden or private but was printed"
    assert report.warnings == []

    embedded = fonts(pdf)
    assert embedded and all(embedded.values()), embedded

    links = link_targets(pdf)
    for target in (
        "mailto:seoyeon.kim@example.com",
        "https://github.com/seoyeon-kim",
        "https://www.cncf.io/certification/cka/",
    ):
        assert target in links

    attached = pdf.attachments[ATTACHMENT_NAME][0]
    source = native.load(OUR_SAMPLE)
    source.layout.theme, source.layout.paper = theme, paper
    assert native.loads(attached) == printed_resume(source), "the attachment is what prints"
    for private in ("스타트업", "인턴십", "면접", "배포가", "star-notes"):
        assert private.encode() not in attached, f"{private!r} left in the attachment"


def test_pdf_metadata(exports) -> None:
    info = reader(exports["classic", "a4"][0]).metadata
    assert info.title == "김서연 (Seoyeon Kim) — 이력서"  # the sample prints in Korean
    assert info.author == "김서연 (Seoyeon Kim)"
    assert info.subject == "클라우드 플랫폼 엔지니어 · Cloud Platform Engineer"
    assert info.creator.startswith("cveditor ")


@pytest.mark.parametrize(("locale", "word"), [("ko", "이력서"), ("en", "Résumé")])
def test_pdf_title_is_in_the_language_the_pages_print_in(qapp, locale: str, word: str) -> None:
    resume = native.load(OUR_SAMPLE)
    resume.layout.locale = locale
    info = reader(pdf_bytes(resume, attach_source=False)[0]).metadata
    assert info.title == f"{resume.basics.name} — {word}"
    resume.basics.name = ""
    assert reader(pdf_bytes(resume, attach_source=False)[0]).metadata.title == word


TRICKY = [
    "Jun 2018 – Present",
    "‘single’ and “double” quotes",
    "office finance fluffy affine",
    "漢字 一二三 人",
    "허형록 Hyeongrok Heo",
    "2018년 6월 ~ 2019년 1월",
    "C++ & Go — 10%",
    "2011.11 ~ 2022.03 (10년 4개월) 33721",
]


@pytest.mark.parametrize("family", ["", "NanumGothic", "NanumMyeongjo", "DejaVu Serif"])
@pytest.mark.parametrize("theme", THEMES)
def test_text_layer_is_exact(qapp, tmp_path, theme, family) -> None:
    """What pdftotext reads is what the user typed: spaces, dashes, quotes, Hanja, "fi"."""
    resume = Resume()
    resume.basics.name = "허형록 Hyeongrok Heo"
    resume.layout.theme = theme
    resume.layout.fontFamily = family
    resume.basics.summary = "\n\n".join(TRICKY)
    data, report = pdf_bytes(resume, today=TODAY)
    path = tmp_path / "tricky.pdf"
    path.write_bytes(data)
    text = " ".join(pdftotext(path).split())
    for line in TRICKY:
        assert line in text, f"{line!r} not read back; got: {text[:300]}"
    assert report.lost_words == []


def test_digits_after_an_italic_number_stay_in_the_text_layer(qapp, tmp_path) -> None:
    """#17 point 13: `*99.99%*` (a slanted Regular standing in for an italic) made every
    later digit of the page vanish from the text layer; an ATS then read no phone."""
    resume = Resume.model_validate(
        {
            "basics": {"name": "Test Person", "summary": "가용성 *99.99%* 달성, 010-2345-6789"},
            "work": [{"name": "Acme", "position": "Dev", "startDate": "2020-01",
                      "highlights": ["*99.99%* uptime", "latency 120 ms"]}],
        }
    )
    data, report = pdf_bytes(resume, today=date(2026, 12, 1))
    path = tmp_path / "italic.pdf"
    path.write_bytes(data)
    text = " ".join(pdftotext(path).split())
    for expected in ("99.99% 달성, 010-2345-6789", "99.99% uptime", "latency 120 ms", "2020"):
        assert expected in text
    assert report.warnings == []


@pytest.mark.parametrize("theme", ["classic", "compact", "myeongjo", "english"])
def test_a_skill_without_a_name_prints_its_keywords_without_a_colon(
    qapp, tmp_path, theme
) -> None:
    """An imported "## Skills" list gives skills with keywords and no name: a new user
    saw ": Go, Java, Kotlin"."""
    from cveditor.model.resume import Skill

    resume = Resume()
    resume.basics.name = "Skill Tester"
    resume.layout.theme = theme
    resume.skills = [Skill(keywords=["Go", "Java", "Kotlin"])]
    data, _report = pdf_bytes(resume, today=date(2026, 11, 1))
    path = tmp_path / "skills.pdf"
    path.write_bytes(data)
    lines = [line.strip() for line in pdftotext(path).splitlines() if "Kotlin" in line]
    assert lines == ["Go, Java, Kotlin"], lines


@pytest.mark.parametrize(
    ("city", "region", "printed", "not_printed"),
    [
        ("Seoul", "Seoul", "Seoul", "Seoul, Seoul"),
        ("서울", "서울특별시", "서울", "서울, 서울특별시"),
        ("Austin", "TX", "Austin, TX", None),
    ],
)
def test_a_city_that_is_its_own_region_is_printed_once(
    qapp, tmp_path: Path, city: str, region: str, printed: str, not_printed: str | None
) -> None:
    resume = native.load(OUR_SAMPLE)
    resume.basics.location.city, resume.basics.location.region = city, region
    pdf = tmp_path / "out.pdf"
    pdf.write_bytes(pdf_bytes(resume, attach_source=False)[0])
    text = pdftotext(pdf)
    assert printed in text
    if not_printed:
        assert not_printed not in text
