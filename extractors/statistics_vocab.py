"""Word tables for finding statistics in Vietnamese text (read by `vnpolicy.extractors.statistics`).

Every table is lowercase and compared with the lowercased word, except where noted. The
rules they encode are the gold rules of the evaluation set (eval/README.md, "statistics"):
counts with their counted noun, percentages, money and measures are statistics; dates,
durations, ages, ranks, ordinals, article numbers, document numbers and page furniture are not.
"""

from __future__ import annotations

import re

# Word tables read better several to a line.
# fmt: off

#: Currency words that make a figure money ("6,7 tỷ đồng", "10,6 tỷ USD", "75 triệu bảng").
#: The gold counts a salary in months ("01 tháng lương") as money too.
CURRENCY_WORDS = {
    "đồng", "đ", "vnd", "vnđ", "usd", "đô la", "đô", "đôla", "euro", "eur", "bảng", "yên",
    "nhân dân tệ", "won", "bath", "baht", "rúp", "franc", "tháng lương", "tháng tiền lương",
}

#: Measure units (SI and the Vietnamese ones in land, energy and trade statistics). Compared
#: case-sensitively first ("MW" vs "mw") and then lowercased.
MEASURE_UNITS = {
    "ha", "héc-ta", "hécta", "hecta", "km", "km2", "km²", "m", "m2", "m²", "m3", "m³", "cm", "mm",
    "dm", "sào", "mẫu", "tấn", "tạ", "yến", "kg", "g", "gam", "lít", "l", "ml", "mw", "kw", "gw",
    "kwh", "mwh", "gwh", "tw", "twh", "mhz", "ghz", "gb", "mb", "tb", "inch", "feet", "dặm",
    "hải lý", "độ", "°c", "kV", "kv", "v", "w", "tỷ m3", "teu", "mét", "ki-lô-mét", "cây số",
    "triệu tấn", "thùng", "container", "km/h",
    # data rates of networks, as telecom news and QCVN 36/2022/BTTTT write them
    "kbps", "mbps", "gbps", "mb/s", "gb/s",
    # gold, sold by weight in the traditional units (1 chỉ = 3,75 g; 1 lượng/cây = 10 chỉ)
    "chỉ vàng", "lượng vàng", "cây vàng",
}

#: Words that make the figure a multiple or a rate rather than a count ("gấp 2 lần").
MEASURE_HEADS = {"lần"}

#: Time words after a number: a duration, deadline or period ("trong 30 ngày", "6 tháng đầu
#: năm", "35 năm công tác"), an age ("18 tuổi") or a clock time ("9 giờ"): not statistics.
TIME_WORDS = {
    "ngày", "tháng", "năm", "tuần", "giờ", "tiếng", "phút", "giây", "tuổi", "thế kỷ", "thập kỷ",
    "thập niên", "quý", "nhiệm kỳ", "buổi", "đêm", "sáng", "chiều", "tối", "hôm", "năm trời",
    "tháng trời", "ngày đêm", "năm học", "niên độ", "kỳ",
}
#: Words that begin with a time syllable but name no time (Từ điển tiếng Việt): "1.024 sáng
#: kiến", "12 sáng chế", "3 chiều dài" are counts and measures.
NOT_TIME_COMPOUNDS = {
    "sáng kiến", "sáng chế", "sáng tác", "sáng tạo", "sáng lập", "chiều dài", "chiều cao",
    "chiều rộng", "chiều sâu", "tối thiểu", "tối đa", "năm châu", "ngày công",
}
#: ... unless the time word starts a money phrase ("04 tháng tiền lương").
TIME_MONEY_FOLLOWERS = {"lương", "tiền lương"}
#: Time words that count events when a noun follows them: "1.250 buổi sinh hoạt chủ điểm",
#: "20 buổi tập huấn" are sessions held; "trong 2 buổi" alone is a duration.
TIME_WORDS_COUNTING_EVENTS = {"buổi", "kỳ"}
#: Words after such a time word that keep it a time span ("3 kỳ liên tiếp", "2 buổi sáng").
TIME_SPAN_FOLLOWERS = {"liên tiếp", "liên tục", "liền", "sáng", "chiều", "tối", "trưa", "đêm"}

