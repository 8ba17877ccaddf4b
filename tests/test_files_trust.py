"""Files written whole or not at all, inputs never overwritten, and reads bounded by the limits.

Every file frivillig writes (``dump``, ``batch.write_jsonl``, ``batch.write_folder``, the
command line's ``export -o`` and ``plot -o``) is written to a temporary file in the same
folder and moved into place, so a failure, an interrupt or a killed process leaves the old
file as it was. Reading a folder or a JSON Lines file reads no more than
``LoadLimits.max_bytes`` (and one more) of a file or a line, and reports entries that are
not files instead of skipping them.
"""

import importlib
import io
import json
import os
import stat
import subprocess
import sys
import textwrap
import threading
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import frivillig
from frivillig import _cli, batch, synthetic
from frivillig._cli import main
from frivillig.batch import BadDocument

LINUX = sys.platform.startswith("linux")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def collaborations(size: int, seed: int = 5) -> list[frivillig.Collaboration]:
    return list(synthetic.iter_collaborations(seed, size))


def unscorable(tmp_path: Path) -> Path:
    """A document that loads, but whose scores cannot be computed: an unknown instrument."""
    data = frivillig.to_dict(frivillig.load_example())
    data["rounds"][1]["responses"][0]["instrument"] = "our-own-survey"
    path = tmp_path / "own.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def names(folder: Path) -> set[str]:
    return {entry.name for entry in folder.iterdir()}


def new_file_mode(folder: Path) -> int:
    """The mode ``open()`` gives a new file here: 0o666 less the umask, which stays unread."""
    probe = folder / "probe-of-the-default-mode"
    probe.write_bytes(b"")
    mode = stat.S_IMODE(probe.stat().st_mode)
    probe.unlink()
    return mode


# -- export: a failure or an interrupt leaves the old file ---------------------------------------


def test_an_export_failing_midway_leaves_the_old_file_byte_identical(tmp_path: Path) -> None:
    out = tmp_path / "collaborations.csv"
    assert run("export", "-o", str(out))[0] == 0
    before = out.read_bytes()
    source = unscorable(tmp_path)
    code, _, err = run("export", str(source), "-o", str(out))
    assert code == 1
    assert "our-own-survey" in err
    assert out.read_bytes() == before
    assert names(tmp_path) == {"collaborations.csv", "own.json"}


@pytest.mark.parametrize("raised", [KeyboardInterrupt, RuntimeError])
@pytest.mark.parametrize("existing", [True, False])
def test_an_export_interrupted_inside_the_writer_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, raised: type[BaseException], existing: bool
) -> None:
    out = tmp_path / "rows.csv"
    if existing:
        out.write_bytes(b"the old table\n")
    real = _cli._write_csv

    def interrupted(rows: Any, schema: Any, handle: Any) -> int:
        real(rows, schema, handle)
        handle.write("x" * 100_000)  # more than any buffer: part of it reaches the disk
        handle.flush()
        raise raised

    monkeypatch.setattr(_cli.export, "_write_csv", interrupted)
    with pytest.raises(raised):
        run("export", "-o", str(out))
    if existing:
        assert out.read_bytes() == b"the old table\n"
        assert names(tmp_path) == {"rows.csv"}
    else:
        assert names(tmp_path) == set()


# -- export and plot: never over their own input ----------------------------------------------


def test_an_export_onto_its_own_input_is_refused_and_the_input_is_unchanged(
    tmp_path: Path,
) -> None:
    source = tmp_path / "in.jsonl"
    batch.write_jsonl(collaborations(3), source)
    before = source.read_bytes()
    code, out, err = run("export", str(source), "--format", "jsonl", "-o", str(source))
    assert code == 2
    assert out == ""
    assert "is the input" in err
    assert source.read_bytes() == before
    # Through another name for the same file too: a symbolic link and a hard link.
    (tmp_path / "link.jsonl").symlink_to(source)
    os.link(source, tmp_path / "hard.jsonl")
    for other in ("link.jsonl", "hard.jsonl"):
        code, _, err = run("export", str(source), "--format", "jsonl", "-o", str(tmp_path / other))
        assert code == 2, other
        assert source.read_bytes() == before
    assert names(tmp_path) == {"in.jsonl", "link.jsonl", "hard.jsonl"}


