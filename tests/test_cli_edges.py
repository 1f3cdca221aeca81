"""The edges of the command line: bad paths are refused in one line, before any model loads,
with nothing left behind; every option says what it does; a bad option shows its command."""

from __future__ import annotations

import argparse
import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.index_support import make_record
from vnpolicy.cli import build_parser, main
from vnpolicy.commands import COMMANDS
from vnpolicy.outputs.writers import write_json_atomic

TEXT = "Thực hiện Chỉ thị số 05-CT/TU ngày 07/5/2021 của Ban Thường vụ Tỉnh ủy Quảng Trị."

# Runs the CLI, then says on stdout which model libraries got imported.
NO_MODELS = """\
import sys
from vnpolicy.cli import main
code = main(sys.argv[1:])
print(sorted(m for m in ("underthesea", "spacy", "torch") if m in sys.modules))
sys.exit(code)
"""


def run_cli(*argv: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", NO_MODELS, *argv],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def listing(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "chi-thi.txt").write_text(TEXT, encoding="utf-8")
    return folder


# --- inputs: said in one line before any model loads -------------------------------------


def test_a_missing_input_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = run_cli("extract", "/nonexistent/chi-thi-05.txt", "-o", "out", cwd=tmp_path)
    assert result.returncode == 1
    assert (
        result.stderr
        == "vnpolicy: /nonexistent/chi-thi-05.txt: không tìm thấy (no such file or folder)\n"
    )
    assert result.stdout == "[]\n"  # no model library was imported
    assert listing(tmp_path) == []  # no OUTDIR made


def test_a_missing_input_beside_a_good_one_stops_the_run(tmp_path: Path, docs: Path) -> None:
    result = run_cli("extract", str(docs), "thieu.txt", "-o", "out", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "[]\n")
    assert result.stderr.splitlines() == [
        "vnpolicy: thieu.txt: không tìm thấy (no such file or folder)"
    ]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "files, skipped",
    [
        ({}, []),
        ({"bang-luong.xlsx": "x", "ghi-chu.xyz": "y"}, ["bang-luong.xlsx", "ghi-chu.xyz"]),
    ],
)
def test_no_input_files_is_said_before_any_model(tmp_path: Path, files, skipped) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = run_cli("extract", "in", "-o", "out", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "[]\n")
    lines = result.stderr.splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == [f"in/{name}" for name in skipped]
    assert lines[-1].startswith("vnpolicy: không có tệp đầu vào (no input files found; readable:")
    assert ".pdf" in lines[-1]
    assert not (tmp_path / "out").exists()


def test_a_glob_matching_nothing_is_no_input(tmp_path: Path) -> None:
    result = run_cli("extract", "docs/**/*.pdf", "-o", "out", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "[]\n")
    assert "no file matches this pattern" in result.stderr
    assert "no input files found" in result.stderr


# --- outputs: refused in one line, exit 2, nothing written --------------------------------


@pytest.mark.parametrize(
    "targets, named, cause",
    [
        (["-o", "{file}"], "{file}", "a file exists there"),
        (["-o", "{file}/ket-qua"], "{file}/ket-qua", "is a file, not a folder"),
        (["-o", "{out}", "--jsonl", "{folder}"], "{folder}", "a folder, not a file"),
        (["-o", "{out}", "--csv", "{file}/thong-ke.csv"], "{file}/thong-ke.csv", "is a file"),
        (["-o", "{out}", "--db", "{folder}"], "{folder}", "a folder, not a file"),
        (["-o", "{out}", "--db", "{file}"], "{file}", "not a vnpolicy index"),
    ],
)
def test_an_unusable_output_is_one_line_exit_2_nothing_written(
    tmp_path: Path, docs: Path, capsys, targets, named, cause
) -> None:
    file, folder = tmp_path / "ghi-chu.txt", tmp_path / "thu-muc"
    file.write_text("ghi chú", encoding="utf-8")
    folder.mkdir()
    before = listing(tmp_path)
    names = {"file": file, "folder": folder, "out": tmp_path / "out"}
    argv = ["extract", str(docs), *(t.format(**names) for t in targets), "-q"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"vnpolicy: {named.format(**names)}: ") and cause in err
    assert listing(tmp_path) == before
    assert file.read_text(encoding="utf-8") == "ghi chú"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in any folder")
def test_an_unwritable_folder_is_refused(tmp_path: Path, docs: Path, capsys) -> None:
    locked = tmp_path / "khoa"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        assert main(["extract", str(docs), "-o", str(locked / "out"), "-q"]) == 2
    finally:
        locked.chmod(0o755)
    err = capsys.readouterr().err
    assert err == f"vnpolicy: {locked / 'out'}: không có quyền ghi (permission denied: {locked})\n"
    assert listing(locked) == []


def test_a_folder_that_cannot_be_written_is_refused_and_removed(
    tmp_path: Path, docs: Path, capsys, monkeypatch
) -> None:
    """What permission bits do not show (a read-only mount, NFS) shows when writing."""
    import tempfile

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(tempfile, "TemporaryFile", read_only)
    out = tmp_path / "nfs" / "out"
    assert main(["extract", str(docs), "-o", str(out), "-q"]) == 2
    assert capsys.readouterr().err == (
        f"vnpolicy: {out}: không ghi được ({os.strerror(errno.EROFS)})\n"
    )
    assert not (tmp_path / "nfs").exists()


