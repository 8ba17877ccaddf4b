"""Numbers and month names as messages and reports write them, in Danish and English."""

from .labels import Language

__all__ = ["MONTH_NAMES", "number_text"]

MONTH_NAMES: dict[Language, tuple[str, ...]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "da": (
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ),
}
"""The months' names, January first; Danish month names are written in lower case."""


def number_text(value: float, lang: Language) -> str:
    """A number rounded to one decimal, without ``.0``, with a decimal comma in Danish.

    Examples:
        >>> number_text(47.666, "da"), number_text(47.666, "en"), number_text(44.0, "da")
        ('47,7', '47.7', '44')
    """
    rounded = round(value, 1)
    shown = f"{rounded:.0f}" if rounded == int(rounded) else f"{rounded:.1f}"
    return shown.replace(".", ",") if lang == "da" else shown