def test_an_export_over_a_document_of_the_folder_it_reads_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    (first, *_) = batch.write_folder(collaborations(2), folder)
    before = first.read_bytes()
    code, _, err = run("export", str(folder), "--format", "jsonl", "-o", str(first))
    assert code == 2
    assert "is the input" in err
    assert first.read_bytes() == before
    # Another file in the folder, not read as a document, may be written.
    code, _, _ = run("export", str(folder), "-o", str(folder / "rows.csv"))
    assert code == 0


def test_a_plot_onto_its_own_input_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "figure.svg"  # a JSON document, whatever its name says
    frivillig.dump(frivillig.load_example(), source)
    before = source.read_bytes()
    code, _, err = run("plot", "satisfaction", str(source), "-o", str(source))
    assert code == 2
    assert "is the input" in err
    assert source.read_bytes() == before


def test_an_export_that_cannot_write_says_so_without_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    code, _, err = run("export", "-o", str(blocker / "rows.csv"))
    assert code == 1
    assert f"cannot write {blocker / 'rows.csv'}" in err
    code, _, err = run("export", "--format", "csv", "-o", str(tmp_path))  # a folder
    assert code == 1
    assert "cannot write" in err
    assert names(tmp_path) == {"a-file"}


# -- the library's writers --------------------------------------------------------------------


def test_write_jsonl_failing_midway_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "all.jsonl"
    batch.write_jsonl(collaborations(2), path)
    before = path.read_bytes()

    def failing() -> Iterator[frivillig.Collaboration]:
        yield from collaborations(20, seed=8)  # far more than a buffer: written in part
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        batch.write_jsonl(failing(), path)
    assert path.read_bytes() == before
    with pytest.raises(frivillig.ArgumentTypeError):
        batch.write_jsonl([*collaborations(20, seed=8), "not a collaboration"], path)  # type: ignore[list-item]
    assert path.read_bytes() == before
    assert names(tmp_path) == {"all.jsonl"}


@pytest.mark.skipif(sys.platform == "win32", reason="Windows cannot replace a file open")
def test_write_jsonl_can_rewrite_the_file_it_reads(tmp_path: Path) -> None:
    path = tmp_path / "all.jsonl"
    written = collaborations(4)
    batch.write_jsonl(written, path)
    before = path.read_bytes()
    # The reader keeps the old file open while the new one is written beside it.
    assert batch.write_jsonl(batch.iter_collaborations(path, report=batch.BatchReport()), path) == 4
    assert path.read_bytes() == before
    assert names(tmp_path) == {"all.jsonl"}


@pytest.mark.skipif(sys.platform == "win32", reason="Windows cannot replace a file open")
@pytest.mark.parametrize("writer", ["dump", "write_jsonl", "write_folder"])
def test_a_reader_of_the_old_file_never_sees_a_partial_new_one(tmp_path: Path, writer: str) -> None:
    example = frivillig.load_example()
    other = collaborations(1, seed=9)[0]
    path = tmp_path / f"{example.id}.json"
    frivillig.dump(example, path)
    before = path.read_bytes()
    with path.open("rb") as reader:
        if writer == "dump":
            frivillig.dump(other, path)
        elif writer == "write_jsonl":
            batch.write_jsonl([other], path)
        else:
            batch.write_folder([example], tmp_path, indent=None)
        # The old file was replaced, not rewritten in place: its reader still reads all of it.
        assert reader.read() == before
    assert path.read_bytes() != before
    assert names(tmp_path) == {path.name}


