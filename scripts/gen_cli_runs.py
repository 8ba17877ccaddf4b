"""Run every command line session shown in the documentation and write its real output.

A session is a fenced ``console`` block in a Markdown page (under ``docs/`` or the
README): each line that starts with ``$ `` is a command, and the lines after it, up
to the next command, are what it prints. A page's sessions run one after the other
in one fresh folder, so a later command can read what an earlier one wrote. The folder
holds ``export/``: three made-up collaborations without defects
(`frivillig.synthetic`, seed 2026) and ``broken.json``, a document that is not valid.

The commands a session may hold:

* ``frivillig ARGS``, run as ``python -m frivillig ARGS``, with standard error
  shown where it is written among standard output, as on a terminal; optionally
  piped into ``| head -n N`` (the command must then write nothing to standard
  error);
* ``echo $?``: the exit code of the command before it;
* ``head -n N FILE``: the first lines of a file an earlier command wrote.

A command that reads a file must give ``--today``, so that what it prints does not
change with the day it runs. Trailing empty lines of an output are not shown.

Run ``python scripts/gen_cli_runs.py`` after changing what the command line prints;
``tests/test_cli_runs.py`` fails while a page shows output the commands do not print.
"""

import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]

BLOCK = re.compile(r"^```console\n(.*?)^```\n", re.MULTILINE | re.DOTALL)
"""A ``console`` block: its text, between the fences."""

_HEAD = re.compile(r"^(?P<command>.*?)\s*\|\s*head -n (?P<lines>\d+)$")


class SessionError(ValueError):
    """A session in a page holds a command the runner does not know, or misuses one."""


@dataclass(frozen=True)
class Step:
    """One command of a session and the output the page shows for it."""

    command: str
    shown: str


def steps(block: str) -> list[Step]:
    """Split a ``console`` block's text into its commands and their shown outputs."""
    found: list[Step] = []
    command: str | None = None
    lines: list[str] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            if command is not None:
                found.append(Step(command, "\n".join(lines).rstrip("\n")))
            command, lines = line[2:], []
        elif command is None:
            msg = f"a console block must start with a '$ ' command line, not {line!r}"
            raise SessionError(msg)
        else:
            lines.append(line)
    if command is not None:
        found.append(Step(command, "\n".join(lines).rstrip("\n")))
    return found


def prepare(folder: Path) -> None:
    """Put the documents the sessions read into ``folder``: ``export/`` (see the module)."""
    from frivillig import batch, synthetic
    from frivillig.serialization import SCHEMA_VERSION

    export = folder / "export"
    clean = dict.fromkeys(synthetic.Defect, 0.0)
    batch.write_folder(synthetic.iter_collaborations(2026, 3, defect_rates=clean), export)
    broken = {"schema_version": SCHEMA_VERSION, "type": "collaboration", "id": "x", "title": ""}
    (export / "broken.json").write_text(json.dumps(broken), encoding="utf-8")


def _needs_today(argv: list[str]) -> bool:
    """Whether a ``frivillig`` command reads a file but leaves the day to the clock."""
    from frivillig._cli import _parser

    try:
        args = _parser().parse_args(argv)
    except SystemExit:
        return False
    return getattr(args, "file", None) is not None and getattr(args, "today", "") is None


def run_command(command: str, folder: Path, last_code: int) -> tuple[str, int]:
    """Run one command of a session in ``folder``; return what it prints and its exit code."""
    if command == "echo $?":
        return str(last_code), 0
    head = _HEAD.match(command)
    lines = int(head["lines"]) if head else None
    words = shlex.split(head["command"] if head else command)
    if words[:2] == ["head", "-n"] and len(words) == 4:
        text = (folder / words[3]).read_text(encoding="utf-8")
        return "".join(text.splitlines(keepends=True)[: int(words[2])]), 0
    if not words or words[0] != "frivillig":
        msg = f"the documentation's sessions cannot run {command!r}"
        raise SessionError(msg)
    if _needs_today(words[1:]):
        msg = f"{command!r} reads a file: give --today, so its output does not change"
        raise SessionError(msg)
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(  # noqa: S603 - the interpreter running this, with the page's words
        [sys.executable, "-m", "frivillig", *words[1:]],
        cwd=folder,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE if lines is not None else subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if lines is None:
        return result.stdout, result.returncode
    if result.stderr:
        msg = f"{command!r} writes to standard error, so it cannot be shown through a pipe"
        raise SessionError(msg)
    return "".join(result.stdout.splitlines(keepends=True)[:lines]), 0


def real_outputs(text: str) -> Iterator[tuple[Step, str]]:
    """Run every session of a page's text; yield each step with the output it really gives."""
    blocks = BLOCK.findall(text)
    if not blocks:
        return
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        prepare(folder)
        code = 0
        for block in blocks:
            for step in steps(block):
                output, code = run_command(step.command, folder, code)
                yield step, output.rstrip("\n")


def render(pairs: list[tuple[str, str]]) -> str:
    """Write a block's commands and outputs; an empty line before each command but ``echo``."""
    lines: list[str] = []
    for index, (command, output) in enumerate(pairs):
        if index and command != "echo $?":
            lines.append("")
        lines.append(f"$ {command}")
        if output:
            lines.append(output)
    return "\n".join(lines) + "\n"


def current_page(text: str) -> str:
    """Return the page's text with every session's output replaced by the real one."""
    outputs = iter(list(real_outputs(text)))

    def replace(match: re.Match[str]) -> str:
        pairs = [(step.command, next(outputs)[1]) for step in steps(match.group(1))]
        return f"```console\n{render(pairs)}```\n"

    return BLOCK.sub(replace, text)


def pages_with_sessions() -> list[Path]:
    """Return the pages that show at least one command line session."""
    return [page for page in PAGES if BLOCK.search(page.read_text(encoding="utf-8"))]


def main() -> int:
    """Rewrite every page whose sessions show output the commands do not print."""
    for page in pages_with_sessions():
        text = page.read_text(encoding="utf-8")
        fresh = current_page(text)
        if fresh != text:
            page.write_text(fresh, encoding="utf-8")
            print(f"wrote {page.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
