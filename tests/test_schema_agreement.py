"""The JSON Schema and the loader agree on documents changed in one place, with real clients.

A draft-2020-12 validator (``jsonschema``, with format checking) and
``frivillig.loads`` must give the same answer on every single-field mutation of a
valid document, except where the loader refuses for a rule the schema documents
as left to it (``frivillig.schema._RULES_NOT_IN_SCHEMA``), or the mutation is
one of the two documented differences of JSON Schema itself (``3.0`` counts as an
integer; an older ``schema_version`` the loader upgrades). And pydantic models
that ``datamodel-code-generator`` makes from the schema read every valid document.
"""

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import frivillig
from frivillig import strategies
from frivillig.schema import json_schema
from frivillig.serialization import DOCUMENT_TYPES


def _helper(name: str) -> ModuleType:
    """Import a helper module beside this file (tests are imported by path, not as a package)."""
    qualified = f"_frivillig_tests_{name}"
    if qualified in sys.modules:
        return sys.modules[qualified]
    spec = importlib.util.spec_from_file_location(qualified, Path(__file__).with_name(f"{name}.py"))
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[qualified] = module
    spec.loader.exec_module(module)
    return module


_mutations = _helper("_mutations")
Mutation = _mutations.Mutation
documented_difference = _mutations.documented_difference
loader_problems = _mutations.loader_problems
mutate = _mutations.mutate
mutations = _mutations.mutations
valid_documents = _mutations.valid_documents

MUTATIONS_PER_TYPE = 1000
SEED = 20261202
STRATEGIES = {
    "collaboration": strategies.collaborations(),
    "portfolio": strategies.portfolios(max_size=2),
    "volunteer_policy": strategies.volunteer_policies(),
    "instrument": strategies.instruments(),
}