def test_dump_that_cannot_make_the_file_durable_leaves_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "c.json"
    frivillig.dump(frivillig.load_example(), path)
    before = path.read_bytes()

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space left"):
        frivillig.dump(frivillig.load_example("limits_broken"), path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert names(tmp_path) == {"c.json"}


def test_written_files_keep_sensible_permissions(tmp_path: Path) -> None:
    fresh = tmp_path / "new.json"
    frivillig.dump(frivillig.load_example(), fresh)
    assert stat.S_IMODE(fresh.stat().st_mode) == new_file_mode(tmp_path)
    kept = tmp_path / "kept.jsonl"
    kept.write_bytes(b"")
    kept.chmod(0o640)
    batch.write_jsonl(collaborations(1), kept)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    # A symbolic link is written through, as open() would: the link stays a link.
    target = tmp_path / "real.json"
    frivillig.dump(frivillig.load_example(), target)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    frivillig.dump(frivillig.load_example("limits_broken"), link)
    assert link.is_symlink()
    assert frivillig.load(target) == frivillig.load_example("limits_broken")


def test_an_export_to_a_fifo_writes_into_it_and_leaves_it_a_fifo(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "rows.csv"
    os.mkfifo(fifo)
    # A reader is there first, so the export can open the FIFO at once; its one row fits
    # in the pipe's buffer, so nothing waits.
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        code, _, _ = run("export", "-o", str(fifo))
        received = os.read(reader, 1 << 16)
    finally:
        os.close(reader)
    assert code == 0
    assert received.startswith(b"collaboration_id,")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert names(tmp_path) == {"rows.csv"}


@pytest.mark.skipif(not LINUX, reason="needs /proc/self/fd")
def test_the_standard_output_by_name_is_written_in_place(tmp_path: Path) -> None:
    # "-o /dev/stdout" with the output sent to a file: that file is written, not replaced.
    path = tmp_path / "out.csv"
    with path.open("wb") as shell_opened:
        before = os.fstat(shell_opened.fileno()).st_ino
        code, _, _ = run(
            "export", "--format", "csv", "-o", f"/proc/self/fd/{shell_opened.fileno()}"
        )
    assert code == 0
    assert path.stat().st_ino == before
    assert path.read_bytes().startswith(b"collaboration_id,")
    assert names(tmp_path) == {"out.csv"}


# -- plot: the figure is written whole ----------------------------------------------------------


def test_a_plot_failing_while_it_saves_leaves_the_old_figure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("matplotlib")
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    out = tmp_path / "figure.png"
    assert run("plot", "satisfaction", "-o", str(out))[0] == 0
    before = out.read_bytes()

    real = FigureCanvasAgg.print_png

    def broken(self: Any, target: Any, **kwargs: Any) -> None:
        if isinstance(target, io.BytesIO):  # matplotlib's own trial run, to lay out
            own = {name: kwargs[name] for name in ("metadata", "pil_kwargs") if name in kwargs}
            return real(self, target, **own)
        if isinstance(target, str | os.PathLike):
            with open(target, "wb") as handle:
                handle.write(b"\x89PNG half a figure")
        else:
            target.write(b"\x89PNG half a figure")
        message = "the drawing failed"
        raise RuntimeError(message)

    monkeypatch.setattr(FigureCanvasAgg, "print_png", broken)
    with pytest.raises(RuntimeError, match="the drawing failed"):
        run("plot", "factor-profile", "-o", str(out))
    assert out.read_bytes() == before
    assert names(tmp_path) == {"figure.png"}


@pytest.mark.parametrize("dpi", ["0", "-5", "9", "601", "100000", "lots"])
def test_plot_refuses_a_resolution_out_of_range(tmp_path: Path, dpi: str) -> None:
    out = tmp_path / "figure.png"
    code, _, err = run("plot", "satisfaction", "-o", str(out), f"--dpi={dpi}")
    assert code == 2
    assert "10 to 600" in err
    assert "Traceback" not in err
    assert not out.exists()


def test_plot_help_states_the_resolution_range() -> None:
    code, out, _ = run("plot", "--help")
    assert code == 0
    assert "10 to 600" in " ".join(out.split())


@pytest.mark.parametrize("dpi", ["10", "600"])
def test_plot_accepts_the_ends_of_the_resolution_range(tmp_path: Path, dpi: str) -> None:
    pytest.importorskip("matplotlib")
    out = tmp_path / "figure.png"
    code, _, err = run("plot", "satisfaction", "-o", str(out), "--dpi", dpi)
    assert (code, err) == (0, "")
    assert out.read_bytes().startswith(b"\x89PNG")


# -- a killed process -----------------------------------------------------------------------------

_KILLED_WRITER = """
import sys
from frivillig import batch, synthetic

def then_wait():
    for index, collaboration in enumerate(synthetic.iter_collaborations(5, 40)):
        yield collaboration
        if index == 30:  # thirty documents written, far more than a buffer holds
            print("written", flush=True)
            sys.stdin.read()  # wait here until killed

batch.write_jsonl(then_wait(), sys.argv[1])
"""

_KILLED_EXPORT = """
import sys
from frivillig import _cli

real = _cli._write_csv

def then_wait(rows, schema, handle):
    real(rows, schema, handle)
    handle.write("x" * 100_000)
    handle.flush()
    print("written", flush=True)
    sys.stdin.read()  # wait here until killed

_cli.export._write_csv = then_wait
_cli.main(["export", "-o", sys.argv[1]])
"""


def open_files_of(pid: int) -> list[os.stat_result]:
    found = []
    for name in os.listdir(f"/proc/{pid}/fd"):
        try:
            found.append(os.stat(f"/proc/{pid}/fd/{name}"))
        except OSError:
            continue
    return found


@pytest.mark.skipif(not LINUX, reason="needs SIGKILL and /proc")
@pytest.mark.parametrize("script", [_KILLED_WRITER, _KILLED_EXPORT], ids=["write_jsonl", "export"])
def test_a_process_killed_mid_write_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, script: str
) -> None:
    path = tmp_path / "out.csv"
    path.write_bytes(b"the old content\n")
    process = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline() == "written\n"  # it blocks until the writer is there
        # Part of the output is on disk, in a file the process has open.
        sizes = [info.st_size for info in open_files_of(process.pid) if stat.S_ISREG(info.st_mode)]
        assert max(sizes) >= 100_000
    finally:
        process.kill()
        process.communicate()
    assert process.returncode == -9
    assert path.read_bytes() == b"the old content\n"
    assert names(tmp_path) == {"out.csv"}


# -- the atomic writer itself -----------------------------------------------------------------


def test_the_writer_falls_back_to_a_named_temporary_file_and_cleans_it_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = importlib.import_module("frivillig._core.files")
    monkeypatch.setattr(files, "_ANONYMOUS", False)
    path = tmp_path / "out.txt"
    path.write_bytes(b"old\n")
    path.chmod(0o640)
    seen: list[set[str]] = []

    def interrupted() -> None:
        with files.replacing_text(path) as handle:
            handle.write("new, in part\n" * 10_000)
            handle.flush()
            seen.append(names(tmp_path))
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        interrupted()
    assert len(seen[0]) == 2  # the temporary file was there, beside the old one
    assert path.read_bytes() == b"old\n"
    assert names(tmp_path) == {"out.txt"}
    with files.replacing_binary(path) as raw:
        raw.write(b"new\n")
    assert path.read_bytes() == b"new\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert names(tmp_path) == {"out.txt"}
    fresh = tmp_path / "fresh.txt"
    with files.replacing_text(fresh) as handle:
        handle.write("æøå\n")
    assert fresh.read_text(encoding="utf-8") == "æøå\n"
    assert stat.S_IMODE(fresh.stat().st_mode) == new_file_mode(tmp_path)


@pytest.mark.skipif(not LINUX, reason="the anonymous temporary file is Linux's O_TMPFILE")
def test_the_writer_copies_an_anonymous_file_it_cannot_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = importlib.import_module("frivillig._core.files")

    def refused(*args: Any, **kwargs: Any) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", refused)
    path = tmp_path / "out.txt"
    with files.replacing_text(path) as handle:
        handle.write("whole\n" * 100_000)
    assert path.read_text(encoding="utf-8") == "whole\n" * 100_000
    assert names(tmp_path) == {"out.txt"}


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write any file"
)
def test_the_writer_refuses_a_read_only_file_as_open_would(tmp_path: Path) -> None:
    files = importlib.import_module("frivillig._core.files")
    path = tmp_path / "kept.txt"
    path.write_bytes(b"kept\n")
    path.chmod(0o444)
    with pytest.raises(PermissionError), files.replacing_text(path):
        pass
    assert path.read_bytes() == b"kept\n"
    assert names(tmp_path) == {"kept.txt"}


