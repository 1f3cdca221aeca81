"""Properties: references inserted into Vietnamese filler are all found with the right id,
however they are spelled, and no input makes the extractor fail or report a span outside
the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vnpolicy.extractors.document_ids import document_id_key as id_key
from vnpolicy.extractors.references import extract_references
from vnpolicy.nlp import analyze

FILLER_WORDS = (
    "công tác phát triển đảng viên trong đoàn viên thanh niên ở địa bàn khu dân cư và trường "
    "học được quan tâm lãnh đạo chỉ đạo nghiêm túc triển khai thực hiện có hiệu quả góp phần "
    "nâng cao chất lượng đội ngũ cán bộ cơ sở tỉnh huyện xã nhân dân kinh tế xã hội năm nay"
).split()

PARTY_TYPES = {
    "NQ": "Nghị quyết",
    "CT": "Chỉ thị",
    "KL": "Kết luận",
    "QĐ": "Quyết định",
    "HD": "Hướng dẫn",
    "KH": "Kế hoạch",
    "TB": "Thông báo",
    "BC": "Báo cáo",
    "CTr": "Chương trình hành động",
    "QĐi": "Quy định",
}
PARTY_ISSUERS = ["TW", "TU", "HU", "ĐU", "BTCTW", "VPTW", "TWĐTN-TNNT"]
STATE_TYPES = {
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "QĐ": "Quyết định",
    "NQ": "Nghị quyết",
    "CT": "Chỉ thị",
    "CĐ": "Công điện",
}
STATE_ISSUERS = ["CP", "TTg", "BNV", "BTC", "UBND", "BCA-BQP"]

numbers = st.integers(min_value=1, max_value=9999).map(str)
years = st.integers(min_value=1990, max_value=2030).map(str)


@st.composite
def party_reference(draw: st.DrawFn) -> tuple[str, str]:
    typ = draw(st.sampled_from(sorted(PARTY_TYPES)))
    ident = f"{draw(numbers)}-{typ}/{draw(st.sampled_from(PARTY_ISSUERS))}"
    return f"{PARTY_TYPES[typ]} {draw(st.sampled_from(['số ', '', 'Số: ']))}", ident


@st.composite
def state_reference(draw: st.DrawFn) -> tuple[str, str]:
    typ = draw(st.sampled_from(sorted(STATE_TYPES)))
    issuer = draw(st.sampled_from(STATE_ISSUERS))
    year = draw(st.one_of(st.none(), years))
    ident = f"{draw(numbers)}/{year}/{typ}-{issuer}" if year else f"{draw(numbers)}/{typ}-{issuer}"
    return f"{STATE_TYPES[typ]} {draw(st.sampled_from(['số ', '']))}", ident


@st.composite
def law_reference(draw: st.DrawFn) -> tuple[str, str]:
    term = draw(st.integers(min_value=9, max_value=15))
    return "Luật số ", f"{draw(numbers)}/{draw(years)}/QH{term}"


def respell(ident: str, style: int) -> str:
    """The same id as typists and PDFs write it: spaces around separators, other dashes."""
    if style == 1:
        return ident.replace("-", " - ", 1)
    if style == 2:
        return ident.replace("-", "–")
    if style == 3:
        return ident.replace("/", " / ", 1)
    return ident


filler = st.lists(st.sampled_from(FILLER_WORDS), min_size=1, max_size=12).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            filler,
            st.one_of(party_reference(), state_reference(), law_reference()),
            st.integers(min_value=0, max_value=3),
            st.sampled_from([", ", ". ", "; ", " và ", " "]),
        ),
        min_size=1,
        max_size=6,
    ),
    filler,
)
def test_inserted_references_are_found(parts, tail: str) -> None:
    pieces = []
    expected = set()
    for words, (lead, ident), style, sep in parts:
        pieces.append(f"{words} {lead}{respell(ident, style)}{sep}")
        expected.add(id_key(ident))
    text = "".join(pieces) + tail + "."
    found = {id_key(r["id"]) for r in extract_references(analyze(text))["references"] if r["id"]}
    assert expected <= found, text
    assert found <= expected, text


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("Số: 0123456789-/–.,;()“”\nNQTWĐCPUBNDaăâđêôơưáàạảãệốờữ ")),
        max_size=300,
    )
)
def test_no_input_crashes_and_spans_stay_inside(text: str) -> None:
    at = analyze(text)
    out = extract_references(at)
    for ref in out["references"]:
        assert 0 <= ref["start"] < ref["end"] <= len(at.text)
        for m in ref["mentions"]:
            assert at.text[m["start"] : m["end"]] == m["text"]


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode_text_is_handled(text: str) -> None:
    out = extract_references(analyze(text))
    assert set(out) == {"references", "relations", "self"}
