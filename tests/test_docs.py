"""The documentation: every public name is documented and in the API reference.

Also: the generated pages match the code, the Danish pages exist beside the English
ones, and the Danish tutorial and explanations run the same code as the English ones.
The examples in the pages themselves run through Sybil (see ``conftest.py``).
"""

import importlib.util
import re
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import griffe
import pytest

import frivillig
from frivillig import LabelledEnum

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
REFERENCE = DOCS / "reference"
TRANSLATED = ["index.md", "tutorial/*.md", "explanation/*.md"]
"""The pages that must also exist in Danish, as ``page.da.md`` beside ``page.md``."""


@cache
def gen_docs() -> ModuleType:
    """Import ``scripts/gen_docs.py``, which is not a package."""
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_docs", module)
    spec.loader.exec_module(module)
    return module


def public_names() -> list[tuple[str, str]]:
    """Every public name, as (module, name), for frivillig and its public submodules."""
    return [
        (module.__name__, name)
        for module in gen_docs().public_modules()
        for name in getattr(module, "__all__", ())
    ]


@cache
def package() -> griffe.Module:
    """The package as the API reference sees it: read by griffe, from the source."""
    loaded = griffe.load("frivillig", search_paths=[str(ROOT / "src")], docstring_parser="google")
    assert isinstance(loaded, griffe.Module)
    return loaded


# -- docstrings ------------------------------------------------------------------

_FIRST_SENTENCE = re.compile(r"(.+?[.!?])(?:\s|$)")
_WORD = re.compile(r"[^\W\d_]+")


def first_sentence(docstring: str) -> str:
    """Return the first sentence of a docstring's first paragraph."""
    paragraph = " ".join(docstring.strip().split("\n\n", 1)[0].split())
    match = _FIRST_SENTENCE.match(paragraph)
    return match.group(1) if match else paragraph