def test_the_writer_names_the_input_it_would_overwrite(tmp_path: Path) -> None:
    files = importlib.import_module("frivillig._core.files")
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"")
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.json").write_bytes(b"{}")
    assert files.overwrites(source, source)
    assert files.overwrites(tmp_path / "." / "in.jsonl", source)
    assert not files.overwrites(tmp_path / "out.jsonl", source)
    assert files.overwrites(folder / "a.json", folder)
    assert not files.overwrites(folder / "b.json", folder)  # not there, so not read
    assert not files.overwrites(folder / "rows.csv", folder)
    assert files.overwrites(folder, folder)
    assert not files.overwrites(source, None)


# -- reading: no more than the limit -------------------------------------------------------------

LIMIT = 256 * 1024


def huge(size: int) -> bytes:
    return b'{"title": "' + b"x" * size + b'"}'


def read_with_peak(source: Path, limits: frivillig.LoadLimits) -> tuple[list[Any], int]:
    """Everything read from a source, and the most memory the reading held at once.

    It reads twice, measuring the second time, so that what the first read sets up
    once (imports, the loader's decoders) is not counted.
    """
    list(batch.iter_documents(source, limits=limits))
    tracemalloc.start()
    try:
        found = list(batch.iter_documents(source, limits=limits))
        return found, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_file_over_the_limit_is_not_read_whole(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "big.json").write_bytes(huge(20 * LIMIT))
    found, peak = read_with_peak(folder, frivillig.LoadLimits(max_bytes=LIMIT))
    assert peak < 4 * LIMIT  # reading it whole would take 20 times the limit
    (bad,) = found
    assert isinstance(bad, BadDocument)
    assert bad.problems[0].code == "size"
    assert "LoadLimits.max_bytes" in bad.problems[0].message


