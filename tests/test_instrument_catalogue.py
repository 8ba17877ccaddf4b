"""The instrument catalogue in the docs is generated from the instruments and must not drift."""

import importlib.util
from functools import cache
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import frivillig
from frivillig import Band, Verification

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "docs" / "reference" / "instruments"


@cache
def generator() -> ModuleType:
    """Import ``scripts/gen_instruments.py``, which is not a package."""
    spec = importlib.util.spec_from_file_location(
        "gen_instruments", ROOT / "scripts" / "gen_instruments.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_shipped_instrument_has_a_page() -> None:
    pages = generator().expected_pages()
    assert sorted(pages) == [f"{key}.md" for key in frivillig.instrument_ids()]


def test_the_committed_pages_are_what_the_generator_writes() -> None:
    pages = generator().expected_pages()
    stale = [
        name
        for name, text in pages.items()
        if not (FOLDER / name).exists() or (FOLDER / name).read_text(encoding="utf-8") != text
    ]
    extra = sorted(path.name for path in FOLDER.glob("*.md") if path.name not in pages)
    assert not stale, f"run `python scripts/gen_instruments.py`: stale pages {stale}"
    assert not extra, f"run `python scripts/gen_instruments.py`: pages of no instrument {extra}"


def test_every_page_is_in_the_navigation_and_linked_from_the_api_page() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    api_page = (ROOT / "docs" / "reference" / "instruments.md").read_text(encoding="utf-8")
    names = list(generator().expected_pages())
    unlisted = [name for name in names if f"reference/instruments/{name}" not in config]
    unlinked = [name for name in names if f"(instruments/{name})" not in api_page]
    assert not unlisted, f"add these pages to the nav in mkdocs.yml: {unlisted}"
    assert not unlinked, f"link these pages from docs/reference/instruments.md: {unlinked}"


def test_a_page_shows_source_provenance_scoring_bands_and_items() -> None:
    page = generator().expected_pages()["barometer.md"]
    assert page.startswith("<!-- Generated")
    assert "# Collaboration barometer" in page
    assert "| id | `barometer` |" in page
    assert "No aspect is marked unverified or not found." in page
    # b04, b06 and one more are reverse-coded: on a 1-5 scale x counts as 6 - x.
    assert "1. **Reverse-coded items** (`b04`, `b06`, " in page
    assert "counts as `6 - x`" in page
    assert "| `b04` | In practice one party decides what goes on the agenda." in page
    assert page.count("| yes |") == 3
    # Bands run from their lower bound to the next band's: 1.0, 3.0, 4.0.
    assert "| `act` | 1.0 | below 3.0 | should be taken up |" in page
    assert "| `working` | 4.0 | and above | working well |" in page
    # Two items per factor, half of them needed: ceil(0.5 * 2) = 1.
    assert "`equality` · scored with at least 1 of 2 items answered" in page
    assert "given when at least 3 of the 5 factors are scored" in page  # ceil(0.5 * 5)


def test_a_page_says_what_is_unverified_and_handles_sums_without_bands() -> None:
    page = generator().expected_pages()["pat-2003.md"]
    assert "| unverified | scale, scoring, bands |" in page
    assert "**Unverified: scale, scoring, bands.**" in page
    assert "| interpretation bands | not found in the sources (*ikke fundet i kilderne*) |" in page
    # Three items on a 1-4 scale sum to 3..12; six principles prorate to 18..72.
    assert "(a prorated sum), from 3 to 12." in page
    assert "prorated sum of the scored factors, from 18 to 72" in page
    assert "This instrument has no interpretation bands" in page
    assert "`need` · scored with at least 2 of 3 items answered" in page  # ceil(1.5)


def test_categories_group_the_factors() -> None:
    page = generator().expected_pages()["wilder-2001.md"]
    wilder = frivillig.get_instrument("wilder-2001")
    assert page.count("\n### ") == len(wilder.categories) == 6
    assert page.count("\n#### ") == len(wilder.factors) == 20
    assert page.count("\n| `w") == len(wilder.items) == 40
    environment = page.split("\n### Environment\n", 1)[1].split("\n### ", 1)[0]
    assert "#### History of collaboration or cooperation in the community" in environment


def test_a_changed_instrument_gives_a_changed_page() -> None:
    pat = frivillig.get_instrument("pat-2003")
    checked = attrs.evolve(
        pat,
        bands=(Band(key="weak", lower=3, label_da="svag", label_en="weak"),),
        provenance=attrs.evolve(pat.provenance, bands=Verification.VERIFIED),
    )
    page = generator().instrument_page(checked)
    assert "| `weak` | 3.0 | and above | weak | svag | - |" in page
    assert "**Unverified: scale, scoring.**" in page


def test_the_generator_script_writes_the_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = generator()
    monkeypatch.setattr(module, "FOLDER", tmp_path)
    (tmp_path / "retired-instrument.md").write_text(
        "an instrument that no longer ships", encoding="utf-8"
    )
    assert module.main() == 0
    written = sorted(path.name for path in tmp_path.iterdir())
    assert written == sorted(module.expected_pages())
    assert (tmp_path / "wilder-2001.md").read_text(encoding="utf-8") == (
        module.expected_pages()["wilder-2001.md"]
    )
