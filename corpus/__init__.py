"""Reading documents: files in many formats -> `Document` (text as read, source, format, pages)."""

if __name__ != "vnpolicy.corpus":  # pragma: no cover - a guard, not behaviour
    # This folder is installed as `vnpolicy.corpus`; importing it as `corpus` would shadow (or be
    # shadowed by) PyPI's package of that name and register the spaCy components twice.
    raise ImportError("`corpus` is part of vnpolicy: import `vnpolicy.corpus`")


from vnpolicy.corpus.document import Document, ReadError
from vnpolicy.corpus.readers import SUPPORTED_SUFFIXES, read_document
from vnpolicy.corpus.walk import iter_input_files

__all__ = ["Document", "ReadError", "SUPPORTED_SUFFIXES", "iter_input_files", "read_document"]
