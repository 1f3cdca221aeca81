"""The context of each figure: what it measures (`subject`), where (`place`), when (`period`,
`years`), in sentences, lists, paragraphs and tables written in the style of provincial news,
reports and plans; and numbers in idioms and names that are no figures."""

from __future__ import annotations

import pytest

from vnpolicy.corpus.tables import Table
from vnpolicy.extractors.document_context import document_context, document_date
from vnpolicy.extractors.statistic_context import attach_context
from vnpolicy.extractors.statistic_frames import antecedent, lead_in_topic
from vnpolicy.extractors.statistic_measure import abbreviations
from vnpolicy.extractors.statistic_period import find_periods, period_text, resolve_years
from vnpolicy.extractors.statistics import extract_statistics
from vnpolicy.extractors.table_statistics import extract_table_statistics
from vnpolicy.extractors.units import extract_units
from vnpolicy.nlp import analyze

ANY = object()


def context_of(text: str) -> tuple[list[dict], dict]:
    at = analyze(text)
    return attach_context(extract_statistics(at), at, extract_units(at))


def figure(text: str, value: float) -> dict:
    stats, _ = context_of(text)
    found = [s for s in stats if s["value"] == pytest.approx(value)]
    assert found, f"no figure {value} in {[s['value'] for s in stats]}"
    return found[0]


