"""Issue 14, items 13 to 16: Danish wording, loader problems in Danish, reason codes, sources.

* Item 13: official municipality names ("Københavns Kommune"), Danish prepositions in
  FR108, Danish wording in the explanation pages, the instrument result's aspects in
  Danish, and every problem the loader reports readable in Danish, also from
  ``frivillig --lang da check``.
* Item 14: the Wilder bands are called a rule of thumb by a secondary source, not by
  the inventory.
* Item 15: each rule declares its finding reason codes with their meanings, and its
  catalogue page lists them.
* Item 16: a source taken from the talk says what was verified: that the talk says it.
"""

import ast
import copy
import datetime as dt
import importlib.util
import io
import json
import pickle
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import frivillig
from frivillig import ManagementTask, serialization
from frivillig import strategies as fs
from frivillig._cli import main
from frivillig._core import problem_text as _problem_text
from frivillig._core.problem_text import danish
from frivillig._model.actors import ACTOR_CLASSES
from frivillig._rules.rulebook import BUILTIN_RULES, EXAMPLE_DATE
from frivillig.errors import Problem, ValidationError

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
TESTS = Path(__file__).resolve().parent
EXAMPLE: dict[str, Any] = frivillig.to_dict(frivillig.load_example())
SWEEP = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def _helpers(name: str) -> ModuleType:
    """Another test module, loaded for its helpers (its tests are not collected here)."""
    spec = importlib.util.spec_from_file_location(f"_helpers_{name}", TESTS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


# == item 13: Danish =========================================================================

# -- the official names of municipalities ----------------------------------------------------


def test_municipalities_have_their_official_names() -> None:
    copenhagen = frivillig.get_municipality(101)
    assert copenhagen.name == "København"  # the DAR/DAWA short name is kept
    assert copenhagen.official_name == "Københavns Kommune"
    assert frivillig.get_municipality(400).official_name == "Bornholms Regionskommune"
    assert frivillig.get_municipality(147).official_name == "Frederiksberg Kommune"
    assert frivillig.get_municipality(480).official_name == "Nordfyns Kommune"
    assert frivillig.get_municipality(820).official_name == "Vesthimmerlands Kommune"
    for municipality in frivillig.municipalities():
        official = municipality.official_name
        assert official.endswith(("Kommune", "Regionskommune")), official
        assert official.startswith(municipality.name), official


def test_made_up_portfolios_name_municipalities_officially() -> None:
    for code, official, wrong in (
        (101, "Københavns Kommune", "København Kommune"),
        (400, "Bornholms Regionskommune", "Bornholm Kommune"),
    ):
        portfolio = frivillig.generate_portfolio(seed=3, size=5, municipality_codes=(code,))
        names = {p.actor.name for c in portfolio.collaborations for p in c.participants}
        assert official in names
        assert not any(wrong in name for name in names)


@SWEEP
@given(municipality=fs.municipalities(code=st.sampled_from([101, 400, 147])))
def test_strategies_name_municipalities_officially(municipality: frivillig.Municipality) -> None:
    assert "København Kommune" not in municipality.name
    assert "Bornholm Kommune" not in municipality.name


def test_no_source_builds_a_municipality_name_from_the_short_name() -> None:
    """Every "X Kommune" built from a municipality's short name uses its official name."""
    built = re.compile(r"\.name\}\s*Kommune|name\} Kommune")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in (ROOT / "src", DOCS)
        for path in sorted(folder.rglob("*"))
        if path.suffix in (".py", ".md")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if built.search(line) or "København Kommune" in line or "Bornholm Kommune" in line
    ]
    # The table's own default for a municipality whose name takes no genitive is the one
    # place the official name is built from the short name.
    offenders = [
        where
        for where in offenders
        if not where.startswith("src/frivillig/_reference/municipalities")
    ]
    assert not offenders, offenders


# -- FR108: "sparring med", "konflikthåndtering for" ------------------------------------------


def _without(*tasks: ManagementTask) -> frivillig.Collaboration:
    collaboration = frivillig.load_example()
    kept = dict(collaboration.responsibilities)
    for task in tasks:
        kept.pop(task, None)
    return attrs.evolve(collaboration, responsibilities=kept)