def name_words(name: str) -> set[str]:
    """Split ``DyadicRating`` or ``transition_problems`` into its lower-case words."""
    return {word.lower() for word in re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+", name)}


@pytest.mark.parametrize(("module", "name"), public_names())
def test_every_public_name_has_a_real_first_sentence(module: str, name: str) -> None:
    obj = package()[f"{module.removeprefix('frivillig').lstrip('.')}.{name}".lstrip(".")]
    docstring = obj.docstring.value if obj.docstring else ""
    sentence = first_sentence(docstring)
    words = [word.lower() for word in _WORD.findall(sentence)]
    other = [word for word in words if word not in name_words(name)]
    assert len(words) >= 4, f"{module}.{name}: first sentence too short: {sentence!r}"
    assert len(other) >= 3, f"{module}.{name}: first sentence only repeats the name: {sentence!r}"


@cache
def rendered_docstrings() -> list[tuple[str, griffe.Docstring]]:
    """Every docstring the API reference can show: public names, their members, modules."""
    found: dict[str, griffe.Docstring] = {}

    def visit(obj: griffe.Object | griffe.Alias, depth: int) -> None:
        if obj.docstring is not None:
            found.setdefault(obj.path, obj.docstring)
        if depth and obj.is_class:
            for name, member in obj.members.items():
                if not name.startswith("_"):
                    visit(member, depth - 1)

    for module in gen_docs().public_modules():
        relative = module.__name__.removeprefix("frivillig").lstrip(".")
        visit(package()[relative] if relative else package(), 0)
    for module, name in public_names():
        relative = module.removeprefix("frivillig").lstrip(".")
        visit(package()[f"{relative}.{name}".lstrip(".")], 1)
    return sorted(found.items())


@pytest.mark.parametrize(
    ("path", "docstring"), rendered_docstrings(), ids=[path for path, _ in rendered_docstrings()]
)
def test_docstring_examples_are_in_an_examples_section(
    path: str, docstring: griffe.Docstring
) -> None:
    # Outside an ``Examples:`` section a ``>>>`` line renders as a quotation, and
    # its output as Markdown (``[a][b]`` becomes a broken cross-reference).
    stray = [
        line.strip()
        for section in docstring.parse("google")
        if section.kind is griffe.DocstringSectionKind.text
        for line in str(section.value).splitlines()
        if line.lstrip().startswith(">>>")
    ]
    assert not stray, f"{path}: move these examples into an 'Examples:' section: {stray}"


def attrs_classes() -> list[tuple[str, type[Any]]]:
    """Every public attrs class, by its public path."""
    found: dict[str, type[Any]] = {}
    for module, name in public_names():
        obj = getattr(sys.modules[module], name)
        if isinstance(obj, type) and attrs.has(obj):
            found.setdefault(obj.__qualname__ + obj.__module__, obj)
    return sorted(((cls.__name__, cls) for cls in found.values()), key=lambda pair: pair[0])


@pytest.mark.parametrize(("name", "cls"), attrs_classes())
def test_every_field_is_in_the_attributes_section(name: str, cls: type[Any]) -> None:
    documented = gen_docs().field_descriptions(cls)
    fields = [field.name for field in attrs.fields(cls) if not field.name.startswith("_")]
    missing = [field for field in fields if not documented.get(field)]
    stale = sorted(set(documented) - set(fields))
    assert not missing, f"{name}: add these fields to the Attributes section: {missing}"
    assert not stale, f"{name}: the Attributes section names fields that do not exist: {stale}"


# -- the API reference -----------------------------------------------------------

_DIRECTIVE = re.compile(r"^::: *([\w.]+)[ \t]*\n((?:[ \t]+.*\n|[ \t]*\n)*)", re.MULTILINE)


@cache
def rendered() -> dict[str, bool]:
    """Every object the reference pages render, and whether its members are shown."""
    found: dict[str, bool] = {}
    for page in sorted(REFERENCE.rglob("*.md")):
        text = page.read_text(encoding="utf-8") + "\n"
        for match in _DIRECTIVE.finditer(text):
            options = match.group(2)
            found[match.group(1)] = "members: false" not in options
    return found


def reference_paths(module: str, name: str) -> set[str]:
    """The paths under which an object may be rendered: each public module exporting it."""
    obj = getattr(sys.modules[module], name)
    paths = {f"{module}.{name}"}
    for other in gen_docs().public_modules():
        if name in getattr(other, "__all__", ()) and getattr(other, name) is obj:
            paths.add(f"{other.__name__}.{name}")
    return paths


@pytest.mark.parametrize(("module", "name"), public_names())
def test_every_public_name_is_in_the_api_reference(module: str, name: str) -> None:
    shown = rendered()
    paths = reference_paths(module, name)
    modules_with_members = {
        path.rsplit(".", 1)[0] for path in paths if shown.get(path.rsplit(".", 1)[0])
    }
    assert paths & shown.keys() or modules_with_members, (
        f"{module}.{name} is not in the API reference: add '::: {min(paths, key=len)}' "
        "to the page under docs/reference/ where it belongs"
    )


# -- generated pages ---------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(gen_docs().expected_pages(), key=str))
def test_generated_page_matches_the_code(path: Path) -> None:
    expected = gen_docs().expected_pages()[path]
    committed = path.read_text(encoding="utf-8") if path.exists() else ""
    assert committed == expected, (
        f"{path.relative_to(ROOT)} is out of date: run 'python scripts/gen_docs.py'"
    )


def test_json_form_lists_every_field_of_every_document() -> None:
    text = (REFERENCE / "json-form.md").read_text(encoding="utf-8")
    documents, parts, actors = gen_docs().model_classes()
    assert frivillig.Collaboration in documents
    assert frivillig.Goal in parts
    assert frivillig.Municipality in actors
    for cls in [*documents, *parts, *actors]:
        section = text.split(f"\n### {cls.__name__}\n", 1)[1].split("\n### ", 1)[0]
        for field in attrs.fields(cls):
            assert f"| `{field.name}` |" in section, f"{cls.__name__}.{field.name}"


@pytest.mark.parametrize("page", ["glossary.md", "glossary.da.md"])
def test_glossary_names_every_class_of_the_json_form(page: str) -> None:
    # The classes a document is made of are the domain's vocabulary; enumerations
    # are covered by the generated tables.
    text = (DOCS / "explanation" / page).read_text(encoding="utf-8")
    documents, parts, actors = gen_docs().model_classes()
    missing = [
        cls.__name__ for cls in [*documents, *parts, *actors] if f"`{cls.__name__}`" not in text
    ]
    enums = [cls.__name__ for cls in gen_docs().labelled_enums()]
    missing += [name for name in enums if f"\n### {name}\n" not in text]
    assert not missing, f"add a row with the Danish term for each of these to {page}: {missing}"


def test_glossary_tables_hold_every_label() -> None:
    text = (DOCS / "explanation" / "glossary.da.md").read_text(encoding="utf-8")
    for cls in gen_docs().labelled_enums():
        section = text.split(f"\n### {cls.__name__}\n", 1)[1].split("\n### ", 1)[0]
        member: LabelledEnum
        for member in cls:
            assert f"| `{member.value}` | {member.da} | {member.en} |" in section


# -- the Danish pages ----------------------------------------------------------------


def english_pages() -> list[Path]:
    return sorted(
        page
        for pattern in TRANSLATED
        for page in DOCS.glob(pattern)
        if not page.name.endswith(".da.md")
    )


@pytest.mark.parametrize("page", english_pages(), ids=lambda page: str(page.relative_to(DOCS)))
def test_page_has_a_danish_translation(page: Path) -> None:
    danish = page.with_name(page.name.removesuffix(".md") + ".da.md")
    assert danish.exists(), f"{danish.relative_to(ROOT)} is missing"


def test_every_danish_page_has_an_english_original() -> None:
    orphans = [
        page
        for page in DOCS.rglob("*.da.md")
        if not page.with_name(page.name[:-6] + ".md").exists()
    ]
    assert not orphans


_PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)
_COMMENT = re.compile(r"\s+# .*$")


