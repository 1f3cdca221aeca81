"""Expand the CLI's inputs (files, folders, globs) into the files to read, in a stable order."""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path

from vnpolicy.corpus.readers import SUPPORTED_SUFFIXES

_GLOB_CHARS = set("*?[")


def _skip_reason(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in SUPPORTED_SUFFIXES:
        return None
    return f"unsupported file type {suffix or '(no suffix)'}"


def _is_hidden(path: Path, root: Path) -> bool:
    """Dot files and folders, and Office lock files ("~$bao-cao.docx"), under `root`."""
    parts = path.relative_to(root).parts
    return any(p.startswith(".") for p in parts) or path.name.startswith("~$")


def _walk_folder(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*"), key=lambda p: p.relative_to(root).parts):
        if path.is_file() and not _is_hidden(path, root):
            yield path


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str | None]]:
    """Yield `(path, None)` for each readable file and `(path, reason)` for each skipped one.

    Folders are walked recursively in sorted order (hidden files skipped), globs expanded
    (`docs/**/*.pdf`), each file yielded once. A file named explicitly with an unsupported
    suffix, or a name that matches nothing, comes back with its reason so the CLI can say
    what it skipped: `(Path("bang-luong.xlsx"), "unsupported file type .xlsx")`.
    """
    seen: set[Path] = set()

    def emit(path: Path, reason: str | None) -> Iterator[tuple[Path, str | None]]:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            yield path, reason

    for item in paths:
        path = Path(item)
        text = str(item)
        if path.is_dir():
            for file in _walk_folder(path):
                yield from emit(file, _skip_reason(file))
        elif path.is_file():
            yield from emit(path, _skip_reason(path))
        elif _GLOB_CHARS & set(text):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                yield from emit(path, "no file matches this pattern")
            for match in matches:
                found = Path(match)
                if found.is_dir():
                    for file in _walk_folder(found):
                        yield from emit(file, _skip_reason(file))
                elif found.is_file():
                    yield from emit(found, _skip_reason(found))
        else:
            yield from emit(path, "no such file or folder")
