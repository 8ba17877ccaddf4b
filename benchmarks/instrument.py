"""The 20-item instrument that the benchmark collaborations answer.

The collaborations ``data.py`` draws (like ``frivillig.synthetic``'s benchmark
shape) answer items ``q01`` to ``q20`` of an instrument called ``benchmark-20``
on a 1-5 scale. The instrument is not built in, so the scores are given it
through ``ScoreSettings.instruments``: four factors of five items each, scored
as means.
"""

import frivillig
from frivillig import (
    Factor,
    Instrument,
    Item,
    Provenance,
    Scale,
    ScoreSettings,
    Verification,
)

INSTRUMENT_ID = "benchmark-20"
ITEMS = tuple(f"q{number:02d}" for number in range(1, 21))


def benchmark_instrument() -> Instrument:
    """Return the ``benchmark-20`` instrument: 4 factors of 5 items on a 1-5 scale."""
    factors = tuple(
        Factor(
            id=f"f{index + 1}",
            label_da=f"Faktor {index + 1}",
            label_en=f"Factor {index + 1}",
            items=tuple(
                Item(id=item, text_da=f"Udsagn {item}", text_en=f"Statement {item}")
                for item in ITEMS[index * 5 : index * 5 + 5]
            ),
        )
        for index in range(4)
    )
    return Instrument(
        id=INSTRUMENT_ID,
        name_da="Benchmark-skema med 20 udsagn",
        name_en="Benchmark questionnaire of 20 statements",
        citation="Made up for the frivillig benchmarks.",
        licence="Public domain.",
        scale=Scale(minimum=1, maximum=5),
        factors=factors,
        provenance=Provenance(
            factors=Verification.CHOICE,
            items=Verification.CHOICE,
            scale=Verification.CHOICE,
            scoring=Verification.CHOICE,
            bands=Verification.CHOICE,
        ),
    )


def score_settings() -> ScoreSettings:
    """Return score settings that know the ``benchmark-20`` instrument."""
    return ScoreSettings(instruments={INSTRUMENT_ID: benchmark_instrument()})


__all__ = ["INSTRUMENT_ID", "benchmark_instrument", "frivillig", "score_settings"]