#: The word before a number that makes it an identifier, ordinal, rank, date part or name,
#: not a quantity ("Điều 5", "khoản 2", "lần thứ 5", "khóa 12", "xếp thứ 58", "ngày 16",
#: "tuổi 18", "Phiên họp thứ 12", "nhóm 1", "hạng 3", "mức độ 4", "Covid-19"), unless a
#: currency word or a multiplier follows the number ("với mức 40 triệu đồng" is money).
NON_QUANTITY_BEFORE = {
    "điều", "khoản", "điểm", "chương", "mục", "phụ lục", "phần", "tiết", "thứ", "khóa", "khoá",
    "số", "số:", "ngày", "tháng", "năm", "quý", "tuổi", "top", "hạng", "nhóm", "kỳ", "đợt", "giờ",
    "lúc", "tập", "trang", "tờ", "thửa", "phòng", "tổ", "ấp", "thôn", "khu phố", "quận", "phường",
    "xóm", "đội", "mức", "mức độ", "độ", "bậc", "vòng", "lớp", "ca", "mẫu", "biểu", "phiên",
    "hội nghị", "trung ương", "khu vực", "tiêu chí", "tuyến", "đường", "km", "quốc lộ", "tỉnh lộ",
    "hương lộ", "phương châm", "model", "phiên bản", "version", "lô", "khối", "căn", "nhà", "ngõ",
    "ngách", "hẻm", "kiệt", "lần", "số hiệu", "mã", "mã số", "hộp", "câu", "bài", "hình", "bảng",
    "sơ đồ", "ký hiệu", "kí hiệu", "biển số", "tầng", "toà", "tòa", "dãy", "cổng", "tuần",
    "tổ dân phố", "khu", "bản", "điều khoản", "cột", "dòng", "đoạn", "giai đoạn", "loại",
}

#: Words in a short line that mark page furniture, not text: visitor counters, "Go top",
#: polls, share and comment counters. (A bare "Khách 490" has no counted noun: dropped anyway.)
FURNITURE_MARKERS = (
    "truy cập", "go top", "người trực tuyến", "đang trực tuyến", "lượt xem", "lượt đọc",
    "bình chọn", "online", "lượt thích", "chia sẻ", "bình luận", "đang xem", "lượt tải",
)
#: Lines that start page furniture whatever their length: related-article links.
FURNITURE_LINE_STARTS = ("tin liên quan", "bài liên quan", "xem thêm", "đọc thêm", "tin khác",
                         "tin cùng chuyên mục", "các tin khác", "tin mới nhất", "tin đọc nhiều")
#: A furniture line is short: long lines with these words are text ("khách quốc tế").
FURNITURE_MAX_LINE = 60

#: Approximation words before a figure ("gần 500 đại biểu", "hơn 36,8%", "khoảng 100.000").
APPROXIMATE_BEFORE = {
    "gần", "hơn", "trên", "khoảng", "xấp xỉ", "chừng", "ước", "ước tính", "ước khoảng", "ngót",
    "gần như", "trên dưới", "dưới", "độ chừng", "cỡ", "tới gần", "đến gần", "hầu", "khoảng chừng",
    "ước đạt", "xấp xỉ khoảng", "hơn nữa",
}

#: Bound words before a figure: the figure is a minimum or a maximum.
BOUND_BEFORE: dict[str, str] = {
    "≥": "min", ">=": "min", ">": "min", "tối thiểu": "min", "ít nhất": "min", "trên": "min",
    "hơn": "min", "không dưới": "min", "không thấp hơn": "min", "từ": "min", "≤": "max",
    "<=": "max", "<": "max", "tối đa": "max", "không quá": "max", "không vượt quá": "max",
    "dưới": "max", "chưa đạt": "max", "chưa đến": "max", "chưa tới": "max", "chưa quá": "max",
    "không hơn": "max", "nhiều nhất": "max",
}
#: "từ 70% trở lên" (a minimum), "từ 10 trở xuống" (a maximum).
BOUND_AFTER = {"trở lên": "min", "trở xuống": "max"}