# text, value, subject, place, period, years
SENTENCES = [
    # counts: the counted noun, its modifiers, the verb that governs a short one
    (
        "Năm 2023, huyện Cam Lộ kết nạp 1.234 đảng viên mới.",
        1234,
        "đảng viên mới được kết nạp",
        "huyện Cam Lộ",
        "Năm 2023",
        [2023, 2023],
    ),
    (
        "Giai đoạn 2019 - 2022, Huyện ủy Hải Lăng đã kết nạp 512 đảng viên.",
        512,
        "đảng viên được kết nạp",
        "Huyện ủy Hải Lăng",
        "Giai đoạn 2019 - 2022",
        [2019, 2022],
    ),
    (
        "Trong 6 tháng đầu năm 2017, tỉnh thu hút 45 dự án đầu tư với tổng vốn đăng ký 12.500 tỷ"
        " đồng.",
        45,
        "dự án đầu tư được thu hút",
        None,
        "6 tháng đầu năm 2017",
        [2017, 2017],
    ),
    (
        "Trong 6 tháng đầu năm 2017, tỉnh thu hút 45 dự án đầu tư với tổng vốn đăng ký 12.500 tỷ"
        " đồng.",
        12.5e12,
        "tổng vốn đăng ký",
        None,
        "6 tháng đầu năm 2017",
        [2017, 2017],
    ),
    (
        "Nhiệm kỳ 2020 - 2025, Đảng bộ tỉnh Quảng Bình phấn đấu kết nạp 5.000 đảng viên.",
        5000,
        "đảng viên",
        "Đảng bộ tỉnh Quảng Bình",
        "Nhiệm kỳ 2020 - 2025",
        [2020, 2025],
    ),
    (
        "Năm 2022, Liên đoàn Lao động tỉnh Bắc Ninh đã tổ chức 320 hội nghị đối thoại.",
        320,
        "hội nghị đối thoại được tổ chức",
        "Liên đoàn Lao động tỉnh Bắc Ninh",
        "Năm 2022",
        [2022, 2022],
    ),
    (
        "Trường Đại học Cần Thơ tuyển sinh 9.800 sinh viên trong năm 2023.",
        9800,
        "sinh viên được tuyển sinh",
        "Trường Đại học Cần Thơ",
        "năm 2023",
        [2023, 2023],
    ),
    (
        "Năm 2021, thành phố Đà Nẵng đón 1,5 triệu lượt khách du lịch.",
        1.5e6,
        "lượt khách du lịch được đón",
        "thành phố Đà Nẵng",
        "Năm 2021",
        [2021, 2021],
    ),
    (
        "Giai đoạn 2016 - 2020, huyện Phong Điền xây dựng 125 km đường giao thông nông thôn.",
        125,
        "đường giao thông nông thôn được xây dựng",
        "huyện Phong Điền",
        "Giai đoạn 2016 - 2020",
        [2016, 2020],
    ),
    (
        "Hằng năm, tỉnh tổ chức 50 lớp bồi dưỡng nhận thức về Đảng.",
        50,
        "lớp bồi dưỡng nhận thức về Đảng",
        None,
        "Hằng năm",
        None,
    ),
    (
        "Tính đến ngày 31/12/2022, tỉnh Đắk Lắk có 1.200 hợp tác xã.",
        1200,
        "hợp tác xã",
        "tỉnh Đắk Lắk",
        "Tính đến ngày 31/12/2022",
        [2022, 2022],
    ),
    (
        "Hiện nay, thành phố Hải Phòng có 15 khu công nghiệp.",
        15,
        "khu công nghiệp",
        "thành phố Hải Phòng",
        "Hiện nay",
        None,
    ),
    (
        "Ủy ban nhân dân tỉnh Gia Lai đã giải quyết 450 hồ sơ đất đai.",
        450,
        "hồ sơ đất đai được giải quyết",
        "tỉnh Gia Lai",
        None,
        None,
    ),
    (
        "Trong năm 2023, lực lượng Công an tỉnh đã bắt giữ 85 đối tượng.",
        85,
        "đối tượng được bắt giữ",
        ANY,
        "năm 2023",
        [2023, 2023],
    ),
    (
        "Năm 2020, thị xã Quảng Trị có 6 phường, 2 xã.",
        6,
        "phường",
        "thị xã Quảng Trị",
        "Năm 2020",
        [2020, 2020],
    ),
    (
        "Năm 2020, thị xã Quảng Trị có 6 phường, 2 xã.",
        2,
        "xã",
        "thị xã Quảng Trị",
        "Năm 2020",
        [2020, 2020],
    ),
    (
        "Năm 2024, huyện Triệu Phong trồng mới 350 ha rừng.",
        350,
        "rừng được trồng",
        "huyện Triệu Phong",
        "Năm 2024",
        [2024, 2024],
    ),
    (
        "Đảng bộ huyện Gio Linh có 43 tổ chức cơ sở đảng với 4.812 đảng viên.",
        43,
        "tổ chức cơ sở đảng",
        "Đảng bộ huyện Gio Linh",
        None,
        None,
    ),
    (
        "Đảng bộ huyện Gio Linh có 43 tổ chức cơ sở đảng với 4.812 đảng viên.",
        4812,
        "đảng viên",
        "Đảng bộ huyện Gio Linh",
        None,
        None,
    ),
    (
        "Các cấp bộ đoàn trong tỉnh đã giới thiệu 8.034 đoàn viên ưu tú cho Đảng xem xét kết nạp.",
        8034,
        "đoàn viên ưu tú được giới thiệu",
        ANY,
        None,
        None,
    ),
    (
        "Tỉnh đã kiến nghị xử lý kỷ luật 24 tập thể, 56 cá nhân.",
        24,
        "tập thể được kiến nghị xử lý kỷ luật",
        ANY,
        None,
        None,
    ),
    (
        "Tỉnh đã kiến nghị xử lý kỷ luật 24 tập thể, 56 cá nhân.",
        56,
        "cá nhân được kiến nghị xử lý kỷ luật",
        ANY,
        None,
        None,
    ),
    (
        "Tỉnh đoàn Quảng Ngãi có 25.300 đoàn viên.",
        25300,
        "đoàn viên",
        "Tỉnh đoàn Quảng Ngãi",
        None,
        None,
    ),
    (
        "Hội Liên hiệp Phụ nữ tỉnh Thái Bình có 215.000 hội viên.",
        215000,
        "hội viên",
        "Hội Liên hiệp Phụ nữ tỉnh Thái Bình",
        None,
        None,
    ),
    ("Huyện Cam Lộ có 8 xã, 1 thị trấn với 45.000 dân.", 45000, "dân", "huyện Cam Lộ", None, None),
    (
        "Năm 2023, huyện Hướng Hóa có 350 lượt cán bộ được đào tạo, bồi dưỡng.",
        350,
        "lượt cán bộ được đào tạo",
        "huyện Hướng Hóa",
        "Năm 2023",
        [2023, 2023],
    ),
    ("Đợt này, tỉnh trao 200 suất quà cho hộ nghèo.", 200, "suất quà được trao", ANY, None, None),
    (
        "Năm 2022, Hà Nội có 1.200 trường học đạt chuẩn quốc gia.",
        1200,
        "trường học đạt chuẩn quốc gia",
        "thành phố Hà Nội",
        "Năm 2022",
        [2022, 2022],
    ),
    (
        "Từ 2018 - 2022, Hội Nông dân tỉnh đã vận động 12.000 hội viên tham gia bảo hiểm xã hội tự"
        " nguyện.",
        12000,
        "hội viên tham gia bảo hiểm xã hội tự nguyện",
        ANY,
        "Từ 2018 - 2022",
        [2018, 2022],
    ),
    # rates and sums: the subject of the clause, up to its verb
    (
        "Tỷ lệ hộ nghèo của huyện Gio Linh giảm còn 3,5% vào cuối năm 2022.",
        3.5,
        "tỷ lệ hộ nghèo",
        "huyện Gio Linh",
        "năm 2022",
        [2022, 2022],
    ),
    (
        "Kim ngạch xuất khẩu của tỉnh Bình Dương năm 2022 đạt 32,5 tỷ USD.",
        32.5e9,
        "kim ngạch xuất khẩu",
        "tỉnh Bình Dương",
        "năm 2022",
        [2022, 2022],
    ),
    (
        "Tổng thu ngân sách trên địa bàn tỉnh Nghệ An năm 2021 đạt 17.300 tỷ đồng, tăng 12% so với"
        " năm 2020.",
        17.3e12,
        "tổng thu ngân sách",
        "tỉnh Nghệ An",
        "năm 2021",
        [2021, 2021],
    ),
    (
        "Tổng thu ngân sách trên địa bàn tỉnh Nghệ An năm 2021 đạt 17.300 tỷ đồng, tăng 12% so với"
        " năm 2020.",
        12,
        "mức tăng tổng thu ngân sách",
        "tỉnh Nghệ An",
        "năm 2021",
        [2021, 2021],
    ),
    (
        "Đến hết năm 2022, tỷ lệ bao phủ bảo hiểm y tế của tỉnh Lâm Đồng đạt 92,4%.",
        92.4,
        "tỷ lệ bao phủ bảo hiểm y tế",
        "tỉnh Lâm Đồng",
        "Đến hết năm 2022",
        [2022, 2022],
    ),
    (
        "Quý I/2023, GRDP của tỉnh Thanh Hóa tăng 7,2%.",
        7.2,
        ANY,
        "tỉnh Thanh Hóa",
        "Quý I/2023",
        [2023, 2023],
    ),
    (
        "Tháng 4/2023, chỉ số giá tiêu dùng tăng 0,3% so với tháng trước.",
        0.3,
        "mức tăng chỉ số giá tiêu dùng",
        None,
        "Tháng 4/2023",
        [2023, 2023],
    ),
    (
        "Diện tích lúa của tỉnh An Giang năm 2023 đạt 625.000 ha.",
        625000,
        "diện tích lúa",
        "tỉnh An Giang",
        "năm 2023",
        [2023, 2023],
    ),
    (
        "Năm 2019, tốc độ tăng trưởng kinh tế của tỉnh Hải Dương đạt 10,2%.",
        10.2,
        "tốc độ tăng trưởng kinh tế",
        "tỉnh Hải Dương",
        "Năm 2019",
        [2019, 2019],
    ),
    (
        "Năm 2022, xuất khẩu gạo đạt 7,1 triệu tấn.",
        7.1e6,
        "xuất khẩu gạo",
        None,
        "Năm 2022",
        [2022, 2022],
    ),
    (
        "Tổng vốn đầu tư toàn xã hội của tỉnh Long An năm 2022 ước đạt 55.000 tỷ đồng.",
        55e12,
        "tổng vốn đầu tư toàn xã hội",
        "tỉnh Long An",
        "năm 2022",
        [2022, 2022],
    ),
    ("Dự án có diện tích 64 ha.", 64, "diện tích", None, None, None),
    (
        "Công ty Cổ phần Sữa Việt Nam đạt doanh thu 60.000 tỷ đồng năm 2022.",
        60e12,
        "doanh thu",
        "Công ty Cổ phần Sữa Việt Nam",
        "năm 2022",
        [2022, 2022],
    ),
    (
        "Đến năm 2030, tỉnh phấn đấu thu nhập bình quân đầu người đạt 150 triệu đồng.",
        150e6,
        "thu nhập bình quân đầu người",
        ANY,
        "Đến năm 2030",
        [2030, 2030],
    ),
    (
        "Trong giai đoạn 2021 - 2025, tỉnh phấn đấu giảm tỷ lệ hộ nghèo bình quân 1,5%/năm.",
        1.5,
        "tỷ lệ hộ nghèo bình quân",
        ANY,
        "giai đoạn 2021 - 2025",
        [2021, 2025],
    ),
    (
        "Sau thanh tra, cơ quan chức năng đã thu hồi 237 tỷ đồng.",
        237e9,
        "tiền thu hồi",
        None,
        None,
        None,
    ),
    # a share of a count, a change of it
    (
        "Huyện Vĩnh Linh có 2.150 hộ nghèo, chiếm 4,8% tổng số hộ.",
        4.8,
        "hộ nghèo trong tổng số hộ",
        "huyện Vĩnh Linh",
        None,
        None,
    ),
    (
        "Cả nước có 8.167 xã đạt chuẩn nông thôn mới, chiếm 79,5% tổng số xã.",
        79.5,
        "xã đạt chuẩn nông thôn mới trong tổng số xã",
        "Việt Nam",
        None,
        None,
    ),
    (
        "Cả nước có 8.167 xã đạt chuẩn nông thôn mới, chiếm 79,5% tổng số xã.",
        8167,
        "xã đạt chuẩn nông thôn mới",
        "Việt Nam",
        None,
        None,
    ),
    (
        "Năm 2022, tỉnh Bình Định thu hút 1,2 triệu lượt khách quốc tế, tăng 25% so với cùng kỳ"
        " năm 2021.",
        25,
        "mức tăng lượt khách quốc tế được thu hút",
        "tỉnh Bình Định",
        "Năm 2022",
        [2022, 2022],
    ),
    (
        "Tổng kim ngạch xuất khẩu năm 2023 đạt 2,5 tỷ USD, tăng 8,5% so với cùng kỳ.",
        8.5,
        "mức tăng tổng kim ngạch xuất khẩu",
        None,
        "năm 2023",
        [2023, 2023],
    ),
    (
        "Đến năm 2025, tỉnh phấn đấu có 80% số xã đạt chuẩn nông thôn mới.",
        80,
        "xã đạt chuẩn nông thôn mới",
        ANY,
        "Đến năm 2025",
        [2025, 2025],
    ),
    (
        "Theo báo cáo của Chính phủ, cả nước đã giải ngân 95% vốn đầu tư công.",
        95,
        "vốn đầu tư công",
        "Việt Nam",
        None,
        None,
    ),
    # a breakdown names its part
    (
        "Trong đó, khối doanh nghiệp có 3.200 đoàn viên, chiếm 15,6%.",
        3200,
        "đoàn viên khối doanh nghiệp",
        None,
        None,
        None,
    ),
    (
        "Trong đó, khối doanh nghiệp có 3.200 đoàn viên, chiếm 15,6%.",
        15.6,
        "đoàn viên khối doanh nghiệp",
        None,
        None,
        None,
    ),
    (
        "Hiện nay đảng viên là đoàn viên của tỉnh có 9.757 đồng chí.",
        9757,
        "đảng viên là đoàn viên",
        ANY,
        "Hiện nay",
        None,
    ),
    # places: the owner, not the body that reports or decides; several; the country
    (
        "Theo Sở Kế hoạch và Đầu tư tỉnh Hà Tĩnh, năm 2022 toàn tỉnh có 1.050 doanh nghiệp thành"
        " lập mới.",
        1050,
        "doanh nghiệp thành lập mới",
        "tỉnh Hà Tĩnh",
        ANY,
        ANY,
    ),
    (
        "Tỉnh Cà Mau, Bạc Liêu và Sóc Trăng có 120.000 ha rừng ngập mặn.",
        120000,
        "rừng ngập mặn",
        "tỉnh Cà Mau, tỉnh Bạc Liêu, tỉnh Sóc Trăng",
        None,
        None,
    ),
    (
        "Ban Chỉ đạo cho biết cả nước có 54.448 đơn vị sự nghiệp công lập.",
        54448,
        "đơn vị sự nghiệp công lập",
        "Việt Nam",
        None,
        None,
    ),
    ("Toàn quốc hiện có 5,2 triệu đảng viên.", 5.2e6, "đảng viên", "Việt Nam", ANY, None),
    ("Chính phủ quyết định hỗ trợ 500 tỷ đồng cho tỉnh Quảng Trị.", 500e9, ANY, None, None, None),
    ("Thủ tướng Chính phủ phê duyệt 3.000 tỷ đồng cho dự án.", 3e12, ANY, None, None, None),
    ("Đoàn kiểm tra đã làm việc với 5 đơn vị.", 5, "đơn vị", None, None, None),
    # lists named by place: the list's head measures, each item's place owns
    (
        "Tỉ lệ nữ lãnh đạo, quản lý cấp tỉnh: Lạng Sơn 24,4%, Lào Cai 19,1%, Cao Bằng 21,3%.",
        24.4,
        "tỉ lệ nữ lãnh đạo, quản lý cấp tỉnh",
        "tỉnh Lạng Sơn",
        None,
        None,
    ),
    (
        "Tỉ lệ nữ lãnh đạo, quản lý cấp tỉnh: Lạng Sơn 24,4%, Lào Cai 19,1%, Cao Bằng 21,3%.",
        19.1,
        "tỉ lệ nữ lãnh đạo, quản lý cấp tỉnh",
        "tỉnh Lào Cai",
        None,
        None,
    ),
    (
        "Tỉ lệ nữ lãnh đạo, quản lý cấp tỉnh: Lạng Sơn 24,4%, Lào Cai 19,1%, Cao Bằng 21,3%.",
        21.3,
        "tỉ lệ nữ lãnh đạo, quản lý cấp tỉnh",
        "tỉnh Cao Bằng",
        None,
        None,
    ),
    (
        "Số hộ nghèo năm 2023: huyện Gio Linh 1.250 hộ, huyện Vĩnh Linh 980 hộ.",
        1250,
        "số hộ nghèo",
        "huyện Gio Linh",
        "năm 2023",
        [2023, 2023],
    ),
    (
        "Số hộ nghèo năm 2023: huyện Gio Linh 1.250 hộ, huyện Vĩnh Linh 980 hộ.",
        980,
        "số hộ nghèo",
        "huyện Vĩnh Linh",
        "năm 2023",
        [2023, 2023],
    ),
    (
        "Tổng số thu: 12.500 tỷ đồng; tổng số chi: 14.300 tỷ đồng.",
        12.5e12,
        "tổng số thu",
        None,
        None,
        None,
    ),
    # clauses: each keeps its own period
    (
        "Năm 2022, toàn tỉnh có 12.000 doanh nghiệp; năm 2023 có 13.500 doanh nghiệp.",
        12000,
        "doanh nghiệp",
        ANY,
        "Năm 2022",
        [2022, 2022],
    ),
    (
        "Năm 2022, toàn tỉnh có 12.000 doanh nghiệp; năm 2023 có 13.500 doanh nghiệp.",
        13500,
        "doanh nghiệp",
        ANY,
        "năm 2023",
        [2023, 2023],
    ),
    (
        "Từ năm 2015 đến nay, tỉnh Tiền Giang đã đào tạo nghề cho 60.000 lao động nông thôn.",
        60000,
        "lao động nông thôn",
        "tỉnh Tiền Giang",
        "Từ năm 2015 đến nay",
        [2015, None],
    ),
    (
        "Mỗi năm, huyện Đakrông giải quyết việc làm cho 1.500 lao động.",
        1500,
        "lao động được giải quyết việc làm",
        "huyện Đakrông",
        "Mỗi năm",
        None,
    ),
]