def _fr108(collaboration: frivillig.Collaboration) -> list[frivillig.Finding]:
    book = frivillig.DEFAULT_RULEBOOK.only("FR108")
    return list(frivillig.check(collaboration, today=EXAMPLE_DATE, rulebook=book).findings)


def test_fr108_uses_the_preposition_each_task_takes() -> None:
    (one,) = _fr108(_without(ManagementTask.SPARRING))
    assert one.message_da.startswith("Ingen part har ansvaret for sparring med de frivillige.")
    assert one.message_en.startswith(
        "No party is responsible for supervision (sparring) of the volunteers."
    )
    (other,) = _fr108(_without(ManagementTask.CONFLICT_HANDLING))
    assert other.message_da.startswith(
        "Ingen part har ansvaret for konflikthåndtering for de frivillige."
    )
    assert other.message_en.startswith(
        "No party is responsible for conflict handling for the volunteers."
    )
    (both,) = _fr108(_without(ManagementTask.SPARRING, ManagementTask.CONFLICT_HANDLING))
    assert both.message_da.startswith(
        "Ingen part har ansvaret for disse opgaver med de frivillige: sparring og "
        "konflikthåndtering."
    )
    assert both.message_en.startswith(
        "No party is responsible for these volunteer-management tasks: supervision "
        "(sparring) and conflict handling."
    )
    for finding in (one, other, both):
        assert "sparring af" not in finding.message_da
        assert "konflikthåndtering af" not in finding.message_da


def test_each_management_task_is_phrased_with_its_preposition() -> None:
    assert ManagementTask.SPARRING.with_volunteers("da") == "sparring med de frivillige"
    assert (
        ManagementTask.CONFLICT_HANDLING.with_volunteers("da")
        == "konflikthåndtering for de frivillige"
    )
    assert ManagementTask.RECRUITMENT.with_volunteers("da") == "rekruttering af de frivillige"
    assert (
        ManagementTask.SPARRING.with_volunteers("en") == "supervision (sparring) of the volunteers"
    )
    for task in ManagementTask:
        assert task.with_volunteers("da").startswith(task.da)
        assert task.with_volunteers("en").startswith(task.en)


# -- the explanation pages --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "wrong", "right"),
    [
        ("formalisation.da.md", "de to ender ved, at", "de to yderpunkter ved selv, at"),
        ("goals-and-evaluation.da.md", "viser den afvise et mål", "viser, hvordan overgangen"),
        ("co-creation.da.md", "vil være hoved, mister dem", "vil være hoved, mister vedkommende"),
    ],
)
def test_the_danish_pages_read_as_danish(page: str, wrong: str, right: str) -> None:
    text = " ".join((DOCS / "explanation" / page).read_text(encoding="utf-8").split())
    assert wrong not in text
    assert right in text


# -- the instrument result in Danish ----------------------------------------------------------


def test_an_instrument_result_names_its_unverified_aspects_in_danish() -> None:
    result = frivillig.score_instrument(frivillig.get_instrument("pat-2003"), {})
    assert result.unverified == ("scale", "scoring", "bands")  # the keys stay as they are
    assert result.to_text("da").splitlines()[-1] == "(ikke bekræftet: skala, scoring, grænser)"
    assert result.to_text("en").splitlines()[-1] == "(unverified: scale, scoring, bands)"
    wilder = frivillig.score_instrument(frivillig.get_instrument("wilder-2001"), {})
    assert wilder.to_text("da").splitlines()[-1] == "(ikke bekræftet: udsagn)"


# -- loader problems in Danish ----------------------------------------------------------------


def _document(**changes: Any) -> dict[str, Any]:
    document = copy.deepcopy(EXAMPLE)
    for key, value in changes.items():
        if value is None:
            del document[key]
        else:
            document[key] = value
    return document


def _only_problem(text: str | bytes) -> Problem:
    with pytest.raises(ValidationError) as caught:
        frivillig.loads(text)
    (problem,) = caught.value.problems
    return problem