#: Range separators between two figures ("3 - 4%", "từ 10 đến 14 biên chế").
RANGE_SEPARATORS = {"-", "–", "—", "~", "đến", "tới"}
#: Alternatives and lists sharing one noun ("5,7 hoặc 5,8 inch").
SHARED_NOUN_SEPARATORS = {"hoặc", "và", ",", "hay", "x", "×"}

#: Words that cannot begin or continue a counted noun: function words, verbs that follow a
#: number ("đạt", "chiếm"), prepositions and conjunctions (Từ điển tiếng Việt, hư từ).
NOUN_STOP_WORDS = {
    "của", "và", "với", "là", "có", "được", "bị", "đã", "đang", "sẽ", "trong", "trên", "dưới",
    "tại", "ở", "từ", "đến", "tới", "cho", "theo", "về", "so", "so với", "như", "này", "đó", "kia",
    "ấy", "nào", "các", "những", "mỗi", "mọi", "thì", "mà", "nhưng", "hoặc", "hay", "nên", "vì",
    "do", "bởi", "để", "khi", "nếu", "trở lên", "trở xuống", "chiếm", "đạt", "tăng", "giảm", "gồm",
    "bao gồm", "còn", "lại", "ra", "vào", "lên", "xuống", "qua", "sau", "trước", "nữa", "rồi",
    "cũng", "đều", "vẫn", "thuộc", "tương đương", "khoảng", "gần", "hơn", "nhất", "không", "chưa",
    "chỉ", "riêng", "cùng", "kể cả", "bằng", "tương ứng", "năm", "tháng", "ngày", "quý", "trở",
    "đây", "nay", "đi", "tức", "tức là", "thay vì", "vượt", "giữa", "ngoài", "thêm", "cả", "toàn",
    "đồng thời", "trong đó", "bình quân", "mới", "song", "tuy nhiên", "nhằm", "phải",
    # a size sign and the comparison adjectives after a count ("2,8 x 2,3 m", "02 chỉ tiêu
    # thấp hơn"), and the slogan words of "5 không, 3 sạch", "4 tại chỗ", "3 an"
    "số", "số tiền", "tổng số", "x", "×", "thấp", "cao", "sạch", "an", "xây", "chống", "tại chỗ",
    "giỏi", "tốt",
    # bound words after a class label ("xã loại 1 tối đa 14 người")
    "tối đa", "tối thiểu", "ít nhất", "không quá",
}
#: Verbs that end a counted noun phrase ("6 tỉnh dự kiến điều chuyển", "hai bên tranh chấp"):
#: the verbs most often written right after a count in news and reports.
NOUN_VERB_STOPS = {
    "dự kiến", "tranh chấp", "đề nghị", "đề xuất", "tham gia", "tham dự", "đăng ký", "thực hiện",
    "hoàn thành", "vi phạm", "xây dựng", "sử dụng", "điều chuyển", "nhận", "làm", "đi", "đạt",
    "vượt", "bị", "được", "phải", "cần", "sẽ", "đang", "đã", "vừa", "xấp xỉ", "tương đương", "gồm",
    "bao gồm", "thuộc", "nằm", "ở", "tại", "đến", "về", "trúng tuyển", "tốt nghiệp", "mắc",
    "tử vong", "bị thương", "chết", "mất tích", "có", "không", "chưa", "là", "tăng", "giảm", "còn",
    "mới", "vinh dự", "đứng", "tiếp tục", "được giao", "đề ra", "giao", "kết nạp", "đủ", "đáp ứng",
    "hưởng", "hỗ trợ", "nộp", "ban hành", "ban hành kèm", "kèm", "kèm theo", "lập", "ký", "xét",
    "ghi", "kể", "nêu", "nói", "sinh sống", "có thể", "trị giá", "tính", "theo dõi", "chịu", "trả",
    "thu", "đề cập", "quy định", "sinh", "cư trú", "làm việc", "công tác", "học tập", "bỏ phiếu",
    "tán thành", "biểu quyết", "đồng ý", "dự", "gặp", "gặp nạn", "xảy ra", "xảy", "chở", "bắt",
    "bắt giữ", "thu giữ", "đón", "tiếp", "hoạt động", "tồn tại", "trở thành", "phản đối",
    "vắng mặt", "có mặt", "được bầu", "trúng cử", "thiếu", "bỏ học", "nghỉ việc",
    # verbs of agreeing and saying that follow a subject count ("Hai nhà lãnh đạo chứng kiến")
    "nhất trí", "thống nhất", "chứng kiến", "khẳng định", "cho biết", "cho rằng", "ký kết",
    "hội đàm", "thảo luận", "cam kết", "phát biểu", "bày tỏ", "nhấn mạnh",
}
#: Words of NOUN_VERB_STOPS that are nouns right after a number ("1 hoạt động tình nguyện",
#: "3 đề xuất", "5 vi phạm"), though verbs after a counted noun ("50 doanh nghiệp hoạt động").
NOUNS_AFTER_NUMBER = {"hoạt động", "đề xuất", "đề nghị", "vi phạm", "tranh chấp"}

