"""Reading results back: every `vnpolicy` result record under folders of JSON and JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path


def iter_result_records(
    paths: list[Path], skip: frozenset[str] = frozenset()
) -> Iterator[tuple[str, dict | None, str | None]]:
    """(where, record, error) for each result under `paths` (`*.json` files, lines of
    `*.jsonl` files; folders walked in sorted order); in folders, files named in `skip` and
    hidden files are passed over. `error` says in a few words why a file is not a result."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(
                p
                for p in path.rglob("*")
                if p.suffix in (".json", ".jsonl")
                and p.name not in skip
                and not p.name.startswith(".")
                and p.is_file()
            )
        elif path.is_file():
            files.append(path)
        else:
            yield str(path), None, "no such file or folder"
    for file in files:
        try:
            content = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            yield str(file), None, f"cannot read ({err})"
            continue
        lines = content.splitlines() if file.suffix == ".jsonl" else [content]
        for number, line in enumerate(lines, 1):
            where = f"{file}:{number}" if file.suffix == ".jsonl" else str(file)
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                yield where, None, f"not JSON ({err.msg} at line {err.lineno})"
                continue
            if not isinstance(record, dict) or not isinstance(record.get("document"), dict):
                yield where, None, "not a vnpolicy result (no document object)"
                continue
            yield where, record, None
