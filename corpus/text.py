"""Plain text files: UTF-8 (with or without BOM), UTF-16/32 with BOM, legacy Vietnamese.

Text is never guessed into mojibake: bytes that are neither Unicode nor a recognised
Vietnamese legacy encoding (TCVN3, VNI, Windows-1258) are a `ReadError` naming what they
look like, e.g. "not UTF-8 (byte 0xE9 at offset 5); looks like Windows-1252 / Latin-1 text".
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from vnpolicy.corpus.document import Document, ReadError
from vnpolicy.corpus.legacy_encodings import compose_nfd, decode_legacy_bytes, repair_legacy_text

# Byte order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_NEWLINES_RE = re.compile(r"\r\n?|\u2028|\u2029")


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: text whose every other byte is NUL (mostly ASCII), else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0) / (len(data) / 2)
    odd_nuls = data[1::2].count(0) / (len(data) / 2)
    if odd_nuls > 0.3 and even_nuls < 0.05:
        codec = "utf-16-le"
    elif even_nuls > 0.3 and odd_nuls < 0.05:
        codec = "utf-16-be"
    else:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _describe_8bit(data: bytes) -> str:
    """What non-UTF-8 bytes look like, for the error message."""
    decoded = data.decode("utf-8", errors="replace")
    valid = sum(ord(c) >= 0x80 and c != "\ufffd" for c in decoded)
    if valid > 2 * decoded.count("\ufffd"):
        return "damaged UTF-8 (mostly valid UTF-8 with some broken bytes)"
    high = [b for b in data if b >= 0x80]
    if sum(0x80 <= b <= 0x9F for b in high) and all(
        b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) for b in high
    ):
        return "Windows-1252 text"
    as_latin1 = data.decode("latin-1")
    letters = sum(c.isalpha() for c in as_latin1 if ord(c) >= 0x80)
    if high and letters / len(high) > 0.8:
        return "Windows-1252 / Latin-1 text"
    return "text in an unknown 8-bit encoding"


def decode_text(data: bytes, path: str | Path = "<bytes>") -> tuple[str, str, list[str]]:
    """Decode a text file's bytes -> `(text, encoding, warnings)`; raise `ReadError` if they
    are not text. Line ends become "\\n"; a BOM is dropped.

    >>> decode_text("\\ufeffNghị quyết".encode("utf-8"))[:2]
    ('Nghị quyết', 'utf-8-sig')
    """
    warnings: list[str] = []
    text: str | None = None
    encoding = "utf-8"
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as err:
                raise ReadError(path, f"invalid {name.upper()} text ({err.reason})") from None
            encoding = name
            break
    if text is None and b"\x00" in data:
        text = _bomless_utf16(data)
        if text is None:
            raise ReadError(path, "binary file, not text")
        encoding = "utf-16"
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            legacy = decode_legacy_bytes(data)
            if legacy is None:
                bad = data[err.start]
                raise ReadError(
                    path,
                    f"not UTF-8 (byte 0x{bad:02X} at offset {err.start}); looks like "
                    f"{_describe_8bit(data)}, not Vietnamese; save it as UTF-8",
                ) from None
            text, encoding = legacy
            warnings.append(f"converted from legacy Vietnamese encoding {encoding}")
    controls = len(_CONTROL_RE.findall(text))
    if "\x00" in text or controls > max(2, len(text) // 100):
        raise ReadError(path, "binary file, not text")
    if encoding in ("utf-8", "utf-8-sig"):
        repaired = repair_legacy_text(text)
        if repaired is not None:
            text, legacy_name = repaired
            encoding = f"{legacy_name} (as {encoding})"
            warnings.append(f"converted from legacy Vietnamese encoding {legacy_name}")
    text, composed = compose_nfd(text)
    if composed:
        warnings.append("decomposed Unicode (NFD) composed to NFC")
    text = _NEWLINES_RE.sub("\n", text)
    if not text.strip():
        raise ReadError(path, "empty document")
    return text, encoding, warnings


def read_text(path: str | Path) -> Document:
    """Read a plain text file: `read_text("news-001.txt").text.startswith("Bế mạc")`."""
    path = Path(path)
    text, encoding, warnings = decode_text(path.read_bytes(), path)
    return Document(
        source=str(path),
        format="txt",
        text=text,
        metadata={"encoding": encoding},
        warnings=warnings,
    )