#: "hai nước", "hai phía", "hai nhà lãnh đạo": the two partners of a bilateral relation named
#: as a pair ("both countries", a definite reference), not a count of them; "hai bên" too when
#: it is the subject of an agreement ("hai bên nhất trí"), while "hai bên tranh chấp" counts.
PAIR_NOUNS = {"nước", "phía", "nhà lãnh đạo", "quốc gia"}
PAIR_AGREEMENT = re.compile(
    r"(?:(?:đã|sẽ|cũng|đều|vừa)\s+)*(?:nhất trí|thống nhất|đạt được|ký kết|cam kết|khẳng định"
    r"|hội đàm|trao đổi|hợp tác|đánh giá cao|chia sẻ)(?![\w])"
)

#: Capitalized words that may begin a counted noun: titles and bodies written with a capital
#: in Vietnamese official style ("10 Phó Giám đốc", "02 Đoàn trực thuộc", "3 Ủy viên").
TITLE_HEADS = {
    "Phó", "Trưởng", "Giám đốc", "Ủy viên", "Uỷ viên", "Đoàn", "Chủ tịch", "Thứ trưởng",
    "Bộ trưởng", "Tổng", "Thẩm phán", "Kiểm sát viên", "Hội thẩm", "Đại biểu", "Chi cục trưởng",
    "Cục trưởng", "Vụ trưởng", "Bí thư", "Đảng viên", "Chánh", "Hội viên", "Đoàn viên", "Chi bộ",
    "Đảng bộ", "Chi đoàn", "Tổ", "Ban", "Sở", "Phòng",
}
#: Counted nouns that are the legal parts of a text: "khoản 1, 2 và 3 Điều 5" is no count.
LEGAL_PART_NOUNS = {"Điều", "Khoản", "Chương", "Mục", "Phụ lục", "Phần", "Điểm"}
#: Words after a counted noun that refer back to figures already given ("6 địa phương này").
ANAPHORA_AFTER = ("này", "đó", "ấy", "nói trên", "nêu trên", "kể trên", "trên đây")
#: Words before a number that make it part of a name or a title, not a count.
#: Checked on the following word: "hai Đảng" (capitalized) is a name phrase.

#: Spelled numbers that need a counted noun after them to be a figure ("ba đồng chí"); "một"
#: is left out: the gold counts spelled numbers from "hai" up.
SPELLED_COUNT_WORDS = {
    "hai", "ba", "bốn", "năm", "sáu", "bảy", "bẩy", "tám", "chín", "mười",
}
#: Nouns after a spelled fraction that make it part of a prison term or a time limit, not a
#: quantity ("chấp hành hai phần ba thời gian"): "hai phần ba số đại biểu" is a fraction.
FRACTION_TIME_NOUNS = {"thời gian", "thời hạn", "mức án", "hình phạt", "án phạt", "nhiệm kỳ"}