def test_a_json_lines_line_over_the_limit_is_skipped_without_being_held(tmp_path: Path) -> None:
    good = collaborations(2)
    path = tmp_path / "all.jsonl"
    path.write_bytes(
        frivillig.dumps(good[0]).encode() + b"\n" + huge(20 * LIMIT) + b"\n"
        + frivillig.dumps(good[1]).encode() + b"\n" + huge(3 * LIMIT)
    )  # fmt: skip
    found, peak = read_with_peak(path, frivillig.LoadLimits(max_bytes=LIMIT))
    assert peak < 4 * LIMIT  # reading the long line whole would take 20 times the limit
    assert found[0] == good[0]
    assert found[2] == good[1]
    for item, line in ((found[1], 2), (found[3], 4)):
        assert isinstance(item, BadDocument)
        assert item.line == line
        assert item.problems[0].code == "size"
        assert f"longer than the limit of {LIMIT} bytes" in item.problems[0].message
    assert len(found) == 4


class Counting(io.BytesIO):
    """A stream that remembers the most it returned at once."""

    most = 0

    def __next__(self) -> bytes:
        line = super().__next__()
        self.most = max(self.most, len(line))
        return line

    def readline(self, size: int | None = -1, /) -> bytes:
        line = super().readline(size)
        self.most = max(self.most, len(line))
        return line

    def read(self, size: int | None = -1, /) -> bytes:
        data = super().read(size)
        self.most = max(self.most, len(data))
        return data


