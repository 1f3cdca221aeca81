"""Regular expressions for document references, compiled from the tables in `reference_types`.

Also the canonical form of a number-and-symbol: `canonical_id(" 05- CT/TW")` -> "05-CT/TW".
"""

from __future__ import annotations

import re

from vnpolicy.extractors.reference_types import (
    COURT_CASE_CODES,
    COURT_INSTANCE_CODES,
    DOC_TYPE_WORDS,
    ISSUER_CODES,
    NON_DOCUMENT_SYMBOL_TOKENS,
    SYMBOL_DOC_TYPES,
    TERM_SUFFIXED_ISSUERS,
)

# One symbol token: capitals and digits with at most one lowercase letter ("QĐi", "CTr",
# "TTg", "UBTVQH13"), so ordinary words ("Ban", "Luật") never pass for a code.
_UP = "A-ZĐƯƠÂĂÊÔ"
# A missing space after the last code ("21-NQ/TWngày 16/6/2022") leaves a known word glued on.
_GLUED = r"(?:ngày|của|về|và|năm|được|đã|do|tại|quy|ban)"
_TOKEN = rf"[{_UP}][{_UP}0-9]*(?:[a-zđ][{_UP}0-9]*)?(?:(?![\w])|(?={_GLUED}))"
# A separator inside an id: "-" or "/" with stray spaces or a PDF line break around it.
_SEP = r"[ \t]{0,2}\n?[ \t]{0,2}[-/][ \t]{0,2}\n?[ \t]{0,2}"

# "21-NQ/TW", "30/2020/NĐ-CP", "1096/NQ- UBTVQH13", "63\n/2025/QĐ-CTUBND", "7332/2008/UB.GCN".
ID_RE = re.compile(
    rf"(?<![\w/.,-])(?P<num>\d{{1,5}}[a-zđ]?)"
    rf"(?:(?P<ysep>{_SEP})(?P<year>(?:19|20)\d\d))?"
    rf"(?P<sep>{_SEP})"
    rf"(?P<sym>{_TOKEN}(?:(?:{_SEP}|\.){_TOKEN})*)"
)
SYMBOL_SPLIT_RE = re.compile(r"\s*[-/.]\s*")

# "số", "Số:", "số :" before a number.
SO_RE = re.compile(r"(?:[Ss]ố|SỐ)\s*:?\s*$")

_TYPE_WORDS = sorted({w for words in DOC_TYPE_WORDS.values() for w in words}, key=len, reverse=True)
TYPE_WORD_TO_TYPE = {w: t for t, words in DOC_TYPE_WORDS.items() for w in words}
TYPE_WORDS_ALT = "|".join(re.escape(w) for w in _TYPE_WORDS)
# A type word anywhere (any case): "Nghị quyết", "NGHỊ ĐỊNH", "nghị định".
TYPE_WORD_RE = re.compile(rf"(?<!\w)(?:{TYPE_WORDS_ALT})(?!\w)", re.IGNORECASE)

_SPACES = re.compile(r"\s+")


def symbol_tokens(symbol: str) -> list[str]:
    """The codes of a symbol: "TTLT-BTP-BCA" -> ["TTLT", "BTP", "BCA"]."""
    return [t for t in SYMBOL_SPLIT_RE.split(symbol.strip()) if t]


def token_base(token: str) -> str:
    """A code without a glued term number: "UBTVQH13" -> "UBTVQH", "QH14" -> "QH"."""
    for prefix in TERM_SUFFIXED_ISSUERS:
        if token.startswith(prefix) and token[len(prefix) :].isdigit():
            return prefix
    return token.rstrip("0123456789") or token


def _known_code(base: str) -> bool:
    return (
        base in SYMBOL_DOC_TYPES
        or base in ISSUER_CODES
        or base in COURT_CASE_CODES
        or base in COURT_INSTANCE_CODES
    )


def _known(token: str) -> bool:
    """A known code, or a type and an issuer glued where a PDF dropped the hyphen ("NQHĐTP")."""
    base = token_base(token)
    if _known_code(base):
        return True
    return any(
        base[:k] in SYMBOL_DOC_TYPES and token_base(base[k:]) in ISSUER_CODES
        for k in range(2, len(base) - 1)
    )


def symbol_is_document(tokens: list[str], party_form: bool) -> bool:
    """Whether symbol codes name an official document rather than a contract or a standard.

    >>> symbol_is_document(["NQ", "TW"], True), symbol_is_document(["LAV"], False)
    (True, False)
    """
    if not tokens or any(token_base(t) in NON_DOCUMENT_SYMBOL_TOKENS for t in tokens):
        return False
    if party_form:
        # "số-TYPE/ISSUER" is specific enough once TYPE is a Party type ("12-NQ/ĐH").
        return token_base(tokens[0]) in SYMBOL_DOC_TYPES and len(tokens) > 1
    return any(_known(t) for t in tokens)


def looks_like_codes(tokens: list[str]) -> bool:
    """Capital codes of two letters or more ("STNMT", "QLĐĐ"), not a contract number."""
    return bool(tokens) and all(
        len(t) >= 2
        and sum(c.isupper() for c in t) >= 2
        and token_base(t) not in NON_DOCUMENT_SYMBOL_TOKENS
        for t in tokens
    )


def canonical_id(number: str, year: str | None, symbol: str, party_form: bool) -> str:
    """One spelling for every way an id is written: "05- CT/TW" -> "05-CT/TW".

    Party ids keep "số-TYPE/ISSUER", State ids "số/năm/TYPE-ISSUER"; spaces and line breaks
    inside are dropped, the separators inside the symbol are kept as written.
    """
    sym = _SPACES.sub("", symbol)
    if party_form:
        return f"{number}-{sym}"
    return f"{number}/{year}/{sym}" if year else f"{number}/{sym}"


def doc_type_from_symbol(tokens: list[str]) -> str | None:
    """The document type a symbol states: ["NĐ", "CP"] -> "nghị định", ["DS", "PT"] -> "bản án"."""
    if not tokens:
        return None
    first = token_base(tokens[0])
    if first in SYMBOL_DOC_TYPES and first != "TTg":
        return SYMBOL_DOC_TYPES[first]
    if first in COURT_CASE_CODES and len(tokens) > 1:
        return COURT_INSTANCE_CODES.get(tokens[1])
    if first == "QH" or first == "UBTVQH":
        return None
    return None


def issuer_code_from_symbol(tokens: list[str], party_form: bool) -> str | None:
    """The issuing body a symbol states: ["NQ", "TW"] -> "Ban Chấp hành Trung ương"."""
    candidates = tokens[1:] if len(tokens) > 1 else tokens
    if not party_form and tokens and token_base(tokens[0]) in ISSUER_CODES:
        if token_base(tokens[0]) not in SYMBOL_DOC_TYPES:
            candidates = tokens
    names = [ISSUER_CODES[token_base(t)] for t in candidates if token_base(t) in ISSUER_CODES]
    if not names:
        return None
    return ", ".join(dict.fromkeys(names))