def _validator(document_type: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        json_schema(document_type), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def _disagreement(validator: jsonschema.Draft202012Validator, mutation: Mutation) -> str | None:
    """Say how schema and loader disagree on a mutated document; ``None`` if they agree."""
    accepted = validator.is_valid(mutation.document)
    problems = loader_problems(mutation.document)
    if accepted == (problems is None) or documented_difference(mutation, problems) is not None:
        return None
    if accepted:
        found = "; ".join(f"{p.path} ({p.code}): {p.message}" for p in problems or [])
        return (
            f"{mutation.action} {mutation.path} = {mutation.value!r:.60}: schema accepts, {found}"
        )
    error = jsonschema.exceptions.best_match(validator.iter_errors(mutation.document))
    return (
        f"{mutation.action} {mutation.path} = {mutation.value!r:.60}: loads accepts, schema "
        f"refuses at {error.json_path if error else '?'}: {error.message if error else ''}"
    )


def test_the_coverage_check_knows_every_validator() -> None:
    from frivillig.schema import _unclassified

    assert _unclassified() == ()


@pytest.mark.parametrize("document_type", sorted(DOCUMENT_TYPES))
def test_schema_and_loader_agree_on_a_thousand_mutations(document_type: str) -> None:
    validator = _validator(document_type)
    documents = valid_documents(document_type)
    for document in documents:
        assert validator.is_valid(document)
        assert loader_problems(document) is None
    per_document = -(-MUTATIONS_PER_TYPE // len(documents))
    found: list[str] = []
    seen = 0
    for index, document in enumerate(documents):
        for mutation in mutations(document, SEED + index, per_document):
            seen += 1
            problem = _disagreement(validator, mutation)
            if problem is not None:
                found.append(problem)
    assert seen >= MUTATIONS_PER_TYPE
    assert found == [], f"{len(found)} of {seen} disagree:\n" + "\n".join(found[:20])


@pytest.mark.parametrize("document_type", sorted(DOCUMENT_TYPES))
def test_schema_and_loader_agree_on_mutations_of_drawn_documents(document_type: str) -> None:
    validator = _validator(document_type)

    @settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
    @given(STRATEGIES[document_type], st.randoms(use_true_random=False))
    def check(obj: Any, rng: Any) -> None:
        document = frivillig.to_dict(obj)
        assert validator.is_valid(document)
        for _ in range(8):
            mutation = mutate(document, rng)
            assert _disagreement(validator, mutation) is None

    check()


# -- pydantic models made by datamodel-code-generator ------------------------------------


def _generated_models(document_type: str, folder: Path) -> ModuleType:
    generator = pytest.importorskip("datamodel_code_generator")
    pytest.importorskip("pydantic")
    target = folder / f"models_{document_type}.py"
    generator.generate(
        json.dumps(json_schema(document_type)),
        input_file_type=generator.InputFileType.JsonSchema,
        output=target,
        output_model_type=generator.DataModelType.PydanticV2BaseModel,
        formatters=[],
        disable_timestamp=True,
    )
    name = f"_frivillig_generated_{document_type}"
    spec = importlib.util.spec_from_file_location(name, target)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # pydantic resolves the postponed annotations through it
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[name]
    return module


def _root_model(module: ModuleType, document_type: str) -> Any:
    title = f"frivillig {document_type} document, schema version {frivillig.SCHEMA_VERSION}"
    name = "".join(part.capitalize() for part in title.replace("_", " ").split())
    found = getattr(module, name, None)
    if found is None:  # the generator's own naming; the root is the model with the envelope
        found = next(
            value
            for value in vars(module).values()
            if isinstance(value, type)
            and "schema_version" in getattr(value, "model_fields", {})
            and "type" in getattr(value, "model_fields", {})
        )
    return found


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("generated")
    models = {}
    for document_type in DOCUMENT_TYPES:
        module = _generated_models(document_type, folder)
        models[document_type] = _root_model(module, document_type)
    return models


@pytest.mark.parametrize("document_type", sorted(DOCUMENT_TYPES))
def test_generated_pydantic_models_read_every_synthetic_document(
    generated: dict[str, Any], document_type: str
) -> None:
    model = generated[document_type]
    for document in valid_documents(document_type):
        model.model_validate(document)
        model.model_validate_json(json.dumps(document, ensure_ascii=False))


@pytest.mark.parametrize("document_type", sorted(DOCUMENT_TYPES))
def test_generated_pydantic_models_read_drawn_documents(
    generated: dict[str, Any], document_type: str
) -> None:
    model = generated[document_type]

    @settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
    @given(STRATEGIES[document_type])
    def check(obj: Any) -> None:
        model.model_validate_json(frivillig.dumps(obj))

    check()


def test_generated_pydantic_model_refuses_what_the_schema_states() -> None:
    """A few single-field rules reach the generated model (a sanity check of the reading)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        model = _root_model(_generated_models("collaboration", Path(folder)), "collaboration")
        document = frivillig.to_dict(frivillig.load_example())
        for field, value in (("id", "a b"), ("title", " "), ("municipality_code", 999)):
            broken = {**document, field: value}
            with pytest.raises(Exception, match="validation error"):
                model.model_validate(broken)


def test_the_documented_rules_explain_no_single_field_problem() -> None:
    """The classifier the agreement tests use is narrow: it names cross-field rules only."""
    from frivillig.errors import Problem

    mutation = Mutation({}, ("id",), "replace", "a b")
    for path, code in (
        ("$.id", "format"),
        ("$.title", "empty"),
        ("$.municipality_code", "unknown"),
        ("$.purposes[1]", "duplicate"),
        ("$.participants[0].key_persons", "range"),
        ("$.evaluation_plan.first_date", "format"),
    ):
        problem = Problem(path=path, message="is wrong", code=code)
        assert documented_difference(mutation, [problem]) is None, (path, code)
    for path, code, rule in (
        ("$.end_on", "order", "order"),
        ("$.initiator", "reference", "reference"),
        ("$.goals[1].id", "duplicate", "duplicate"),
        ("$.participants[0].actor.cvr", "checksum", "checksum"),
    ):
        problem = Problem(path=path, message="is wrong", code=code)
        assert documented_difference(mutation, [problem]) == rule
    assert documented_difference(Mutation({}, ("x",), "replace", 3.0), []) == "integral float"