#: Words before a spelled number that make it an ordinal, a fraction or "both":
#: "thứ hai", "lần ba", "cả hai", "hai phần ba".
SPELLED_NOT_AFTER = {
    "thứ", "lần", "cả", "phần", "tháng", "mùng", "mồng", "ngày", "hạng", "số", "năm", "khóa",
    "khoá", "hàng", "hằng", "mỗi", "từng", "cuối", "đầu", "mấy", "vài", "đời", "kỳ", "tuần",
    "trang", "quận", "điều", "khoản", "điểm", "chương", "mục", "lớp", "tầng", "phố", "chợ",
}
#: Words after "năm" that make it "year" ("năm nay", "năm qua", "năm học").
NAM_YEAR_FOLLOWERS = {
    "nay", "qua", "tới", "trước", "sau", "sau đó", "mới", "học", "ngoái", "đó", "này", "kế tiếp",
    "tiếp theo", "cuối", "đầu", "trời", "tài chính", "kế hoạch", "thứ", "sinh", "kia", "ấy", "nào",
    "liền", "liên tiếp", "liên tục", "gần đây", "sắp", "sắp đến", "mươi", "lần", "tháng", "ngày",
    "rồi", "xưa", "đầu tiên", "hoạt động", "thực hiện", "làm việc", "công tác", "giữ", "đủ",
    "tròn", "qua,", "hiện", "hiện nay", "trở lại",
}
#: Words before "năm" that make it "year": "liền kề năm xét", "theo năm", "trong năm".
NAM_NOT_AFTER = {
    "là", "kề", "liền kề", "theo", "trong", "của", "cùng", "giữa", "suốt", "cho", "vào", "tới",
    "trước", "sau", "qua", "nhiều", "các", "những", "bao",
}
#: Nouns after a spelled number that make a fixed expression, not a count ("hai cấp" in
#: "chính quyền địa phương hai cấp", "ba sạch").
SPELLED_NOT_BEFORE = {
    "phần", "cấp", "mươi", "trăm", "nghìn", "ngàn", "triệu", "tỷ", "tỉ", "chục", "lăm", "mốt",
    "sạch", "không", "an", "tại chỗ", "giỏi", "tốt", "xây", "chống", "có", "là", "và", "hoặc",
    "với",
}

#: Word heads of a period phrase: "giai đoạn 2019 - 2022", "năm 2023", "nhiệm kỳ 2020-2025".
PERIOD_RECURRING = (
    "hằng năm", "hàng năm", "hằng quý", "hàng quý", "hằng tháng", "hàng tháng", "mỗi năm",
)

#: Verbs a subject precedes before its figure ("X có 9.757 đồng chí", "X chiếm 19,9%").
SUBJECT_VERBS = {
    "có", "là", "đạt", "chiếm", "gồm", "tăng", "giảm", "còn", "được", "với", "đã", "đón", "thu",
    "chi", "lên", "xuống", "ở mức", "bằng", "vượt", "giới thiệu", "hoàn thành", "ban hành",
    "triển khai", "phát hiện", "cho", "bị", "tham gia", "dự", "tiếp nhận", "tổ chức",
}
#: Words at which a subject phrase ends ("tỷ lệ kết nạp so với ...", "đảng viên ... của tỉnh").
SUBJECT_CUT_WORDS = {
    "so với", "so", "của", "trong", "tại", "ở", "theo", "từ", "đến", "trên", "được", "đã", "đang",
    "sẽ", "còn", "chỉ", "vào", "khi", "do", "thì", "mà", "với", "đối với", "cho", "nhằm", "để",
}
#: Openers dropped from the start of a subject ("Hiện nay", "Trong đó", "Theo số liệu").
SUBJECT_OPENERS = {
    "hiện nay", "trong đó", "đồng thời", "ngoài ra", "bên cạnh đó", "riêng", "tính đến nay",
    "như vậy", "theo đó", "cụ thể", "nhất là", "đặc biệt", "trong", "tuy nhiên", "qua", "sau",
    "từ", "đến", "đến nay", "năm", "và", "hiện", "với", "toàn", "cả", "tổng cộng", "tính chung",
    "trong những năm qua", "thời gian qua",
}
# fmt: on

