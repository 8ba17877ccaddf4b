"""Problems in Danish: every message a problem carries, translated by its template.

The loader's and the model's messages are formulaic: a handful of templates
("is required but missing", "expected text, got an integer", "'x' is not one of
a, b, c", ...) filled with values, codes and names. A
[`Problem`][frivillig.errors.Problem] keeps its English ``message`` (its field,
compared and pickled as before); its Danish text is made here, in one place, by
matching the message against the English templates below and filling the Danish
template with the same values. The parts that are themselves words (a JSON type,
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


# -- the templates ---------------------------------------------------------------------------

# English template, Danish template. ``{name}`` stands for any text; the part of the name
# before a digit picks the converter above (``{shown}``, ``{got2}``), and a name without a
# converter is kept as it is (a value, a number, a code). The first template that matches
# the whole message wins, so a special case comes before the general one.
_TEMPLATES: tuple[tuple[str, str], ...] = (
    # -- reading JSON
    ("expected a JSON object, got {got}", "forventede et JSON-objekt, men fik {got}"),
    (
        "not valid JSON: {json} at line {line}, column {column}",
        "ikke gyldig JSON: {json} på linje {line}, kolonne {column}",
    ),
    ("not valid JSON: {detail}", 'ikke gyldig JSON (Python: "{detail}")'),
    ("the document is nested too deeply", "dokumentet er indlejret for dybt"),
    (
        "{value} is not allowed; JSON numbers must be finite",
        "{value} er ikke tilladt; tal i JSON skal være endelige",
    ),
    (
        "the document is not UTF-8 text (byte {byte} is invalid)",
        "dokumentet er ikke UTF-8-tekst (byte {byte} er ugyldig)",
    ),
    (
        "the document starts with a byte-order mark; remove it",
        "dokumentet begynder med et byte-order mark (BOM); fjern det",
    ),
    (
        "appears more than once in the same object; keep one",
        "optræder mere end én gang i samme objekt; behold én",
    ),
    # -- the limits of a document
    (
        "the document is larger than the limit of {count} {unit} (LoadLimits.max_bytes); "
        "raise the limit to read it",
        "dokumentet er større end grænsen på {count} {unit} (LoadLimits.max_bytes); hæv "
        "grænsen for at læse det",
    ),
    (
        "the line is longer than the limit of {count} {unit} (LoadLimits.max_bytes); it was "
        "skipped, not read whole; raise the limit to read it",
        "linjen er længere end grænsen på {count} {unit} (LoadLimits.max_bytes); den blev "
        "sprunget over og ikke læst hel; hæv grænsen for at læse den",
    ),
    (
        "is {count} characters long; at most {most} are allowed (LoadLimits.max_string_length)",
        "er {count} tegn lang; højst {most} er tilladt (LoadLimits.max_string_length)",
    ),
    (
        "is {count} characters long; at most {most} are allowed",
        "er {count} tegn lang; højst {most} er tilladt",
    ),
    (
        "has a key {count} characters long; at most {most} are allowed "
        "(LoadLimits.max_string_length)",
        "har en nøgle på {count} tegn; højst {most} er tilladt (LoadLimits.max_string_length)",
    ),
    (
        "an object has a key {count} characters long; at most {most} are allowed "
        "(LoadLimits.max_string_length)",
        "et objekt har en nøgle på {count} tegn; højst {most} er tilladt "
        "(LoadLimits.max_string_length)",
    ),
    (
        "is nested more than {count} levels deep (LoadLimits.max_depth)",
        "er indlejret mere end {count} niveauer dybt (LoadLimits.max_depth)",
    ),
    (
        "has {count} {unit}; at most {most} are allowed (LoadLimits.max_items)",
        "har {count} {unit}; højst {most} er tilladt (LoadLimits.max_items)",
    ),
    (
        "an object has {count} members; at most {most} are allowed (LoadLimits.max_items)",
        "et objekt har {count} medlemmer; højst {most} er tilladt (LoadLimits.max_items)",
    ),
    (
        "has more than {count} digits (LoadLimits.max_integer_digits)",
        "har mere end {count} cifre (LoadLimits.max_integer_digits)",
    ),
    (
        "an integer has more than {count} digits (LoadLimits.max_integer_digits)",
        "et heltal har mere end {count} cifre (LoadLimits.max_integer_digits)",
    ),
    (
        "more problems were found; only the first {count} are listed (LoadLimits.max_problems)",
        "der blev fundet flere problemer; kun de første {count} vises (LoadLimits.max_problems)",
    ),
    (
        "holds an unpaired surrogate (such as \\ud800), which is not text; fix the encoding",
        "indeholder et uparret surrogattegn (som \\ud800), som ikke er tekst; ret tegnkodningen",
    ),
    (
        "has a key that holds an unpaired surrogate (such as \\ud800), which is not text; "
        "fix the encoding",
        "har en nøgle, der indeholder et uparret surrogattegn (som \\ud800), som ikke er "
        "tekst; ret tegnkodningen",
    ),
    ("has a key that is {got}, not text", "har en nøgle, der er {got}, ikke tekst"),
    (
        "is a {pytype}, which is not a JSON value",
        "er en {pytype}, som ikke er en JSON-værdi",
    ),
    ("limits must be LoadLimits, got {got}", "limits skal være LoadLimits, men er {got}"),
    # -- the envelope
    (
        "is missing; documents of this release carry {version}",
        "mangler; dokumenter fra denne udgave har {version}",
    ),
    (
        "{version} is newer than this release of frivillig reads ({current}); upgrade frivillig",
        "{version} er nyere, end denne udgave af frivillig kan læse ({current}); opgrader "
        "frivillig",
    ),
    (
        "{version} is not a schema version frivillig has released",
        "{version} er ikke en skemaversion, som frivillig har udgivet",
    ),
    (
        "is missing; say which document this is: one of {choices}",
        "mangler; angiv, hvilket dokument det er, en af: {choices}",
    ),
    (
        "the document holds a {tag}, not a {wanted}",
        "dokumentet er af typen {tag}, ikke {wanted}",
    ),
    ("cannot load a {cls}; use one of {names}", "kan ikke indlæse {cls}; brug en af: {names}"),
    (
        "{cls} is not a top-level type; use one of {names}",
        "{cls} er ikke en dokumenttype; brug en af: {names}",
    ),
    # -- fields and values
    ("is required but missing", "er påkrævet, men mangler"),
    (
        "is not a field of {kind} (the key is not shown: it may be personal data); remove it "
        "or check its spelling (did you mean {close}?)",
        "er ikke et felt i {kind} (nøglen vises ikke: den kan være personoplysninger); fjern "
        "det, eller ret stavningen (mente du {close}?)",
    ),
    (
        "is not a field of {kind} (the key is not shown: it may be personal data); remove it "
        "or check its spelling",
        "er ikke et felt i {kind} (nøglen vises ikke: den kan være personoplysninger); fjern "
        "det, eller ret stavningen",
    ),
    (
        "is not a field of {kind}; remove it or check its spelling",
        "er ikke et felt i {kind}; fjern det, eller ret stavningen",
    ),
    ("key: {message}", "nøgle: {message}"),
    (
        "is missing; it says what the actor is: one of {choices}",
        "mangler; feltet angiver, hvilken slags aktør det er, en af: {choices}",
    ),
    ("expected one of {choices}; got {got}", "forventede en af: {choices}; fik {got}"),
    ("must not be empty or only spaces", "må ikke være tom eller kun mellemrum"),
    ("must not be empty", "må ikke være tom"),
    ("is longer than {count} characters", "er længere end {count} tegn"),
    (
        "is not a valid id: use 1-128 letters, digits, '_', '.', ':' or '-', starting with a "
        "letter or digit",
        "er ikke et gyldigt id: brug 1-128 bogstaver, cifre, '_', '.', ':' eller '-', og "
        "begynd med et bogstav eller et ciffer",
    ),
    ("is not a valid id", "er ikke et gyldigt id"),
    ("key {shown} is not a valid id", "nøglen {shown} er ikke et gyldigt id"),
    ("is not a valid volunteer id", "er ikke et gyldigt id for en frivillig"),
    ("id {shown} is listed twice", "id'et {shown} står to gange"),
    ("id {shown} is used twice", "id'et {shown} er brugt to gange"),
    ("id {shown} is already used by {where}", "id'et {shown} er allerede brugt af {where}"),
    ("is listed twice", "står to gange"),
    ("{shown} is listed twice", "{shown} står to gange"),
    ("key {shown} is used twice", "nøglen {shown} er brugt to gange"),
    ("must be a number, not NaN", "skal være et tal, ikke NaN"),
    ("must be a finite number", "skal være et endeligt tal"),
    ("the number is too large", "tallet er for stort"),
    (
        "{shown} is out of range; expected between {low} and {high}",
        "{shown} er uden for det tilladte område; forventede mellem {low} og {high}",
    ),
    (
        "{shown} is out of range; expected at least {low}",
        "{shown} er uden for det tilladte område; forventede mindst {low}",
    ),
    (
        "{shown} is out of range; expected at most {high}",
        "{shown} er uden for det tilladte område; forventede højst {high}",
    ),
    ("expected at most {high}", "forventede højst {high}"),
    ("{date} is before {field} {other}; {why}", "{date} er før {field} {other}; {why}"),
    (
        "{shown} is not a date in the form 'YYYY-MM-DD'",
        "{shown} er ikke en dato på formen 'YYYY-MM-DD'",
    ),
    ("{shown} is not a real calendar date", "{shown} er ikke en dato, der findes i kalenderen"),
    # -- municipality codes and CVR numbers
    (
        "expected a municipality code as an int such as 101, got {got}; "
        "validate_municipality_code() reads '101' or '0101'",
        "forventede en kommunekode som et heltal (int) som 101, men fik {got}; "
        "validate_municipality_code() læser '101' eller '0101'",
    ),
    (
        "expected a municipality code as an int such as 101, got {got}",
        "forventede en kommunekode som et heltal (int) som 101, men fik {got}",
    ),
    (
        "{shown} is not a 3-digit number; municipality codes run from {low} to {high} "
        "({code} is the region code of {region})",
        "{shown} er ikke et 3-cifret tal; kommunekoderne går fra {low} til {high} ({code} er "
        "regionskoden for {region})",
    ),
    (
        "{shown} is not a 3-digit number; municipality codes run from {low} to {high}",
        "{shown} er ikke et 3-cifret tal; kommunekoderne går fra {low} til {high}",
    ),
    (
        "{shown} is Christiansø (Ertholmene), which is not one of the 98 municipalities: it "
        "lies outside the municipal division and has no municipality or region",
        "{shown} er Christiansø (Ertholmene), som ikke er en af de 98 kommuner: øerne ligger "
        "uden for den kommunale inddeling og har hverken kommune eller region",
    ),
    (
        "{shown} is not one of the 98 municipality codes; frivillig.municipalities() lists them",
        "{shown} er ikke en af de 98 kommunekoder; frivillig.municipalities() viser dem",
    ),
    (
        "{shown} is not a municipality code; expected 3 digits or 4 zero-padded digits, such "
        "as '101' or '0101'",
        "{shown} er ikke en kommunekode; forventede 3 cifre eller 4 cifre med foranstillede "
        "nuller, som '101' eller '0101'",
    ),
    (
        "valid_to {end} is before valid_from {start}",
        "valid_to {end} ligger før valid_from {start}",
    ),
    (
        "{name} ({code}) belongs to no region on {day} in frivillig's municipality table",
        "{name} ({code}) hører ikke til nogen region den {day} i frivilligs kommunetabel",
    ),
    (
        "frivillig's municipality table cannot be read",
        "frivilligs kommunetabel kan ikke læses",
    ),
    (
        "{shown} is empty; a CVR number has {count} digits",
        "{shown} er tom; et CVR-nummer har {count} cifre",
    ),
    (
        "{shown} contains {stray}; a CVR number is stored as 8 digits with no spaces, "
        "separators or 'DK' prefix",
        "{shown} indeholder {stray}; et CVR-nummer gemmes som 8 cifre uden mellemrum, "
        "skilletegn eller 'DK' foran",
    ),
    (
        "{shown} contains {stray}; a CVR number is 8 digits, optionally with spaces and a "
        "'DK' prefix",
        "{shown} indeholder {stray}; et CVR-nummer er 8 cifre, eventuelt med mellemrum og "
        "'DK' foran",
    ),
    (
        "{shown} has {count} {unit}; a CVR number has {length}",
        "{shown} har {count} {unit}; et CVR-nummer har {length}",
    ),
    (
        "{shown} starts with 0; no CVR number starts with 0",
        "{shown} begynder med 0; intet CVR-nummer begynder med 0",
    ),
    (
        "{shown} fails the CVR check digit (modulus 11); check for a mistyped digit",
        "{shown} består ikke CVR-nummerets kontrol (modulus 11); se efter et forkert tastet ciffer",
    ),
    # -- references inside a collaboration
    (
        "{role} {shown} is not a participant of the collaboration",
        "{role} {shown} er ikke part i samarbejdet",
    ),
    (
        "volunteer {shown} is not among the collaboration's volunteers",
        "den frivillige {shown} er ikke blandt samarbejdets frivillige",
    ),
    (
        "goal {shown} is not one of the collaboration's goals",
        "målet {shown} er ikke et af samarbejdets mål",
    ),
    # -- the model's own rules
    ("keys must be volunteer-management tasks", "nøglerne skal være opgaver i frivilligledelsen"),
    ("keys must be VFI functions", "nøglerne skal være VFI-funktioner"),
    (
        "is out of range; a VFI motive strength is a whole number from 1 to 7",
        "er uden for det tilladte område; styrken af et VFI-motiv er et heltal fra 1 til 7",
    ),
    (
        "is set, but engagement is 'municipality'; leave it empty or engage the volunteer "
        "through the association",
        "er udfyldt, men engagement er 'municipality'; lad feltet være tomt, eller tilknyt den "
        "frivillige gennem foreningen",
    ),
    (
        "is shaped like a CPR number; a volunteer's id must be a pseudonym, never a CPR number",
        "har form som et CPR-nummer; en frivilligs id skal være et pseudonym, aldrig et CPR-nummer",
    ),
    (
        "equals the baseline; a target must differ from where the goal starts",
        "er lig med udgangsværdien; en målværdi skal være forskellig fra målets udgangspunkt",
    ),
    (
        "party {shown} agrees twice; keep one agreement per party",
        "parten {shown} tilslutter sig to gange; behold én tilslutning pr. part",
    ),
    (
        "a municipality's own budget comes from the municipality; leave it empty",
        "en kommunes eget budget kommer fra kommunen; lad feltet være tomt",
    ),
    (
        "a party cannot rate its relation to itself",
        "en part kan ikke vurdere sin relation til sig selv",
    ),
    ("{rater} rates {ratee} twice", "{rater} vurderer {ratee} to gange"),
    (
        "{shown} is not an IANA time zone such as 'Europe/Copenhagen'",
        "{shown} er ikke en IANA-tidszone som 'Europe/Copenhagen'",
    ),
    # -- an evaluation plan's recurrence rule
    (
        "{part} must be a whole number from 1 to {high}, not {shown}",
        "{part} skal være et heltal fra 1 til {high}, ikke {shown}",
    ),
    (
        "{part} is not used in an evaluation plan; use FREQ, INTERVAL, COUNT, UNTIL, BYMONTH, "
        "BYMONTHDAY, BYDAY and BYSETPOS (and one time of day)",
        "{part} bruges ikke i en evalueringsplan; brug FREQ, INTERVAL, COUNT, UNTIL, BYMONTH, "
        "BYMONTHDAY, BYDAY og BYSETPOS (og ét klokkeslæt)",
    ),
    ("{part} is given twice", "{part} er angivet to gange"),
    (
        "{part} has more than one value; an evaluation plan recurs at most once a day",
        "{part} har mere end én værdi; en evalueringsplan gentages højst én gang om dagen",
    ),
    (
        "BYMONTHDAY and BYDAY together are not used in an evaluation plan; give one of them",
        "BYMONTHDAY og BYDAY bruges ikke sammen i en evalueringsplan; angiv én af dem",
    ),
    (
        "give only the RRULE part (e.g. 'FREQ=YEARLY'); the first date goes in 'first_date'",
        "angiv kun RRULE-delen (fx 'FREQ=YEARLY'); den første dato hører til i 'first_date'",
    ),
    (
        "is not a valid RFC 5545 recurrence rule ({detail}); e.g. 'FREQ=MONTHLY;INTERVAL=6'",
        'er ikke en gyldig gentagelsesregel efter RFC 5545 (dateutil: "{detail}"); fx '
        "'FREQ=MONTHLY;INTERVAL=6'",
    ),
    ("give exactly one RRULE", "angiv præcis én RRULE"),
    (
        "an evaluation plan recurs DAILY, WEEKLY, MONTHLY or YEARLY",
        "en evalueringsplan gentages DAILY, WEEKLY, MONTHLY eller YEARLY",
    ),
    (
        "yields no date within {years} years (e.g. BYMONTH=2;BYMONTHDAY=30); check the BY... parts",
        "giver ingen dato inden for {years} år (fx BYMONTH=2;BYMONTHDAY=30); tjek BY...-delene",
    ),
    (
        "COUNT={count} reaches past the end of the {years}th year after the first date; give "
        "fewer dates or an UNTIL date",
        "COUNT={count} rækker ud over udgangen af år {years} efter den første dato; angiv færre "
        "datoer eller en UNTIL-dato",
    ),
    (
        "is shaped like a CPR number; a role holder's id must be a pseudonym, never a CPR number",
        "har form som et CPR-nummer; en ansvarshavers id skal være et pseudonym, aldrig et "
        "CPR-nummer",
    ),
    (
        "names who holds {task}, but no party holds it in 'responsibilities'; give the party first",
        "angiver, hvem der har {task}, men ingen part har det i 'responsibilities'; angiv "
        "parten først",
    ),
    (
        "is set, but the status is {status}; only an ended collaboration has ended from a status",
        "er udfyldt, men status er {status}; kun et afsluttet samarbejde er afsluttet fra en "
        "status",
    ),
    (
        "a collaboration cannot end from {status}; it ends from exploring, agreeing_goals or "
        "evaluating",
        "et samarbejde kan ikke afsluttes fra {status}; det afsluttes fra exploring, "
        "agreeing_goals eller evaluating",
    ),
    (
        "a municipality does not receive support from itself; leave it empty",
        "en kommune får ikke støtte fra sig selv; lad feltet være tomt",
    ),
    (
        "a party that puts money into the collaboration brings money: add 'money' to its resources",
        "en part, der lægger penge i samarbejdet, bidrager med penge: tilføj 'money' til dens "
        "ressourcer",
    ),
    (
        "is before first_day; a period ends on or after the day it begins",
        "er før first_day; en periode slutter samme dag som eller efter den dag, den begynder",
    ),
    # -- lifecycle transitions
    (
        "a collaboration cannot go from {status} to {wanted}; from {status2} it can go to "
        "{allowed}",
        "et samarbejde kan ikke gå fra {status} til {wanted}; fra {status2} kan det gå til "
        "{allowed}",
    ),
    ("has no goal; agree at least one goal first", "har intet mål; aftal mindst ét mål først"),
    (
        "goal {shown} is not agreed by {parties}; every party must agree to every goal before "
        "the collaboration is active",
        "målet {shown} er ikke tilsluttet af {parties}; alle parter skal tilslutte sig hvert mål, "
        "før samarbejdet er aktivt",
    ),
    (
        "is missing; plan the evaluation before evaluating",
        "mangler; planlæg evalueringen, før der evalueres",
    ),
    (
        "has no evaluation round; hold the round before deciding",
        "har ingen evalueringsrunde; hold runden, før der besluttes",
    ),
    (
        "is missing; record the decision the parties took after the round",
        "mangler; registrér den beslutning, parterne tog efter runden",
    ),
    (
        "give the date the collaboration ends (on=...)",
        "angiv datoen, hvor samarbejdet slutter (on=...)",
    ),
    ("the end date is before the start date", "slutdatoen er før startdatoen"),
    (
        "has no final evaluation; mark the last round final before ending",
        "har ingen afsluttende evaluering; markér den sidste runde som afsluttende (final), før "
        "samarbejdet afsluttes",
    ),
    # -- rules, rulebooks and scores made in code
    (
        "name at least one source behind the rule",
        "angiv mindst én kilde bag reglen",
    ),
    (
        "{shown} is not a reason code: use lower-case words joined by '_', e.g. 'overdue'",
        "{shown} er ikke en årsagskode: brug ord med små bogstaver forbundet med '_', fx 'overdue'",
    ),
    (
        "{shown} is not a setting; use a CheckSettings field or 'extra.<name>'",
        "{shown} er ikke en indstilling; brug et felt i CheckSettings eller 'extra.<name>'",
    ),
    (
        "{shown} is used by two rules; codes and names must be unique",
        "{shown} bruges af to regler; koder og navne skal være entydige",
    ),
    ("a weight is a finite number of 0 or more", "en vægt er et endeligt tal på 0 eller mere"),
    ("at least one weight must be above 0", "mindst én vægt skal være over 0"),
    ("expected a whole number from {low} to {high}", "forventede et heltal fra {low} til {high}"),
    ("expected a number from {low} to {high}", "forventede et tal fra {low} til {high}"),
    # -- instruments and their answers
    ("must be greater than the scale's minimum", "skal være større end skalaens mindsteværdi"),
    (
        "is outside the scale; expected {low} to {high}",
        "ligger uden for skalaen; forventede {low} til {high}",
    ),
    ("is outside the scale", "ligger uden for skalaen"),
    ("has two anchors", "har to skalapunkter"),
    (
        "must be a share above 0 and at most 1, e.g. 0.5",
        "skal være en andel over 0 og højst 1, fx 0.5",
    ),
    (
        "is missing; the instrument has categories, so every factor needs one",
        "mangler; spørgeskemaet har kategorier, så hver faktor skal have en",
    ),
    (
        "category {shown} is not one of the instrument's categories",
        "kategorien {shown} er ikke en af spørgeskemaets kategorier",
    ),
    (
        "item id {shown} is used twice in the instrument",
        "udsagns-id'et {shown} er brugt to gange i spørgeskemaet",
    ),
    ("category {shown} has no factors", "kategorien {shown} har ingen faktorer"),
    (
        "bands must be listed by strictly increasing lower bound",
        "tolkningsgrænserne skal stå i orden efter strengt stigende nedre grænse",
    ),
    (
        "{shown} is not an item of instrument {instrument}",
        "{shown} er ikke et udsagn i spørgeskemaet {instrument}",
    ),
    (
        "instrument {instrument} has no factor {factor}",
        "spørgeskemaet {instrument} har ingen faktor {factor}",
    ),
    ("no factor {factor}", "ingen faktor {factor}"),
    (
        "instrument {shown} is neither built in nor given in the settings",
        "spørgeskemaet {shown} er hverken indbygget eller angivet i indstillingerne",
    ),
    (
        "no built-in instrument {shown}; choose one of {choices}",
        "intet indbygget spørgeskema hedder {shown}; vælg en af: {choices}",
    ),
    (
        "no example named {shown}; choose one of {choices}",
        "intet eksempel hedder {shown}; vælg en af: {choices}",
    ),
    # -- files
    (
        "cannot read documents as {cls}; use one of {names}, or None for any",
        "kan ikke læse dokumenter som {cls}; brug en af: {names}, eller None for alle",
    ),
    ("'today' must be a date, not {got}", "'today' skal være en dato, ikke {got}"),
    (
        "two collaborations would both be written to {path}",
        "to samarbejder ville begge blive skrevet til {path}",
    ),
    ("cannot read the file: {reason}", "kan ikke læse filen: {reason}"),
    ("is a folder, not a file", "er en mappe, ikke en fil"),
    ("{shown} is neither a folder nor a file", "{shown} er hverken en mappe eller en fil"),
    ("is {file}, not a file; it was not opened", "er {file}, ikke en fil; den blev ikke åbnet"),
    (
        "is a symbolic link to a file that does not exist",
        "er et symbolsk link til en fil, der ikke findes",
    ),
    # -- CPR-shaped numbers
    (
        "holds {numbers} shaped like a CPR number (characters {span}); frivillig must not store "
        "CPR numbers: remove it at the source",
        "indeholder {numbers} med form som et CPR-nummer (tegn {span}); frivillig må ikke gemme "
        "CPR-numre: fjern det ved kilden",
    ),
    (
        "holds a number shaped like a CPR number where it cannot be masked (an id or a key); "
        "change it at the source",
        "indeholder et tal med form som et CPR-nummer, hvor det ikke kan maskeres (et id eller "
        "en nøgle); ret det ved kilden",
    ),
    # -- the general forms, last
    ("{shown} is not one of {choices}", "{shown} er ikke en af: {choices}"),
    ("expected {cls} for {name}, got {got}", "forventede {cls} til {name}, men fik {got}"),
    ("expected {expected}, got {got}", "forventede {expected}, men fik {got}"),
    ("expected {expected}", "forventede {expected}"),
)

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
