"""Problems in Danish: every message a problem carries, translated by its template.

The loader's and the model's messages are formulaic: a handful of templates
("is required but missing", "expected text, got an integer", "'x' is not one of
a, b, c", ...) filled with values, codes and names. A
[`Problem`][frivillig.errors.Problem] keeps its English ``message`` (its field,
compared and pickled as before); its Danish text is made here, in one place, by
matching the message against the English templates (``problem_templates``) and filling
the Danish template with the same values. The parts that are themselves words (a JSON type,
the kind of object, a type the field expects, a message inside a message) are
translated too; values, codes, field names and the choices of an enumeration stay
as they are, because they are what a reader types.

A message no template matches has no Danish text: [`danish`][] returns ``None``
and the problem shows its English message. ``tests/test_language_and_catalogue.py``
runs the loader over many broken documents and fails, naming the message, for every
problem whose message is not matched here, so a new message cannot be left out
unnoticed.
"""

import re
from collections.abc import Callable

from .problem_templates import _TEMPLATES as _TEMPLATES

__all__ = ["danish"]

# -- the words inside a message --------------------------------------------------------------

# What a JSON value is, as the loader names it (and a few Python types by their own names).
_JSON_TYPES = {
    "null": "null",
    "a boolean": "en sandhedsværdi",
    "an integer": "et heltal",
    "a number": "et tal",
    "text": "tekst",
    "an array": "en liste",
    "an object": "et objekt",
}

# What a field or a function expected.
_EXPECTED = {
    **_JSON_TYPES,
    "a whole number": "et heltal",
    "true or false": "true eller false",
    "True or False": "True eller False",
    "None": "None",
    "a JSON object": "et JSON-objekt",
    "a date as text 'YYYY-MM-DD'": "en dato som tekst 'YYYY-MM-DD'",
    "an actor object": "et aktørobjekt",
    "an id (text)": "et id (tekst)",
    "a file path": "en filsti",
    "JSON text or bytes": "JSON-tekst eller bytes",
    "a finite number": "et endeligt tal",
    "a number or null": "et tal eller null",
    "the id of a party": "id'et på en part",
    "an instrument": "et spørgeskema (Instrument)",
    "a collaboration or a portfolio": "et samarbejde eller en portefølje",
    "a collaboration": "et samarbejde",
    "a path, a stream or an iterable of paths": "en sti, en strøm eller en række stier",
    "a CVR number as a string of 8 digits": "et CVR-nummer som tekst med 8 cifre",
    "a datetime.date to look the region up on": "en datetime.date at slå regionen op på",
    "a whole number on the scale": "et heltal på skalaen",
    "the answers as a mapping": "svarene som en mapping",
    "a Source": "en Source",
    "a set of Attachment members": "en mængde af Attachment-værdier",
    "a mapping from setting names": "en mapping fra navne på indstillinger",
    "2-6 capital letters and 3-4 digits, e.g. 'FR101' or 'KK201'": (
        "2-6 store bogstaver og 3-4 cifre, fx 'FR101' eller 'KK201'"
    ),
    "a whole number of at least 1": "et heltal på mindst 1",
    "RRULE text such as 'FREQ=MONTHLY;INTERVAL=6'": "en RRULE-tekst som 'FREQ=MONTHLY;INTERVAL=6'",
    "the pseudonymous id of the person who holds it": "det pseudonyme id på den, der har det",
    "a whole number of days": "et helt antal dage",
    "a Rule": "en Rule",
    "a mapping of score keys to weights": "en mapping fra scorenøgler til vægte",
    "a mapping of reason codes to meanings": "en mapping fra årsagskoder til betydninger",
    "what the code means in Danish and in English: (text_da, text_en)": (
        "hvad koden betyder på dansk og engelsk: (tekst_da, tekst_en)"
    ),
    "lower-case words joined by '-', e.g. 'authority-task-given-to-volunteers'": (
        "ord med små bogstaver forbundet med '-', fx 'authority-task-given-to-volunteers'"
    ),
}