# a change after a figure with a rate unit ("/năm", "/ha") is a change of that figure's measure
SENTENCES += [
    (
        "Năm 2023, thu nhập bình quân đầu người của tỉnh đạt 56,2 triệu đồng/năm, tăng 9,8 triệu "
        "đồng so với năm 2020.",
        9_800_000,
        "mức tăng thu nhập bình quân đầu người",
        ANY,
        "Năm 2023",
        [2023, 2023],
    ),
    (
        "Vụ Đông Xuân 2023 - 2024, năng suất lúa của huyện Triệu Phong đạt 62 tạ/ha, tăng 2,1 tạ "
        "so với vụ trước.",
        2.1,
        "mức tăng năng suất lúa",
        ANY,
        ANY,
        ANY,
    ),
    (
        "Tiền lương bình quân của người lao động đạt 8,5 triệu đồng/người/tháng, tăng 6%.",
        6,
        "mức tăng tiền lương bình quân",
        ANY,
        ANY,
        ANY,
    ),
]


@pytest.mark.parametrize(
    ("text", "value", "subject", "place", "period", "years"),
    SENTENCES,
    ids=[f"{t[:40]}-{v}" for t, v, *_ in SENTENCES],
)
def test_context_of_a_figure(text, value, subject, place, period, years):
    got = figure(text, value)
    for key, want in (("subject", subject), ("place", place), ("period", period)):
        if want is not ANY:
            assert got[key] == want, (key, got)
    if years is not ANY:
        assert got["years"] == years, got


