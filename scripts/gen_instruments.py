"""Write the instrument catalogue, ``docs/reference/instruments/``, from the instruments' data.

Each instrument shipped with frivillig gets a page,
``docs/reference/instruments/<id>.md``: its citation and licence note, how well
each aspect is backed by the sources (and what is unverified), its scale, its
scoring rule and the rule for missing answers, its bands, and its categories,
factors and items in the library's own wording, with the reverse-coded items
marked. Everything on the page is read from the
[`Instrument`][frivillig.Instrument] objects that
[`get_instrument`][frivillig.get_instrument] returns, so the catalogue cannot
drift from the data.

Run ``python scripts/gen_instruments.py`` after changing an instrument;
``tests/test_instrument_catalogue.py`` fails while a committed page differs
from what this script would write, or while ``mkdocs.yml`` does not list every page.
"""

import sys
from pathlib import Path

from frivillig import (
    Aggregation,
    Band,
    Factor,
    Instrument,
    InstrumentResult,
    Verification,
    get_instrument,
    instrument_ids,
    score_instrument,
)

FOLDER = Path(__file__).resolve().parent.parent / "docs" / "reference" / "instruments"

GENERATED = (
    "<!-- Generated from the instrument data by scripts/gen_instruments.py: "
    "do not edit by hand. -->"
)

_ASPECTS = (
    ("factors", "factors and categories (names and grouping)"),
    ("items", "items (how many per factor, and which factor each belongs to)"),
    ("scale", "response scale"),
    ("scoring", "scoring rule"),
    ("bands", "interpretation bands"),
)


def _cell(text: str) -> str:
    """Make text safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def _number(value: float) -> str:
    """Show the end of a range: ``5``, ``12``, ``4.5``."""
    return f"{value:g}"


def _bound(value: float) -> str:
    """Show a band's lower bound as the sources write cut-offs: ``4.0``, ``3.25``."""
    return f"{value:.1f}" if float(value).is_integer() else f"{value:g}"


def _count(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number == 1 else plural}"


def _heading(instrument: Instrument) -> list[str]:
    out = [
        GENERATED,
        "",
        f"# {instrument.name_en}",
        "",
        f"*{instrument.name_da}*",
        "",
    ]
    if instrument.description_en:
        out += [instrument.description_en, ""]
    if instrument.description_da:
        out += [f"> {instrument.description_da}", ""]
    structure = [
        _count(len(instrument.categories), "category", "categories")
        if instrument.categories
        else None,
        _count(len(instrument.factors), "factor", "factors"),
        _count(len(instrument.items), "item", "items"),
    ]
    scale = instrument.scale
    out += [
        "| | |",
        "|---|---|",
        f"| id | `{instrument.id}` |",
        f"| edition | {_cell(instrument.edition or '-')} |",
        f"| structure | {', '.join(part for part in structure if part)} |",
        f"| scale | {scale.minimum} to {scale.maximum} |",
        f"| scoring | {instrument.scoring.aggregation.en} per factor |",
        f"| bands | {len(instrument.bands) or 'none'} |",
        f"| unverified | {', '.join(instrument.provenance.unverified) or 'nothing'} |",
        "",
        "The statements below are the library's own wording; where the instrument follows a "
        "published one, they are written to measure what its factors name, and the published "
        "wording is not reproduced. The Danish texts are not validated translations.",
        "",
    ]
    return out


def _source(instrument: Instrument) -> list[str]:
    return [
        "## Source and licence",
        "",
        instrument.citation,
        "",
        f"**Licence.** {instrument.licence}",
        "",
    ]