# The kind of object a field belongs to, as the loader names it (the class's name in
# lower-case words), with the indefinite article.
_KINDS = {
    "collaboration": "et samarbejde",
    "portfolio": "en portefølje",
    "volunteer policy": "en frivilligpolitik",
    "instrument": "et spørgeskema",
    "participant": "en deltager",
    "value case": "en værdibeskrivelse",
    "goal": "et mål",
    "task": "en opgave",
    "volunteer": "en frivillig",
    "agreement document": "et aftaledokument",
    "forum": "et forum",
    "evaluation plan": "en evalueringsplan",
    "evaluation round": "en evalueringsrunde",
    "scale": "en skala",
    "category": "en kategori",
    "factor": "en faktor",
    "scoring rule": "en scoringsregel",
    "band": "en tolkningsgrænse",
    "provenance": "et kildegrundlag",
    "readiness": "en parathedsvurdering",
    "wish": "et ønske",
    "indicator": "en indikator",
    "agreement": "en tilslutning",
    "child certificate check": "en børneattestkontrol",
    "period with children": "en periode med børn",
    "response": "en besvarelse",
    "dyadic rating": "en parvis vurdering",
    "anchor": "et skalapunkt",
    "item": "et udsagn",
    "note": "en note",
    "municipality": "en kommune",
    "public institution": "en offentlig institution",
    "voluntary organisation": "en frivillig organisation",
    "volunteer centre": "et frivilligcenter",
    "volunteer council": "et frivilligråd",
    "private company": "en privat virksomhed",
    "citizen group": "en borgergruppe",
    "time log": "en timeregistrering",
    "account template": "en skabelon for afrapportering",
    "account item": "et punkt i afrapporteringen",
    "text in Danish and English": "en tekst på dansk og engelsk",
}

# Who an id names, in a reference to a party that is not there.
_ROLES = {
    "initiator": "initiativtageren",
    "holder": "ansvarshaveren",
    "party": "parten",
    "leader": "lederen",
    "association": "foreningen",
    "checker": "kontrollanten",
    "signing party": "den underskrivende part",
    "respondent": "respondenten",
    "rater": "den vurderende part",
    "rated party": "den vurderede part",
}

# Why a date may not come before another.
_WHY_ORDER = {
    "a collaboration cannot end before it starts": (
        "et samarbejde kan ikke slutte, før det begynder"
    ),
    "a policy is revised after it is adopted": "en politik revideres, efter at den er vedtaget",
    "an evaluation plan starts with or after the collaboration it evaluates": (
        "en evalueringsplan begynder samtidig med eller efter det samarbejde, den evaluerer"
    ),
}

_UNITS = {
    "bytes": "bytes",
    "characters": "tegn",
    "digit": "ciffer",
    "digits": "cifre",
    "members": "medlemmer",
    "items": "elementer",
}

# What a file is when it is not a regular file.
_FILE_KINDS = {
    "a FIFO (named pipe)": "en FIFO (navngivet pipe)",
    "a device": "en enhed",
    "a socket": "en socket",
    "not a regular file": "ikke en almindelig fil",
}

# Python's JSON parser's messages; a position follows them.
_JSON_ERRORS = {
    "Expecting value": "forventede en værdi",
    "Expecting property name enclosed in double quotes": (
        "forventede et feltnavn i dobbelte anførselstegn"
    ),
    "Expecting ':' delimiter": "forventede ':'",
    "Expecting ',' delimiter": "forventede ','",
    "Unterminated string starting at": "en tekst uden afsluttende anførselstegn begynder",
    "Invalid control character at": "et ugyldigt kontroltegn står",
    "Invalid \\escape": "en ugyldig \\-escape står",
    "Invalid \\uXXXX escape": "en ugyldig \\uXXXX-escape står",
    "Extra data": "der står mere efter dokumentet",
    "Illegal trailing comma before end of object": "et komma for meget før objektets slutning står",
    "Illegal trailing comma before end of array": "et komma for meget før listens slutning står",
}

# The operating system's reasons a file cannot be read (others are shown as they are).
_OS_REASONS = {
    "No such file or directory": "filen findes ikke",
    "Permission denied": "adgang nægtet",
    "Is a directory": "det er en mappe",
    "Not a directory": "en del af stien er ikke en mappe",
    "Too many levels of symbolic links": "for mange niveauer af symbolske links",
    "File name too long": "filnavnet er for langt",
}

_HIDDEN = "the value (hidden: personal data)"


def _shown(value: str) -> str | None:
    """A value as a message shows it: a quoted value, a number, a JSON type, or hidden."""
    if value == _HIDDEN:
        return "værdien (skjult: personoplysninger)"
    if value == "the value":
        return "værdien"
    if value in _JSON_TYPES:
        return _JSON_TYPES[value]
    return value.replace(" (read as ", " (læst som ")