# A paragraph's report, the document's date and place resolve what a sentence leaves open.
REPORT = (
    "Quảng Trị: kết quả công tác Đảng 6 tháng đầu năm 2023\n"
    "Quảng Trị, ngày 12 tháng 7 năm 2023\n"
    "Toàn tỉnh kết nạp 1.234 đảng viên mới, đạt 52% kế hoạch năm. Hiện nay, Đảng bộ tỉnh có "
    "52.000 đảng viên.\n"
    "Cùng kỳ năm trước, tỉnh kết nạp 1.100 đảng viên.\n"
    "Giai đoạn 2019 - 2022, các cấp bộ đoàn đã giới thiệu 8.034 đoàn viên ưu tú. Các địa phương "
    "đã tổ chức 94 lớp bồi dưỡng nhận thức về Đảng.\n"
    "Đoàn thanh niên có 10 đơn vị đoàn cấp huyện và 333 tổ chức cơ sở Đoàn.\n"
)
REPORT_CASES = [
    (1234, "tỉnh Quảng Trị", "6 tháng đầu năm 2023", [2023, 2023]),
    (52, "tỉnh Quảng Trị", "6 tháng đầu năm 2023", [2023, 2023]),
    (52000, "Đảng bộ tỉnh Quảng Trị", "Hiện nay (2023)", [2023, 2023]),
    (1100, "tỉnh Quảng Trị", "Cùng kỳ năm trước (2022)", [2022, 2022]),
    (8034, "tỉnh Quảng Trị", "Giai đoạn 2019 - 2022", [2019, 2022]),
    (94, "tỉnh Quảng Trị", "Giai đoạn 2019 - 2022", [2019, 2022]),
    (10, "Đoàn TNCS Hồ Chí Minh tỉnh Quảng Trị", ANY, ANY),
    (333, "Đoàn TNCS Hồ Chí Minh tỉnh Quảng Trị", ANY, ANY),
]