@pytest.mark.parametrize(
    ("document", "path", "english", "danish_text"),
    [
        (_document(title=None), "$.title", "is required but missing", "er påkrævet, men mangler"),
        (
            _document(title="  "),
            "$.title",
            "must not be empty or only spaces",
            "må ikke være tom eller kun mellemrum",
        ),
        (
            _document(title=7),
            "$.title",
            "expected text, got an integer",
            "forventede tekst, men fik et heltal",
        ),
        (
            _document(start_on="2026-02-30"),
            "$.start_on",
            "'2026-02-30' is not a real calendar date",
            "'2026-02-30' er ikke en dato, der findes i kalenderen",
        ),
        (
            _document(municipality_code=999),
            "$.municipality_code",
            "999 is not one of the 98 municipality codes; frivillig.municipalities() lists them",
            "999 er ikke en af de 98 kommunekoder; frivillig.municipalities() viser dem",
        ),
        (
            _document(titel="x"),
            "$.titel",
            "is not a field of collaboration; remove it or check its spelling",
            "er ikke et felt i et samarbejde; fjern det, eller ret stavningen",
        ),
        (
            _document(status="running"),
            "$.status",
            "'running' is not one of exploring, agreeing_goals, active, evaluating, continued, "
            "adjusted, ended",
            "'running' er ikke en af: exploring, agreeing_goals, active, evaluating, continued, "
            "adjusted, ended",
        ),
    ],
)
def test_a_problem_reads_in_danish(
    document: dict[str, Any], path: str, english: str, danish_text: str
) -> None:
    problem = _only_problem(json.dumps(document, ensure_ascii=False))
    assert (problem.path, problem.message) == (path, english)
    assert problem.message_da == danish_text
    assert problem.render("da") == f"{path}: {danish_text}"
    assert problem.render("en") == str(problem) == f"{path}: {english}"


def test_the_danish_text_keeps_the_problem_as_it_was() -> None:
    problem = Problem(path="$.title", message="is required but missing", code="missing")
    assert [field.name for field in attrs.fields(Problem)] == ["path", "message", "code"]
    assert problem == Problem(path="$.title", message="is required but missing", code="missing")
    assert pickle.loads(pickle.dumps(problem)) == problem  # noqa: S301 - our own bytes
    assert problem.message_da == "er påkrævet, men mangler"
    unknown = Problem(path="$", message="something no template knows", code="x")
    assert unknown.message_da == "something no template knows"  # never lost


def test_a_duplicate_key_and_a_misspelt_personal_field_read_in_danish() -> None:
    text = json.dumps(EXAMPLE, ensure_ascii=False)
    twice = text.replace('"title": ', '"title": "a", "title": ', 1)
    problem = _only_problem(twice)
    assert problem.code == "duplicate_key"
    assert problem.message_da == "optræder mere end én gang i samme objekt; behold én"
    document = copy.deepcopy(EXAMPLE)
    document["volunteers"][0]["motivs"] = {}
    problem = _only_problem(json.dumps(document, ensure_ascii=False))
    assert problem.message_da == (
        "er ikke et felt i en frivillig (nøglen vises ikke: den kan være personoplysninger); "
        "fjern det, eller ret stavningen (mente du 'motives'?)"
    )