def _expected(value: str) -> str | None:
    """What was expected: a word from the table, or a type the model describes."""
    if value in _EXPECTED:
        return _EXPECTED[value]
    if value.startswith("a tuple of "):
        inner = _expected(value.removeprefix("a tuple of "))
        return None if inner is None else f"en tuple af {inner}"
    mapping = re.fullmatch(r"a mapping of (.+) to (.+)", value)
    if mapping:
        key, item = _expected(mapping[1]), _expected(mapping[2])
        return None if key is None or item is None else f"en mapping fra {key} til {item}"
    if " or " in value:
        parts = [_expected(part) for part in value.split(" or ")]
        return None if None in parts else " eller ".join(part for part in parts if part)
    if value == "date" or re.fullmatch(r"[A-Z][A-Za-z0-9_]*", value):
        return value  # a class of the model, by its name
    return None


def _count(value: str) -> str | None:
    """How many numbers: ``a number`` or ``3 numbers``."""
    if value == "a number":
        return "et tal"
    many = re.fullmatch(r"(\d+) numbers", value)
    return f"{many[1]} tal" if many else None


def _got(value: str) -> str | None:
    """What was found instead: a JSON type, or a Python type's name (and the value)."""
    if value in _JSON_TYPES:
        return _JSON_TYPES[value]
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*( .*)?", value):
        return value  # a Python type's name, maybe with the value after it
    return None


def _where(value: str) -> str | None:
    return re.sub(r", line (\d+)$", r", linje \1", value)


def _reason(value: str) -> str | None:
    return _OS_REASONS.get(value, value)


def _verbatim(value: str) -> str | None:
    return value


# Placeholders whose text is one of a table's keys: matched only as one of them.
_TABLES: dict[str, dict[str, str]] = {
    "kind": _KINDS,
    "role": _ROLES,
    "why": _WHY_ORDER,
    "unit": _UNITS,
    "file": _FILE_KINDS,
    "json": _JSON_ERRORS,
}

_CONVERTERS: dict[str, Callable[[str], str | None]] = {
    **{name: table.get for name, table in _TABLES.items()},
    "shown": _shown,
    "expected": _expected,
    "got": _got,
    "numbers": _count,
    "where": _where,
    "reason": _reason,
    "allowed": lambda value: "ingenting" if value == "nothing" else value,
    "message": lambda value: danish(value),
}


_PLACEHOLDER = re.compile(r"\{([a-z]+)(\d*)\}")


def _compile(template: str) -> re.Pattern[str]:
    parts: list[str] = []
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        parts.append(re.escape(template[position : match.start()]))
        table = _TABLES.get(match[1])
        if table is None:
            pattern = ".+?"
        else:  # the longest first, so that a key is not cut short by a shorter one
            pattern = "|".join(map(re.escape, sorted(table, key=len, reverse=True)))
        parts.append(f"(?P<{match[1]}{match[2]}>{pattern})")
        position = match.end()
    parts.append(re.escape(template[position:]))
    return re.compile("".join(parts), re.DOTALL)


_COMPILED = tuple((_compile(english), danish_text) for english, danish_text in _TEMPLATES)


def danish(message: str) -> str | None:
    """The Danish text of a problem's English message, or ``None`` when no template matches.

    Examples:
        >>> danish("is required but missing")
        'er påkrævet, men mangler'
        >>> danish("expected text, got an integer")
        'forventede tekst, men fik et heltal'
        >>> danish("'x' is not one of hands, heads, both")
        "'x' er ikke en af: hands, heads, both"
    """
    for pattern, template in _COMPILED:
        match = pattern.fullmatch(message)
        if match is None:
            continue
        values = _converted(match.groupdict())
        if values is not None:
            return _filled(template, values)
    return None


def _filled(template: str, values: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda found: values[found[1] + found[2]], template)


def _converted(found: dict[str, str]) -> dict[str, str] | None:
    """The values of a template's placeholders in Danish, or ``None`` if one has none."""
    values: dict[str, str] = {}
    for name, value in found.items():
        converted = _CONVERTERS.get(name.rstrip("0123456789"), _verbatim)(value)
        if converted is None:
            return None
        values[name] = converted
    return values
