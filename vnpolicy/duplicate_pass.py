"""The near-duplicate pass of a batch: `document.duplicate_of` and `OUTDIR/duplicates.csv`.

Runs after the documents, on the fingerprints the run manifest holds (`vnpolicy.resume`),
streamed into a `vnpolicy.corpus.duplicates.FingerprintStore` on disk, so memory holds a few
blocks of fingerprints whatever the size of the archive. A rerun that wrote nothing over the
same inputs skips it (`OUTDIR/.duplicates-state` remembers the inputs of the last pass).
"""

from __future__ import annotations

import base64
import csv
import io
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from vnpolicy.faults import stop_if_disk_full
from vnpolicy.outputs.writers import write_json_atomic, write_text_atomic
from vnpolicy.resume import Manifest, output_seal

DUPLICATES_NAME = "duplicates.csv"
DUPLICATES_STATE = ".duplicates-state"


def duplicate_pass(
    outdir: Path, manifest: Manifest, keys: list[str], digest: str, written: int, jsonl=None
) -> int:
    """`mark_duplicates`, skipped when this run wrote nothing (`written`) and its inputs
    (`digest` of their names and bytes) are those of the last pass, whose result is still
    there; returns the number of duplicates."""
    state_path = outdir / DUPLICATES_STATE
    if written == 0 and (outdir / DUPLICATES_NAME).exists():
        try:
            state = json.loads(state_path.read_text(encoding="utf-8"))
            if state.get("inputs") == digest and isinstance(state.get("duplicates"), int):
                return state["duplicates"]
        except (OSError, ValueError, AttributeError):
            pass
    state_path.unlink(missing_ok=True)
    count = mark_duplicates(outdir, manifest, keys, jsonl)
    with stop_if_disk_full(state_path):
        write_text_atomic(state_path, json.dumps({"inputs": digest, "duplicates": count}) + "\n")
    return count


def _read_marked(path: Path) -> dict[str, str]:
    """output -> duplicate_of in a previous `duplicates.csv` (marks that may need clearing)."""
    if not path.exists():
        return {}
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return {
                row["output"]: row["duplicate_of"]
                for row in csv.DictReader(handle)
                if row.get("output")
            }
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        print(f"vnpolicy: {path}: unreadable ({type(exc).__name__}), rewritten", file=sys.stderr)
        return {}


def mark_duplicates(
    outdir: Path, manifest: Manifest, keys: list[str], jsonl: Path | None = None
) -> int:
    """The near-duplicate pass over this run's documents (fingerprints from the manifest).

    Sets `document.duplicate_of` in each copy's JSON (and removes a mark that no longer
    holds), rewriting only the files that change (and recording their new size and hash in
    the manifest), and writes `OUTDIR/duplicates.csv` (`source,duplicate_of,similarity,
    output`). A JSON that cannot be read is left alone with one warning line (the next run
    redoes it). Returns the number of duplicates.
    """
    from vnpolicy.corpus.duplicates import FingerprintStore, find_duplicates

    with FingerprintStore(len(keys), folder=str(outdir)) as store:
        source_of = _stored_fingerprints(manifest, keys, store)
        order = [k for k in keys if k in source_of]
        found = find_duplicates(keys, store)
    wanted = {d.source: source_of[d.duplicate_of] for d in found}  # output -> canonical source
    csv_path = outdir / DUPLICATES_NAME
    previous = _read_marked(csv_path)
    current = set(keys)
    rewritten = [
        key
        for key in sorted((set(wanted) | set(previous)) & current)
        if _set_duplicate_of(outdir / key, wanted.get(key))
    ]
    _reseal(outdir, manifest, rewritten)
    if jsonl is not None and (wanted or previous):
        by_source = {source_of[k]: wanted.get(k) for k in order}
        with stop_if_disk_full(jsonl):
            _patch_jsonl(jsonl, by_source)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["source", "duplicate_of", "similarity", "output"])
    for d in found:
        writer.writerow(
            [source_of[d.source], source_of[d.duplicate_of], f"{d.similarity:.4f}", d.source]
        )
    with stop_if_disk_full(csv_path):
        write_text_atomic(csv_path, buffer.getvalue())
    return len(found)


def _stored_fingerprints(manifest: Manifest, keys: list[str], store) -> dict[str, str]:
    """Put the fingerprint of each of `keys` as last recorded `ok` in the manifest into
    `store` (at the key's position; streamed, two passes); returns output -> source."""
    from vnpolicy.corpus.duplicates import fingerprint_from_bytes
    from vnpolicy.resume import iter_manifest

    manifest.close()
    position = {key: i for i, key in enumerate(keys)}
    latest: dict[str, int] = {}  # output -> line of its last row, if `ok`
    for line, row in enumerate(iter_manifest(manifest.path)):
        if row["output"] in position:
            if row["status"] == "ok":
                latest[row["output"]] = line
            else:
                latest.pop(row["output"], None)
    source_of: dict[str, str] = {}
    for line, row in enumerate(iter_manifest(manifest.path)):
        key = row["output"]
        if latest.get(key) == line:
            source_of[key] = str(row.get("source") or key)
            data = base64.b64decode(row["fingerprint"])
            store.put(position[key], fingerprint_from_bytes(data))
    return source_of


def _set_duplicate_of(path: Path, canonical: str | None) -> bool:
    """Mark (or unmark) one JSON; True when the file was rewritten."""
    if not path.exists():
        return False
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        document = record.setdefault("document", {})
    except (OSError, ValueError, AttributeError) as exc:  # ValueError: JSON, UTF-8
        print(
            f"{path}: damaged output ({type(exc).__name__}), not marked; a rerun redoes it",
            file=sys.stderr,
        )
        return False
    if document.get("duplicate_of") == canonical:
        return False
    if canonical is None:
        document.pop("duplicate_of", None)
    else:
        document["duplicate_of"] = canonical
    with stop_if_disk_full(path):
        write_json_atomic(record, path)
    return True


def _reseal(outdir: Path, manifest: Manifest, keys: list[str]) -> None:
    """Record the new size and hash of outputs the duplicate pass rewrote (else the next run
    would take them for damaged). Killed before this, a rerun just redoes them."""
    if not keys:
        return
    rows = manifest.rows(set(keys))
    for key in keys:
        if key in rows:
            size, digest = output_seal(outdir / key)
            row = {**rows[key], "output_size": size, "output_sha256": digest}
            row["time"] = datetime.now(UTC).isoformat(timespec="seconds")
            with stop_if_disk_full(manifest.path):
                manifest.record(row)


def _patch_jsonl(path: Path, canonical_of: dict[str, str | None]) -> None:
    """Rewrite the JSON Lines file (streamed, atomically) with the duplicate marks, if any
    line changes; a line that is not JSON is copied as it is."""
    tmp = path.with_name(f".{path.name}.dup.tmp")
    changed = False
    try:
        with open(path, encoding="utf-8") as src, open(tmp, "w", encoding="utf-8") as dst:
            for line in src:
                try:
                    record = json.loads(line)
                    document = record.setdefault("document", {})
                except (ValueError, AttributeError):
                    dst.write(line)
                    continue
                want = canonical_of.get(record.get("source"))
                if document.get("duplicate_of") != want:
                    if want is None:
                        document.pop("duplicate_of", None)
                    else:
                        document["duplicate_of"] = want
                    line = json.dumps(record, ensure_ascii=False) + "\n"
                    changed = True
                dst.write(line)
        if changed:
            os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
