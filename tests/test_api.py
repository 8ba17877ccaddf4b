"""The public API surface: what is exported, once, sorted, and nothing private."""

import subprocess
import sys

import frivillig


def test_all_is_sorted_and_unique() -> None:
    names = frivillig.__all__
    assert len(names) == len(set(names))
    assert names == sorted(names, key=lambda name: (not name.isupper(), name))


def test_every_exported_name_exists_and_is_public() -> None:
    for name in frivillig.__all__:
        assert hasattr(frivillig, name), name
        assert not name.startswith("_") or name == "__version__"


def test_version_is_single_sourced() -> None:
    from importlib.metadata import version

    assert frivillig.__version__ == version("frivillig")


def test_importing_frivillig_imports_no_optional_dependency() -> None:
    # python-stdnum is a dependency, but slow to import: it waits for the first CVR or
    # CPR-shaped number.
    code = (
        "import sys, frivillig; "
        "heavy = {'hypothesis', 'pandas', 'polars', 'matplotlib', 'numpy', 'stdnum'} "
        "& set(sys.modules); "
        "assert not heavy, heavy"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_importing_frivillig_defers_what_documents_do_not_need() -> None:
    # Issue 16: the checks, scores, trends, batch reading, synthetic portfolios and
    # schedules, and the standard-library modules only some functions use, are imported
    # when first asked for. Every public name still resolves, to the same object.
    code = (
        "import sys, frivillig; "
        "deferred = {'frivillig._rules.catalogue', 'frivillig._rules.checking', "
        "'frivillig._rules.rulebook', 'frivillig._rules.engine', 'frivillig._scores.scores', "
        "'frivillig._scores.trends', 'frivillig.batch', "
        "'frivillig.schedules', 'frivillig.synthetic', 'dateutil.rrule', "
        "'dateutil.relativedelta', 'hashlib', 'importlib.resources', 'statistics', "
        "'zoneinfo'}; "
        "early = deferred & set(sys.modules); "
        "assert not early, early; "
        "assert set(frivillig.__all__) <= set(dir(frivillig)); "
        "assert frivillig.check is sys.modules['frivillig._rules.checking'].check; "
        "assert frivillig.schedules is sys.modules['frivillig.schedules']; "
        "assert frivillig.Rule is sys.modules['frivillig._rules.engine'].Rule; "
        "assert all(hasattr(frivillig, name) for name in frivillig.__all__); "
        "assert 'check' in vars(frivillig); "
        "missing = getattr(frivillig, 'no_such_name', None); "
        "assert missing is None"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
