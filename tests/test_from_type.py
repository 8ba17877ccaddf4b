"""Installing frivillig registers its strategies with Hypothesis, and only Hypothesis needs them.

``test_from_type_in_a_fresh_environment`` builds a virtual environment in a
temporary folder that holds exactly the distributions ``frivillig`` and
``hypothesis`` need to run (found from their metadata, linked from this
environment rather than downloaded), and runs a script there with ``python -I``:
no ``PYTHONPATH``, no user site, not the current directory. The script imports
Hypothesis and frivillig, never ``frivillig.strategies``, and draws every public
type through ``st.from_type``. What it proves: the ``hypothesis`` entry point in
frivillig's installed metadata is what makes ``st.from_type`` draw valid objects,
with nothing from this test suite on the path. The same script with
``HYPOTHESIS_NO_PLUGINS=1`` shows the opposite, so the check can fail.
"""

import importlib.metadata
import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from packaging.requirements import Requirement

SCRIPT = r"""
import enum, importlib.metadata, json, sys
import attrs

from hypothesis import Phase, given, settings
from hypothesis import strategies as st

import frivillig
import frivillig.schedules
from frivillig import serialization

plugin = "frivillig._hypothesis_plugin" in sys.modules

def parts(value):
    if attrs.has(type(value)):
        yield value
        for field in attrs.fields(type(value)):
            yield from parts(getattr(value, field.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from parts(item)
    elif isinstance(value, frivillig.FrozenMap):
        for item in value.values():
            yield from parts(item)

def check(value, tp):
    for part in parts(value):
        attrs.validate(part)
    if isinstance(value, (frivillig.Collaboration, frivillig.Portfolio)):
        frivillig.validate(value)
    if type(value) in serialization.DOCUMENT_TYPES.values():
        assert frivillig.loads(frivillig.dumps(value)) == value

types = {}
for name in frivillig.__all__:
    obj = getattr(frivillig, name)
    if isinstance(obj, type) and (
        attrs.has(obj) or (issubclass(obj, enum.Enum) and len(obj) > 0)
    ):
        types[name] = obj
for name in frivillig.schedules.__all__:
    obj = getattr(frivillig.schedules, name)
    if isinstance(obj, type) and attrs.has(obj):
        types[f"schedules.{name}"] = obj
types["Actor"] = frivillig.Actor
types["Language"] = frivillig.Language
types["FrozenMap"] = frivillig.FrozenMap[str, int]
only = sys.argv[1:]
if only:
    types = {name: tp for name, tp in types.items() if name in only}


def draw_every(tp):
    @settings(max_examples=10, database=None, deadline=None, phases=[Phase.generate])
    @given(st.from_type(tp))
    def draws(value):
        check(value, tp)

    draws()


checked, failed = [], {}
for name, tp in types.items():
    try:
        draw_every(tp)
    except Exception as error:
        failed[name] = f"{type(error).__module__}.{type(error).__qualname__}"
    else:
        checked.append(name)

print(json.dumps({
    "plugin": plugin,
    "checked": checked,
    "failed": failed,
    "strategies_imported": "frivillig.strategies" in sys.modules,
    "path": sys.path,
    "distributions": sorted(
        d.metadata["Name"].lower() for d in importlib.metadata.distributions()
    ),
}))
"""


def _requirements(name: str) -> list[str]:
    """The distributions ``name`` needs at run time on this interpreter, without extras."""
    found = []
    for text in importlib.metadata.requires(name) or []:
        requirement = Requirement(text)
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
            found.append(requirement.name)
    return found


def _normalise(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def _closure(*names: str) -> set[str]:
    seen: set[str] = set()
    pending = list(names)
    while pending:
        name = pending.pop()
        key = _normalise(name)
        if key not in seen:
            seen.add(key)
            pending.extend(_requirements(name))
    return seen


def _site_packages(root: Path) -> Path:
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    if sys.platform == "win32":  # pragma: no cover - the suite runs on POSIX
        return root / "Lib" / "site-packages"
    return root / "lib" / version / "site-packages"


@pytest.fixture(scope="module")
def fresh_python(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, set[str]]:
    """A new virtual environment with frivillig, Hypothesis and what they need: nothing else."""
    root = tmp_path_factory.mktemp("fresh") / "venv"
    venv.create(root, with_pip=False, symlinks=sys.platform != "win32")
    target = _site_packages(root)
    wanted = _closure("frivillig", "hypothesis")
    for name in sorted(wanted):
        distribution = importlib.metadata.distribution(name)
        tops = {Path(str(f)).parts[0] for f in distribution.files or () if ".." not in str(f)}
        for top in tops:
            source = Path(str(distribution.locate_file(top)))
            link = target / top
            if source.exists() and not link.exists():
                link.symlink_to(source, target_is_directory=source.is_dir())
    python = root / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    return str(python), wanted


def _run(python: str, *args: str, plugins: bool = True) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    env.pop("HYPOTHESIS_NO_PLUGINS", None)
    if not plugins:
        env["HYPOTHESIS_NO_PLUGINS"] = "1"
    return subprocess.run(
        [python, "-I", "-c", SCRIPT, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(python).parent,
        timeout=600,
        check=False,
    )


def test_from_type_in_a_fresh_environment(fresh_python: tuple[str, set[str]]) -> None:
    python, wanted = fresh_python
    result = _run(python)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    # only the two distributions and their own requirements are installed there
    installed = {_normalise(name) for name in report["distributions"]}
    assert {"frivillig", "hypothesis"} <= installed
    assert installed <= wanted
    assert not any(entry.startswith(sys.prefix) for entry in report["path"] if entry)
    assert report["plugin"], "the entry point did not run"
    assert report["failed"] == {}
    expected = {"Collaboration", "Portfolio", "VolunteerPolicy", "Actor", "FrozenMap"}
    assert expected | {"schedules.DueDate", "Instrument", "Report"} <= set(report["checked"])
    # the plugin looked the strategies up when a test asked for them
    assert report["strategies_imported"]


def test_without_the_plugin_from_type_draws_invalid_collaborations(
    fresh_python: tuple[str, set[str]],
) -> None:
    python, _ = fresh_python
    result = _run(python, "Collaboration", plugins=False)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert not report["plugin"]
    # a frivillig validator rejected what Hypothesis built from the type hints alone
    assert report["failed"]["Collaboration"].startswith("frivillig.")


def test_importing_frivillig_does_not_import_hypothesis() -> None:
    code = (
        "import sys, frivillig, frivillig.serialization, frivillig.identifiers; "
        "assert 'hypothesis' not in sys.modules, 'hypothesis was imported'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_importing_the_strategies_first_does_not_break_the_plugin() -> None:
    # the entry point runs while frivillig.strategies is still being imported
    code = (
        "import frivillig.strategies as fs\n"
        "from hypothesis import strategies as st\n"
        "import frivillig\n"
        "assert repr(st.from_type(frivillig.Collaboration)).startswith('_collaborations')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
