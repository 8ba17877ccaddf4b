"""The JSON Schema agrees with the loader on every structural question."""

import copy
import json
from typing import Any

import jsonschema
import pytest

import frivillig
from frivillig.errors import ValidationError
from frivillig.schema import json_schema
from frivillig.serialization import DOCUMENT_TYPES


@pytest.mark.parametrize("document_type", sorted(DOCUMENT_TYPES))
def test_schema_is_a_valid_draft_2020_12_schema(document_type: str) -> None:
    schema = json_schema(document_type)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["type"] == {"const": document_type}
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


def test_unknown_document_type() -> None:
    with pytest.raises(ValidationError, match="not a document type"):
        json_schema("samarbejde")
