"""The example service answers as its README says, over HTTP and as a plain function.

The service runs in FastAPI's test client, without a server. ``app.py`` is not in a
package, so it is imported from its file; the handler's code in the how-to page
``docs/how-to/embed-service.md`` must be the code of ``app.py``.
"""

import ast
import datetime as dt
import importlib.util
import json
import re
import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema  # type: ignore[import-untyped]  # no type hints of its own
import pytest

import frivillig
import frivillig.schema

HERE = Path(__file__).resolve().parent
HOW_TO = HERE.parent.parent / "docs" / "how-to" / "embed-service.md"


def _import_app() -> Any:
    """Import ``app.py`` from its file, under a name no other module has."""
    name = "frivillig_example_service_app"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, HERE / "app.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


if TYPE_CHECKING:
    import app
    from fastapi.testclient import TestClient
else:
    app = _import_app()


def make_client(max_body_bytes: int = app.MAX_BODY_BYTES) -> "TestClient":
    """The service in FastAPI's test client, with its body limit."""
    with warnings.catch_warnings():
        # Starlette's test client now asks for httpx2 and warns once when it finds
        # httpx instead (the test extra has httpx); either serves these tests.
        warnings.filterwarnings(
            "ignore", message="Using `httpx` with `starlette.testclient`", category=UserWarning
        )
        from fastapi.testclient import TestClient

    return TestClient(app.create_app(max_body_bytes=max_body_bytes))


TODAY = "2026-10-01"
EXAMPLE = frivillig.dumps(frivillig.load_example()).encode()


@pytest.fixture(scope="module")
def client() -> "TestClient":
    return make_client()


def document(**changes: Any) -> bytes:
    """The shipped example as a body, with some of its top-level fields changed."""
    data = json.loads(EXAMPLE)
    data.update(changes)
    return json.dumps(data).encode()


def post(client: "TestClient", body: bytes, **query: str) -> tuple[int, dict[str, Any]]:
    response = client.post(
        "/check", content=body, params=query, headers={"content-type": "application/json"}
    )
    assert response.headers["content-type"] == "application/json"
    payload = response.json()
    assert isinstance(payload, dict)
    return response.status_code, payload


def codes(payload: dict[str, Any]) -> list[tuple[str, str]]:
    assert list(payload) == ["problems"]
    for problem in payload["problems"]:
        assert list(problem) == ["path", "code", "message"]
        assert problem["message"]
    return [(problem["path"], problem["code"]) for problem in payload["problems"]]


# -- 200 ---------------------------------------------------------------------------


def test_the_shipped_example_gets_its_report_and_scores(client: "TestClient") -> None:
    status, payload = post(client, EXAMPLE, today=TODAY)
    assert status == 200
    assert list(payload) == ["report", "scores"]
    collaboration = frivillig.load_example()
    day = dt.date(2026, 10, 1)
    assert payload["report"] == frivillig.check(collaboration, today=day).to_dict()
    assert payload["scores"] == frivillig.score_all(collaboration, today=day).to_dict()
    assert payload["report"]["today"] == TODAY


def test_the_answer_follows_the_day_asked_for(client: "TestClient") -> None:
    earlier = post(client, EXAMPLE, today="2026-06-01")[1]
    later = post(client, EXAMPLE, today="2027-06-01")[1]
    assert (earlier["report"]["today"], later["report"]["today"]) == ("2026-06-01", "2027-06-01")
    assert earlier["scores"] != later["scores"]


def test_the_answer_validates_against_the_result_schemas(client: "TestClient") -> None:
    status, payload = post(client, EXAMPLE, today=TODAY, lang="da")
    assert status == 200
    for part in ("report", "scores"):
        schema = frivillig.schema.result_schema(part)
        jsonschema.Draft202012Validator(schema).validate(payload[part])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(payload["scores"], frivillig.schema.result_schema("report"))


def test_a_body_exactly_at_the_limit_is_read() -> None:
    at_limit = make_client(len(EXAMPLE))
    assert post(at_limit, EXAMPLE, today=TODAY)[0] == 200


# -- 422 ---------------------------------------------------------------------------


def test_a_dangling_party_id_is_refused_with_its_path(client: "TestClient") -> None:
    status, payload = post(client, document(initiator="kommunen"), today=TODAY)
    assert status == 422
    assert codes(payload) == [("$.initiator", "reference")]
    assert payload["problems"][0]["message"] == (
        "initiator 'kommunen' is not a participant of the collaboration"
    )


