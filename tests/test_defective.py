"""Every nearly valid document is rejected with the problem that names its one defect."""

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import frivillig
from frivillig import strategies as fs
from frivillig.errors import SchemaVersionError, ValidationError
from frivillig.strategies import DefectiveDocument, DefectKind

DEFECTS = settings(max_examples=60, deadline=None)


def _problems(document: dict[str, Any] | str) -> list[tuple[str, str]]:
    load = frivillig.loads if isinstance(document, str) else frivillig.from_dict
    with pytest.raises(ValidationError) as caught:
        load(document)
    return [(problem.path, problem.code) for problem in caught.value.problems]


def _check(defect: DefectiveDocument) -> None:
    # exactly one problem, at the defect's path, with the defect's code
    assert _problems(defect.document) == [(defect.path, defect.code)]
    assert _problems(defect.text) == [(defect.path, defect.code)]


@pytest.mark.parametrize("kind", list(DefectKind), ids=lambda kind: kind.value)
def test_each_kind_of_defect_is_reported_where_it_is(kind: DefectKind) -> None:
    @DEFECTS
    @given(fs.defective_documents(kind=kind))
    def check(defect: DefectiveDocument) -> None:
        assert defect.kind is kind
        _check(defect)

    check()


@DEFECTS
@given(fs.defective_documents())
def test_any_defect(defect: DefectiveDocument) -> None:
    _check(defect)


@DEFECTS
@given(fs.defective_documents(kind=DefectKind.WRONG_SCHEMA_VERSION))
def test_a_wrong_schema_version_is_a_schema_version_error(defect: DefectiveDocument) -> None:
    assert isinstance(defect.document, dict)
    with pytest.raises(SchemaVersionError):
        frivillig.from_dict(defect.document)


@DEFECTS
@given(fs.defective_documents(kind=DefectKind.BAD_DATE, documents=fs.volunteer_policies()))
def test_defects_in_documents_of_ones_own(defect: DefectiveDocument) -> None:
    assert defect.path in ("$.adopted_on", "$.revised_on")
    _check(defect)


@DEFECTS
@given(
    fs.defective_documents(
        kind=DefectKind.DANGLING_ID,
        documents=fs.collaborations(status=frivillig.LifecycleStatus.EVALUATING),
    )
)
def test_a_dangling_id_in_an_evaluated_collaboration(defect: DefectiveDocument) -> None:
    assert defect.code == "reference"
    _check(defect)


@DEFECTS
@given(fs.defective_documents(kind=DefectKind.NOT_JSON))
def test_text_that_is_not_json(defect: DefectiveDocument) -> None:
    assert isinstance(defect.document, str)
    assert (defect.path, defect.code) == ("$", "json")


@DEFECTS
@given(st.sampled_from(DefectKind).flatmap(lambda kind: fs.defective_documents(kind=kind)))
def test_the_text_of_a_defective_document_is_json_unless_that_is_the_defect(
    defect: DefectiveDocument,
) -> None:
    if defect.kind is not DefectKind.NOT_JSON:
        assert isinstance(defect.document, dict)
        assert defect.text.startswith("{")