# --- index, search, refs, serve: one line, nothing left behind ----------------------------


def test_index_of_a_missing_folder_leaves_no_database(tmp_path: Path, capsys) -> None:
    db = tmp_path / "archive.sqlite"
    assert main(["index", str(tmp_path / "ket-qua"), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err == f"vnpolicy: {tmp_path / 'ket-qua'}: không tìm thấy (no such file or folder)\n"
    assert listing(tmp_path) == []


def test_index_of_a_folder_without_results_leaves_no_database(tmp_path: Path, capsys) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "errors.jsonl").write_text('{"source": "a.txt"}\n', encoding="utf-8")
    db = tmp_path / "archive.sqlite"
    assert main(["index", str(tmp_path / "out"), "--db", str(db)]) == 1
    assert "no *.json or *.jsonl results" in capsys.readouterr().err
    assert not db.exists()


def test_index_that_indexes_nothing_removes_what_it_made(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "hong.json").write_text('{"source": "a.txt"}', encoding="utf-8")
    db = tmp_path / "chi-muc" / "2024" / "archive.sqlite"
    assert main(["index", str(out), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "hong.json: not a vnpolicy result" in err and "not kept" in err
    assert listing(tmp_path) == ["out", "out/hong.json"]  # nor the folders made for it


def test_index_interrupted_removes_a_new_database_only(tmp_path: Path, capsys, monkeypatch) -> None:
    import vnpolicy.commands.index as index_command

    out = tmp_path / "out"
    write_json_atomic(make_record("chi-thi.txt", TEXT), out / "chi-thi.txt.json")
    old_db, new_db = tmp_path / "old.sqlite", tmp_path / "new.sqlite"
    assert main(["index", str(out), "--db", str(old_db)]) == 0
    old_bytes = old_db.read_bytes()
    write_json_atomic(make_record("khac.txt", TEXT + " Lần hai."), out / "khac.txt.json")

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(index_command, "source_text", interrupt)
    assert main(["index", str(out), "--db", str(new_db)]) == 130
    assert main(["index", str(out), "--db", str(old_db)]) == 130
    assert not new_db.exists() and not Path(f"{new_db}-journal").exists()
    assert old_db.read_bytes() == old_bytes  # a database it did not make is never removed


@pytest.mark.parametrize("command", [["search", "chi thi 05"], ["refs"], ["serve"]])
def test_a_missing_index_is_one_line_exit_1(tmp_path: Path, capsys, command) -> None:
    db = tmp_path / "archive.sqlite"
    assert main([*command, "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err == f"vnpolicy: {db}: không tìm thấy tệp chỉ mục (no such index file)\n"
    assert listing(tmp_path) == []


# --- help and usage ------------------------------------------------------------------------


def command_parsers() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    (subparsers,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return {"vnpolicy": parser, **subparsers.choices}


def test_there_is_a_parser_for_every_command() -> None:
    assert sorted(command_parsers()) == sorted(["vnpolicy", *COMMANDS])


@pytest.mark.parametrize("name", ["vnpolicy", *COMMANDS])
def test_every_option_has_help_text(name: str) -> None:
    parser = command_parsers()[name]
    for action in parser._actions:
        what = "/".join(action.option_strings) or action.dest
        assert action.help and action.help != argparse.SUPPRESS, f"{name} {what}"
        assert len(action.help.split()) >= 2, f"{name} {what}: {action.help!r}"


@pytest.mark.parametrize(
    "argv",
    [
        ["extract", "-o", "out", "--bogus"],
        ["index", "out", "--db", "a.sqlite", "--bogus"],
        ["search", "chi thi 05", "--db", "a.sqlite", "--bogus"],
        ["refs", "--db", "a.sqlite", "--bogus"],
        ["serve", "--db", "a.sqlite", "--bogus"],
    ],
)
def test_a_bad_option_shows_the_commands_usage(tmp_path: Path, capsys, argv) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"usage: vnpolicy {argv[0]} ")
    assert err.endswith(f"vnpolicy {argv[0]}: error: unrecognized arguments: --bogus\n")
    assert listing(tmp_path) == []


def test_a_bad_option_without_a_command_shows_the_top_usage(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--bogus"])
    assert exit_.value.code == 2
    assert capsys.readouterr().err.startswith("usage: vnpolicy [-h]")


def test_a_reader_that_stops_early_ends_the_command_quietly(monkeypatch, tmp_path) -> None:
    """`vnpolicy refs ... | head -1`: the closed pipe ends the command with 141, no traceback."""
    import types

    from vnpolicy import cli

    real = cli._command

    def broken_pipe(args):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(
        cli,
        "_command",
        lambda name: types.SimpleNamespace(register=real(name).register, run=broken_pipe),
    )
    with open(tmp_path / "stdout.txt", "w") as stdout:
        monkeypatch.setattr("sys.stdout", stdout)
        assert cli.main(["refs", "--db", str(tmp_path / "archive.sqlite")]) == 141