def test_a_key_given_twice_is_refused_because_the_body_is_not_parsed_first(
    client: "TestClient",
) -> None:
    twice = EXAMPLE.replace(b"{", b'{"title": "Et andet navn", ', 1)
    # a parser of dicts would keep the last title and drop the first without a word
    assert json.loads(twice)["title"] == json.loads(EXAMPLE)["title"]
    status, payload = post(client, twice, today=TODAY)
    assert status == 422
    assert codes(payload) == [("$.title", "duplicate_key")]


def test_every_problem_is_listed(client: "TestClient") -> None:
    body = document(municipality_code="101", start_on="2026-02-30", colour="blue")
    status, payload = post(client, body, today=TODAY)
    assert status == 422
    assert sorted(codes(payload)) == [
        ("$.colour", "unknown_field"),
        ("$.municipality_code", "type"),
        ("$.start_on", "format"),
    ]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"", "json"),
        (b"[1, 2", "json"),
        ("{}".encode("utf-16"), "encoding"),
        (b'{"schema_version": 3, "type": "portfolio", "collaborations": []}', "choice"),
    ],
)
def test_what_is_not_a_collaboration_document_is_refused(
    client: "TestClient", body: bytes, code: str
) -> None:
    status, payload = post(client, body, today=TODAY)
    assert status == 422
    assert code in [code for _, code in codes(payload)]


def test_a_document_the_scores_cannot_score_is_refused(client: "TestClient") -> None:
    data = json.loads(EXAMPLE)
    data["rounds"][-1]["responses"][0]["instrument"] = "eget-skema"
    body = json.dumps(data).encode()
    frivillig.loads(body, frivillig.Collaboration)  # it loads: the scores refuse it
    status, payload = post(client, body, today=TODAY)
    assert status == 422
    assert codes(payload) == [("$.rounds[1].responses[0].instrument", "reference")]


def test_nothing_personal_of_the_body_is_repeated(client: "TestClient") -> None:
    personal = "Søren Sørensen, 010190-1234"
    status, payload = post(client, document(colour=personal, title=7), today=TODAY)
    assert status == 422
    assert codes(payload) == [("$.title", "type"), ("$.colour", "unknown_field")]
    shown = json.dumps(payload, ensure_ascii=False)
    assert "Søren" not in shown
    assert "010190" not in shown


# -- messages in Danish --------------------------------------------------------------


def test_problems_are_in_the_language_asked_for(client: "TestClient") -> None:
    body = document(start_on="2026-02-30", colour="blå")
    try:
        frivillig.loads(body, frivillig.Collaboration)
    except frivillig.ValidationError as error:
        problems = error.problems
    english = [problem["message"] for problem in post(client, body, today=TODAY)[1]["problems"]]
    danish = [
        problem["message"] for problem in post(client, body, today=TODAY, lang="da")[1]["problems"]
    ]
    assert english == [problem.message_in("en") for problem in problems]
    assert danish == [problem.message_in("da") for problem in problems]
    assert "'2026-02-30' er ikke en dato, der findes i kalenderen" in danish
    assert set(danish).isdisjoint(english)


def test_the_services_own_refusals_are_in_danish_too(client: "TestClient") -> None:
    english = post(client, EXAMPLE)[1]["problems"][0]["message"]
    danish = post(client, EXAMPLE, lang="da")[1]["problems"][0]["message"]
    assert english.startswith("is missing")
    assert danish.startswith("mangler")


# -- 409 ---------------------------------------------------------------------------


def test_a_newer_schema_version_is_a_conflict(client: "TestClient") -> None:
    newer = frivillig.SCHEMA_VERSION + 1
    status, payload = post(client, document(schema_version=newer), today=TODAY, lang="da")
    assert status == 409
    assert codes(payload) == [("$.schema_version", "schema_version")]
    assert "nyere" in payload["problems"][0]["message"]


def test_an_older_schema_version_is_read_not_refused(client: "TestClient") -> None:
    status, payload = post(client, document(schema_version=1), today=TODAY)
    assert status == 200
    assert payload == post(client, EXAMPLE, today=TODAY)[1]


