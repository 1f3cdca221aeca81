"""Detect and convert Vietnamese text in legacy encodings (TCVN3, VNI, Windows-1258, NFD).

`decode_legacy_bytes(b"C\\xe9ng h\\xdfa")` -> `("Cộng hòa", "tcvn3")`: bytes that are not
UTF-8 are tried in each legacy encoding and kept in the one whose words are Vietnamese
syllables. `repair_legacy_text("Coäng hoøa")` -> `("Cộng hòa", "vni")` does the same for
legacy text that was already turned into Unicode through Windows-1252 (a .txt saved from a
.VnTime Word file). The tables are data in `vnpolicy.corpus.legacy_tables`.
"""

from __future__ import annotations

import re
import unicodedata

from vnpolicy.corpus.legacy_tables import TCVN3_FROM_UNICODE, TCVN3_UPPER_PLAIN, VNI_FROM_UNICODE

LEGACY_ENCODINGS = ("tcvn3", "vni", "windows-1258")

# Windows-1252 as a total byte -> char table (its five holes read as Latin-1).
_CP1252 = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256))
_CP1252_ENCODE = {ch: bytes([b]) for b, ch in enumerate(_CP1252)}
_LATIN1_TO_CP1252 = str.maketrans({chr(b): _CP1252[b] for b in range(0x80, 0xA0)})

# TCVN3 code -> lowercase letter (toned capitals share the lowercase codes), plus capitals.
_TCVN3_DECODE: dict[str, str] = {}
for _letter, _code in TCVN3_FROM_UNICODE.items():
    if _letter.islower() or _letter in TCVN3_UPPER_PLAIN:
        _TCVN3_DECODE[_code] = _letter
_TCVN3_TABLE = str.maketrans(_TCVN3_DECODE)

# VNI: longest sequence first ("oä" -> "ộ" before "o").
_VNI_DECODE = {code: letter for letter, code in VNI_FROM_UNICODE.items()}
_VNI_RE = re.compile("|".join(sorted(map(re.escape, _VNI_DECODE), key=len, reverse=True)))

_WORD_RE = re.compile(r"[^\W\d_]+")
# Windows-1252 symbols that TCVN3 and VNI use as letters (TCVN3 "·" = "ã", "¬" = "ơ", ...).
_SYMBOL_LETTERS = set("¡¢£¤¥¦§¨©ª«¬\xad®¯°±²³´µ¶·¸¹º»¼½¾×÷")
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
# A Vietnamese syllable without its tone: onset, one to three vowels, coda.
_SYLLABLE_RE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    r"[aăâeêioôơuưy]{1,3}"
    r"(?:ch|nh|ng|[cmnpt])?"
)


def bytes_as_cp1252(data: bytes) -> str:
    """Bytes as Windows-1252 characters, never failing (the way legacy fonts' text is seen)."""
    return data.decode("latin-1").translate(_LATIN1_TO_CP1252)


def _is_syllable(word: str) -> bool:
    if not word.isalpha():
        return False
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(ch in _TONE_MARKS for ch in decomposed)
    if tones > 1:
        return False
    toneless = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return _SYLLABLE_RE.fullmatch(toneless) is not None


def _tokens(text: str) -> list[str]:
    """Space-separated tokens without edge punctuation; legacy symbols ("H¹nh") stay inside."""
    out = []
    for token in text.split():
        start, end = 0, len(token)
        while start < end and not token[start].isalnum() and token[start] not in _SYMBOL_LETTERS:
            start += 1
        while (
            end > start and not token[end - 1].isalnum() and token[end - 1] not in _SYMBOL_LETTERS
        ):
            end -= 1
        if start < end:
            out.append(token[start:end])
    return out


def vietnamese_score(text: str) -> tuple[float, int]:
    """Share of the words with non-ASCII characters that are Vietnamese syllables, and their
    count; legacy text read as Windows-1252 scores low ("Vieät", "H¹nh").

    >>> vietnamese_score("Cộng hòa xã hội")
    (1.0, 4)
    """
    words = [w for w in _tokens(text) if not w.isascii()]
    if not words:
        return 0.0, 0
    good = sum(_is_syllable(w) for w in words)
    return good / len(words), len(words)


def _restore_capitals(text: str) -> str:
    """TCVN3 capitals fonts (.VnTimeH) reuse lowercase codes: "CéNG HßA" -> "CỘNG HÒA".

    A word is put in capitals when its plain letters are capitals and there are two of them
    ("CộNG"), or when it has one ("Tự") and every other word of its line is in capitals.
    """

    def plain_caps(word: str) -> bool:
        plain = [c for c in word if c.isascii()]
        return bool(plain) and all(c.isupper() for c in plain)

    def is_caps(word: str) -> bool:
        return plain_caps(word) and sum(c.isascii() for c in word) >= 2

    def fix_line(line: str) -> str:
        words = _WORD_RE.findall(line)
        line_caps = len(words) >= 2 and all(plain_caps(w) for w in words)

        def fix(m: re.Match[str]) -> str:
            word = m.group(0)
            if is_caps(word) or (line_caps and plain_caps(word)):
                return word.upper()
            return word

        return _WORD_RE.sub(fix, line)

    return "\n".join(fix_line(line) for line in text.split("\n"))