# Words that mark an English template left untranslated; quoted values and the codes of a
# list of choices are taken out first.
_ENGLISH = re.compile(
    r"\b(expected|got|is|are|must|not|the|missing|required|field|remove|spelling|allowed|"
    r"than|which|only|value|number|text|object|array|empty|twice|used|one of|did you mean)\b"
)
_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`")


def _english_left(text: str) -> list[str]:
    text = _QUOTED.sub("", text)
    text = re.sub(r"en af: [a-z0-9_, ]+", "", text)  # a list of choices names the codes
    text = re.sub(r"\b[A-Z][A-Za-z]+(?:\.[a-z_]+)+\b", "", text)  # LoadLimits.max_items
    text = re.sub(r"\b[a-z_]+\.[a-z_]+\(\)", "", text)  # frivillig.municipalities()
    text = re.sub(r"\b[a-z]+_[a-z_]+\b", "", text)  # a field's name: first_date, start_on
    return _ENGLISH.findall(text)


def _untranslated(problems: Iterable[Problem]) -> list[str]:
    """The messages that have no Danish text, or whose Danish text still holds English."""
    found = []
    for problem in problems:
        text = danish(problem.message)
        if text is None:
            found.append(f"no Danish template for: {problem.message!r} ({problem.code})")
        elif _english_left(text):
            found.append(f"English left in {text!r} (from {problem.message!r})")
    return found


def _problems_of(load: Callable[[], Any]) -> tuple[Problem, ...]:
    try:
        load()
    except ValidationError as error:
        return error.problems
    except (AttributeError, TypeError, ValueError):  # a value of a type the model never holds
        return ()
    return ()


_hostile = _helpers("test_hostile_input")
_trust = _helpers("test_reader_trust")

documents_to_break = (
    _hostile.mutated_examples().map(lambda document: json.dumps(document, ensure_ascii=False))
    | _trust.texts
    | fs.defective_documents().map(lambda defective: defective.text)
    | fs.instruments().flatmap(_trust._spoiled)
    | st.binary(max_size=300)
    | _hostile.json_values.map(
        lambda value: json.dumps(
            {"schema_version": serialization.SCHEMA_VERSION, "type": "collaboration", **value}
            if isinstance(value, dict)
            else value
        )
    )
)


@SWEEP
@given(text=documents_to_break, limits=st.none() | fs.load_limits())
def test_every_loader_problem_has_danish_text(text: str | bytes, limits: Any) -> None:
    problems = _problems_of(lambda: frivillig.loads(text, limits=limits))
    untranslated = _untranslated(problems)
    assert not untranslated, "\n".join(untranslated)


_BAD_VALUES: tuple[Any, ...] = (
    None,
    "",
    " ",
    "x",
    "2026-02-30",
    -1,
    0,
    10**9,
    1.5,
    True,
    (),
    ("a", "a"),
    {},
)


def _objects(value: Any) -> Iterable[Any]:
    if attrs.has(type(value)):
        yield value
        for field in attrs.fields(type(value)):
            yield from _objects(getattr(value, field.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _objects(item)
    elif isinstance(value, frivillig.FrozenMap):
        for item in value.values():
            yield from _objects(item)


@SWEEP
@given(document=fs.collaborations() | fs.instruments() | fs.volunteer_policies(), data=st.data())
def test_every_problem_of_a_bad_field_has_danish_text(document: Any, data: st.DataObject) -> None:
    """The model's own validators, as a program that builds objects meets them."""
    parts = list(_objects(document))
    part = data.draw(st.sampled_from(parts))
    fields = attrs.fields(type(part))
    if not fields:
        return
    field = data.draw(st.sampled_from(fields))
    bad = data.draw(st.sampled_from(_BAD_VALUES))
    problems = _problems_of(lambda: attrs.evolve(part, **{field.name.lstrip("_"): bad}))
    untranslated = _untranslated(problems)
    assert not untranslated, "\n".join(untranslated)


@pytest.mark.parametrize(
    "rrule",
    [
        "FREQ=MONTHLY;INTERVAL=0",
        "FREQ=MONTHLY;FOO=1",
        "FREQ=MONTHLY;FREQ=YEARLY",
        "FREQ=DAILY;BYHOUR=1,2",
        "FREQ=MONTHLY;BYMONTHDAY=1;BYDAY=MO",
        "DTSTART:20260101T000000\nRRULE:FREQ=YEARLY",
        "FREQ=HOURLY",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=DAILY;COUNT=100000",
        "FREQ=SOMETIMES",
        "",
    ],
)
def test_every_problem_of_an_evaluation_plan_has_danish_text(rrule: str) -> None:
    plan = frivillig.load_example().evaluation_plan
    assert plan is not None
    problems = _problems_of(lambda: attrs.evolve(plan, rrule=rrule))
    assert problems
    untranslated = _untranslated(problems)
    assert not untranslated, "\n".join(untranslated)


# The modules whose problems reach a reader of a document: the loader, the model's
# validators, the references inside a collaboration, batches of files, the lifecycle.
_PROBLEM_MODULES = (
    "_jsonform/api",
    "_jsonform/converter",
    "_jsonform/documents",
    "_jsonform/fast_reader",
    "_jsonform/limits",
    "_jsonform/mirrors",
    "_jsonform/problems",
    "_jsonform/raw",
    "_jsonform/reader",
    "_jsonform/writer",
    "_model/validators",
    "identifiers",
    "_reference/municipalities",
    "_model/integrity",
    "_model/collaboration",
    "_model/evaluation",
    "_model/goals",
    "_model/instruments",
    "_scores/instruments",
    "_model/participation",
    "_model/volunteers",
    "_model/actors",
    "_model/tasks",
    "_model/policy",
    "_model/portfolio",
    "batch/_results",
    "batch/_reading",
    "batch/_evaluation",
    "batch/_writing",
    "_model/lifecycle",
    "_jsonform/examples",
)
# Messages put together from parts, each part matched by its own template (the sweeps
# above meet them), and one summary that is not a problem.
_COMPOSED = {
    "_jsonform/converter": ("is not a field of {0} (the key is not shown",),
    "_jsonform/raw": ("has a key that {0}",),
    "_model/validators": ("{0} is out of range; expected {1}",),
    "identifiers": ("{0} contains {1}; {2}",),
    "_model/lifecycle": ("cannot move collaboration {0} from {1} to {2}:",),
}
_CODE = re.compile(r"[a-z_]+")


def _sample(node: ast.expr) -> str | None:
    """A message as written in the source, with ``{0}``, ``{1}``... where values go."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.replace("{", "{{").replace("}", "}}")
    if isinstance(node, ast.JoinedStr):
        parts, count = [], 0
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(str(value.value).replace("{", "{{").replace("}", "}}"))
            else:
                parts.append(f"{{{count}}}")
                count += 1
        return "".join(parts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _sample(node.left), _sample(node.right)
        return None if left is None or right is None else left + right
    return None


def _source_messages(tree: ast.AST) -> Iterable[tuple[int, str]]:
    positions = {"FieldError": 1, "_problem": 1, "_fail": 0, "_bad": 2, "_error": 0}
    for node in ast.walk(tree):
        found: list[ast.expr] = []
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            where = positions.get(node.func.id)
            if where is not None and len(node.args) > where:
                found.append(node.args[where])
            if node.func.id == "Problem":
                found += [k.value for k in node.keywords if k.arg == "message"]
        elif isinstance(node, ast.Tuple) and len(node.elts) in (2, 3):
            first, last = node.elts[0], node.elts[-1]
            labels = len(node.elts) == 3 and isinstance(first, ast.Constant)  # an enum member
            if (
                not labels
                and isinstance(last, ast.Constant)
                and isinstance(last.value, str)
                and _CODE.fullmatch(last.value)
            ):
                found.append(node.elts[-2])
        elif isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id in ("msg", "message")
            for target in node.targets
        ):
            found.append(node.value)
        for expression in found:
            text = _sample(expression)
            if text is not None and " " in text.strip():
                yield getattr(node, "lineno", 0), text


def _has_template(text: str) -> bool:
    """Whether a template matches the message, whatever values go in its ``{n}``s."""
    values = [f"\x00{n}\x00" for n in range(10)]
    message = text.format(*values)
    if "\x00" not in message:
        return danish(message) is not None
    for english, _ in _problem_text._TEMPLATES:
        pieces = re.split(r"(\{[a-z]+\d*\})", english)
        loose = "".join("(.+?)" if i % 2 else re.escape(piece) for i, piece in enumerate(pieces))
        match = re.fullmatch(loose, message, re.DOTALL)
        if match is None:
            continue
        names = [piece[1:-1].rstrip("0123456789") for piece in pieces[1::2]]
        converters = [_problem_text._CONVERTERS.get(name, str) for name in names]
        if all(
            _PURE.fullmatch(value) or convert(_SENTINELS.sub("X", value)) is not None
            for convert, value in zip(converters, match.groups(), strict=True)
        ):
            return True
    return False


_SENTINELS = re.compile("\x00\\d+\x00")
_PURE = re.compile("'?\x00\\d+\x00'?")


def test_every_message_the_loader_and_the_model_make_has_a_danish_template() -> None:
    """Read from the source: every message, even one no broken document above reached."""
    missing = []
    for module in _PROBLEM_MODULES:
        path = ROOT / "src" / "frivillig" / f"{module}.py"
        for line, text in _source_messages(ast.parse(path.read_text(encoding="utf-8"))):
            if any(text.startswith(composed) for composed in _COMPOSED.get(module, ())):
                continue
            if not _has_template(text):
                missing.append(f"src/frivillig/{module}.py:{line}: {text!r}")
    assert not missing, (
        "add a Danish template to src/frivillig/_core/problem_templates.py for:\n"
        + "\n".join(missing)
    )


def test_every_class_of_the_model_has_a_danish_name() -> None:
    seen: set[type] = set()
    stack = [*serialization.DOCUMENT_TYPES.values(), *ACTOR_CLASSES.values()]
    while stack:
        cls = stack.pop()
        if cls in seen:
            continue
        seen.add(cls)
        for field in attrs.fields(cls):
            stack.extend(_attrs_classes(field.type))
    missing = [
        cls.__name__
        for cls in seen
        if danish(
            f"is not a field of {serialization._kind_name(cls)}; remove it or check its spelling"
        )
        is None
    ]
    assert not missing, f"give these classes a Danish name in _core/problem_text.py: {missing}"


def _attrs_classes(tp: Any) -> Iterable[type]:
    import typing

    if isinstance(tp, type) and attrs.has(tp):
        yield tp
    for arg in typing.get_args(tp):
        yield from _attrs_classes(arg)


def test_check_prints_loader_problems_in_danish(tmp_path: Path) -> None:
    document = _document(title=None, start_on="2026-02-30")
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    code, _, err = run("--lang", "da", "check", str(path))
    assert code == 1
    assert "$.title: er påkrævet, men mangler" in err
    assert "$.start_on: '2026-02-30' er ikke en dato, der findes i kalenderen" in err
    assert "is required but missing" not in err
    code, _, err = run("check", str(path))
    assert code == 1
    assert "$.title: is required but missing" in err


def test_check_prints_the_problems_of_a_batch_in_danish(tmp_path: Path) -> None:
    good = json.dumps(EXAMPLE, ensure_ascii=False)
    bad = json.dumps(_document(title=None), ensure_ascii=False)
    path = tmp_path / "export.jsonl"
    path.write_text(f"{good}\n{bad}\n", encoding="utf-8")
    _, _, err = run("--lang", "da", "check", str(path))
    assert f"{path}, linje 2" in err
    assert "$.title: er påkrævet, men mangler" in err
    assert "is required but missing" not in err


# == item 14: the Wilder bands are a rule of thumb in a secondary source =====================


def test_the_wilder_bands_are_a_rule_of_thumb_of_the_secondary_source() -> None:
    en = " ".join((DOCS / "explanation" / "goals-and-evaluation.md").read_text().split())
    da = " ".join((DOCS / "explanation" / "goals-and-evaluation.da.md").read_text().split())
    assert "the inventory itself calls it a rule of thumb" not in en
    assert "skemaet selv kalder det en tommelfingerregel" not in da
    assert "Billman, Lundgren & Brown" in en
    assert "Billman, Lundgren & Brown" in da
    assert "not the inventory, that call them a rule of thumb" in en
    assert "ikke skemaet, der kalder dem en tommelfingerregel" in da
    wilder = frivillig.get_instrument("wilder-2001")
    notes = " ".join(f"{note.en} {note.da}" for note in wilder.provenance.notes)
    assert "Billman" in notes
    assert "inventory itself" not in notes
    assert "skemaet selv" not in notes


# == item 15: reason codes ===================================================================


def test_every_rule_declares_its_reason_codes_with_their_meanings() -> None:
    for rule in BUILTIN_RULES:
        assert rule.reasons, f"{rule.code} declares no reason codes"
        for code, (meaning_da, meaning_en) in rule.reasons.items():
            assert re.fullmatch(r"[a-z][a-z0-9_]*", code)
            assert meaning_da.strip()
            assert meaning_en.strip()
            assert rule.reason_meaning(code, "da") == meaning_da
            assert rule.reason_meaning(code, "en") == meaning_en


def test_a_reason_code_is_checked_when_a_rule_is_made() -> None:
    rule = BUILTIN_RULES[0]
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(rule, reasons={"Not A Code": ("a", "b")})
    assert caught.value.problems[0].path.startswith("$.reasons")
    with pytest.raises(ValidationError):
        attrs.evolve(rule, reasons={"fine": ("", "b")})
    assert attrs.evolve(rule, reasons={}).reasons == {}


def _undeclared(reports: Iterable[frivillig.Report]) -> list[str]:
    declared = {rule.code: rule.reasons for rule in BUILTIN_RULES}
    found: dict[tuple[str, str], None] = {}
    for report in reports:
        for finding in report.findings:
            if finding.reason not in declared.get(finding.code, {}):
                found[(finding.code, finding.reason)] = None
    return [
        f"{code} reports reason {reason!r}, which the rule does not declare: add it to "
        f"{code}'s REASONS in its theme module in src/frivillig/_rules/builtin/"
        for code, reason in found
    ]


def test_the_examples_and_a_portfolio_report_only_declared_reasons() -> None:
    reports = []
    for rule in BUILTIN_RULES:
        for example in (rule.failing_example, rule.passing_example):
            if example is not None:
                reports.append(frivillig.check(example.build(), today=example.today))
    for name in frivillig.example_names():
        reports.append(frivillig.check(frivillig.load_example(name), today=EXAMPLE_DATE))
    for seed in range(3):
        portfolio = frivillig.generate_portfolio(seed=seed, size=120)
        reports.append(frivillig.check_portfolio(portfolio, today=dt.date(2026, 10, 1)))
    assert sum(len(report.findings) for report in reports) > 100
    undeclared = _undeclared(reports)
    assert not undeclared, "\n".join(undeclared)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(collaboration=fs.collaborations(), today=st.dates(dt.date(2020, 1, 1), dt.date(2035, 1, 1)))
def test_drawn_collaborations_report_only_declared_reasons(
    collaboration: frivillig.Collaboration, today: dt.date
) -> None:
    undeclared = _undeclared([frivillig.check(collaboration, today=today)])
    assert not undeclared, "\n".join(undeclared)


def test_every_declared_reason_is_on_the_rule_page() -> None:
    pages = frivillig.rule_catalogue()
    for rule in BUILTIN_RULES:
        page = pages[f"{rule.code}.md"]
        assert "## Reasons" in page
        for code, (meaning_da, meaning_en) in rule.reasons.items():
            row = f"| `{code}` | {meaning_en} | *{meaning_da}* |"
            assert row in page, (rule.code, row)


def test_the_example_report_on_a_rule_page_names_the_reason() -> None:
    page = frivillig.rule_catalogue()["FR106.md"]
    assert "  reason: " in page


# == item 16: what a source from the talk verified ===========================================


def test_a_source_from_the_talk_says_what_was_verified() -> None:
    rule = frivillig.DEFAULT_RULEBOOK.rule("FR107")
    (talk,) = [source for source in rule.sources if source.kind is frivillig.SourceKind.TALK]
    assert talk.evidence is frivillig.Evidence.VERIFIED
    assert talk.evidence_label("en") == "verified that the talk says this; not a legal source"
    assert talk.evidence_label("da") == "verificeret, at oplægget siger dette; ikke en retskilde"
    page = frivillig.rule_page(rule)
    assert "(verified)" not in page
    assert f"{talk.citation} (verified that the talk says this; not a legal source)." in page
    law = frivillig.DEFAULT_RULEBOOK.rule("FR103").sources[0]
    assert law.evidence_label("en") == "verified"
    assert law.evidence_label("da") == "verificeret"


def test_no_rule_page_calls_the_talk_verified_without_saying_what() -> None:
    for name, page in frivillig.rule_catalogue().items():
        for line in page.splitlines():
            if line.startswith("- *the talk"):
                assert "(verified)" not in line, (name, line)
