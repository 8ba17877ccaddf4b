"""The package's layers: no import cycles, the layer contracts kept, no module too long.

The layers and the contracts that hold them are written in ``pyproject.toml``
(``[tool.importlinter]``); ``lint-imports`` checks them in CI, and the tests here
check them wherever the tests run. A cycle is any two modules that import each other,
directly or through others, at the top of a module or inside a function alike.
"""

from pathlib import Path

import grimp
import pytest

import frivillig

SOURCE = Path(frivillig.__file__).parent
LONGEST = 800  # lines a module may have


def _graph() -> grimp.ImportGraph:
    return grimp.build_graph("frivillig", cache_dir=None)


def _cycles(imports: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that reach each other through imports (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in sorted(imports[module]):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                group.append(other)
                if other == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(imports):
        if module not in index:
            visit(module)
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    imports = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(imports) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_imports_itself_through_others() -> None:
    graph = _graph()
    # the package's own __init__ imports its API from everywhere; it is the door, not a room
    modules = {module for module in graph.modules if module != "frivillig"}
    imports = {
        module: set(graph.find_modules_directly_imported_by(module)) & modules for module in modules
    }
    assert _cycles(imports) == []


def test_the_layer_contracts_are_kept() -> None:
    from importlinter.cli import lint_imports

    root = SOURCE.parent.parent
    if not (root / "pyproject.toml").is_file():
        pytest.skip("the contracts live in the source tree's pyproject.toml")
    assert lint_imports(config_filename=str(root / "pyproject.toml")) == 0


def test_no_module_is_longer_than_the_limit() -> None:
    lengths = {
        str(path.relative_to(SOURCE)): len(path.read_text(encoding="utf-8").splitlines())
        for path in SOURCE.rglob("*.py")
    }
    assert {name: n for name, n in lengths.items() if n > LONGEST} == {}
