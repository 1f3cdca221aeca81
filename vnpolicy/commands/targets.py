"""What a user names on the command line: inputs that must exist, outputs that must be writable.

Each check returns the cause as a short bilingual phrase (or None when all is well) and writes
nothing, so a command can refuse in one line before it loads a model or creates a file:
`vnpolicy: /nonexistent: không tìm thấy (no such file or folder)`.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

NOT_FOUND = "không tìm thấy (no such file or folder)"
NO_INDEX = "không tìm thấy tệp chỉ mục (no such index file)"
_GLOB_CHARS = set("*?[")


def say(path: Path | str, cause: str) -> None:
    """The one line on stderr for a path a command cannot use: `vnpolicy: out.txt: <cause>`."""
    print(f"vnpolicy: {path}: {cause}", file=sys.stderr)


def missing_inputs(paths: list[str | Path], globs: bool = True) -> list[str | Path]:
    """The inputs that name nothing: not a file, not a folder, nor (with `globs`) a pattern,
    which is the walk's business. `["docs/", "/nonexistent"]` -> `["/nonexistent"]`."""
    return [
        p for p in paths if not os.path.lexists(p) and not (globs and _GLOB_CHARS & set(str(p)))
    ]


def nearest_existing(path: Path) -> Path:
    """`path` made absolute if it exists, else its nearest existing parent folder (or file)."""
    path = path.absolute()
    while not os.path.lexists(path) and path != path.parent:
        path = path.parent
    return path


def _folder_problem(folder: Path) -> str | None:
    """Why files cannot be written in `folder` (existing or to be created), or None."""
    existing = nearest_existing(folder)
    if not existing.is_dir():
        return f"không tạo được thư mục ({existing} is a file, not a folder)"
    if not os.access(existing, os.W_OK | os.X_OK):
        return f"không có quyền ghi (permission denied: {existing})"
    return None


def output_dir_problem(path: Path) -> str | None:
    """Why OUTDIR cannot take the results, or None; creates nothing.

    An existing file is refused (results never go over it), as is a folder that cannot be
    created or written: `out.txt` -> `đã có tệp tên này (a file exists there, not a folder)`.
    """
    if os.path.lexists(path) and not path.is_dir():
        return "đã có tệp tên này (a file exists there, not a folder)"
    return _folder_problem(path)


def output_file_problem(path: Path) -> str | None:
    """Why a file such as `--jsonl all.jsonl` cannot be written, or None; creates nothing."""
    if path.is_dir():
        return "là một thư mục (a folder, not a file)"
    if path.exists():
        return None if os.access(path, os.W_OK) else "không có quyền ghi (permission denied)"
    return _folder_problem(path.parent)


def make_output_dir(path: Path) -> str | None:
    """Create OUTDIR and try writing in it (a file made and removed at once); the cause on
    failure, else None, and then no folder made is left. Catches what permission bits do not
    tell: a read-only mount, NFS."""
    existed_up_to = nearest_existing(path)
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as err:
        remove_made_folders(path, existed_up_to)
        return f"không ghi được ({err.strerror or type(err).__name__})"
    return None


def remove_made_folders(folder: Path, existed_up_to: Path) -> None:
    """Remove `folder` and its parents up to, not including, `existed_up_to` (what
    `nearest_existing` said before they were made), each only if empty."""
    folder = folder.absolute()
    while folder != existed_up_to and folder != folder.parent:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def index_file_problem(path: Path) -> tuple[int, str] | None:
    """(exit status, cause) when `--db` of `search`, `refs` or `serve` cannot be read, else
    None: a missing file is 1 (like a missing input), a folder in its place 2."""
    if not os.path.lexists(path):
        return 1, NO_INDEX
    if path.is_dir():
        return 2, "là một thư mục, không phải tệp chỉ mục (a folder, not an index file)"
    return None