def _provenance(instrument: Instrument) -> list[str]:
    provenance = instrument.provenance
    out = [
        "## What is verified",
        "",
        "How well each aspect is backed by the library's sources "
        "([`Provenance`][frivillig.Provenance]):",
        "",
        "| aspect | backing |",
        "|---|---|",
    ]
    for name, meaning in _ASPECTS:
        verification: Verification = getattr(provenance, name)
        out.append(f"| {meaning} | {verification.en} (*{verification.da}*) |")
    out.append("")
    unverified = provenance.unverified
    if unverified:
        out += [
            f"**Unverified: {', '.join(unverified)}.** These are defaults to override, not "
            "authority; a scored result lists them in its `unverified` field. How to put "
            "checked figures in their place is shown in "
            "[Define your own instrument](../../how-to/own-instrument.md).",
            "",
        ]
    else:
        out += ["No aspect is marked unverified or not found.", ""]
    if provenance.notes:
        out += ["Notes:", ""]
        for note in provenance.notes:
            out += [f"- {note.en}", f"  *{note.da}*"]
        out.append("")
    return out


def _scale(instrument: Instrument) -> list[str]:
    scale = instrument.scale
    kind = "whole numbers" if scale.whole_numbers else "numbers"
    out = [
        "## Scale",
        "",
        f"Every item is answered with {kind} from {scale.minimum} to {scale.maximum}; an item "
        "may be left unanswered.",
        "",
    ]
    if scale.anchors:
        out += ["| answer | English | Danish |", "|---|---|---|"]
        out += [
            f"| {anchor.value} | {_cell(anchor.label_en)} | {_cell(anchor.label_da)} |"
            for anchor in scale.anchors
        ]
        out.append("")
    return out


def _scoring(instrument: Instrument, empty: InstrumentResult) -> list[str]:
    scale = instrument.scale
    rule = instrument.scoring
    reverse = [item.id for item in instrument.items if item.reverse]
    total = scale.minimum + scale.maximum
    out = ["## Scoring", ""]
    if reverse:
        listed = ", ".join(f"`{item}`" for item in reverse)
        out.append(
            f"1. **Reverse-coded items** ({listed}) are turned around first: an answer `x` "
            f"counts as `{total} - x`."
        )
    else:
        out.append("1. No item is reverse-coded.")
    if rule.aggregation is Aggregation.MEAN:
        out.append(
            f"2. **A factor's score** is the mean of its answered items, from {scale.minimum} "
            f"to {scale.maximum}."
        )
    else:
        ranges = sorted({(score.low, score.high) for score in empty.factors})
        shown = ", ".join(f"{_number(low)} to {_number(high)}" for low, high in ranges)
        out.append(
            "2. **A factor's score** is the sum of its items; when some are unanswered, the "
            "mean of the answered ones times the number of items (a prorated sum), from "
            f"{shown}."
        )
    share = f"{rule.min_answered:.0%}"
    out.append(
        f"3. **Missing answers**: a factor is scored only when at least {share} of its items "
        "are answered (the count rounded up, and at least one); otherwise it has no score. "
        "The number each factor needs is given with its items below."
    )
    if instrument.categories:
        out.append(
            "4. **A category's score** is the mean of its scored factors, given when at least "
            f"{share} of its factors are scored."
        )
    else:
        out.append("4. The instrument has no categories.")
    overall = empty.overall
    if overall is not None:
        needed = rule.needed(len(instrument.factors))
        word = "mean" if rule.aggregation is Aggregation.MEAN else "prorated sum"
        out.append(
            f"5. **The overall score** is the {word} of the scored factors, from "
            f"{_number(overall.low)} to {_number(overall.high)}, given when at least {needed} "
            f"of the {len(instrument.factors)} factors are scored."
        )
    else:
        out.append("5. There is no overall score: each factor is read on its own.")
    out += [
        "",
        f"The rule is [`ScoringRule(aggregation={rule.aggregation.value!r}, "
        f"min_answered={rule.min_answered:g}, overall={rule.overall})`][frivillig.ScoringRule]; "
        "[`score_instrument`][frivillig.score_instrument] applies it.",
        "",
    ]
    return out


def _upper(bands: tuple[Band, ...], index: int) -> str:
    if index + 1 < len(bands):
        return f"below {_bound(bands[index + 1].lower)}"
    return "and above"


