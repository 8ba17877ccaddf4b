"""The rule catalogue in the docs is generated from the rules and must not drift from them."""

import importlib.util
from pathlib import Path

import attrs

import frivillig

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "docs" / "reference" / "rules"


def test_the_committed_pages_are_what_the_rules_generate() -> None:
    pages = frivillig.rule_catalogue()
    stale = [
        name
        for name, text in pages.items()
        if not (FOLDER / name).exists() or (FOLDER / name).read_text(encoding="utf-8") != text
    ]
    extra = sorted(path.name for path in FOLDER.glob("*.md") if path.name not in pages)
    assert not stale, f"run `python scripts/gen_rules.py`: stale pages {stale}"
    assert not extra, f"run `python scripts/gen_rules.py`: pages of no rule {extra}"


def test_every_page_is_in_the_navigation() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    missing = [
        name for name in frivillig.rule_catalogue() if f"reference/rules/{name}" not in config
    ]
    assert not missing, f"add these pages to the nav in mkdocs.yml: {missing}"


def test_a_rule_page_shows_the_metadata_and_both_examples() -> None:
    page = frivillig.rule_catalogue()["FR103.md"]
    assert page.startswith("<!-- Generated")
    assert "# FR103 child-certificate-missing" in page
    assert "| severity | error (*fejl*) |" in page
    assert "| `child_certificate_renewal_months` | `null` | secondary source |" in page
    assert "Kirkeministeriets BEK nr. 404" in page
    assert "## Failing example" in page
    assert "## Passing example" in page
    assert '"$.volunteers[4]": {' in page
    assert "reports nothing for FR103." in page


def test_a_municipalitys_own_rule_gets_a_page_too() -> None:
    rule = attrs.evolve(
        frivillig.DEFAULT_RULEBOOK.rule("FR112"),
        code="KK301",
        name="own-key-person-rule",
        failing_example=None,
        passing_example=None,
    )
    page = frivillig.rule_page(rule)
    assert "# KK301 own-key-person-rule" in page
    assert "## Failing example" not in page
    book = frivillig.DEFAULT_RULEBOOK.add(rule).regrade("KK301", "error")
    assert "| severity | error (*fejl*) |" in frivillig.rule_page(rule, book)
    assert "KK301" in frivillig.rule_catalogue(book)["index.md"]


def test_the_generator_script_writes_the_same_pages(tmp_path: Path, monkeypatch) -> None:
    spec = importlib.util.spec_from_file_location("gen_rules", ROOT / "scripts" / "gen_rules.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "FOLDER", tmp_path)
    (tmp_path / "FR999.md").write_text("a rule that no longer exists", encoding="utf-8")
    assert module.main() == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(frivillig.rule_catalogue())
    assert (tmp_path / "FR101.md").read_text(encoding="utf-8") == frivillig.rule_catalogue()[
        "FR101.md"
    ]