@pytest.fixture(scope="module")
def report():
    return context_of(REPORT)


@pytest.mark.parametrize(("value", "place", "period", "years"), REPORT_CASES)
def test_report_context(report, value, place, period, years):
    stats, _ = report
    got = next(s for s in stats if s["value"] == pytest.approx(value))
    assert got["place"] == place, got
    if period is not ANY:
        assert (got["period"], got["years"]) == (period, years), got


def test_report_document_context(report):
    _, ctx = report
    assert (ctx["date"], ctx["year"], ctx["place"]) == ("2023-07-12", 2023, "tỉnh Quảng Trị")


# The document's own date: a dateline or a byline, never an event's date in the body.
DATES = [
    ("Tin tức\nThứ Hai, 10/7/2017 14:30\nSáng nay, hội nghị khai mạc.", "2017-07-10"),
    ("Tiêu đề bài viết\nCập nhật: 05/03/2021\nNội dung bài viết.", "2021-03-05"),
    ("Hà Tĩnh: Hội nghị sơ kết\n(15/8/2022)\nNội dung.", "2022-08-15"),
    ("Quảng Trị, ngày 12 tháng 7 năm 2023\nBáo cáo kết quả.", "2023-07-12"),
    ("Ngày 8/8/2023, tại Đông Hà, Tỉnh ủy tổ chức hội nghị.", "2023-08-08"),
    (
        "Bài viết\nNội dung dài.\n"
        + "Câu văn. " * 80
        + "Hội thảo diễn ra ngày 8/8/2023. "
        + "Câu văn. " * 80,
        None,
    ),
    ("Tiêu đề\nNghị quyết số 21-NQ/TW, ngày 16/6/2022 được quán triệt.", None),
]


@pytest.mark.parametrize(("text", "date"), DATES)
def test_document_date(text, date):
    assert document_date(text) == date


# The document's place and the year it reports on.
DOCUMENTS = [
    ("Bình Định: luân chuyển 118 cán bộ\nTỉnh đã luân chuyển cán bộ.", "tỉnh Bình Định", None),
    (
        "Quốc hội phê chuẩn quyết toán ngân sách nhà nước năm 2015\nChiều 22-5, Quốc hội họp.",
        None,
        2015,
    ),
    ("Việt Nam có khả năng đón 13 triệu khách quốc tế\nNội dung.", "Việt Nam", None),
    (
        "Sơ kết công tác\nHội nghị sơ kết 6 tháng đầu năm, triển khai 6 tháng cuối năm 2017 của "
        "ngành Thanh tra.",
        None,
        2017,
    ),
    ("Đà Nẵng phát triển du lịch\nThành phố Đà Nẵng đón khách.", "thành phố Đà Nẵng", None),
]


@pytest.mark.parametrize(("text", "place", "year"), DOCUMENTS)
def test_document_place_and_year(text, place, year):
    at = analyze(text)
    ctx = document_context(at, extract_units(at))
    assert (ctx["place"], ctx["year"]) == (place, year)


def test_document_sector():
    at = analyze(
        "Sơ kết công tác thanh tra\nHội nghị sơ kết công tác 6 tháng đầu năm của ngành Thanh tra."
        "\nToàn ngành đã triển khai 3.847 cuộc thanh tra hành chính."
    )
    stats, ctx = attach_context(extract_statistics(at), at, extract_units(at))
    assert ctx["sector"] == "ngành Thanh tra"
    assert stats[0]["place"] == "ngành Thanh tra"


# Period phrases, their years, and what is no period.
PERIODS = [
    ("giai đoạn 2019 - 2022", "giai đoạn 2019 - 2022", (2019, 2022)),
    ("nhiệm kỳ 2020-2025", "nhiệm kỳ 2020-2025", (2020, 2025)),
    ("từ năm 2016 đến năm 2020", "từ năm 2016 đến năm 2020", (2016, 2020)),
    ("trong 2 năm 2021 - 2022", "trong 2 năm 2021 - 2022", (2021, 2022)),
    ("thời kỳ 2011 - 2020", "thời kỳ 2011 - 2020", (2011, 2020)),
    ("6 tháng đầu năm 2017", "6 tháng đầu năm 2017", (2017, 2017)),
    ("sáu tháng cuối năm 2018", "sáu tháng cuối năm 2018", (2018, 2018)),
    ("những tháng đầu năm 2017", "những tháng đầu năm 2017", (2017, 2017)),
    ("quý I/2023", "quý I/2023", (2023, 2023)),
    ("quý III năm 2021", "quý III năm 2021", (2021, 2021)),
    ("tháng 4/2017", "tháng 4/2017", (2017, 2017)),
    ("tháng 12 năm 2016", "tháng 12 năm 2016", (2016, 2016)),
    ("năm 2022", "năm 2022", (2022, 2022)),
    ("cả năm 2017", "cả năm 2017", (2017, 2017)),
    ("đến năm 2025", "đến năm 2025", (2025, 2025)),
    ("đến hết năm 2016", "đến hết năm 2016", (2016, 2016)),
    ("tính đến cuối năm 2020", "tính đến cuối năm 2020", (2020, 2020)),
    ("đến hết ngày 30/6/2018", "đến hết ngày 30/6/2018", (2018, 2018)),
    ("ngày 8/8/2023", "ngày 8/8/2023", (2023, 2023)),
    ("ngày 8 tháng 8 năm 2023", "ngày 8 tháng 8 năm 2023", (2023, 2023)),
    ("từ năm 2012 đến nay", "từ năm 2012 đến nay", (2012, None)),
    ("năm 2016 và năm 2017", "năm 2016 và năm 2017", (2016, 2017)),
    ("hằng năm", "hằng năm", None),
    ("hiện nay", "hiện nay", None),
]