def _bands(instrument: Instrument) -> list[str]:
    out = ["## Bands", ""]
    bands = instrument.bands
    if not bands:
        verification = instrument.provenance.bands
        return [
            *out,
            "This instrument has no interpretation bands (bands: "
            f"{verification.en}), so its scores are reported without one.",
            "",
        ]
    out += [
        "A score falls in the band with the highest lower bound at or below it. The same bands "
        "read every score: factor, category and overall.",
        "",
        "| band | from | to | English | Danish | what it suggests |",
        "|---|---|---|---|---|---|",
    ]
    for index, band in enumerate(bands):
        meaning = band.meaning_en or "-"
        if band.meaning_da:
            meaning += f" (*{band.meaning_da}*)"
        out.append(
            f"| `{band.key}` | {_bound(band.lower)} | {_upper(bands, index)} "
            f"| {_cell(band.label_en)} | {_cell(band.label_da)} | {_cell(meaning)} |"
        )
    out.append("")
    return out


def _factor(instrument: Instrument, factor: Factor, level: str) -> list[str]:
    count = len(factor.items)
    needed = instrument.scoring.needed(count)
    out = [
        f"{level} {factor.label_en}",
        "",
        f"*{factor.label_da}* · `{factor.id}` · scored with at least {needed} of "
        f"{_count(count, 'item', 'items')} answered",
        "",
        "| item | statement | Danish | reverse-coded |",
        "|---|---|---|---|",
    ]
    out += [
        f"| `{item.id}` | {_cell(item.text_en)} | {_cell(item.text_da)} "
        f"| {'yes' if item.reverse else 'no'} |"
        for item in factor.items
    ]
    out.append("")
    return out


def _structure(instrument: Instrument) -> list[str]:
    out = ["## Factors and items", ""]
    if not instrument.categories:
        for factor in instrument.factors:
            out += _factor(instrument, factor, "###")
        return out
    for category in instrument.categories:
        factors = [factor for factor in instrument.factors if factor.category == category.id]
        out += [
            f"### {category.label_en}",
            "",
            f"*{category.label_da}* · `{category.id}` · "
            f"{_count(len(factors), 'factor', 'factors')}",
            "",
        ]
        for factor in factors:
            out += _factor(instrument, factor, "####")
    return out


def _use(instrument: Instrument) -> list[str]:
    counts = (len(instrument.categories), len(instrument.factors), len(instrument.items))
    return [
        "## Use it",
        "",
        "```python",
        "import frivillig",
        "",
        f'instrument = frivillig.get_instrument("{instrument.id}")',
        "counts = (len(instrument.categories), len(instrument.factors), len(instrument.items))",
        f"assert counts == {counts!r}",
        "result = frivillig.score_instrument(instrument, {})  # nothing answered yet",
        "assert all(score.value is None for score in result.factors)",
        "```",
        "",
        "A response in an evaluation round names the instrument by its id, "
        f'`instrument="{instrument.id}"`, and gives its answers by item id; the '
        "evaluation-health score and the trends score them. See "
        "[Instruments](../instruments.md) for the API.",
    ]


def instrument_page(instrument: Instrument) -> str:
    """Return the catalogue page of one instrument, ending in a newline."""
    empty = score_instrument(instrument, {})
    out = [
        *_heading(instrument),
        *_source(instrument),
        *_provenance(instrument),
        *_scale(instrument),
        *_scoring(instrument, empty),
        *_bands(instrument),
        *_structure(instrument),
        *_use(instrument),
    ]
    return "\n".join(out).rstrip("\n") + "\n"


def expected_pages() -> dict[str, str]:
    """Return the catalogue's pages by file name, one per shipped instrument, sorted by id."""
    return {f"{key}.md": instrument_page(get_instrument(key)) for key in instrument_ids()}


def main() -> int:
    """Write the pages, remove pages of instruments that no longer ship, and list what changed."""
    FOLDER.mkdir(parents=True, exist_ok=True)
    pages = expected_pages()
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
