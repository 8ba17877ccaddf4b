"""The JSON Schema agrees with the loader on every structural question."""

import copy
import json
import re
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import frivillig
from frivillig.errors import ArgumentTypeError, ArgumentValueError, UsageError, ValidationError
from frivillig.schema import json_schema, result_schema
from frivillig.serialization import DOCUMENT_TYPES


@pytest.mark.parametrize("document_type", sorted(DOCUMENT_TYPES))
def test_schema_is_a_valid_draft_2020_12_schema(document_type: str) -> None:
    schema = json_schema(document_type)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["type"] == {"type": "string", "const": document_type}
    assert schema["required"][:2] == ["schema_version", "type"]
    json.dumps(schema)  # plain data


def test_the_example_is_valid_under_the_schema() -> None:
    document = frivillig.to_dict(frivillig.load_example())
    jsonschema.validate(document, json_schema(), format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("title",), 7),
        (("participants", 0, "actor", "kind"), "kommune"),
        (("participants", 0, "actor", "unit"), 1),
        (("formalisation",), "contract"),
        (("goals", 0, "weight"), 1),
        (("responsibilities", "fundraising"), "kommune"),
        (("start_on",), "1 March 2026"),
        (("rounds", 0, "responses", 0, "satisfaction"), "4"),
        (("schema_version",), frivillig.SCHEMA_VERSION + 1),
    ],
)
def test_structural_defects_fail_both_schema_and_loader(path: tuple[Any, ...], value: Any) -> None:
    document = copy.deepcopy(frivillig.to_dict(frivillig.load_example()))
    target: Any = document
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, json_schema(), format_checker=jsonschema.FormatChecker())
    with pytest.raises(ValidationError):
        frivillig.from_dict(document)


def test_unknown_document_type_is_the_callers_mistake() -> None:
    with pytest.raises(ArgumentValueError, match="document_type must be one of collaboration"):
        json_schema("samarbejde")
    with pytest.raises(ArgumentTypeError, match="got int"):
        json_schema(3)  # type: ignore[arg-type]
    with pytest.raises(UsageError):
        json_schema("nonsense")
    try:
        json_schema("nonsense")
    except ValidationError:  # pragma: no cover - the point of the test
        pytest.fail("a wrong argument is not a bad document")
    except UsageError:
        pass


def _validator(document_type: str = "collaboration") -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        json_schema(document_type), format_checker=jsonschema.FormatChecker()
    )


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("id",), ""),
        (("id",), "has spaces"),
        (("id",), "trailing-newline\n"),
        (("id",), "x" * 129),
        (("title",), " "),
        (("title",), "\u00a0\u2003"),
        (("title",), "x" * 301),
        (("municipality_code",), 999),
        (("municipality_code",), 411),
        (("participants", 0, "id"), "-starts-with-a-dash"),
        (("participants", 0, "key_persons"), -1),
        (("participants", 0, "roles"), ["initiator", "initiator"]),
        (("goals", 0, "text"), ""),
        (("rounds", 0, "responses", 0, "satisfaction"), 6),
        (("rounds", 0, "responses", 0, "goal_progress"), {"not an id": 1}),
        (("start_on",), "2026-02-30"),
        (("start_on",), "2026-03-01\n"),
        (("status",), "paused"),
    ],
)
def test_single_field_rules_fail_both_schema_and_loader(path: tuple[Any, ...], value: Any) -> None:
    document = copy.deepcopy(frivillig.to_dict(frivillig.load_example()))
    target: Any = document
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    assert not _validator().is_valid(document)
    with pytest.raises(ValidationError):
        frivillig.loads(json.dumps(document))


@pytest.mark.parametrize("member", ["type", "schema_version", "title", "participants"])
def test_required_members_are_required(member: str) -> None:
    document = frivillig.to_dict(frivillig.load_example())
    del document[member]
    assert not _validator().is_valid(document)
    with pytest.raises(ValidationError):
        frivillig.loads(json.dumps(document))


@pytest.mark.parametrize("document_type", sorted(DOCUMENT_TYPES))
def test_schema_is_deterministic_and_a_fresh_copy(document_type: str) -> None:
    first = json_schema(document_type)
    text = json.dumps(first)
    first["properties"].clear()
    assert json.dumps(json_schema(document_type)) == text
    assert json.dumps(json_schema(document_type), sort_keys=False) == text


def test_description_lists_the_rules_left_to_the_loader() -> None:
    from frivillig.schema import _RULES_NOT_IN_SCHEMA

    description = json_schema()["description"]
    for rule in _RULES_NOT_IN_SCHEMA:
        assert rule.text in description
    assert "check digit" in description
    assert "older schema_version" in description


def test_every_validator_of_the_model_is_known_to_the_schema() -> None:
    from frivillig.schema import _unclassified

    assert _unclassified() == ()


def _patterns(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
        return found + [p for value in node.values() for p in _patterns(value)]
    if isinstance(node, list):
        return [p for value in node for p in _patterns(value)]
    return []


def test_patterns_are_portable_ecma_262() -> None:
    """No Python-only syntax (\\A, \\Z, \\d, \\s, \\w, lookbehind, named groups)."""
    patterns = {p for t in DOCUMENT_TYPES for p in _patterns(json_schema(t))}
    assert patterns
    for pattern in patterns:
        assert not re.search(r"\\[AZdDsSwWbB]|\(\?<|\(\?P", pattern), pattern
        re.compile(pattern)


def test_the_visible_text_pattern_is_str_strip() -> None:
    """Text must hold a character ``str.strip()`` keeps; the class says so in both dialects."""
    pattern = re.compile(json_schema()["properties"]["title"]["pattern"])
    for code in range(0x10000):
        char = chr(code)
        assert (pattern.search(char) is not None) == (not char.isspace()), hex(code)
    assert pattern.search("\U0001f600")  # outside the BMP: visible


@given(
    st.text(max_size=40)
    | st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,130}\n?", fullmatch=True)
    | st.text(alphabet="ab-_.:\n ", max_size=5)
)
def test_id_pattern_agrees_with_the_validator(text: str) -> None:
    from frivillig._model.validators import is_identifier

    schema = json_schema()["properties"]["id"]
    validator = jsonschema.Draft202012Validator(schema)
    assert validator.is_valid(text) == is_identifier(text)


def test_schema_text_is_the_same_in_every_process() -> None:
    """No set or hash order leaks into the schema: two hash seeds give the same text."""
    import hashlib
    import os
    import subprocess
    import sys

    code = (
        "import hashlib, json; from frivillig.schema import json_schema, result_schema; "
        "print(hashlib.sha256(json.dumps([json_schema(t) for t in "
        "('collaboration', 'portfolio', 'volunteer_policy', 'instrument')] + "
        "[result_schema(t) for t in ('score', 'scores', 'report')]).encode()).hexdigest())"
    )
    here = hashlib.sha256(
        json.dumps(
            [
                json_schema(t)
                for t in ("collaboration", "portfolio", "volunteer_policy", "instrument")
            ]
            + [result_schema(t) for t in ("score", "scores", "report")]
        ).encode()
    ).hexdigest()
    for seed in ("0", "1"):
        found = subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        assert found == here