@pytest.mark.parametrize(("text", "found", "years"), PERIODS)
def test_period_phrase(text, found, years):
    periods = find_periods(f"Trong kỳ báo cáo, {text}, tỉnh có 12 xã.")
    assert [p.text for p in periods][-1:] == [found]
    assert resolve_years(periods[-1]) == years


NOT_PERIODS = [
    "tăng 8% so với cùng kỳ năm 2016",
    "giảm 69 xã so với cuối năm 2015",
    "tăng 0,9% so với tháng 12 năm 2016",
    "theo Nghị quyết số 21-NQ/TW, ngày 16/6/2022 của Ban Chấp hành Trung ương",
    "theo Đề án phát triển du lịch giai đoạn 2016 - 2020 của tỉnh",
    "từng là khu rừng cấm từ năm 1977",
]


@pytest.mark.parametrize("text", NOT_PERIODS)
def test_no_period(text):
    assert [p.text for p in find_periods(text) if p.years] == []


# Years of periods written without one, against the year a report is on.
RELATIVE = [
    ("6 tháng đầu năm", 2017, False, (2017, 2017), "6 tháng đầu năm (2017)"),
    ("năm nay", 2023, False, (2023, 2023), "năm nay (2023)"),
    ("cùng kỳ", 2017, False, (2016, 2016), "cùng kỳ (2016)"),
    ("hiện nay", 2023, True, (2023, 2023), "hiện nay (2023)"),
    ("hiện nay", 2023, False, None, "hiện nay"),
    ("đến nay", None, False, None, "đến nay"),
    ("hằng năm", 2023, True, None, "hằng năm"),
    ("quý II", 2021, False, (2021, 2021), "quý II (2021)"),
]


@pytest.mark.parametrize(("text", "year", "dated", "years", "written"), RELATIVE)
def test_relative_period_years(text, year, dated, years, written):
    period = find_periods(f"Trong {text}, tỉnh có 12 xã.")[0]
    got = resolve_years(period, year, dated)
    assert got == years
    assert period_text(period, got) == written


# Numbers in idioms and names are no figures; the same words counting things are.
IDIOMS = [
    ("Mạng xã hội là con dao hai lưỡi đối với giới trẻ.", []),
    ("Bạn bè năm châu đến dự lễ hội.", []),
    ("Vận hành mô hình chính quyền địa phương 2 cấp từ ngày 1/7/2025.", []),
    ("Sắp xếp tổ chức bộ máy chính quyền hai cấp bảo đảm thông suốt.", []),
    ("Hai bên nhất trí tăng cường hợp tác kinh tế.", []),
    ("Cây xanh được trồng hai bên đường.", []),
    ("Hai bên cùng khẳng định quan hệ hữu nghị.", []),
    ("Từ 1 nhà máy nhỏ, công ty đã phát triển thành Tổng công ty hàng đầu.", []),
    ("Anh em đi khắp bốn phương tám hướng.", []),
    ("Bà con một nắng hai sương trên đồng ruộng.", []),
    ("Khu đất khiến hai bên tranh chấp kéo dài.", [2]),
    ("Tỉnh có 2 cấp chính quyền với 120 xã.", [2, 120]),
    ("Hai bên đã ký kết 5 văn bản hợp tác.", [5]),
    ("Công ty có 1 nhà máy và 3 xí nghiệp.", [1, 3]),
]


@pytest.mark.parametrize(("text", "values"), IDIOMS)
def test_idioms_are_no_figures(text, values):
    assert [s["value"] for s in extract_statistics(analyze(text))] == values


# Abbreviations the document defines are written out in measures.
ABBREVIATIONS = [
    ("quyết toán ngân sách nhà nước (NSNN) năm 2015", {"NSNN": "ngân sách nhà nước"}),
    ("vốn đầu tư công (VĐTC) được giải ngân", {"VĐTC": "vốn đầu tư công"}),
    ("Ủy ban Tài chính, Ngân sách (UBTCNS)", {}),
    ("hội đồng nhân dân (HĐND) tỉnh", {"HĐND": "hội đồng nhân dân"}),
]


@pytest.mark.parametrize(("text", "expected"), ABBREVIATIONS)
def test_abbreviations(text, expected):
    assert abbreviations(text) == expected


def test_abbreviation_in_measure():
    text = (
        "Quốc hội quyết định dự toán ngân sách nhà nước (NSNN) năm 2015. Tổng chi NSNN là "
        "1.177.100 tỷ đồng."
    )
    assert figure(text, 1.1771e15)["subject"] == "tổng chi ngân sách nhà nước"


# A table's figures take their row and column headers, their period's years.
TABLE = Table(
    rows=[
        ["TT", "Chỉ tiêu", "Đơn vị tính", "Năm 2022", "Giai đoạn 2021 - 2025"],
        ["1", "Tỷ lệ hộ nghèo", "%", "3,2", "1,5"],
        ["2", "Số đảng viên mới kết nạp", "đảng viên", "1.305", "6.000"],
        ["3", "Tổng vốn đầu tư", "tỷ đồng", "3.450", "18.000"],
    ]
)
TABLE_CASES = [
    (3.2, "Tỷ lệ hộ nghèo — Năm 2022", "năm 2022", [2022, 2022]),
    (1.5, "Tỷ lệ hộ nghèo — Giai đoạn 2021 - 2025", "giai đoạn 2021 - 2025", [2021, 2025]),
    (1305, "Số đảng viên mới kết nạp — Năm 2022", "năm 2022", [2022, 2022]),
    (
        6000,
        "Số đảng viên mới kết nạp — Giai đoạn 2021 - 2025",
        "giai đoạn 2021 - 2025",
        [2021, 2025],
    ),
    (3.45e12, "Tổng vốn đầu tư — Năm 2022", "năm 2022", [2022, 2022]),
    (1.8e13, "Tổng vốn đầu tư — Giai đoạn 2021 - 2025", "giai đoạn 2021 - 2025", [2021, 2025]),
]