# Idioms and fixed names that hold a number but count nothing (Từ điển thành ngữ tiếng Việt;
# the model of local government "chính quyền địa phương 2 cấp", Kết luận 127-KL/TW 2025).
# fmt: off
#: Idioms with a number word: the figure is a figure of speech.
NUMBER_IDIOMS = (
    "con dao hai lưỡi", "dao hai lưỡi", "năm châu bốn biển", "năm châu", "bốn biển",
    "bốn phương tám hướng", "bốn phương", "tám hướng", "ba chìm bảy nổi", "năm lần bảy lượt",
    "ba mặt một lời", "một công đôi việc", "mười phân vẹn mười", "chín người mười ý",
    "trăm công nghìn việc", "trăm người như một", "hai bàn tay trắng", "ba đầu sáu tay",
    "bảy nổi ba chìm", "năm bè bảy mối", "ba hoa", "ba phải", "hai mặt", "một sớm một chiều",
    "mười năm trồng cây", "trăm năm trồng người", "ngàn cân treo sợi tóc", "nghìn cân treo sợi tóc",
    "ba cọc ba đồng", "một nắng hai sương", "hai sương một nắng", "chân trong chân ngoài",
    "ba mươi sáu chước", "ba bề bốn bên", "đứng mũi chịu sào", "hai lòng", "một lòng",
    "hai bên đường", "hai bên bờ", "hai bên đường phố",
)
#: Nouns before "N cấp" that make it the name of a model ("chính quyền địa phương 2 cấp",
#: "mô hình tổ chức 3 cấp"): a count of levels in a name, not a figure.
LEVEL_MODEL_NOUNS = {
    "chính quyền", "địa phương", "mô hình", "tổ chức", "bộ máy", "hệ thống", "quản lý",
    "chính quyền địa phương", "hành chính",
}
#: Verbs after "hai bên" that make the sides parties of a dispute, counted ("hai bên tranh
#: chấp"); otherwise "hai bên" is "both sides", a pair named, not a count.
SIDES_COUNTED_AFTER = ("tranh chấp", "khởi kiện", "kiện", "đương sự", "tranh luận", "giằng co")
#: "Từ 1 nhà máy hình thành Tổng công ty": a starting point of a story of growth.
GROWTH_VERBS = ("hình thành", "phát triển thành", "trở thành", "lớn mạnh thành", "vươn lên thành",
                "nâng lên thành", "mở rộng thành")
# fmt: on


# --- The grammar of a measure (`statistic_measure`): closed word classes and small noun
# classes that end, open or cut the noun phrase that says what a figure measures.

#: Words (closed classes and the copulas and verbs of share and change) that end a noun
#: phrase after a counted noun: prepositions, conjunctions, auxiliaries, demonstratives.
NP_END_WORDS = {
    "so", "so với", "trong đó", "tăng", "giảm", "chiếm", "bằng", "tương đương", "là",
    "với", "và", "cho", "của", "tại", "ở", "trong", "từ", "đến", "tới", "theo", "đã", "đang",
    "sẽ", "vừa", "cũng", "đều", "nhưng", "hoặc", "hay", "nên", "vì", "do", "để", "khi", "nếu",
    "thì", "mà", "này", "đó", "ấy", "trên", "dưới", "sau", "trước", "gồm", "bao gồm", "như",
    "nhằm", "tương ứng", "chủ yếu", "trở lên", "trở xuống", "riêng", "còn", "vượt", "gấp",
    "năm", "tháng", "ngày", "quý", "hằng năm", "hàng năm", "nay", "hiện nay", "ra", "lên",
    "xuống", "vào", "thêm", "nữa", "mỗi", "các", "những",
}  # fmt: skip

