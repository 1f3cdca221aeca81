"""Objects that take seconds to build, kept on disk between runs (a cache, never a source).

Start-up used to rebuild the same things on every run: the word segmenter's weight tables
(read from underthesea's model files by a pure-Python unpickler), the segmenter's self-check
against `word_tokenize` (which loads underthesea's own model a second time) and the unit
patterns built from the gazetteers and vocabularies. Here each is
stored under `cache_dir()` (`$VNPOLICY_CACHE_DIR`, else `$XDG_CACHE_HOME/vnpolicy`, else
`~/.cache/vnpolicy`) in a file named by a key: a hash of the vnpolicy and Python versions
and of the size and modification time of every file the object was built from, so an
update of vnpolicy, underthesea or a data file builds a new entry (and drops the old one).

A cache file is written to a temporary name and renamed into place (a reader never sees half
of one). One that cannot be read (truncated, garbled, from another build) is rebuilt and
rewritten; a cache folder that cannot be written only costs the rebuild. `VNPOLICY_CACHE=0`
turns it off (and the gazetteer's, `vnpolicy.extractors.gazetteer`); `off` turns off this one.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")

#: Bump when the layout of any cached object changes.
CACHE_FORMAT = 1


def enabled() -> bool:
    return os.environ.get("VNPOLICY_CACHE", "").lower() not in ("0", "off", "no", "false")


def cache_dir() -> Path:
    """`$VNPOLICY_CACHE_DIR`, else `$XDG_CACHE_HOME/vnpolicy`, else `~/.cache/vnpolicy`."""
    explicit = os.environ.get("VNPOLICY_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "vnpolicy"


def _package_version() -> str:
    from vnpolicy import __version__

    return __version__


def cache_key(*parts: object, files: Iterable[str | os.PathLike] = ()) -> str:
    """A short hash of `parts`, the vnpolicy and Python versions and, for each of `files`,
    its path, size and modification time (a file that is missing counts as such)."""
    digest = hashlib.sha256()
    for part in (CACHE_FORMAT, _package_version(), sys.version, *parts):
        digest.update(repr(part).encode("utf-8", "surrogatepass") + b"\0")
    for name in files:
        try:
            stat = os.stat(name)
            digest.update(f"{name}:{stat.st_size}:{stat.st_mtime_ns}\0".encode())
        except OSError:
            digest.update(f"{name}:missing\0".encode())
    return digest.hexdigest()[:24]


def module_files(*modules: str) -> list[str]:
    """The source files of `modules` (so an edit of one builds a new cache entry)."""
    import importlib.util

    out = []
    for name in modules:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin:
            out.append(spec.origin)
    return out


def _path(name: str, key: str) -> Path:
    return cache_dir() / f"{name}-{key}.pickle"


def read(name: str, key: str) -> Any:
    """The object stored as `name` under `key`; `KeyError` when there is none that loads."""
    if not enabled():
        raise KeyError(name)
    path = _path(name, key)
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except FileNotFoundError:
        raise KeyError(name) from None
    except Exception as exc:  # noqa: BLE001 - a damaged entry is rebuilt, whatever the damage
        log.info("vnpolicy cache: %s unreadable (%s: %s), rebuilt", path, type(exc).__name__, exc)
        raise KeyError(name) from None


def write(name: str, key: str, value: Any) -> bool:
    """Store `value` atomically (older entries of `name` are removed); False if it could not."""
    if not enabled():
        return False
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, _path(name, key))
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        entry = re.compile(rf"{re.escape(name)}-[0-9a-f]{{24}}\.pickle")
        for old in folder.glob(f"{name}-*.pickle"):
            if old.name != _path(name, key).name and entry.fullmatch(old.name):
                with contextlib.suppress(OSError):
                    old.unlink()
        return True
    except (OSError, pickle.PicklingError, TypeError, AttributeError) as exc:
        log.info("vnpolicy cache: cannot write %s (%s: %s)", name, type(exc).__name__, exc)
        return False


def load_or_build(name: str, key: str, build: Callable[[], T]) -> T:
    """The cached `name` for `key`, else `build()` (stored for the next run)."""
    try:
        return read(name, key)
    except KeyError:
        pass
    value = build()
    write(name, key, value)
    return value


# -- the word segmenter -------------------------------------------------------------------------


def _segmenter_files(model_dir: Path) -> list[str]:
    names = ("features.bin", "dictionary.bin", "models.bin")
    return [str(model_dir / n) for n in names] + module_files(
        "vnpolicy.nlp.crf", "vnpolicy.nlp.segment", "underthesea_core"
    )


def _versions() -> tuple[str, ...]:
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for name in ("underthesea", "underthesea_core"):
        try:
            out.append(version(name))
        except PackageNotFoundError:
            out.append("-")
    return tuple(out)


def segmenter(model_dir: Path | None = None):
    """`vnpolicy.nlp.crf.Segmenter(model_dir)`, its tables read from the cache when the model
    files, underthesea and vnpolicy are those it was built from."""
    from vnpolicy.nlp.crf import Segmenter, _model_dir

    model_dir = Path(model_dir or _model_dir())
    key = cache_key("segmenter", str(model_dir), _versions(), files=_segmenter_files(model_dir))
    return load_or_build("segmenter", key, lambda: Segmenter(model_dir))


def verified(
    name: str,
    model_dir: Path | None,
    check: Callable[[], str | None],
    modules: Iterable[str] = (),
) -> str | None:
    """`check()` (None: passed), skipped when it passed before on the same model files,
    underthesea, vnpolicy and source of `modules`: a pass is remembered, a failure never."""
    from vnpolicy.nlp.crf import _model_dir

    try:
        model_dir = Path(model_dir or _model_dir())
    except Exception:  # noqa: BLE001 - no model folder: nothing to key the answer on
        return check()
    files = _segmenter_files(model_dir) + module_files(*modules)
    key = cache_key(name, str(model_dir), _versions(), files=files)
    try:
        if read(name, key) == "passed":
            return None
    except KeyError:
        pass
    difference = check()
    if difference is None:
        write(name, key, "passed")
    return difference