@pytest.fixture(scope="module")
def table_stats():
    # the table as a reader gives it: each cell's span in the text as read
    text, cells = "Bảng chỉ tiêu của huyện Gio Linh.\n", []
    for row in TABLE.rows:
        spans = []
        for cell in row:
            spans.append((len(text), len(text) + len(cell)))
            text += cell + "\n"
        cells.append(spans)
    at = analyze(text)
    stats = extract_table_statistics([Table(rows=TABLE.rows, cells=cells)], at)
    attach_context(stats, at, extract_units(at))
    return stats


@pytest.mark.parametrize(("value", "subject", "period", "years"), TABLE_CASES)
def test_table_context(table_stats, value, subject, period, years):
    got = next(s for s in table_stats if s["value"] == pytest.approx(value))
    assert (got["subject"], got["period"], got["years"]) == (subject, period, years)


LINE_TABLE = (
    "Kế hoạch phát triển kinh tế - xã hội của huyện\n"
    "STT\nChỉ tiêu\nĐơn vị tính\nKế hoạch năm 2024\n"
    "1\nTỷ lệ hộ nghèo giảm\n%\n1,5\n"
    "2\nSố xã đạt chuẩn nông thôn mới\nxã\n12\n"
)


@pytest.mark.parametrize(
    ("value", "subject", "years"),
    [
        (1.5, "Tỷ lệ hộ nghèo giảm — Kế hoạch năm 2024", [2024, 2024]),
        (12, "Số xã đạt chuẩn nông thôn mới — Kế hoạch năm 2024", [2024, 2024]),
    ],
)
def test_line_table_context(value, subject, years):
    got = figure(LINE_TABLE, value)
    assert (got["subject"], got["years"]) == (subject, years)


# Proper names keep their case; a measure is never a function word or a verb fragment.
@pytest.mark.parametrize(
    "text",
    [
        "Bình Dương có 1.200 doanh nghiệp có vốn đầu tư nước ngoài.",
        "Đối với 45 hộ dân bị ảnh hưởng, tỉnh đã bố trí tái định cư.",
        "Thông qua 12 cuộc kiểm tra, đoàn đã phát hiện sai phạm.",
        "Vì vậy, 30 hộ đã được hỗ trợ làm nhà.",
        "Sáng nay, 500 đại biểu dự hội nghị.",
        "Ông cho biết 20 doanh nghiệp đã đăng ký.",
    ],
)
def test_measure_is_a_noun_phrase(text):
    stats, _ = context_of(text)
    assert stats
    for s in stats:
        subject = s["subject"] or ""
        assert subject.split()[:1] not in (["đối"], ["thông"], ["vì"], ["sáng"], ["ông"], ["quá"])
        assert not subject.startswith("bình Dương")


