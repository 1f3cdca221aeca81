"""A small archive of hand-written documents citing laws by number and by name, shared by the
archive-resolution, index and web tests.

The Land Law of 2013 (45/2013/QH13) is in the archive by its own header and by one article
that writes "Luật Đất đai số 45/2013/QH13"; other articles name it only. The Investment Law
has two editions in the archive (67/2014/QH13, 61/2020/QH14), so its bare name is ambiguous.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.index_support import make_record

LAW = (
    "QUỐC HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Luật số: 45/2013/QH13\n\nLUẬT\nĐẤT ĐAI\n\n"
    "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
    "Quốc hội ban hành Luật đất đai.\n"
)
BY_NUMBER = (
    "Theo Luật Đất đai số 45/2013/QH13, hộ gia đình sử dụng đất ổn định được cấp giấy chứng "
    "nhận quyền sử dụng đất."
)
BY_NAME = (
    "Nhiều hộ dân ở xã Cam Thành chưa hiểu rõ Luật Đất đai nên đơn khiếu nại về bồi thường "
    "còn kéo dài."
)
BY_NAME_AND_YEAR = "Hội nghị phổ biến những điểm mới của Luật Đất đai năm 2013 cho 300 cán bộ xã."
OTHER_EDITION = "Khi Luật Đất đai năm 2003 còn hiệu lực, việc giao đất do UBND huyện quyết định."
TOO_EARLY = "Năm 2010, Luật Đất đai được phổ biến tới 120 cán bộ địa chính của huyện."
NUMBER_ONLY = "Căn cứ Luật số 45/2013/QH13 ngày 29 tháng 11 năm 2013, UBND tỉnh ban hành quy định."
INVESTMENT = (
    "Luật Đầu tư số 67/2014/QH13 thay Luật Đầu tư năm 2005; sau đó Luật Đầu tư số 61/2020/QH14 "
    "được Quốc hội thông qua."
)
INVESTMENT_BY_NAME = "Doanh nghiệp kiến nghị sửa Luật Đầu tư để rút ngắn thủ tục cấp phép."
INVESTMENT_2020 = "Theo Luật Đầu tư năm 2020, dự án nhà ở phải được chấp thuận chủ trương đầu tư."
DRAFT = "Đại biểu góp ý dự thảo Luật Đất đai tại kỳ họp thứ sáu."

LAND_LAW = {"doc_type": "luật", "name": "Luật Đất đai"}
INVESTMENT_LAW = {"doc_type": "luật", "name": "Luật Đầu tư"}


def archive_records() -> list[tuple[dict, str]]:
    """(record, text) for every document of the archive, the law's own header first."""
    records = [
        make_record(
            "luat/45-2013-QH13.txt",
            LAW,
            self_={"doc_type": "luật", "id": "45/2013/QH13", "title": "ĐẤT ĐAI", "date": None},
            references=[("Hiến pháp", {"doc_type": "hiến pháp", "name": "Hiến pháp"})],
        ),
        make_record(
            "tin/so-hieu.txt",
            BY_NUMBER,
            self_={"date": "2016-03-01"},
            references=[("Luật Đất đai số 45/2013/QH13", {"id": "45/2013/QH13", **LAND_LAW})],
        ),
        make_record(
            "tin/ten.txt",
            BY_NAME,
            self_={"date": "2017-05-04"},
            references=[("Luật Đất đai", LAND_LAW)],
        ),
        make_record(
            "tin/ten-nam.txt",
            BY_NAME_AND_YEAR,
            self_={"date": "2014-02-10"},
            references=[("Luật Đất đai năm 2013", {**LAND_LAW, "name": "Luật Đất đai năm 2013"})],
        ),
        make_record(
            "tin/ban-cu.txt",
            OTHER_EDITION,
            self_={"date": "2019-01-01"},
            references=[("Luật Đất đai năm 2003", {**LAND_LAW, "name": "Luật Đất đai năm 2003"})],
        ),
        make_record(
            "tin/truoc-luat.txt",
            TOO_EARLY,
            self_={"date": "2010-07-01"},
            references=[("Luật Đất đai", LAND_LAW)],
        ),
        make_record(
            "quyet-dinh/can-cu.txt",
            NUMBER_ONLY,
            self_={"date": "2014-09-01"},
            references=[
                (
                    "Luật số 45/2013/QH13 ngày 29 tháng 11 năm 2013",
                    {"id": "45/2013/QH13", "doc_type": "luật", "date": "2013-11-29"},
                )
            ],
        ),
        make_record(
            "tin/dau-tu.txt",
            INVESTMENT,
            self_={"date": "2021-01-05"},
            references=[
                ("Luật Đầu tư số 67/2014/QH13", {"id": "67/2014/QH13", **INVESTMENT_LAW}),
                ("Luật Đầu tư số 61/2020/QH14", {"id": "61/2020/QH14", **INVESTMENT_LAW}),
            ],
        ),
        make_record(
            "tin/dau-tu-ten.txt",
            INVESTMENT_BY_NAME,
            self_={"date": "2022-04-01"},
            references=[("Luật Đầu tư", INVESTMENT_LAW)],
        ),
        make_record(
            "tin/dau-tu-2020.txt",
            INVESTMENT_2020,
            self_={"date": "2022-06-01"},
            references=[
                ("Luật Đầu tư năm 2020", {**INVESTMENT_LAW, "name": "Luật Đầu tư năm 2020"})
            ],
        ),
        make_record(
            "tin/du-thao.txt",
            DRAFT,
            self_={"date": "2023-10-30"},
            references=[("Luật Đất đai", LAND_LAW)],
        ),
    ]
    texts = [LAW, BY_NUMBER, BY_NAME, BY_NAME_AND_YEAR, OTHER_EDITION, TOO_EARLY, NUMBER_ONLY]
    texts += [INVESTMENT, INVESTMENT_BY_NAME, INVESTMENT_2020, DRAFT]
    return list(zip(records, texts, strict=True))


#: Who cites the Land Law of 2013: by its number, and by its name resolved by the archive.
CITE_LAND_LAW_BY_NUMBER = {"tin/so-hieu.txt", "quyet-dinh/can-cu.txt"}
CITE_LAND_LAW_BY_NAME = {"tin/ten.txt", "tin/ten-nam.txt"}


def as_schema_1(path: Path) -> None:
    """Turn an index into what schema 1 wrote: old keys (TƯ -> "tu", numbers run together),
    no archive, no resolution columns, no `cites`."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE archive_titles")
    for trigger in ("refs_cites_insert", "refs_cites_delete", "refs_cites_update"):
        conn.execute(f"DROP TRIGGER {trigger}")
    conn.execute("DROP TABLE cites")
    for index in ("refs_resolved_key", "refs_title_key"):
        conn.execute(f"DROP INDEX {index}")
    for column in ("title_key", "edition_year", "resolved_id", "resolved_key"):
        conn.execute(f"ALTER TABLE refs DROP COLUMN {column}")
    for column in ("resolved_date", "resolved_by"):
        conn.execute(f"ALTER TABLE refs DROP COLUMN {column}")
    conn.execute("UPDATE refs SET id_key = replace(replace(id_key, 'tw', 'tu'), '/', '')")
    conn.execute("DELETE FROM ref_keys")
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
    conn.commit()
    conn.close()
