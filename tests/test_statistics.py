"""Statistics: what counts as a quantitative fact, and what it is attached to.

Each case is a real-looking sentence and the figures it holds, in order, with the fields that
matter; negatives (dates, durations, ordinals, references, furniture) sit beside positives.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import DEV_GOLD
from vnpolicy.extractors.statistics import extract_statistics
from vnpolicy.nlp import analyze

C, P, M, ME = "count", "percent", "money", "measure"

# (sentence, [(value, unit, kind), ...]) -- every figure in the sentence, in order.
FIGURES = [
    # counts with their counted noun (the words underthesea groups after the number)
    ("Đảng bộ tỉnh có 9.757 đồng chí là đoàn viên.", [(9757, "đồng chí", C)]),
    ("Đoàn thanh niên có 10 đơn vị đoàn cấp huyện.", [(10, "đơn vị đoàn cấp huyện", C)]),
    (
        "Toàn tỉnh có 333 tổ chức cơ sở Đoàn với 39.199 đoàn viên.",
        [(333, "tổ chức cơ sở Đoàn", C), (39199, "đoàn viên", C)],
    ),
    (
        "Các cấp bộ đoàn đã giới thiệu 8.034 đoàn viên ưu tú cho Đảng.",
        [(8034, "đoàn viên ưu tú", C)],
    ),
    ("Hội thảo kết nối trực tuyến đến 08 huyện, thị trong toàn tỉnh.", [(8, "huyện", C)]),
    ("Đoàn thanh niên có 02 Đoàn trực thuộc.", [(2, "Đoàn trực thuộc", C)]),
    (
        "Các địa phương đã tổ chức 94 lớp bồi dưỡng cho 5.156 quần chúng.",
        [(94, "lớp bồi dưỡng", C), (5156, "quần chúng", C)],
    ),
    (
        "Toàn ngành đã triển khai 3.847 cuộc thanh tra hành chính.",
        [(3847, "cuộc thanh tra hành chính", C)],
    ),
    ("Đà Nẵng đã giao đất rừng cho 14 DN xây dựng khu du lịch.", [(14, "DN", C)]),
    ("Sở được bố trí không quá 10 Phó Giám đốc.", [(10, "Phó Giám đốc", C)]),
    ("Chỉ số PCI của tỉnh tăng 9 bậc so với năm trước.", [(9, "bậc", C)]),
    ("Năm 2016 có 2.716 đoàn đông người đến khiếu nại.", [(2716, "đoàn đông người", C)]),
    (
        "Trong số 13 chỉ tiêu Quốc hội giao có 11 chỉ tiêu đạt và vượt.",
        [(13, "chỉ tiêu", C), (11, "chỉ tiêu", C)],
    ),
    ("Số lượng Phó Giám đốc sở được bố trí bình quân 03 người/sở.", [(3, "người", C)]),
    ("Đã xử lý 1 trường hợp vi phạm.", [(1, "trường hợp", C)]),
    # spelled numbers from "hai" up
    ("Bộ Chính trị phân công ba đồng chí theo dõi địa bàn.", [(3, "đồng chí", C)]),
    ("Lực lượng Công an thực hiện hai nhiệm vụ chiến lược.", [(2, "nhiệm vụ chiến lược", C)]),
    ("Nghị quyết xác định năm mục tiêu của nông thôn mới.", [(5, "mục tiêu", C)]),
    ("Đề án gồm ba thành tố đổi mới.", [(3, "thành tố đổi mới", C)]),
    ("Hai bộ cổng rào được giao cho phường lưu giữ.", [(2, "bộ cổng rào", C)]),
    ("Ban tổ chức trao mười lăm suất học bổng.", [(15, "suất học bổng", C)]),
    ("Tỉnh có hai mươi lăm xã đạt chuẩn.", [(25, "xã", C)]),
    # percentages
    ("Số đảng viên là đoàn viên chiếm 19,9% trong tổng số đảng viên.", [(19.9, "%", P)]),
    ("Tăng trưởng GDP đạt 5,0% so với cùng kỳ.", [(5.0, "%", P)]),
    ("Tỷ lệ kết nạp chưa đạt 70%.", [(70, "%", P)]),
    ("Đường thôn được cứng hóa đạt tỷ lệ ≥90%.", [(90, "%", P)]),
    ("Tỷ lệ nghèo đa chiều ≤2%.", [(2, "%", P)]),
    ("Tỷ lệ hộ nghèo giảm còn năm phần trăm.", [(5, "%", P)]),
    ("Lãi suất tăng 1,5 phần trăm.", [(1.5, "%", P)]),
    ("Chỉ số hài lòng đạt từ 85% trở lên.", [(85, "%", P)]),
    ("Tốc độ tăng trưởng đạt 10%/năm.", [(10, "%", P)]),
    # money: the value is the full number, the unit is the currency
    ("Tổng vốn đầu tư là 6,7 tỷ đồng.", [(6.7e9, "đồng", M)]),
    ("Kết quả quyết toán thu ngân sách là 911.100 tỷ đồng.", [(9.111e14, "đồng", M)]),
    ("Tổng thu đạt 1.147.100 tỷ đồng.", [(1.1471e15, "đồng", M)]),
    ("Vốn đăng ký đạt 825 nghìn tỷ đồng.", [(8.25e14, "đồng", M)]),
    ("Kim ngạch xuất khẩu đạt 10,6 tỷ USD.", [(1.06e10, "USD", M)]),
    ("Hợp đồng trị giá 75 triệu bảng.", [(7.5e7, "bảng", M)]),
    ("Bên mua đã trả 8.000.000.000 đồng.", [(8e9, "đồng", M)]),
    ("Chuyên gia được hỗ trợ tối đa 04 tháng tiền lương.", [(4, "tháng tiền lương", M)]),
    ("Người lao động được thưởng 01 tháng lương.", [(1, "tháng lương", M)]),
    # measures
    ("Dự án chiếm 64 ha đất rừng.", [(64, "ha", ME)]),
    ("Đoàn thanh tra kiến nghị thu hồi 4.978 ha đất.", [(4978, "ha", ME)]),
    ("Khu đất rộng 1.056ha nằm ven biển.", [(1056, "ha", ME)]),
    ("Tuyến đường dài 120 km được nâng cấp.", [(120, "km", ME)]),
    ("Sản lượng đạt 12,5 triệu tấn.", [(1.25e7, "tấn", ME)]),
    ("Nhà máy có công suất 50 MW.", [(50, "MW", ME)]),
    ("Diện tích nhà là 298,3m2.", [(298.3, "m2", ME)]),
    ("Màn hình có kích thước 5,8 inch.", [(5.8, "inch", ME)]),
    ("Công trình cách bờ biển dưới 200m.", [(200, "m", ME)]),
    ("Nỗ lực cải cách ít nhất bằng 3 lần năm trước.", [(3, "lần", ME)]),
    # ranges are one statistic: value = low end, max = high end
    ("Tỷ lệ phát triển đảng viên mới đạt từ 3 - 4% tổng số đảng viên.", [(3, "%", P)]),
    ("Số đoàn viên ưu tú chiếm từ 12% - 15% số đoàn viên.", [(12, "%", P)]),
    ("Tăng trưởng bình quân từ 9,5 - 12%/năm.", [(9.5, "%", P)]),
    ("Lượng khách tăng 25-30%.", [(25, "%", P)]),
    ("Ngành du lịch đón từ 12,5-13 triệu lượt khách quốc tế.", [(1.25e7, "lượt khách quốc tế", C)]),
    ("Phòng có từ 10 đến 14 biên chế công chức.", [(10, "biên chế công chức", C)]),
    ("Mức hỗ trợ từ 500.000 đồng đến 1.000.000 đồng.", [(500000, "đồng", M)]),
    # a part of a whole is two counts; a small fraction is one value
    (
        "Đã có 241/620 doanh nghiệp nộp báo cáo.",
        [(241, "doanh nghiệp", C), (620, "doanh nghiệp", C)],
    ),
    ("Đã giải ngân 6000/31.328 tỷ đồng.", [(6e12, "đồng", M), (3.1328e13, "đồng", M)]),
    ("Nghị quyết được 2/3 số đại biểu biểu quyết.", [(0.6667, "số đại biểu", C)]),
    # one noun shared by two figures
    ("Màn hình có thể là 5,7 hoặc 5,8 inch.", [(5.7, "inch", ME), (5.8, "inch", ME)]),
    ("Mỗi cánh cửa có kích thước 2,8 x 2,3 m.", [(2.8, "m", ME), (2.3, "m", ME)]),
    # approximations
    ("Hội thảo có sự tham gia của gần 500 đại biểu.", [(500, "đại biểu", C)]),
    ("Ngành đã thu hồi hơn 29.500 tỷ đồng.", [(2.95e13, "đồng", M)]),
    ("Tỉnh đã quy hoạch khoảng 100.000 lượt cán bộ.", [(100000, "lượt cán bộ", C)]),
    ("Tỷ lệ tăng trưởng trên dưới 20%.", [(20, "%", P)]),
    ("Việt Nam đón trên 40 triệu lượt khách nội địa.", [(4e7, "lượt khách nội địa", C)]),
    ("Trong 4 tháng có gần 40 nghìn doanh nghiệp đăng ký mới.", [(40000, "doanh nghiệp", C)]),
    # several figures in one sentence
    (
        "Khối địa bàn dân cư có 11.727 đoàn viên, chiếm 29,9%.",
        [(11727, "đoàn viên", C), (29.9, "%", P)],
    ),
    ("Có 12 người chết và 35 người bị thương.", [(12, "người", C), (35, "người", C)]),
    ("Chi bộ có 03 đ/c được kết nạp.", [(3, "đ/c", C)]),
    ("Mỗi suất quà trị giá 500.000đ.", [(500000, "đ", M)]),
    ("Hỗ trợ từ 5 - 7 triệu đồng/hộ.", [(5e6, "đồng", M)]),
    ("Có 7/9 huyện đạt chỉ tiêu.", [(7, "huyện", C), (9, "huyện", C)]),
    (
        "Có 1.234 hộ nghèo (chiếm 2,5%) và 567 hộ cận nghèo.",
        [(1234, "hộ nghèo", C), (2.5, "%", P), (567, "hộ cận nghèo", C)],
    ),
    ("Năng suất lúa đạt 60,5 tạ/ha.", [(60.5, "tạ", ME)]),
    (
        "Đại hội bầu 45 đồng chí vào Ban Chấp hành khóa XVII, nhiệm kỳ 2020 - 2025.",
        [(45, "đồng chí", C)],
    ),
    # units written in two words or with a digit, glued or not
    ("Diện tích đất tranh chấp là 2.635,4 m2.", [(2635.4, "m2", ME)]),
    ("Ông S đã nhận 95 chỉ vàng 24K.", [(95, "chỉ vàng", ME)]),
    ("Hồ chứa 2 tỷ m3 nước.", [(2e9, "m3", ME)]),
    (
        "Kim ngạch đạt 5USD, công suất 300MWh, diện tích 25km2.",
        [(5, "USD", M), (300, "MWh", ME), (25, "km2", ME)],
    ),
    ("Gói 500g đường.", [(500, "g", ME)]),
    # a word that names an identifier elsewhere ("mức độ 4", "khoản 2") before money is money
    ("Hỗ trợ 1.470 hộ nghèo với mức 40 triệu đồng/hộ.", [(1470, "hộ nghèo", C), (4e7, "đồng", M)]),
    ("Mỗi căn nhà được hỗ trợ mức 60 triệu đồng.", [(6e7, "đồng", M)]),
    # a session word with the noun of what was held counts events
    ("Tổ chức 1.250 buổi sinh hoạt chủ điểm.", [(1250, "buổi sinh hoạt chủ điểm", C)]),
    ("Quốc hội đã tổ chức 5 kỳ họp.", [(5, "kỳ họp", C)]),
    # a compound that begins with a time syllable but names no time
    ("Cuộc thi thu hút 1.024 sáng kiến.", [(1024, "sáng kiến", C)]),
    # a counted noun in quotes
    (
        'Đoàn xây dựng hai mươi lăm "Ngôi nhà khăn quàng đỏ".',
        [(25, "Ngôi nhà khăn quàng đỏ", C)],
    ),
    ("Tỉnh khánh thành 15 “Công trình thanh niên” trong năm.", [(15, "Công trình thanh niên", C)]),
    # spelled fractions of a whole, and "một" with a multiplier
    ("Có tới hai phần ba bệnh viện tuyến tỉnh thiếu thuốc.", [(0.6667, "bệnh viện tuyến tỉnh", C)]),
    ("Nghị quyết được hai phần ba số đại biểu tán thành.", [(0.6667, "số đại biểu", C)]),
    ("Có một trăm hai mươi hộ được hỗ trợ.", [(120, "hộ", C)]),
    # a capitalized object before the same noun in lower case: "khỏi Đảng 58 đảng viên"
    ("Các cấp ủy đưa ra khỏi Đảng 58 đảng viên không đủ tư cách.", [(58, "đảng viên", C)]),
    ("Xóa tên, cho ra khỏi Đảng 112 trường hợp.", [(112, "trường hợp", C)]),
    # a sum in tỷ, or in triệu per head, with no currency written is in đồng
    ("Giá trị sản xuất đạt 12.500 tỷ.", [(1.25e13, "đồng", M)]),
    ("Thu nhập bình quân đạt 65 triệu/người/năm.", [(6.5e7, "đồng", M)]),
    # a class label and a colon before the value ("Xã loại 1: 1,5 lần ...")
    ("a) Xã loại 1: 1,5 lần mức lương cơ sở/người/tháng;", [(1.5, "lần mức lương cơ sở", C)]),
    ("Xã loại 1 tối đa 14 người, xã loại 2 tối đa 12 người.", [(14, "người", C), (12, "người", C)]),
    # a PDF line break between the number and its noun
    ("Mức hỗ trợ 10.000.000\nđồng/năm cho mỗi chi bộ.", [(1e7, "đồng", M)]),
    # --- not statistics -------------------------------------------------------------------
    ("Thời hạn trả lời trong 30\nngày kể từ ngày nhận.", []),
    ("Mạng 5G phủ sóng toàn tỉnh.", []),
    ("Lữ đoàn tổ chức diễn tập cùng Đoàn 871 tổ chức hội thao.", []),
    ("Cổng thông tin cập nhật lúc 09:15 hằng ngày.", []),
    ("Dân số của tỉnh khoảng 3 triệu.", []),
    ("Hội nghị diễn ra trong 2 buổi.", []),
    ("Lớp học kéo dài 3 buổi sáng.", []),
    ('Hưởng ứng phong trào “3 sẵn sàng” và khẩu hiệu "5 không".', []),
    ("Năm “Thanh niên tình nguyện” được phát động.", []),
    ("Một người dân phản ánh sự việc.", []),
    ("Hội nghị Trung ương 5 đồng chí Tổng Bí thư phát biểu.", []),
    ("Nghị quyết số 21-NQ/TW, ngày 16/6/2022 của Ban Chấp hành Trung ương.", []),
    ("Theo Nghị định số 30/2020/NĐ-CP của Chính phủ.", []),
    ("Chỉ thị số 05-CT/TU, ngày 07/5/2021 của Ban Thường vụ Tỉnh ủy.", []),
    ("Huyện ủy ban hành đề án giai đoạn 2021 - 2025.", []),
    ("Nhiệm kỳ 2020-2025 đã đi được nửa chặng đường.", []),
    ("Năm 2023 là năm bản lề.", []),
    ("Hội nghị diễn ra vào ngày 8/8/2023.", []),
    ("Quyết định có hiệu lực từ ngày 15 tháng 02 năm 2026.", []),
    ("Cơ quan phải trả lời trong 30 ngày kể từ ngày nhận hồ sơ.", []),
    ("Báo cáo kết quả 6 tháng đầu năm.", []),
    ("Ông có gần 35 năm công tác.", []),
    ("Đối tượng là thanh niên 18 tuổi.", []),
    ("Mô hình Đảng viên tuổi 18 được nhân rộng.", []),
    ("Hội nghị lần thứ 5 Ban Chấp hành Trung ương khóa XII.", []),
    ("Phiên họp thứ 12 của Ủy ban Thường vụ Quốc hội.", []),
    ("Tỉnh xếp thứ 58/63 tỉnh, thành phố.", []),
    ("Việt Nam xếp thứ 82 trong 189 nền kinh tế.", []),
    ("Căn cứ Điều 5, khoản 2 của Luật.", []),
    ("Căn cứ điểm a khoản 1 Điều 3 Quyết định này.", []),
    ("Theo quy định tại Điều 438, 440 và 502 Bộ luật Dân sự.", []),
    ("Buổi lễ bắt đầu lúc 14h30.", []),
    ("Cuộc họp bắt đầu lúc 9 giờ sáng.", []),
    ("Tổng lượt truy cập: 74029355", []),
    ("215 Go top", []),
    ("Khách 490", []),
    ("Doanh số bán iPhone 8 sẽ cao hơn iPhone 7.", []),
    ("Hội nghị Trung ương 5 đã thảo luận nhiều vấn đề.", []),
    ("Đoàn kiểm tra số 471 của Bộ Chính trị làm việc tại tỉnh.", []),
    ("Thứ hai, cần rà soát lại toàn bộ dự án.", []),
    ("Hủy án phúc thẩm lần hai.", []),
    ("Cả hai nội dung đều được thực hiện.", []),
    ("Tòa án xử phúc thẩm lần ba.", []),
    ("Lãnh đạo cấp cao của hai Đảng, hai Nhà nước đã hội đàm.", []),
    ("Người bị kết án đã chấp hành ít nhất hai phần ba thời gian.", []),
    ("Chính quyền địa phương hai cấp đi vào hoạt động.", []),
    ("Năm nay tỉnh tiếp tục đổi mới.", []),
    ("Sử dụng kết quả của năm trước liền kề năm xét.", []),
    ("Ông được giao nhiệm vụ trong ba năm.", []),
    ("Đạt tiêu chuẩn 5 không, 3 sạch.", []),
    ("Phòng, chống thiên tai theo phương châm 4 tại chỗ.", []),
    ("Có sản phẩm OCOP 3 sao trở lên.", []),
    ("Không thanh tra doanh nghiệp quá 1 lần/năm.", []),
    ("Do 6 địa phương này không đề xuất bổ sung.", []),
    ("Trước đây bà ở số 12 Tôn Đản.", []),
    ("1 Phiếu thông tin được chuyển cho người được trợ giúp.", []),
    ("Bình quân 4,5 tổ chức trên 01 đơn vị hành chính cấp xã.", [(4.5, "tổ chức", C)]),
    ("Bảo đảm không vượt quá 3 Điều khoản.", []),
    ("Xã nhóm 1 là xã liền kề đô thị.", []),
    ("Tin liên quan: 5 giải pháp phát triển đảng viên", []),
    ("Tại Km 15+200 xảy ra sạt lở.", []),
    ("Cuộc cách mạng công nghiệp 4.0 đang diễn ra.", []),
    ("Sư đoàn 304 thuộc Quân khu 4 tham gia diễn tập.", []),
    ("Điện thoại: 0233.3852.123.", []),
    ("Dịch Covid-19 ảnh hưởng đến kinh tế.", []),
    ("Ông A (55 tuổi) bị thương.", []),
    ("Tờ trình số 15/TTr-UBND và Báo cáo số 125-BC/TU.", []),
    ("Tỉnh ủy ban hành các văn bản số 12, 13 và 14.", []),
    ("Dự án giai đoạn 2 được triển khai.", []),
    ("Thực hiện Chỉ thị 05 của Bộ Chính trị.", []),
    ("Thời gian thực hiện 36 tháng.", []),
    ("Kỷ niệm 70 năm chiến thắng Điện Biên Phủ.", []),
    ("Năm 2023 là năm bản lề.", []),
    # blind round: an ordinal the segmenter joins ("thứ 2" is also a weekday) is no count,
    # beside a count; a data rate is a measure; a bilateral pair is no count, a dispute is
    ("U23 Việt Nam xếp thứ 2 bảng D.", []),
    ("Đội giành 3 điểm, xếp thứ 2 bảng D.", [(3, "điểm", C)]),
    ("Tốc độ tải xuống trung bình đạt 35 Mbps.", [(35, "Mbps", "measure")]),
    ("Hai nhà lãnh đạo chứng kiến lễ ký 13 văn kiện.", [(13, "văn kiện", C)]),
    ("Hai bên nhất trí thúc đẩy thương mại.", []),
    ("Thương mại hai nước đạt 29,8 tỷ USD.", [(29.8e9, "USD", "money")]),
    ("Cổng rào khiến hai bên tranh chấp.", [(2, "bên", C)]),
    ("Giao lưu thanh niên 3 nước Việt Nam - Lào - Campuchia.", []),
    ("Có 3 nước tham gia diễn đàn.", [(3, "nước", C)]),
    # a noun that is also a verb: a noun right after the number, a verb after the counted noun
    ("Mỗi cơ sở tổ chức ít nhất 1 hoạt động tình nguyện.", [(1, "hoạt động tình nguyện", C)]),
    ("Có 50 doanh nghiệp hoạt động trong khu.", [(50, "doanh nghiệp", C)]),
]

# A table written one cell per line (vbpl.vn as text): each cell read with its row and
# column headers; the STT column and the header's year are no statistics.
LINE_TABLE = "\n\n".join(
    [
        "QUYẾT ĐỊNH:",
        "STT",
        "Chỉ tiêu",
        "Đơn vị tính",
        "Kế hoạch năm 2019",
        "1",
        "Tỷ lệ hộ nghèo giảm",
        "%",
        "2,5",
        "2",
        "Số xã đạt chuẩn nông thôn mới",
        "xã",
        "12",
        "3",
        "Tổng vốn đầu tư",
        "tỷ đồng",
        "3.450",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
    ]
)


def test_table_written_one_cell_per_line():
    got = [(s["value"], s["unit"], s["kind"]) for s in figures(LINE_TABLE)]
    assert got == [(2.5, "%", "percent"), (12, "xã", C), (3450e9, "đồng", "money")]


def test_numbered_lines_without_a_table_header_are_no_table():
    text = "Nội dung:\n\n1\n\nTỷ lệ hộ nghèo giảm\n\n%\n\n2,5"
    assert [s["value"] for s in figures(text)] == []


def test_repeated_figure_counted_with_and_without_a_classifier_keeps_one_noun():
    text = "Mục tiêu đón 13 triệu khách quốc tế. Ngành phấn đấu đạt 13 triệu lượt khách quốc tế."
    assert {s["unit"] for s in figures(text)} == {"khách quốc tế"}


def test_quoted_speech_with_a_figure_is_still_a_statistic():
    assert [(s["value"], s["unit"]) for s in figures("Ông nói: “12 đảng viên được khen.”")] == [
        (12, "đảng viên")
    ]


# (sentence, {field: value}) for the one figure in the sentence
FIELDS = [
    ("Hội thảo có sự tham gia của gần 500 đại biểu.", {"approximate": True, "value": 500}),
    ("Tỉnh có 500 đại biểu.", {"approximate": False}),
    ("Ngành đã thu hồi hơn 29.500 tỷ đồng.", {"approximate": True, "bound": "min"}),
    ("Tỷ lệ tăng trưởng trên 90%.", {"approximate": True, "bound": "min"}),
    ("Tỷ lệ kết nạp chưa đạt 70%.", {"bound": "max"}),
    ("Sở được bố trí không quá 10 Phó Giám đốc.", {"bound": "max"}),
    ("Phải có tối thiểu 10 bài báo quốc tế.", {"bound": "min", "unit": "bài báo quốc tế"}),
    ("Đường thôn được cứng hóa đạt tỷ lệ ≥90%.", {"bound": "min"}),
    ("Tỷ lệ nghèo đa chiều ≤2%.", {"bound": "max"}),
    ("Chỉ số hài lòng đạt từ 85% trở lên.", {"bound": "min"}),
    ("Phòng có từ 10 đến 14 biên chế công chức.", {"value": 10, "max": 14}),
    ("Số đoàn viên ưu tú chiếm từ 12% - 15% số đoàn viên.", {"value": 12, "max": 15}),
    ("Tỷ lệ đạt 3 - 4%.", {"value": 3, "max": 4}),
    ("Mức hỗ trợ từ 500.000 đồng đến 1.000.000 đồng.", {"value": 500000, "max": 1000000}),
    ("Tỉnh có 9.757 đồng chí.", {"max": None, "text": "9.757 đồng chí", "start": 8}),
    ("Dự án chiếm 64 ha đất rừng.", {"text": "64 ha"}),
    # subject: what the figure is about
    (
        "Hiện nay đảng viên là đoàn viên Đoàn TNCS Hồ Chí Minh của tỉnh có 9.757 đồng chí.",
        {"subject": "đảng viên là đoàn viên"},
    ),
    (
        "Tỷ lệ kết nạp so với số lượng đoàn viên ưu tú được giới thiệu còn thấp, chỉ đạt 36,66%.",
        {"subject": "tỷ lệ kết nạp"},
    ),
    ("Dự án có diện tích 64 ha.", {"subject": "diện tích"}),
    ("Kim ngạch xuất khẩu đạt 4,5 tỷ USD.", {"subject": "kim ngạch xuất khẩu"}),
    # period: the period stated with the figure
    (
        "Trong giai đoạn 2019 - 2022, các cấp bộ đoàn đã giới thiệu 8.034 đoàn viên ưu tú.",
        {"period": "giai đoạn 2019 - 2022"},
    ),
    ("Năm 2023, tỉnh kết nạp 1.234 đảng viên.", {"period": "Năm 2023"}),
    ("Tỷ lệ phát triển đảng viên mới hằng năm đạt 3%.", {"period": "hằng năm"}),
    (
        "Trong 6 tháng đầu năm 2023, toàn tỉnh thu 5.432 tỷ đồng.",
        {"period": "6 tháng đầu năm 2023"},
    ),
    ("Nhiệm kỳ 2020-2025, Đảng bộ kết nạp 3% đảng viên mới.", {"period": "Nhiệm kỳ 2020-2025"}),
    ("Tỉnh có 9.757 đồng chí.", {"period": None}),
    # base of a percentage
    ("Số đảng viên trẻ chiếm 19,9% trong tổng số đảng viên.", {"base": "tổng số đảng viên"}),
    ("Đạt 70% số km đường tỉnh.", {"base": "số km đường tỉnh"}),
    # the sentence it was read from
    ("Tỉnh có 9.757 đồng chí. Huyện có 12 xã.", {"sentence": "Tỉnh có 9.757 đồng chí."}),
]


def figures(text: str, exclude=()) -> list[dict]:
    return extract_statistics(analyze(text), list(exclude))


@pytest.mark.parametrize(("text", "expected"), FIGURES, ids=[t[:40] for t, _ in FIGURES])
def test_figures(text, expected):
    got = [(s["value"], s["unit"], s["kind"]) for s in figures(text)]
    assert len(got) == len(expected), got
    for (value, unit, kind), (e_value, e_unit, e_kind) in zip(got, expected, strict=True):
        assert value == pytest.approx(e_value, rel=1e-4), got
        assert unit == e_unit, got
        assert kind == e_kind, got


@pytest.mark.parametrize(("text", "fields"), FIELDS, ids=[t[:40] for t, _ in FIELDS])
def test_fields(text, fields):
    got = figures(text)
    assert got, "no figure found"
    first = got[0] if "sentence" in fields else got[-1]
    for key, value in fields.items():
        if isinstance(value, float | int) and not isinstance(value, bool):
            assert first.get(key) == pytest.approx(value), (key, first)
        else:
            assert first.get(key) == value, (key, first)


def test_offsets_point_at_the_figure():
    at = analyze("Trong đó, khối địa bàn dân cư có11.727 đoàn viên, chiếm 29,9%.")
    for stat in extract_statistics(at):
        assert at.text[stat["start"] : stat["end"]] == stat["text"]
    assert [s["text"] for s in extract_statistics(at)] == ["11.727 đoàn viên", "29,9%"]


def test_exclude_spans_drop_numbers_inside_them():
    text = "Theo Kế hoạch 48 năm 2022, tỉnh có 9.757 đồng chí."
    at = analyze(text)
    start = at.text.index("Kế hoạch 48")
    assert [s["value"] for s in extract_statistics(at)] == [9757]
    assert [s["value"] for s in extract_statistics(at, [(start, start + 11)])] == [9757]
    whole = at.text.index("9.757")
    assert extract_statistics(at, [(whole, whole + 5)]) == []


def test_output_is_plain_json():
    stats = figures("Tỉnh có 9.757 đồng chí, chiếm 19,9% trong tổng số đảng viên.")
    json.dumps(stats, ensure_ascii=False)
    assert {
        "text",
        "start",
        "end",
        "value",
        "max",
        "unit",
        "kind",
        "approximate",
        "bound",
        "subject",
        "period",
        "sentence",
    } <= set(stats[0])


def vietnamese_format(value: int, decimals: str) -> str:
    groups = f"{value:,}".replace(",", ".")
    return f"{groups},{decimals}" if decimals else groups


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**9),
    st.text(alphabet="0123456789", min_size=0, max_size=2),
    st.sampled_from(["đoàn viên", "người", "doanh nghiệp", "ha", "%"]),
)
def test_vietnamese_numbers_in_a_sentence_parse_back(value, decimals, unit):
    written = vietnamese_format(value, decimals)
    sep = "" if unit == "%" else " "
    stats = figures(f"Năm nay toàn tỉnh có {written}{sep}{unit} tham gia.")
    expected = float(f"{value}.{decimals}") if decimals else float(value)
    assert [s["value"] for s in stats] == [pytest.approx(expected)]
    assert stats[0]["unit"] == unit


def test_seed_document_against_its_gold(seed_text):
    """Every figure of the hand-checked seed article is found, and little else."""
    gold_path = DEV_GOLD / "seed-quangtri.gold.json"
    if not gold_path.is_file():
        pytest.skip("../shared/eval/dev/gold is not present")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["statistics"]
    key = lambda s: (round(float(s["value"]), 4), s["kind"] == "percent")  # noqa: E731
    got = {key(s) for s in extract_statistics(analyze(seed_text))}
    want = {key(s) for s in gold}
    assert want <= got
    assert len(got - want) <= 1


def test_unit_column_headed_don_vi_when_every_cell_is_a_unit():
    cells = ["TT", "Chỉ tiêu", "Đơn vị", "Năm 2019", "1", "Kim ngạch xuất khẩu", "tỷ USD", "43"]
    cells += ["2", "Diện tích trồng rừng", "ha", "230.000"]
    got = [(s["value"], s["unit"]) for s in figures("\n\n".join(cells))]
    assert got == [(43e9, "USD"), (230000, "ha")]


def test_column_headed_don_vi_of_bodies_is_no_unit_column():
    cells = ["STT", "Đơn vị", "Số đảng viên", "Tỷ lệ", "1", "Đảng bộ xã An Bình", "120", "15%"]
    cells += ["2", "Chi bộ Trường học", "35", "20%"]
    units = {s["unit"] for s in figures("\n\n".join(cells))}
    assert "Đảng bộ xã An Bình" not in units and "Chi bộ Trường học" not in units
