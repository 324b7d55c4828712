"""Rebuild resources/fonts/ from the Debian and npm packages the fonts come from.

A build-time tool: it needs fontTools (``.venv/bin/pip install fonttools``), which the
app itself never imports. Run from the repository root::

    .venv/bin/python tools/vendor_fonts.py            # rewrite resources/fonts/
    .venv/bin/python tools/vendor_fonts.py --check    # rebuild in a temp dir, compare

For each family it takes the Regular and Bold faces from a pinned package (installed
Debian files when the installed version is the pinned one, else ``apt-get download``;
``npm pack`` for npm), then:

1. subsets them to Latin, punctuation and common symbols, all of KS X 1001 (its
   symbols, 2 350 Hangul, 4 888 Hanja) and all 11 172 Hangul syllables (real names use
   rare ones), leaving out hinting, which Qt does not use for our pages;
2. leaves out code points that would make Qt's PDF text layer lie: Qt maps a glyph back
   to the lowest code point that shares it (design.md §4 trap 3), so U+2012 FIGURE DASH
   would turn every en dash into a figure dash;
3. renames the family to a unique "cveditor …" name (trap 4: a registered family that
   also exists system-wide may be replaced by the system's file). A renamed or subset
   font is a Modified Version under the OFL, which may not use a Reserved Font Name
   ("Pretendard", "Plex", "Source", "Nanum"…): the names below avoid them all;
4. writes OFL.txt beside the faces and SOURCES.md with every file's origin and hash.

The output is deterministic for the same packages and fontTools version.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

try:
    import fontTools
    from fontTools import subset
    from fontTools.pens.boundsPen import BoundsPen
    from fontTools.pens.t2CharStringPen import T2CharStringPen
    from fontTools.pens.transformPen import TransformPen
    from fontTools.ttLib import TTCollection, TTFont
except ImportError:  # pragma: no cover - a build-time tool
    sys.exit("vendor_fonts needs fontTools: .venv/bin/pip install fonttools")

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "resources" / "fonts"


# --- what goes in ------------------------------------------------------------------


def _ks_x_1001() -> set[int]:
    """Every character of KS X 1001 (EUC-KR's two-byte half): symbols, Hangul, Hanja."""
    found = set()
    for high in range(0xA1, 0xFF):
        for low in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                found.add(ord(bytes((high, low)).decode("euc_kr")))
    return found


def _ranges(*pairs: tuple[int, int]) -> set[int]:
    return {cp for low, high in pairs for cp in range(low, high + 1)}


#: Latin, punctuation and symbols a résumé uses: Basic Latin to Latin Extended-B,
#: General Punctuation, currency (₩ €), letterlike (™ №), arrows, math (− × ± ≤),
#: geometric shapes (■ ● ▶), stars and check marks (★ ☆ ✓ ✔), enclosed numbers (①).
LATIN = _ranges(
    (0x0020, 0x007E),
    (0x00A0, 0x024F),
    (0x02C6, 0x02DD),  # modifier letters: ˆ ˇ ˘ ˙ ˚ ˛ ˜ ˝
    (0x2000, 0x206F),
    (0x20A0, 0x20BF),
    (0x2100, 0x214F),
    (0x2190, 0x21FF),
    (0x2200, 0x22FF),
    (0x2460, 0x24FF),
    (0x25A0, 0x25FF),
    (0x2600, 0x26FF),
    (0x2700, 0x27BF),
    (0xFB00, 0xFB04),  # ligature glyphs that layout may still produce
)

#: Korean on top of LATIN: KS X 1001 in full, every Hangul syllable, compatibility jamo
#: (ㄱ ㅏ), CJK symbols and punctuation (「」〈〉〜), enclosed CJK (㈜ ㉠), CJK
#: compatibility (㎡ ㎏) and full-width forms (（）～).
KOREAN = (
    LATIN
    | _ks_x_1001()
    | _ranges(
        (0xAC00, 0xD7A3),
        (0x3131, 0x318E),
        (0x3000, 0x303F),
        (0x3200, 0x32FF),
        (0x3300, 0x33FF),
        (0xFF01, 0xFF60),
        (0xFFE0, 0xFFE6),
    )
)

#: Left out: they share a glyph with a more common character above them and Qt's text
#: layer would name them instead (U+2012 for every en dash, U+2035 for full-width `).
LIARS = {0x2012, 0x2035}


@dataclass(frozen=True)
class Source:
    kind: str  # "debian" or "npm"
    package: str
    version: str
    integrity: str = ""  # npm's sha512, checked after `npm pack`

    def label(self) -> str:
        where = "Debian package" if self.kind == "debian" else "npm package"
        return f"{where} `{self.package}` {self.version}"


@dataclass(frozen=True)
class Family:
    folder: str  # under resources/fonts
    family: str  # the unique family name the app and themes use
    postscript: str  # PostScript name prefix, no spaces
    original: str  # what the faces are called upstream
    source: Source
    faces: dict[str, str]  # style → path inside the package
    charset: set[int]
    ttc_family: str = ""  # for a collection: the face's family name
    licence: str = ""  # path of the licence inside the package ("" → build from Debian)
    notice: str = ""  # copyright notice heading a licence built from Debian's copyright
    extension: str = ".otf"
    note: str = field(default="")
    #: Glyphs the original lacks, taken from another family of this list (its folder)
    #: in the same style: code points → donor.
    borrow: tuple[tuple[int, ...], str] | None = None


NOTO_CJK = Source("debian", "fonts-noto-cjk", "1:20220127+repack1-1")
NOTO_NOTICE = (
    "Copyright 2014-2022 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'.\n"
    "Noto is a trademark of Google Inc."
)
FAMILIES = (
    Family(
        folder="noto-serif-kr",
        family="cveditor Noto Serif KR",
        postscript="cveditorNotoSerifKR",
        original="Noto Serif CJK KR (the KR face of the collection)",
        source=NOTO_CJK,
        faces={
            "Regular": "usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
            "Bold": "usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
        },
        charset=KOREAN,
        ttc_family="Noto Serif CJK KR",
        notice=NOTO_NOTICE,
    ),
    Family(
        folder="noto-sans-kr",
        family="cveditor Noto Sans KR",
        postscript="cveditorNotoSansKR",
        original="Noto Sans CJK KR (the KR face of the collection)",
        source=NOTO_CJK,
        faces={
            "Regular": "usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "Bold": "usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
        },
        charset=KOREAN,
        ttc_family="Noto Sans CJK KR",
        notice=NOTO_NOTICE,
    ),
    Family(
        folder="modern-sans-kr",
        family="cveditor Modern Sans KR",
        postscript="cveditorModernSansKR",
        original="Pretendard (static OTF)",
        source=Source(
            "npm",
            "pretendard",
            "1.3.9",
            "sha512-PaQAADyLY5v4kYFwkpSJHbSSYIkiriY/1xXw75TKoZ9UQQqeU+tvP05yTdZAWibiIYoo8ZKtRv8PM7w0IaywSw==",
        ),
        faces={
            "Regular": "package/dist/public/static/Pretendard-Regular.otf",
            "Bold": "package/dist/public/static/Pretendard-Bold.otf",
        },
        charset=KOREAN,
        licence="package/dist/LICENSE.txt",
        # fontconfig calls a font Korean only with the 41 old compatibility jamo
        # (ㆁ ㆆ ㆍ …), which Pretendard lacks: without them Qt on Linux lists no Korean
        # writing system for it. Pretendard's Hangul is Noto Sans CJK's, scaled, so
        # they come from there, scaled the same way.
        borrow=(tuple(range(0x3165, 0x318F)), "noto-sans-kr"),
        note=(
            "No Hanja: Qt takes them from the next family of the stack. The 41 old"
            " compatibility jamo U+3165–U+318E (which fontconfig needs to call a font"
            " Korean) are Noto Sans CJK KR's, scaled to Pretendard's Hangul."
        ),
    ),
    Family(
        folder="latin-serif",
        family="cveditor Latin Serif",
        postscript="cveditorLatinSerif",
        original="IBM Plex Serif (WOFF, unpacked to TrueType)",
        source=Source(
            "npm",
            "@ibm/plex-serif",
            "2.0.0",
            "sha512-xVu9JsC18tBoQF2M6fofpsWrHj5a94saxlOZbYmXoC0E3UfjgS1JlibgrnaUJjnkLlEyCpMgI2PdhkDxijw0gA==",
        ),
        faces={
            "Regular": "package/fonts/complete/woff/IBMPlexSerif-Regular.woff",
            "Bold": "package/fonts/complete/woff/IBMPlexSerif-Bold.woff",
        },
        charset=LATIN,
        licence="package/LICENSE.txt",
        extension=".ttf",
        note="Latin only: Hangul comes from the next family of the stack.",
    ),
)


# --- fetching the packages ---------------------------------------------------------


def _run(*args: str, cwd: Path | None = None) -> str:
    return subprocess.run(args, cwd=cwd, check=True, capture_output=True, text=True).stdout


def debian_root(source: Source, work: Path) -> Path:
    """The package's files: the installed ones when the pinned version is installed."""
    try:
        installed = _run("dpkg-query", "-W", "-f", "${Version}", source.package)
    except (OSError, subprocess.CalledProcessError):
        installed = ""
    if installed == source.version:
        return Path("/")
    folder = work / f"deb-{source.package}"
    folder.mkdir(parents=True, exist_ok=True)
    _run("apt-get", "download", f"{source.package}={source.version}", cwd=folder)
    (deb,) = folder.glob("*.deb")
    _run("dpkg-deb", "-x", str(deb), str(folder / "root"))
    return folder / "root"


def npm_root(source: Source, work: Path) -> Path:
    folder = work / f"npm-{source.package.replace('/', '_')}"
    folder.mkdir(parents=True, exist_ok=True)
    packed = json.loads(
        _run("npm", "pack", "--json", f"{source.package}@{source.version}", cwd=folder)
    )[0]
    if source.integrity and packed["integrity"] != source.integrity:
        sys.exit(
            f"{source.package}@{source.version}: integrity {packed['integrity']} "
            f"is not the pinned {source.integrity}"
        )
    with tarfile.open(folder / packed["filename"]) as tar:
        tar.extractall(folder / "root", filter="data")
    return folder / "root"


def package_root(source: Source, work: Path, cache: dict[Source, Path]) -> Path:
    if source not in cache:
        fetch = debian_root if source.kind == "debian" else npm_root
        cache[source] = fetch(source, work)
    return cache[source]


# --- making a face -----------------------------------------------------------------


def open_face(path: Path, ttc_family: str) -> TTFont:
    if not ttc_family:
        font = TTFont(path, recalcTimestamp=False)
        font.flavor = None  # WOFF in, plain sfnt out
        return font
    for font in TTCollection(path, recalcTimestamp=False).fonts:
        if font["name"].getDebugName(1) == ttc_family:
            return font
    raise SystemExit(f"{path} has no face named {ttc_family!r}")


def subset_face(font: TTFont, charset: set[int]) -> None:
    options = subset.Options()
    options.hinting = False  # Qt lays out unhinted (render/fonts.py); the PDF has none
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.drop_tables += ["DSIG", "FFTM", "vhea", "vmtx", "VORG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=charset - LIARS)
    subsetter.subset(font)


def _bounds(font: TTFont, char: str) -> tuple[float, float, float, float]:
    glyphs = font.getGlyphSet()
    pen = BoundsPen(glyphs)
    glyphs[font.getBestCmap()[ord(char)]].draw(pen)
    return pen.bounds


def _fit(pairs: list[tuple[float, float]]) -> tuple[float, float]:
    """Least squares a, b with new ≈ a·old + b."""
    n = len(pairs)
    mean_old = sum(o for o, _ in pairs) / n
    mean_new = sum(w for _, w in pairs) / n
    var = sum((o - mean_old) ** 2 for o, _ in pairs)
    scale = sum((o - mean_old) * (w - mean_new) for o, w in pairs) / var
    return scale, mean_new - scale * mean_old


#: Hangul both fonts draw alike, to learn how the donor's glyphs must be scaled.
FIT_SAMPLE = "가ㄱㅎㅏ한글몸"


def borrow_glyphs(font: TTFont, donor: TTFont, codepoints: tuple[int, ...]) -> int:
    """Copy into ``font`` (CID-keyed CFF) the donor's glyphs for the code points it lacks,
    scaled and moved so that the donor's Hangul would fall on the font's own."""
    cmap, donor_cmap = font.getBestCmap(), donor.getBestCmap()
    wanted = [cp for cp in codepoints if cp not in cmap and cp in donor_cmap]
    if not wanted:
        return 0
    xs, ys = [], []
    for char in FIT_SAMPLE:
        old, new = _bounds(donor, char), _bounds(font, char)
        xs += [(old[0], new[0]), (old[2], new[2])]
        ys += [(old[1], new[1]), (old[3], new[3])]
    (sx, dx), (sy, dy) = _fit(xs), _fit(ys)
    cff = font["CFF "].cff
    top = cff.topDictIndex[0]
    strings = top.CharStrings
    order = list(font.getGlyphOrder())  # a copy: for CFF it is the charset, which grows
    reference = cmap[ord("ㄱ")]
    fd = top.FDSelect[order.index(reference)]
    private = top.FDArray[fd].Private
    width = font["hmtx"][reference][0]
    nominal = getattr(private, "nominalWidthX", 0)
    coded_width = None if width == getattr(private, "defaultWidthX", 0) else width - nominal
    donor_glyphs = donor.getGlyphSet()
    next_cid = max(int(name[3:]) for name in order if name.startswith("cid")) + 1
    added = []
    for offset, cp in enumerate(wanted):
        name = f"cid{next_cid + offset:05d}"
        pen, bounds = T2CharStringPen(coded_width, None), BoundsPen(None)
        for target in (pen, bounds):
            donor_glyphs[donor_cmap[cp]].draw(TransformPen(target, (sx, 0, 0, sy, dx, dy)))
        charstring = pen.getCharString(private=private, globalSubrs=cff.GlobalSubrs)
        strings.charStringsIndex.append(charstring)
        strings.charStrings[name] = len(strings.charStringsIndex) - 1
        top.charset.append(name)
        top.FDSelect.append(fd)
        font["hmtx"][name] = (width, round(bounds.bounds[0]) if bounds.bounds else 0)
        if "vmtx" in font:
            font["vmtx"][name] = font["vmtx"][reference]
        for table in font["cmap"].tables:
            if table.isUnicode():
                table.cmap[cp] = name
        added.append(name)
    font.setGlyphOrder(order + added)
    return len(added)


#: Name IDs that carry the family's identity; all their records (every language) are
#: replaced, so no localized name ("본고딕"…) is left for fontconfig to register.
IDENTITY_IDS = (1, 2, 3, 4, 6, 16, 17, 18, 21, 22, 25)


def rename_face(font: TTFont, family: Family, style: str) -> None:
    name = font["name"]
    name.names = [r for r in name.names if r.nameID not in IDENTITY_IDS]
    postscript = f"{family.postscript}-{style}"
    version = name.getDebugName(5) or ""
    values = {
        1: family.family,
        2: style,
        3: f"{postscript};cveditor;{version}",
        4: f"{family.family} {style}",
        6: postscript,
    }
    for name_id, value in values.items():
        name.setName(value, name_id, 3, 1, 0x409)
        name.setName(value, name_id, 1, 0, 0)
    if "CFF " in font:
        cff = font["CFF "].cff
        old = cff.fontNames[0]
        cff.fontNames = [postscript]
        top = cff.topDictIndex[0]
        for key, value in (("FullName", values[4]), ("FamilyName", family.family)):
            if hasattr(top, key):
                setattr(top, key, value)
        for sub in getattr(top, "FDArray", None) or []:
            if getattr(sub, "FontName", "").startswith(old):
                sub.FontName = postscript + sub.FontName[len(old) :]
    # RIBBI style bits: Regular / Bold of one family, Bold a real bold face.
    os2, head = font["OS/2"], font["head"]
    bold = style == "Bold"
    if os2.usWeightClass != (700 if bold else 400):
        raise SystemExit(f"{family.family} {style}: weight {os2.usWeightClass}")
    if os2.fsType & 0x000F not in (0, 4, 8) or os2.fsType & 0x0200:
        raise SystemExit(f"{family.family} {style}: fsType {os2.fsType} forbids embedding")
    os2.fsSelection = (os2.fsSelection & ~0b1100001) | (0b100000 if bold else 0b1000000)
    head.macStyle = (head.macStyle & ~1) | (1 if bold else 0)


def licence_text(family: Family, root: Path) -> str:
    if family.licence:
        return (root / family.licence).read_text(encoding="utf-8")
    # The Debian package carries the OFL only inside its copyright file (as a
    # paragraph indented by one space, "." for a blank line), not upstream's LICENSE.
    copyright_file = root / "usr/share/doc" / family.source.package / "copyright"
    lines = copyright_file.read_text(encoding="utf-8").splitlines()
    start = lines.index("License: SIL-1.1", lines.index("License: SIL-1.1") + 1)
    body = []
    for line in lines[start + 1 :]:
        if not line.startswith(" "):
            break
        body.append("" if line.strip() == "." else line[1:])
    return family.notice + "\n\n" + "\n".join(body).strip() + "\n"


def build_family(
    family: Family, root: Path, out: Path, roots: dict[str, Path]
) -> list[tuple[str, Path, str]]:
    folder = out / family.folder
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for style, inside in family.faces.items():
        font = open_face(root / inside, family.ttc_family)
        if family.borrow:
            codepoints, donor_folder = family.borrow
            donor = next(f for f in FAMILIES if f.folder == donor_folder)
            donor_font = open_face(roots[donor_folder] / donor.faces[style], donor.ttc_family)
            count = borrow_glyphs(font, donor_font, codepoints)
            print(f"  {style}: {count} glyphs from {donor.original}", flush=True)
        subset_face(font, family.charset)
        rename_face(font, family, style)
        target = folder / f"{family.postscript}-{style}{family.extension}"
        buffer = io.BytesIO()
        font.save(buffer)
        target.write_bytes(buffer.getvalue())
        made.append((style, target, inside))
        print(f"  {target.relative_to(out)}: {target.stat().st_size / 1e6:.2f} MB", flush=True)
    (folder / "OFL.txt").write_text(licence_text(family, root), encoding="utf-8")
    return made


# --- the record ----------------------------------------------------------------------


def sources_md(made: list[tuple[Family, list[tuple[str, Path, str]]]], out: Path) -> str:
    total = sum(path.stat().st_size for _, faces in made for _, path, _ in faces)
    lines = [
        "# Bundled fonts",
        "",
        "Written by `tools/vendor_fonts.py` (fontTools "
        f"{fontTools.version}); do not edit by hand, rerun the tool.",
        "Every font is under the SIL Open Font License 1.1 (`OFL.txt` beside its files).",
        "Each is a Modified Version: subset (Latin, punctuation, symbols, KS X 1001, all",
        "11 172 Hangul syllables, as far as the original has them; no hinting) and",
        "renamed to a `cveditor …` family so that",
        "a system copy of the original can never stand in for it. The new names use no",
        "Reserved Font Name of the originals.",
        "",
        f"Total: {total / 1e6:.1f} MB.",
        "",
    ]
    for family, faces in made:
        lines += [
            f"## {family.family}",
            "",
            f"- From: {family.original}, {family.source.label()}.",
        ]
        if family.source.integrity:
            lines.append(f"- Package integrity: `{family.source.integrity}`")
        if family.note:
            lines.append(f"- {family.note}")
        lines.append("")
        lines.append("| file | from (path in the package) | MB | sha256 |")
        lines.append("| --- | --- | --- | --- |")
        for _, path, inside in faces:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            lines.append(
                f"| `{path.relative_to(out)}` | `{inside}` | {path.stat().st_size / 1e6:.2f} "
                f"| `{digest}` |"
            )
        lines.append("")
    return "\n".join(lines)


def build(out: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="vendor-fonts-") as temp:
        work, packages = Path(temp), {}
        roots = {f.folder: package_root(f.source, work, packages) for f in FAMILIES}
        made = []
        for family in FAMILIES:
            print(f"{family.family} ← {family.source.label()}", flush=True)
            shutil.rmtree(out / family.folder, ignore_errors=True)
            made.append((family, build_family(family, roots[family.folder], out, roots)))
    (out / "SOURCES.md").write_text(sources_md(made, out), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="default: resources/fonts")
    parser.add_argument(
        "--check", action="store_true", help="rebuild in a temp dir and compare with --out"
    )
    args = parser.parse_args(argv)
    if not args.check:
        args.out.mkdir(parents=True, exist_ok=True)
        build(args.out)
        return 0
    with tempfile.TemporaryDirectory(prefix="vendor-fonts-check-") as temp:
        fresh = Path(temp)
        build(fresh)
        differ = []
        for path in sorted(fresh.rglob("*")):
            kept = args.out / path.relative_to(fresh)
            if path.is_file() and (not kept.is_file() or kept.read_bytes() != path.read_bytes()):
                differ.append(str(path.relative_to(fresh)))
    print("identical" if not differ else "differ: " + ", ".join(differ))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
