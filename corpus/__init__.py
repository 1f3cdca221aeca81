"""Reading documents: files in many formats -> `Document` (text as read, source, format, pages)."""

from corpus.document import Document, ReadError
from corpus.readers import SUPPORTED_SUFFIXES, read_document
from corpus.walk import iter_input_files

__all__ = ["Document", "ReadError", "SUPPORTED_SUFFIXES", "iter_input_files", "read_document"]
