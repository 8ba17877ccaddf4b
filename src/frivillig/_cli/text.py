"""The exit codes of the command line and the words of its messages, in Danish and English."""

import argparse

from .._core.labels import Language

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2

_TEXT = {
    "en": {
        "binary": "frivillig export: {what} is binary; give a file with -o OUT.{suffix}",
        "unknown_format": (
            "frivillig export: cannot tell the format from {name}; "
            "give --format csv, jsonl, parquet or xlsx"
        ),
        "parquet": "Parquet",
        "workbook": "a workbook",
        "valid": "valid",
        "collaboration": "Collaboration",
        "municipality": "municipality",
        "status": "status",
        "formalisation": "formalisation",
        "parties": "parties",
        "goals": "goals",
        "agreed": "agreed by every party",
        "tasks": "tasks",
        "volunteers": "volunteers",
        "rounds": "evaluation rounds",
        "last": "last held",
        "plan": "evaluation plan",
        "none": "none",
        "portfolio": "Portfolio",
        "collaborations": "collaborations",
        "invalid": "is not valid",
        "unreadable": "cannot be read",
        "scores": "Scores",
        "coverage": "coverage {share}%",
        "next": "Next evaluations due",
        "no_plan": "No evaluation plan.",
        "read": "{documents} read: {collaborations}, {bad}",
        "document": "document|documents",
        "collaboration_n": "collaboration|collaborations",
        "bad": "bad document|bad documents",
        "failing": "{count} of them {verb} the check (an error finding)",
        "fail": "fails|fail",
        "nothing": "no collaboration found in {source}",
        "wrote": "wrote {path}",
        "overwrites": "frivillig {command}: will not write {out}: it is the input being read "
        "({source}); give another -o OUT",
        "overwrites_option": "frivillig {command}: will not write {out}: it is the file "
        "being read for {option} ({source}); give another -o OUT",
        "rows": "{count} rows",
        "not_found": "no collaboration with id {id!r} in {source}",
        "first": "{count} collaborations in {source}; plotting the first, {id!r} "
        "(choose another with --collaboration ID)",
        "progress": "{documents} read: {collaborations}, {bad} ...",
    },
    "da": {
        "binary": "frivillig export: {what} er binær; angiv en fil med -o OUT.{suffix}",
        "unknown_format": (
            "frivillig export: kan ikke se formatet af {name}; "
            "angiv --format csv, jsonl, parquet eller xlsx"
        ),
        "parquet": "Parquet",
        "workbook": "en projektmappe",
        "valid": "gyldig",
        "collaboration": "Samarbejde",
        "municipality": "kommune",
        "status": "status",
        "formalisation": "formalisering",
        "parties": "parter",
        "goals": "mål",
        "agreed": "aftalt af alle parter",
        "tasks": "opgaver",
        "volunteers": "frivillige",
        "rounds": "evalueringsrunder",
        "last": "seneste",
        "plan": "evalueringsplan",
        "none": "ingen",
        "portfolio": "Portefølje",
        "collaborations": "samarbejder",
        "invalid": "er ikke gyldig",
        "unreadable": "kan ikke læses",
        "scores": "Scorer",
        "coverage": "dækning {share} %",
        "next": "Næste evalueringer",
        "no_plan": "Ingen evalueringsplan.",
        "read": "{documents} læst: {collaborations}, {bad}",
        "document": "dokument|dokumenter",
        "collaboration_n": "samarbejde|samarbejder",
        "bad": "ugyldigt dokument|ugyldige dokumenter",
        "failing": "{count} af dem {verb} ikke godkendt (et fund af typen fejl)",
        "fail": "er|er",
        "nothing": "intet samarbejde fundet i {source}",
        "wrote": "skrev {path}",
        "overwrites": "frivillig {command}: skriver ikke {out}: det er en fil, der læses "
        "({source}); angiv en anden -o OUT",
        "overwrites_option": "frivillig {command}: skriver ikke {out}: det er filen, der "
        "læses til {option} ({source}); angiv en anden -o OUT",
        "rows": "{count} rækker",
        "not_found": "intet samarbejde med id {id!r} i {source}",
        "first": "{count} samarbejder i {source}; tegner det første, {id!r} "
        "(vælg et andet med --collaboration ID)",
        "progress": "{documents} læst: {collaborations}, {bad} ...",
    },
}


def _counted(count: int, key: str, lang: Language) -> str:
    """``1 document``, ``2 documents``: the word of ``key`` in the right number."""
    one, many = _TEXT[lang][key].split("|")
    return f"{count} {one if count == 1 else many}"


def _whole_number_within(text: str, low: int, high: int, what: str, unit: str = "") -> int:
    """The whole number ``text`` says, from ``low`` to ``high``; else argparse's usage error.

    The error says ``'7000' is not {what} from {low} to {high}{unit}``.
    """
    try:
        value = int(text)
    except ValueError:
        value = low - 1
    if not low <= value <= high:
        message = f"{text!r} is not {what} from {low} to {high}{unit}"
        raise argparse.ArgumentTypeError(message)
    return value
