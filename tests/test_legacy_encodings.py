"""Legacy Vietnamese encodings: every letter with every tone round-trips, and detection picks
the encoding a file was written in while leaving Unicode and non-Vietnamese text alone."""

from __future__ import annotations

import unicodedata

import pytest

from vnpolicy.corpus.legacy_encodings import (
    compose_nfd,
    decode_legacy_bytes,
    repair_legacy_text,
    tcvn3_to_unicode,
    unicode_to_legacy,
    unicode_to_legacy_bytes,
    vni_to_unicode,
)
from vnpolicy.corpus.legacy_tables import UNICODE_ROWS

LOWER = [letter for row in UNICODE_ROWS.values() for letter in row] + ["đ"]
UPPER = [letter.upper() for letter in LOWER]
assert len(LOWER) == 12 * 6 + 1

PARAGRAPH = (
    "Cộng hòa xã hội chủ nghĩa Việt Nam\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Ban Thường vụ Tỉnh ủy Quảng Trị ban hành Chỉ thị số 05-CT/TU ngày 07/5/2021 về tăng "
    "cường sự lãnh đạo của Đảng đối với công tác phát triển đảng viên; đến nay có 9.757 "
    "đồng chí, đạt 98,5% kế hoạch.\n"
)

# --- every letter, every tone ------------------------------------------------------------------


@pytest.mark.parametrize("letter", LOWER + UPPER)
def test_vni_round_trips_every_letter(letter) -> None:
    assert vni_to_unicode(unicode_to_legacy(letter, "vni")) == letter
    assert vni_to_unicode(unicode_to_legacy(f"x{letter}n", "vni")) == f"x{letter}n"


@pytest.mark.parametrize("letter", LOWER)
def test_tcvn3_round_trips_every_lowercase_letter(letter) -> None:
    assert tcvn3_to_unicode(unicode_to_legacy(letter, "tcvn3")) == letter
    assert tcvn3_to_unicode(unicode_to_legacy(f"Nh{letter}n", "tcvn3")) == f"Nh{letter}n"


@pytest.mark.parametrize("letter", UPPER)
def test_tcvn3_round_trips_every_capital_inside_a_capital_word(letter) -> None:
    # TCVN3 capital fonts reuse lowercase codes; the word's plain capitals tell the case.
    word = f"TR{letter}NG"
    assert tcvn3_to_unicode(unicode_to_legacy(word, "tcvn3")) == word


@pytest.mark.parametrize("letter", LOWER + UPPER)
def test_windows_1258_round_trips_every_letter(letter) -> None:
    data = unicode_to_legacy_bytes(letter, "windows-1258")
    assert unicodedata.normalize("NFC", data.decode("cp1258")) == letter


@pytest.mark.parametrize("letter", LOWER + UPPER)
def test_nfd_composes_every_letter(letter) -> None:
    text = unicodedata.normalize("NFD", f"Vi{letter}t")
    assert compose_nfd(text) == (f"Vi{letter}t", text != f"Vi{letter}t")


# --- known strings as they show up in old files -----------------------------------------------

KNOWN = [
    ("tcvn3", "Céng hßa x· héi chñ nghÜa ViÖt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("tcvn3", "§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("tcvn3", "CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("tcvn3", "TØNH ñY QU¶NG TRÞ", "TỈNH ỦY QUẢNG TRỊ"),
    ("tcvn3", "M\xadêng Kh\xad\xacng", "Mường Khương"),  # ư is byte 0xAD
    ("vni", "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("vni", "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("vni", "Ñaûng boä tænh Quaûng Trò", "Đảng bộ tỉnh Quảng Trị"),
    ("vni", "Ngöôøi daân", "Người dân"),
]


@pytest.mark.parametrize("encoding,legacy,unicode_text", KNOWN)
def test_known_legacy_strings(encoding, legacy, unicode_text) -> None:
    convert = tcvn3_to_unicode if encoding == "tcvn3" else vni_to_unicode
    assert convert(legacy) == unicode_text
    assert repair_legacy_text(legacy) == (unicode_text, encoding)


# --- detection ---------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "windows-1258"])
def test_detects_the_encoding_of_legacy_bytes(encoding) -> None:
    data = unicode_to_legacy_bytes(PARAGRAPH, encoding)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode_legacy_bytes(data) == (PARAGRAPH, encoding)


NOT_VIETNAMESE_BYTES = [
    "Le café de la rédaction a été fermé à l'été, dit le député.".encode("latin-1"),
    "„Grüße“ aus München – die Straße ist schön.".encode("cp1252"),
    "El niño comió piñas en la estación de Cádiz.".encode("latin-1"),
    bytes(range(128, 256)),
]


@pytest.mark.parametrize("data", NOT_VIETNAMESE_BYTES)
def test_non_vietnamese_bytes_are_not_taken_for_legacy_vietnamese(data) -> None:
    assert decode_legacy_bytes(data) is None


UNTOUCHED_TEXT = [
    PARAGRAPH,  # real Unicode
    "Le café de la rédaction a été fermé.",  # French
    "Plain ASCII text with no accents",
    "Hoà Bình, Thừa Thiên Huế",  # old tone placement is not a legacy encoding
]


@pytest.mark.parametrize("text", UNTOUCHED_TEXT)
def test_unicode_and_foreign_text_are_left_alone(text) -> None:
    assert repair_legacy_text(text) is None


def test_nfd_is_composed_only_when_most_letters_are_decomposed() -> None:
    nfd = unicodedata.normalize("NFD", PARAGRAPH)
    assert compose_nfd(nfd) == (PARAGRAPH, True)
    stray = PARAGRAPH.replace("Hạnh", "Ha\u0323nh")  # one decomposed letter in NFC text
    assert compose_nfd(stray) == (stray, False)
