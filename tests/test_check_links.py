"""The link checker of the built documentation, on a small site made by hand."""

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


@cache
def check_links() -> ModuleType:
    """Import ``scripts/check_links.py``, which is not a package."""
    path = ROOT / "scripts" / "check_links.py"
    spec = importlib.util.spec_from_file_location("check_links", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("check_links", module)
    spec.loader.exec_module(module)
    return module


SITE_URL = "https://docs.example.org/project/"


def write(site: Path, path: str, body: str) -> None:
    target = site / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f"<!doctype html><html><body>{body}</body></html>", encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    write(site, "index.html", '<h1 id="top">Home</h1><a href="guide/">guide</a>')
    write(
        site,
        "guide/index.html",
        '<h2 id="install">Install</h2><a name="old-anchor"></a>'
        '<a href="../">home</a> <a href="../index.html#top">top</a>'
        ' <a href="#install">here</a> <img src="../img/logo.png">'
        ' <a href="https://elsewhere.example.com/missing/">another site</a>'
        ' <a href="https://docs.example.org/project/guide/#old-anchor">own, absolute</a>'
        ' <a href="mailto:someone@example.org">mail</a>',
    )
    (site / "img").mkdir()
    (site / "img" / "logo.png").write_bytes(b"\x89PNG")
    return site


def test_a_site_whose_links_all_resolve(site: Path) -> None:
    assert list(check_links().broken_links(site, SITE_URL)) == []
    assert check_links().main([str(site), "--site-url", SITE_URL]) == 0


def test_a_link_to_a_missing_page_and_a_missing_anchor(site: Path) -> None:
    write(
        site,
        "reference/index.html",
        '<a href="../guide/#install">good</a> <a href="../nowhere/">broken link</a>'
        ' <a href="../guide/#uninstall">broken anchor</a> <a href="#self">broken here</a>'
        ' <a href="https://docs.example.org/project/gone.html">broken, absolute</a>'
        ' <script src="../js/app.js"></script>',
    )
    broken = list(check_links().broken_links(site, SITE_URL))
    assert broken == [
        "reference/index.html: ../nowhere/: no such file nowhere/index.html",
        "reference/index.html: ../guide/#uninstall: no id 'uninstall' in guide/index.html",
        "reference/index.html: #self: no id 'self' in reference/index.html",
        "reference/index.html: https://docs.example.org/project/gone.html: no such file gone.html",
        "reference/index.html: ../js/app.js: no such file js/app.js",
    ]
    assert check_links().main([str(site), "--site-url", SITE_URL]) == 1


def test_without_a_site_url_absolute_links_are_not_followed(site: Path) -> None:
    write(site, "other.html", '<a href="https://docs.example.org/project/gone.html">x</a>')
    assert list(check_links().broken_links(site, None)) == []


def test_a_folder_that_is_not_a_built_site(tmp_path: Path) -> None:
    assert check_links().main([str(tmp_path)]) == 1


def test_the_site_url_is_read_from_mkdocs_yml() -> None:
    assert check_links().site_url_of_mkdocs() == "https://frivillig.readthedocs.io/"
