"""`vnpolicy status`: what a small archive, built here from written documents, says of one
document (replaced, repealed in part, amended, carried out by which documents)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.index_support import MOTTO, extracted_record
from vnpolicy.cli import main
from vnpolicy.outputs.index_relations import document_status, relation_key
from vnpolicy.outputs.index_sqlite import SqliteIndex

ARCHIVE = {
    "tt-46-2014.txt": (
        f"NGÂN HÀNG NHÀ NƯỚC VIỆT NAM\n{MOTTO}Số: 46/2014/TT-NHNN\n"
        "Hà Nội, ngày 31 tháng 12 năm 2014\nTHÔNG TƯ\nHướng dẫn về dịch vụ thanh toán không "
        "dùng tiền mặt\nĐiều 1. Phạm vi điều chỉnh\nThông tư này hướng dẫn về dịch vụ thanh "
        "toán.\n"
    ),
    "tt-15-2024.txt": (
        f"NGÂN HÀNG NHÀ NƯỚC VIỆT NAM\n{MOTTO}Số: 15/2024/TT-NHNN\n"
        "Hà Nội, ngày 28 tháng 6 năm 2024\nTHÔNG TƯ\nQuy định về dịch vụ thanh toán\n"
        "Căn cứ Luật Ngân hàng Nhà nước Việt Nam ngày 16 tháng 6 năm 2010;\n"
        "Điều 1. Phạm vi điều chỉnh\nThông tư này quy định về dịch vụ thanh toán.\n"
        "Điều 30. Hiệu lực thi hành\n1. Thông tư này có hiệu lực từ ngày 01 tháng 7 năm 2024 "
        "và thay thế Thông tư số 46/2014/TT-NHNN ngày 31 tháng 12 năm 2014.\n"
        "2. Bãi bỏ Điều 3 của Thông tư số 30/2016/TT-NHNN.\n"
    ),
    "tt-08-2025.txt": (
        f"NGÂN HÀNG NHÀ NƯỚC VIỆT NAM\n{MOTTO}Số: 08/2025/TT-NHNN\n"
        "Hà Nội, ngày 10 tháng 3 năm 2025\nTHÔNG TƯ\nSửa đổi, bổ sung một số điều của Thông "
        "tư số 15/2024/TT-NHNN ngày 28 tháng 6 năm 2024 quy định về dịch vụ thanh toán\n"
        "Căn cứ Luật Ngân hàng Nhà nước Việt Nam ngày 16 tháng 6 năm 2010;\n"
        "Điều 1. Sửa đổi, bổ sung một số điều của Thông tư số 15/2024/TT-NHNN\n"
        "Điều 2. Thông tư này có hiệu lực từ ngày 01 tháng 5 năm 2025.\n"
    ),
    "kh-quang-tri.txt": (
        "TỈNH ỦY QUẢNG TRỊ\n*\nSố 45-KH/TU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Quảng Trị, ngày 02 tháng 12 năm 2022\nKẾ HOẠCH\nthực hiện Nghị quyết số 21-NQ/TW "
        "ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng khóa XIII\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Quán triệt sâu sắc nội dung Nghị quyết.\n"
    ),
}


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("status") / "archive.sqlite"
    with SqliteIndex(db) as index:
        for source, text in ARCHIVE.items():
            index.add(extracted_record(source, text), text)
    return db


def _status(db: Path, ref: str):
    with SqliteIndex(db, read_only=True) as index:
        return document_status(index.conn, ref)


def test_replaced_document_names_what_replaced_it(archive: Path) -> None:
    status = _status(archive, "46/2014/TT-NHNN")
    assert status.indexed_as == ["tt-46-2014.txt"]
    assert status.doc_type == "thông tư" and status.date == "2014-12-31"
    (row,) = status.acted_on_by
    assert (row.type, row.source, row.date, row.effective, row.scope) == (
        "thay thế",
        "15/2024/TT-NHNN",
        "2024-06-28",
        "2024-07-01",
        None,
    )


def test_any_spelling_of_the_number_finds_it(archive: Path) -> None:
    assert _status(archive, "46 / 2014 / TT - NHNN").indexed_as == ["tt-46-2014.txt"]
    assert relation_key("46/2014/TT-NHNN") == relation_key("46/2014/tt-nhnn")


def test_document_amended_and_acting_on_others(archive: Path) -> None:
    status = _status(archive, "15/2024/TT-NHNN")
    assert [(r.type, r.source, r.scope) for r in status.acted_on_by] == [
        ("sửa đổi, bổ sung", "08/2025/TT-NHNN", "một số điều")
    ]
    acts = {(r.type, r.target, r.scope) for r in status.acts_on}
    assert ("thay thế", "46/2014/TT-NHNN", None) in acts
    assert ("bãi bỏ", "30/2016/TT-NHNN", "Điều 3") in acts


def test_document_only_cited_in_the_archive(archive: Path) -> None:
    status = _status(archive, "30/2016/TT-NHNN")
    assert status.indexed_as == [] and status.cited_in == 1
    assert [(r.type, r.scope) for r in status.acted_on_by] == [("bãi bỏ", "Điều 3")]


def test_human_output_in_vietnamese(archive: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["status", "30/2016/TT-NHNN", "--db", str(archive)]) == 0
    out = capsys.readouterr().out
    assert "Tình trạng: hết hiệu lực một phần" in out
    assert "Bị bãi bỏ bởi 15/2024/TT-NHNN" in out and "phạm vi: Điều 3" in out
    assert main(["status", "21-NQ/TW", "--db", str(archive)]) == 0
    out = capsys.readouterr().out
    assert "Được thực hiện bởi 45-KH/TU · ngày 2022-12-02" in out


def test_json_output(archive: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["status", "46/2014/TT-NHNN", "--db", str(archive), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["acted_on_by"][0]["type"] == "thay thế"
    assert data["indexed_as"] == ["tt-46-2014.txt"]


def test_unknown_id_is_one_clear_line(archive: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["status", "99/2099/TT-NHNN", "--db", str(archive)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "99/2099/TT-NHNN" in err[0] and "lưu trữ không có" in err[0]


def test_missing_database_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    missing = tmp_path / "none.sqlite"
    assert main(["status", "46/2014/TT-NHNN", "--db", str(missing)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(missing) in err[0]


def test_citations_by_name_resolved_to_the_number_count(archive: Path) -> None:
    """Both circulars cite the State Bank law by name and date only; the registry resolves
    the name to 46/2010/QH12, and the status counts them as `vnpolicy refs` does."""
    status = _status(archive, "46/2010/QH12")
    assert status.cited_in == 2
    assert status.doc_type == "luật"
    assert _status(archive, "47/2010/QH12").cited_in == 0


def _row(kind: str, scope: str | None = None):
    from vnpolicy.outputs.index_relations import RelationRow

    return RelationRow(
        kind, "12/2025/QĐ-UBND", "05/2024/QĐ-UBND", scope, None, "qd.txt", None, None
    )


@pytest.mark.parametrize(
    ("rows", "standing"),
    [
        ([], "còn hiệu lực theo lưu trữ"),
        ([("sửa đổi, bổ sung", "Điều 3")], "còn hiệu lực theo lưu trữ"),
        ([("đình chỉ", None)], "bị đình chỉ thi hành"),
        ([("bãi bỏ", "Điều 5"), ("đình chỉ", None)], "hết hiệu lực một phần"),
        ([("thay thế", None)], "hết hiệu lực"),
        ([("hết hiệu lực", None), ("sửa đổi, bổ sung", None)], "hết hiệu lực"),
    ],
)
def test_the_command_and_the_page_say_the_same_standing(rows, standing) -> None:
    """One reading of the relations for `vnpolicy status` and the directive page: a
    suspended decision is "bị đình chỉ thi hành" in both."""
    from vnpolicy.commands.status import render
    from vnpolicy.outputs.index_relations import DocumentStatus
    from vnpolicy.web.render import standing as page_standing

    status = DocumentStatus(id="05/2024/QĐ-UBND", key="5/2024/qđ-ubnd")
    status.acted_on_by = [_row(kind, scope) for kind, scope in rows]
    assert status.standing()[0] == standing
    assert f"Tình trạng: {standing}" in render(status)
    assert str(page_standing(status)).startswith(standing)
