"""Write the rule catalogue, ``docs/reference/rules/``, from the rule metadata.

Each built-in rule gets a page, ``docs/reference/rules/<code>.md``, and
``index.md`` lists them with the settings they use. The pages are what
[`frivillig.rule_catalogue`][] returns; run ``python scripts/gen_rules.py``
after changing a rule. ``tests/test_rule_catalogue.py`` fails while a committed
page differs from what this script would write, or while ``mkdocs.yml`` does not
list every page.
"""

import sys
from pathlib import Path

import frivillig

FOLDER = Path(__file__).resolve().parent.parent / "docs" / "reference" / "rules"


def main() -> int:
    """Write the pages, remove pages of rules that no longer exist, and list what changed."""
    FOLDER.mkdir(parents=True, exist_ok=True)
    pages = frivillig.rule_catalogue()
    changed = []
    for name, text in pages.items():
        path = FOLDER / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(name)
    for path in sorted(FOLDER.glob("*.md")):
        if path.name not in pages:
            path.unlink()
            changed.append(f"{path.name} (removed)")
    for name in changed:
        print(f"wrote {FOLDER / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