# The measure by form (issue 12): the frame around a count, a label under its lead-in, a
# passive subject, a ratio's whole, a rate noun, a change, an anaphor, a pair, a rate per unit.
MEASURE_FORMS = [
    # the object of "cho", "tại", "của": who received it, where it was done, whose it is
    (
        "Hội Nông dân huyện đã tổ chức 12 lớp tập huấn kỹ thuật chăn nuôi cho 640 hội viên.",
        640,
        "hội viên được tập huấn kỹ thuật chăn nuôi",
    ),
    ("Năm 2022, UBND tỉnh đã hỗ trợ 3 tỷ đồng cho 150 hộ.", 150, "hộ được hỗ trợ"),
    (
        "Đoàn sẽ giám sát việc thực hiện chính sách tại 6 đơn vị trong tháng 9.",
        6,
        "đơn vị được giám sát việc thực hiện chính sách",
    ),
    (
        "Tỉnh đồng ý tiếp tục miễn học phí cho học sinh 4 huyện miền núi.",
        4,
        "huyện miền núi được miễn học phí",
    ),
    (
        "Qua báo cáo của 45 xã, phường, thị trấn, toàn huyện có 1.200 hộ cận nghèo.",
        45,
        "xã có báo cáo",
    ),
    # a title's verb is no predicate of the count
    (
        "Chương trình hỗ trợ giảm nghèo nhanh và bền vững đối với 61 huyện nghèo.",
        61,
        "huyện nghèo",
    ),
    # a post counted in "người": the subject and its passive verb
    (
        "Trường hợp sáp nhập 02 xã thì số lượng Phó Chủ tịch UBND xã được tăng thêm 01 người.",
        1,
        "số lượng Phó Chủ tịch UBND xã được tăng thêm",
    ),
    # pairs that name one thing, a rate per unit, a class after "dưới"
    (
        "Mỗi phòng có từ 02 đến 04 tổ và tương đương được bố trí 01 Phó Trưởng phòng.",
        2,
        "tổ và tương đương",
    ),
    (
        "Bình quân không quá 5,5 biên chế trên 01 đơn vị sự nghiệp cấp huyện.",
        5.5,
        "biên chế trên đơn vị sự nghiệp cấp huyện",
    ),
    ("Toàn tỉnh có 15 xã dưới 10 tiêu chí, giảm 6 xã so với năm trước.", 15, "xã dưới tiêu chí"),
    (
        "Toàn tỉnh có 15 xã dưới 10 tiêu chí, giảm 6 xã so với năm trước.",
        6,
        "mức giảm xã dưới tiêu chí",
    ),
    (
        "Đến hết năm 2022, 100% các xã, thị trấn trên địa bàn đã có nhà văn hóa.",
        100,
        "xã, thị trấn",
    ),
    (
        "Huyện đã kiểm tra việc thực hiện 36 kết luận và quyết định xử lý sau thanh tra.",
        36,
        "kết luận và quyết định xử lý",
    ),
    # the subject of a clause after "do", "thì", with a name as its owner
    (
        "Giá trị sản xuất nông nghiệp tăng 4,2%, chủ yếu do lĩnh vực chăn nuôi tăng 7,1%.",
        7.1,
        "mức tăng lĩnh vực chăn nuôi",
    ),
    (
        "Theo Quyết định này thì diện tích rừng phòng hộ Đakrông chỉ còn 1.250 ha.",
        1250,
        "diện tích rừng phòng hộ",
    ),
    (
        "Số vốn đầu tư công còn lại chưa giải ngân là 420 tỷ đồng.",
        420e9,
        "số vốn đầu tư công còn lại",
    ),
    (
        "Chỉ số giá tiêu dùng (CPI) bình quân 6 tháng tăng 3,1%.",
        3.1,
        "mức tăng Chỉ số giá tiêu dùng",
    ),
    (
        "Về nguồn vốn: Vay trong nước 300 tỷ đồng; vay ngoài nước 120 tỷ đồng.",
        300e9,
        "vay trong nước",
    ),
    (
        "Về nguồn vốn: Vay trong nước 300 tỷ đồng; vay ngoài nước 120 tỷ đồng.",
        120e9,
        "vay ngoài nước",
    ),
    # the whole a percentage is taken of
    (
        "Tổng thu ngân sách trên địa bàn đạt 2.150 tỷ đồng, bằng 56,3% dự toán năm.",
        56.3,
        "tổng thu ngân sách so với dự toán",
    ),
    ("Toàn tỉnh có 312 hộ nghèo, chiếm 1,2% tổng số hộ dân.", 1.2, "hộ nghèo trong tổng số hộ dân"),
    # changes: "gấp", "vượt", "kéo giảm", a rate noun before the figure
    (
        "Đến nay toàn huyện có 18 xã đạt chuẩn nông thôn mới, gấp 3 lần so với năm 2015.",
        3,
        "mức tăng xã đạt chuẩn nông thôn mới",
    ),
    (
        "Năm 2023 huyện có 21 xã (84%) đạt chuẩn (vượt 2% so với kế hoạch).",
        2,
        "mức vượt xã đạt chuẩn",
    ),
    (
        "Năm 2022 tỉnh kéo giảm tai nạn giao thông tới 15% so với năm 2021.",
        15,
        "mức giảm tai nạn giao thông",
    ),
    (
        "Ngành Giáo dục tiếp tục duy trì tốc độ tăng trưởng 8% về quy mô học sinh.",
        8,
        "tốc độ tăng trưởng",
    ),
    # a sum the sentence then names; a noun taken up with "này"
    (
        "Riêng 4,5 tỷ đồng là kinh phí sự nghiệp môi trường của huyện.",
        4.5e9,
        "kinh phí sự nghiệp môi trường",
    ),
    (
        "Nợ thuế của các doanh nghiệp trên địa bàn đã được xử lý. Hiện số nợ này còn khoảng 120 "
        "tỷ đồng.",
        120e9,
        "nợ thuế",
    ),
    # items of a list after a money figure share its action
    (
        "Các cơ quan chức năng đã thu hồi và xử lý 12 tỷ đồng (đạt tỷ lệ 60%), 35 ha đất (đạt "
        "tỷ lệ 40%).",
        35,
        "đất được thu hồi và xử lý",
    ),
    (
        "Các cơ quan chức năng đã thu hồi và xử lý 12 tỷ đồng (đạt tỷ lệ 60%), 35 ha đất (đạt "
        "tỷ lệ 40%).",
        60,
        "tỷ lệ tiền thu hồi và xử lý",
    ),
    # a label under a lead-in that says what the totals are
    (
        "Hội đồng nhân dân tỉnh quyết định dự toán thu, chi ngân sách địa phương năm 2024. Cụ "
        "thể: Tổng số thu: 3.200 tỷ đồng; Tổng số chi: 5.400 tỷ đồng.",
        3.2e12,
        "tổng số thu ngân sách địa phương",
    ),
    (
        "Hội đồng nhân dân tỉnh quyết định dự toán thu, chi ngân sách địa phương năm 2024. Cụ "
        "thể: Tổng số thu: 3.200 tỷ đồng; Tổng số chi: 5.400 tỷ đồng.",
        5.4e12,
        "tổng số chi ngân sách địa phương",
    ),
    ("Cụ thể: Tổng số thu: 3.200 tỷ đồng; Tổng số chi: 5.400 tỷ đồng.", 3.2e12, "tổng số thu"),
]


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    MEASURE_FORMS,
    ids=[f"{t[:40]}-{v}" for t, v, _ in MEASURE_FORMS],
)
def test_measure_by_form(text, value, subject):
    assert figure(text, value)["subject"] == subject


def test_lead_in_topic_needs_a_list_opener():
    text = "Tỉnh giao dự toán thu, chi ngân sách địa phương. Tổng số chi: 5.400 tỷ đồng"
    assert lead_in_topic(text, text.index("Tổng"), "Tổng số chi") is None
    text = "Tỉnh giao dự toán thu, chi ngân sách địa phương. Cụ thể: Tổng số chi: 5.400 tỷ"
    assert lead_in_topic(text, text.index("Cụ thể"), "Tổng số chi") == "ngân sách địa phương"


def test_antecedent_is_the_fullest_naming():
    text = "Nợ đọng xây dựng cơ bản đã giảm; kéo giảm nợ tới 30%. Hiện số nợ này còn"
    assert antecedent(text, len(text), "nợ") == "Nợ đọng xây dựng cơ bản"
    assert antecedent("Hiện số nợ này còn", 0, "nợ") is None


# Places: a generic category of bodies owns no figure, and ends the paragraph's place.
def test_generic_bodies_own_no_figure():
    text = (
        "Toàn ngành Thanh tra đã triển khai 3.847 cuộc thanh tra. Cơ quan hành chính nhà nước "
        "các cấp đã tiếp 197.700 lượt công dân (tăng 8% so với cùng kỳ). Nhiều bộ, ngành, địa "
        "phương có số người đã kê khai đạt 100%; kết quả công khai đạt 99,8%."
    )
    stats, _ = context_of(text)
    places = {s["value"]: s["place"] for s in stats}
    assert (places[197700], places[8], places[100], places[99.8]) == (None, None, None, None)