#: Verbs that link a subject to its figure: the subject is what the figure measures.
LINK_VERBS = {
    "có", "là", "đạt", "chiếm", "gồm", "bao gồm", "tăng", "giảm", "còn", "lên", "xuống",
    "ở mức", "bằng", "vượt", "tương đương", "khoảng", "với", "đạt mức", "lên tới", "lên đến",
    "chỉ đạt", "giữ", "duy trì", "hơn",
}  # fmt: skip

#: Words a subject opens with that are not part of it: connectives and frames.
SUBJECT_OPENERS = {
    "hiện nay", "hiện", "trong đó", "đồng thời", "ngoài ra", "bên cạnh đó", "riêng", "tính đến",
    "như vậy", "theo đó", "cụ thể", "nhất là", "đặc biệt", "tuy nhiên", "qua", "sau", "và",
    "với", "toàn", "cả", "tổng cộng", "tính chung", "trong", "đến nay", "tính", "nhưng",
    "trong khi", "còn", "song", "mặt khác", "do đó", "vì vậy", "vì thế", "theo", "về", "đối với",
    "tại", "ở", "trên", "từ", "đến", "thì", "mà", "đã", "đang", "sẽ", "cũng", "đều", "vẫn", "có",
    "được", "bị", "là", "các", "những", "mỗi", "mọi",
}  # fmt: skip

#: Words that cut a subject: what follows is its owner, place or comparison base.
SUBJECT_CUTS = {
    "của", "so", "so với", "tại", "ở", "thuộc", "trên địa bàn", "đối với", "theo", "nhờ", "do",
    "khi", "để", "nhằm", "mà", "thì", "đã", "đang", "sẽ", "vẫn", "cũng", "đều", "chỉ", "chưa",
    "không", "luôn",
}  # fmt: skip

#: Nouns that open a subject naming who acts: a locality, a body, "ta".
ACTOR_NOUNS = {
    "tỉnh", "huyện", "thành phố", "xã", "phường", "quận", "thị xã", "ngành", "cơ quan", "ta",
    "chúng ta", "địa phương", "sở", "ủy ban", "chính phủ", "nhà nước", "lực lượng",
}  # fmt: skip

#: Counted nouns that only classify (persons, cases, turns): the clause's subject says what
#: is counted ("đảng viên là đoàn viên ... có 9.757 đồng chí").
GENERIC_COUNTED_NOUNS = {
    "người",
    "đồng chí",
    "trường hợp",
    "cá nhân",
    "lượt",
    "lượt người",
    "suất",
    "em",
    "cháu",
    "vị",
}

#: Posts (a person's title) that open a counted phrase: "Phó Giám đốc sở", "Trưởng phòng".
POST_TITLES = {
    "Phó", "Trưởng", "Giám đốc", "Chủ tịch", "Bí thư", "Thứ trưởng", "Bộ trưởng", "Chánh",
    "Cục trưởng", "Vụ trưởng", "Chi cục trưởng", "Ủy viên", "Uỷ viên",
}  # fmt: skip

LOCALITY_KINDS = {"tỉnh", "huyện", "xã", "thành phố", "quận", "phường", "thị xã", "thị trấn"}

#: Nouns that name a rate or a pace: with the verb of change after them they are the measure.
RATE_NOUNS = {"đà", "mức", "tốc độ", "tỷ lệ", "tỉ lệ", "nhịp độ", "nhịp"}

#: Words that open the whole a percentage is taken of, whatever their tag ("56,3% dự toán").
RATIO_BASE_HEADS = {
    "tổng", "toàn", "cả", "tổng số", "số", "dự toán", "kế hoạch", "mục tiêu", "chỉ tiêu",
}  # fmt: skip