def code_of(page: Path) -> list[str]:
    """The page's Python blocks, without comments, so that comments may be translated."""
    blocks = []
    for block in _PYTHON_BLOCK.findall(page.read_text(encoding="utf-8")):
        lines = [_COMMENT.sub("", line) for line in block.splitlines()]
        blocks.append("\n".join(line for line in lines if not line.lstrip().startswith("#")))
    return blocks


@pytest.mark.parametrize(
    "page",
    [page for page in english_pages() if page.parent.name in {"tutorial", "explanation"}],
    ids=lambda page: str(page.relative_to(DOCS)),
)
def test_danish_page_runs_the_same_code(page: Path) -> None:
    danish = page.with_name(page.name.removesuffix(".md") + ".da.md")
    assert code_of(danish) == code_of(page), (
        f"{danish.relative_to(ROOT)} must show the same code as {page.relative_to(ROOT)}"
    )


# -- the README ---------------------------------------------------------------------


def test_readme_names_every_dependency_and_no_other() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    required = set()
    for dependency in project["dependencies"]:
        name = re.match(r"[A-Za-z0-9._-]+", dependency)
        assert name is not None
        required.add(name.group(0).lower())
    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    sentence = text.split("It depends on ", 1)[1].split(".", 1)[0]
    sentence = re.sub(r"\s*\([^)]*\)", "", sentence)
    named = {name.strip().lower() for name in re.split(r",\s*|\s+and\s+", sentence)}
    assert named == required, "README's 'Dependencies and licences' must name pyproject's"


# -- what the API reference shows --------------------------------------------------------


@cache
def package_with_signatures() -> griffe.Module:
    """The package as the API reference sees it, with mkdocs.yml's attrs extension."""
    extensions = griffe.load_extensions(
        f"{ROOT / 'scripts' / 'griffe_attrs_signatures.py'}:AttrsSignatures"
    )
    loaded = griffe.load(
        "frivillig",
        search_paths=[str(ROOT / "src")],
        extensions=extensions,
        docstring_parser="google",
    )
    assert isinstance(loaded, griffe.Module)
    return loaded


def test_mkdocs_loads_the_extensions_and_the_hooks() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "scripts/griffe_attrs_signatures.py:AttrsSignatures" in config
    assert "- scripts/mkdocs_hooks.py" in config
    assert "\nsite_url: https://frivillig.readthedocs.io/\n" in config


@pytest.mark.parametrize(("name", "cls"), attrs_classes())
def test_every_attrs_class_shows_its_fields_as_parameters(name: str, cls: type[Any]) -> None:
    shown = package_with_signatures()[f"{cls.__module__.removeprefix('frivillig.')}.{name}"]
    parameters = {p.name: p for p in shown.parameters if p.name != "self"}
    fields = [field for field in attrs.fields(cls) if field.init]
    assert list(parameters) == [field.alias for field in fields]
    for field in fields:
        parameter = parameters[field.alias]
        required = field.default is attrs.NOTHING
        assert (parameter.default is None) == required, f"{name}.{field.alias}"
        assert (parameter.kind is griffe.ParameterKind.keyword_only) == field.kw_only


def test_a_collaboration_shows_its_defaults() -> None:
    shown = package_with_signatures()["Collaboration"]
    parameters = {p.name: p for p in shown.parameters}
    assert parameters["id"].default is None  # required
    assert str(parameters["id"].annotation) == "str"
    assert parameters["status"].default == "LifecycleStatus.EXPLORING"
    assert parameters["goals"].default == "()"
    assert parameters["responsibilities"].default == "FrozenMap()"
    assert parameters["end_on"].default == "None"
    # stored as tuples, taken as any sequence: the signature says what __init__ takes
    assert str(parameters["goals"].annotation) == "Sequence[Goal]"
    assert str(parameters["participants"].annotation) == "Sequence[Participant]"


def test_the_head_loses_only_the_language_alternates() -> None:
    spec = importlib.util.spec_from_file_location(
        "mkdocs_hooks", ROOT / "scripts" / "mkdocs_hooks.py"
    )
    assert spec is not None
    assert spec.loader is not None
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    page = (
        "<html><head>\n"
        '  <link rel="canonical" href="https://frivillig.readthedocs.io/reference/cli/">\n'
        '  <link rel="alternate" href="./" hreflang="en">\n'
        '  <link rel="alternate" href="../../da/reference/cli/" hreflang="da">\n'
        '  <link rel="alternate" type="application/rss+xml" href="feed.xml">\n'
        '</head><body><a href="../../da/reference/cli/" hreflang="da">Dansk</a></body></html>'
    )
    cleaned = hooks.on_post_page(page, page=None, config=None)
    assert 'hreflang="en">' not in cleaned.split("</head>")[0]
    assert 'rel="canonical"' in cleaned
    assert "application/rss+xml" in cleaned
    assert cleaned.split("</head>")[1] == page.split("</head>")[1]
