"""The written form: what ``dumps`` promises about its text, beyond reading back.

A document is written compact (no whitespace between tokens) or, when asked,
indented as the JSON module indents; members come in the order of the schema's
``properties`` (the class's fields, an actor's ``kind`` first, the envelope
first of all); map keys are sorted, or in their enumeration's order.
"""

import json
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings

import frivillig
from frivillig import serialization
from frivillig import strategies as fs
from frivillig._model.actors import ACTOR_CLASSES
from frivillig.schema import json_schema

documents = fs.collaborations() | fs.portfolios() | fs.volunteer_policies() | fs.instruments()
SOME = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _objects(node: Any) -> list[dict[str, Any]]:
    """Every JSON object in ``node``, outermost first."""
    found: list[dict[str, Any]] = []
    stack = [node]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            found.append(value)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return found


@SOME
@given(document=documents)
def test_the_text_is_compact_and_indented_only_when_asked(document: Any) -> None:
    text = frivillig.dumps(document)
    parsed = json.loads(text)  # a dict keeps the members in the text's order
    assert text == json.dumps(parsed, ensure_ascii=False, separators=(",", ":"))
    assert "\n" not in text
    indented = frivillig.dumps(document, indent=2)
    assert indented == json.dumps(parsed, ensure_ascii=False, indent=2)


@SOME
@given(document=documents)
def test_members_come_in_the_schemas_order(document: Any) -> None:
    name = serialization._type_name(type(document))
    schema = json_schema(name)
    parsed = json.loads(frivillig.dumps(document))
    assert list(parsed) == list(schema["properties"])
    definitions = [schema, *schema.get("$defs", {}).values()]
    orders = [list(each["properties"]) for each in definitions if "properties" in each]
    for obj in _objects(parsed):
        keys = list(obj)
        # an object of the model has its class's members, in order; a map has sorted keys
        assert keys in orders or keys == sorted(keys) or _enumeration_order(keys)


def _enumeration_order(keys: list[str]) -> bool:
    for cls in (frivillig.ManagementTask, frivillig.VolunteerFunction):
        values = [member.value for member in cls]
        if set(keys) <= set(values):
            return keys == [value for value in values if value in keys]
    return False


def test_each_class_in_the_schema_lists_its_fields_in_declaration_order() -> None:
    kinds = {cls.__name__: cls for cls in ACTOR_CLASSES.values()}
    schema = json_schema("portfolio")
    for name, definition in schema["$defs"].items():
        if "properties" not in definition:
            continue  # an enumeration, or the union of actors
        cls = getattr(frivillig, name)
        fields = [field.name for field in attrs.fields(cls)]
        expected = ["kind", *fields] if name in kinds else fields
        assert list(definition["properties"]) == expected


def test_maps_are_written_in_one_order_however_they_were_built() -> None:
    example = frivillig.load_example()
    response = example.rounds[0].responses[0]
    answers = dict(response.answers)
    backwards = dict(reversed(list(answers.items())))
    turned = attrs.evolve(response, answers=backwards)
    changed = attrs.evolve(
        example,
        rounds=(attrs.evolve(example.rounds[0], responses=(turned,)), *example.rounds[1:]),
    )
    original = attrs.evolve(
        example,
        rounds=(attrs.evolve(example.rounds[0], responses=(response,)), *example.rounds[1:]),
    )
    assert list(turned.answers) != list(response.answers) or len(answers) < 2
    assert frivillig.dumps(changed) == frivillig.dumps(original)
    assert frivillig.dumps(changed, indent=2) == frivillig.dumps(original, indent=2)


def test_the_schema_states_the_written_form() -> None:
    comment = json_schema("collaboration")["$comment"]
    assert "compact" in comment
    assert "must not depend on member order" in comment
