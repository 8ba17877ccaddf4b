"""Every command line session the documentation shows is the real output of the commands.

The sessions are the ``console`` blocks of the pages; ``scripts/gen_cli_runs.py`` runs
them and writes their output, and these tests fail while a page shows something else.
"""

import importlib.util
import re
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


@cache
def gen_cli_runs() -> ModuleType:
    """Import ``scripts/gen_cli_runs.py``, which is not a package."""
    path = ROOT / "scripts" / "gen_cli_runs.py"
    spec = importlib.util.spec_from_file_location("gen_cli_runs", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_cli_runs", module)
    spec.loader.exec_module(module)
    return module


def page_id(page: Path) -> str:
    return str(page.relative_to(ROOT))


@pytest.mark.parametrize("page", gen_cli_runs().pages_with_sessions(), ids=page_id)
def test_every_session_shows_the_real_output(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    fresh = gen_cli_runs().current_page(text)
    shown = [step for block in gen_cli_runs().BLOCK.findall(text) for step in steps(block)]
    real = [step for block in gen_cli_runs().BLOCK.findall(fresh) for step in steps(block)]
    wrong = [f"$ {old.command}" for old, new in zip(shown, real, strict=True) if old != new]
    assert not wrong, f"{page_id(page)}: these print something else: {wrong}"
    assert fresh == text, f"{page_id(page)}: run 'python scripts/gen_cli_runs.py'"


def steps(block: str) -> list[object]:
    return list(gen_cli_runs().steps(block))


def test_the_command_line_reference_shows_sessions() -> None:
    pages = gen_cli_runs().pages_with_sessions()
    assert ROOT / "docs" / "reference" / "cli.md" in pages


_FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize("page", gen_cli_runs().PAGES, ids=page_id)
def test_a_shown_run_is_in_a_console_block(page: Path) -> None:
    # A '$ frivillig' line outside a console block would escape the check above.
    for language, body in _FENCE.findall(page.read_text(encoding="utf-8")):
        if language != "console":
            prompts = [line for line in body.splitlines() if line.startswith("$ ")]
            assert not prompts, (
                f"{page_id(page)}: show a run with its output in a ```console block, "
                f"or the commands alone without '$ ': {prompts}"
            )


def test_a_session_is_split_into_commands_and_outputs() -> None:
    steps = gen_cli_runs().steps("$ frivillig check\nvalid\n\n$ echo $?\n0\n")
    assert [(step.command, step.shown) for step in steps] == [
        ("frivillig check", "valid"),
        ("echo $?", "0"),
    ]
    with pytest.raises(gen_cli_runs().SessionError):
        gen_cli_runs().steps("output before a command\n$ frivillig check\n")


@pytest.mark.parametrize(
    "command",
    [
        "rm -rf export",
        "frivillig check export/",  # reads a file, but the day would be the clock's
        "frivillig check export/ --today 2026-10-01 | head -n 3",  # writes to stderr
    ],
)
def test_a_session_runs_only_what_it_can_show_truly(command: str, tmp_path: Path) -> None:
    gen_cli_runs().prepare(tmp_path)
    with pytest.raises(gen_cli_runs().SessionError):
        gen_cli_runs().run_command(command, tmp_path, 0)


def test_a_session_shows_the_exit_code_and_standard_error_in_order(tmp_path: Path) -> None:
    gen_cli_runs().prepare(tmp_path)
    session = "$ frivillig score export/ --today 2026-10-01 --format json\n$ echo $?\n"
    (step, output), (_, code) = gen_cli_runs().real_outputs(f"```console\n{session}```\n")
    assert step.command.startswith("frivillig score")
    assert output.index("export/broken.json is not valid:") < output.rindex("}")
    assert code == "1"