@pytest.mark.parametrize("version", [None, "2", 0])
def test_a_missing_or_unreleased_schema_version_is_a_conflict_too(
    client: "TestClient", version: object
) -> None:
    # frivillig raises SchemaVersionError for these as for a newer version
    data = json.loads(EXAMPLE)
    if version is None:
        del data["schema_version"]
    else:
        data["schema_version"] = version
    status, payload = post(client, json.dumps(data).encode(), today=TODAY)
    assert status == 409
    assert codes(payload) == [("$.schema_version", "schema_version")]


# -- 413 ---------------------------------------------------------------------------


def test_a_body_over_the_limit_is_refused_before_it_is_parsed() -> None:
    small = make_client(1000)
    status, payload = post(small, EXAMPLE, today=TODAY)
    assert status == 413
    assert codes(payload) == [("$", "size")]
    assert "1000" in payload["problems"][0]["message"]
    # not parsed: the same answer for bytes that are not JSON at all
    assert post(small, b"\xff" * 5000, today=TODAY)[0] == 413


def test_the_default_limit_refuses_a_large_body(client: "TestClient") -> None:
    status, payload = post(client, b" " * (app.MAX_BODY_BYTES + 1), today=TODAY)
    assert status == 413
    assert codes(payload) == [("$", "size")]


def test_a_streamed_body_over_the_limit_is_refused() -> None:
    small = make_client(1000)

    def chunks() -> Any:
        yield EXAMPLE[:600]
        yield EXAMPLE[600:]

    response = small.post("/check", content=chunks(), params={"today": TODAY})
    assert response.status_code == 413


# -- 400 ---------------------------------------------------------------------------


def test_today_is_required(client: "TestClient") -> None:
    status, payload = post(client, EXAMPLE)
    assert status == 400
    assert codes(payload) == [("?today", "missing")]


@pytest.mark.parametrize(
    "today",
    [
        "",
        "2026-02-30",
        "20261001",
        "2026-W40-4",
        "2026-10-01T00:00",
        "\uff11\uff19\uff19\uff10-01-01",  # full-width digits
        "010190-1234",
    ],
)
def test_today_must_be_a_calendar_day_written_yyyy_mm_dd(client: "TestClient", today: str) -> None:
    status, payload = post(client, EXAMPLE, today=today)
    assert status == 400
    assert codes(payload) == [("?today", "format")]
    assert "010190" not in json.dumps(payload)


@pytest.mark.parametrize("lang", ["DA", "de", ""])
def test_lang_must_be_da_or_en(client: "TestClient", lang: str) -> None:
    status, payload = post(client, EXAMPLE, today=TODAY, lang=lang)
    assert status == 400
    assert codes(payload) == [("?lang", "choice")]


# -- the schema --------------------------------------------------------------------


def test_the_schema_of_the_collaboration_document(client: "TestClient") -> None:
    response = client.get("/schema/collaboration")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/schema+json"
    assert response.json() == frivillig.schema.json_schema("collaboration")


# -- the handler as a plain function, and the how-to page -----------------------------


def test_the_handler_answers_as_the_service_does(client: "TestClient") -> None:
    for body, query in [
        (EXAMPLE, {"today": TODAY}),
        (document(initiator="kommunen"), {"today": TODAY, "lang": "da"}),
        (document(schema_version=3), {"today": TODAY}),
        (EXAMPLE, {}),
    ]:
        direct = app.answer_check(body, today=query.get("today"), lang=query.get("lang"))
        assert post(client, body, **query) == direct


def _code_blocks(markdown: str) -> str:
    return "\n".join(re.findall(r"^```python\n(.*?)^```", markdown, flags=re.MULTILINE | re.DOTALL))


def _definitions(source: str) -> dict[str, str]:
    """Each top-level function and assignment by name, without docstrings, as an AST dump."""
    found: dict[str, str] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                node.body = body[1:]
            found[node.name] = ast.dump(node)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            found[node.target.id] = ast.dump(node.value) if node.value else ""
        elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            found[node.targets[0].id] = ast.dump(node.value)
    return found


def test_the_how_to_page_shows_the_code_of_app_py() -> None:
    page = _definitions(_code_blocks(HOW_TO.read_text(encoding="utf-8")))
    source = _definitions((HERE / "app.py").read_text(encoding="utf-8"))
    shown = {"answer_check", "_day", "_problems", "_refusal", "_MESSAGES", "_DATE"}
    assert shown <= set(page)
    for name in shown | {"MAX_BODY_BYTES", "Payload"}:
        assert page[name] == source[name], f"{name} differs between the how-to page and app.py"