def test_a_stream_is_read_in_pieces_no_larger_than_the_limit() -> None:
    good = collaborations(1)[0]
    limit = 4096
    text = frivillig.dumps(good).encode()
    stream = Counting(huge(50 * limit) + b"\n" + b"[1]\n")
    limits = frivillig.LoadLimits(max_bytes=limit)
    report = batch.BatchReport()
    assert list(batch.iter_collaborations(stream, report=report, limits=limits)) == []
    # The start of a line, up to the limit, is read at once; the rest of a line too long
    # is skipped in pieces of 64 KiB, never the 200 KiB line whole.
    assert stream.most <= 64 * 1024
    assert [(bad.line, bad.problems[0].code) for bad in report.bad] == [(1, "size"), (2, "type")]
    roomy = frivillig.LoadLimits(max_bytes=len(text))
    assert list(batch.iter_documents(io.BytesIO(text + b"\n"), limits=roomy)) == [good]


def test_a_line_exactly_at_the_limit_is_read() -> None:
    good = collaborations(1)[0]
    text = frivillig.dumps(good)
    limits = frivillig.LoadLimits(max_bytes=len(text.encode()))
    for lines in (text + "\n" + text + "\n", text + "\r\n" + text + "\r\n", text + "\n" + text):
        stream = io.BytesIO(lines.encode())
        assert list(batch.iter_documents(stream, limits=limits)) == [good, good]
    stream_of_text = io.StringIO(text + "\n" + text + "x\n")
    limits = frivillig.LoadLimits(max_bytes=len(text))
    found = list(batch.iter_documents(stream_of_text, limits=limits))
    assert found[0] == good
    assert isinstance(found[1], BadDocument)
    assert "characters" in found[1].problems[0].message


def test_the_limits_must_be_load_limits(tmp_path: Path) -> None:
    with pytest.raises(frivillig.ArgumentTypeError):  # the caller's mistake, not bad data
        batch.iter_documents(tmp_path, limits=1000)  # type: ignore[arg-type]


# -- reading: entries that are not files ---------------------------------------------------------


def test_folder_entries_that_are_not_files_are_reported_not_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    (path,) = batch.write_folder(collaborations(1), folder)
    (folder / "dangling.json").symlink_to(folder / "nowhere.json")
    (folder / "nested.json").mkdir()
    fifo = folder / "pipe.json"
    if hasattr(os, "mkfifo"):
        os.mkfifo(fifo)
    found = list(batch.iter_documents(folder))
    by_name = {Path(item.source).name: item for item in found if isinstance(item, BadDocument)}
    assert by_name["dangling.json"].problems[0].message.startswith("is a symbolic link to ")
    assert "does not exist" in by_name["dangling.json"].problems[0].message
    assert by_name["nested.json"].problems[0].message.startswith("is a folder")
    if hasattr(os, "mkfifo"):
        assert "FIFO" in by_name["pipe.json"].problems[0].message
    assert {problem.code for bad in by_name.values() for problem in bad.problems} == {"io"}
    assert [item for item in found if not isinstance(item, BadDocument)] == [frivillig.load(path)]


def test_a_fifo_among_the_paths_is_reported_without_being_opened(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)

    def writer() -> None:
        # Frees a reader that opened the FIFO (it then reads nothing), so a wrong
        # implementation fails this test instead of hanging it.
        with fifo.open("wb"):
            pass

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        found = list(batch.iter_documents([fifo, fifo.with_name("missing.json")]))
    finally:
        release = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        thread.join()
        os.close(release)
    assert isinstance(found[0], BadDocument)
    assert "FIFO" in found[0].problems[0].message
    assert found[0].problems[0].code == "io"


def test_a_device_among_the_paths_is_reported(tmp_path: Path) -> None:
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null here")
    # A device is not a document; one like /dev/zero never ends.
    found = list(batch.iter_documents(["/dev/null", tmp_path / "x.jsonl"]))
    assert isinstance(found[0], BadDocument)
    assert "device" in found[0].problems[0].message
