"""The one door to bundled data: sample résumés, themes, icons, translations.

Installed, the data lives in the package (``cveditor/resources``); in a source checkout
it is the ``resources/`` folder at the top of the repository.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resources_root() -> Path:
    packaged = Path(str(files("cveditor"))) / "resources"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "resources"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("cveditor's resources folder is missing; reinstall cveditor")


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)


def sample_path() -> Path:
    """The bundled sample résumé (Korean and English)."""
    return resource_path("samples", "sample.resume.json")