def tcvn3_to_unicode(text: str) -> str:
    """TCVN3 (ABC, .VnTime) seen as Windows-1252 -> Unicode: "ViÖt Nam" -> "Việt Nam"."""
    return unicodedata.normalize("NFC", _restore_capitals(text.translate(_TCVN3_TABLE)))


def vni_to_unicode(text: str) -> str:
    """VNI Windows seen as Windows-1252 -> Unicode: "Vieät Nam" -> "Việt Nam"."""
    return unicodedata.normalize("NFC", _VNI_RE.sub(lambda m: _VNI_DECODE[m.group(0)], text))


def unicode_to_legacy(text: str, encoding: str) -> str:
    """Unicode -> legacy text as Windows-1252 characters; the inverse, for tests and fixtures."""
    text = unicodedata.normalize("NFC", text)
    if encoding == "tcvn3":
        return "".join(TCVN3_FROM_UNICODE.get(c, c) for c in text)
    if encoding == "vni":
        return "".join(VNI_FROM_UNICODE.get(c, c) for c in text)
    raise ValueError(f"unknown legacy encoding {encoding!r}")


def unicode_to_legacy_bytes(text: str, encoding: str) -> bytes:
    """Unicode -> the bytes a legacy file would hold (`windows-1258` decomposes tones)."""
    if encoding == "windows-1258":
        return _encode_cp1258(text)
    return b"".join(_CP1252_ENCODE[c] for c in unicode_to_legacy(text, encoding))


def _encode_cp1258(text: str) -> bytes:
    # cp1258 has precomposed letters for some vowels only; encode the rest as base + mark.
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            out += _cp1258_decomposed(ch)
    return bytes(out)


def _cp1258_decomposed(ch: str) -> bytes:
    decomposed = unicodedata.normalize("NFD", ch)
    base = "".join(c for c in decomposed if c not in _TONE_MARKS)
    tones = "".join(c for c in decomposed if c in _TONE_MARKS)
    return unicodedata.normalize("NFC", base).encode("cp1258") + tones.encode("cp1258")


def decode_legacy_bytes(data: bytes, min_score: float = 0.8) -> tuple[str, str] | None:
    """Non-UTF-8 bytes -> `(unicode_text, encoding)` if one legacy encoding reads them as
    Vietnamese (most non-ASCII words valid syllables), else None.

    >>> decode_legacy_bytes("Céng hßa x· héi".encode("cp1252"))
    ('Cộng hòa xã hội', 'tcvn3')
    """
    as_cp1252 = bytes_as_cp1252(data)
    candidates = {
        "tcvn3": tcvn3_to_unicode(as_cp1252),
        "vni": vni_to_unicode(as_cp1252),
        "windows-1258": unicodedata.normalize("NFC", data.decode("cp1258", errors="replace")),
    }
    return _best(candidates, min_score)


def repair_legacy_text(text: str, min_score: float = 0.8) -> tuple[str, str] | None:
    """Legacy text already read through Windows-1252 -> `(unicode_text, encoding)`, or None
    when the text is fine as it is (real Unicode Vietnamese, or not Vietnamese at all)."""
    if any(ord(c) > 0xFF and c not in _CP1252_ENCODE for c in text):
        return None  # letters beyond Windows-1252: real Unicode text
    current, count = vietnamese_score(text)
    if count == 0:
        return None
    candidates = {"tcvn3": tcvn3_to_unicode(text), "vni": vni_to_unicode(text)}
    best = _best(candidates, min_score)
    if best is None or vietnamese_score(best[0])[0] <= current:
        return None
    return best


def _best(candidates: dict[str, str], min_score: float) -> tuple[str, str] | None:
    scored = []
    for name, text in candidates.items():
        if "\ufffd" in text:
            continue
        score, count = vietnamese_score(text)
        if count:
            scored.append((score, count, name, text))
    if not scored:
        return None
    score, _count, name, text = max(scored)
    return (text, name) if score >= min_score else None


def convert_legacy(text: str, encoding: str) -> str:
    """Convert legacy text seen as Windows-1252 with a known encoding ("tcvn3" or "vni")."""
    return tcvn3_to_unicode(text) if encoding == "tcvn3" else vni_to_unicode(text)


def compose_nfd(text: str) -> tuple[str, bool]:
    """Compose decomposed tone marks when most marked letters are decomposed (NFD text from
    macOS or Windows-1258): "Vie\\u0302\\u0323t" -> "Việt". Returns the text and whether it
    changed; a few stray combining marks in NFC text are left for the language layer."""
    marks = sum(unicodedata.combining(c) > 0 for c in text)
    if not marks:
        return text, False
    precomposed = sum(not c.isascii() and c.isalpha() for c in text)
    if marks < precomposed:
        return text, False
    composed = unicodedata.normalize("NFC", text)
    return composed, composed != text
