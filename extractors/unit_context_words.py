"""Words around unit names that decide whether a name is a unit: generic categories ("các
chi đoàn"), positions ("Tỉnh ủy viên"), posts that open a new phrase, regions that are no
localities, bylines and web furniture, facilities named after a place, short forms of the
cities, and surnames (a person, not a body).

The names of the units themselves are in `unit_patterns`.
"""

from __future__ import annotations

# Words before a head that make it a generic category, not one unit ("các chi đoàn",
# "Ủy ban nhân dân các tỉnh", "cấp ủy các cấp").
GENERIC_BEFORE: frozenset[str] = frozenset(
    {"các", "những", "mọi", "từng", "mỗi", "nhiều", "một số", "cấp", "các cấp"}
)
GENERIC_AFTER: frozenset[str] = frozenset({"các", "cấp", "những", "mọi", "từng", "mỗi", "nào"})

# Words that, right after "Tỉnh ủy"/"Huyện ủy", make it part of a position ("Tỉnh ủy viên").
POSITION_AFTER: frozenset[str] = frozenset({"viên"})

# Posts that open a new phrase after "và" in a list of who executes a decision ("Cục trưởng
# Cục Trồng trọt và Thủ trưởng các đơn vị"; Nghị định 30/2020/NĐ-CP, Phụ lục I, điều khoản thi
# hành): the name before "và" ends there.
# fmt: off
POSTS_AFTER_AND: tuple[str, ...] = (
    "Thủ trưởng", "Giám đốc", "Chủ tịch", "Chánh", "Trưởng", "Cục trưởng", "Vụ trưởng",
    "Tổng cục trưởng", "Viện trưởng", "Bộ trưởng", "Bí thư", "Chủ nhiệm", "Tổng Giám đốc",
)
# fmt: on

# Regions and foreign places that look like locality names but are not units.
REGIONS: frozenset[str] = frozenset(
    {
        "Tây Nguyên",
        "Bắc Trung Bộ",
        "Nam Trung Bộ",
        "Đông Nam Bộ",
        "Tây Nam Bộ",
        "Nam Bộ",
        "Bắc Bộ",
        "Trung Bộ",
        "Đồng bằng sông Cửu Long",
        "Đồng bằng sông Hồng",
        "Tây Bắc",
        "Đông Bắc",
        "Duyên hải miền Trung",
        "miền Trung",
        "miền Bắc",
        "miền Nam",
    }
)

# Byline and photo-credit markers: a unit name right after them is a credit, not a unit.
# (a word followed by a colon: "Ảnh: Trọng Đức/TTXVN", "Nguồn: TTXVN").
BYLINE_MARKERS: tuple[str, ...] = ("Ảnh", "Nguồn", "Theo", "Đồ họa", "Video", "Clip")
# Lines of web-page furniture that name the publisher ("Bản quyền thuộc về Báo Bình Định").
WEB_FURNITURE_MARKERS: tuple[str, ...] = ("Bản quyền", "©", "Copyright", "Ghi rõ nguồn")
# Sites, works and products named after a place ("Khu công nghiệp Yên Bình", "Trạm biến áp
# 220 kV Phú Bình", "cao tốc Long Thành - Dầu Giây", "Xi măng Hà Tiên", "chè Thái Nguyên"):
# a place name right after such a head word is part of the name, not a mention of the locality.
FACILITY_WORDS: tuple[str, ...] = (
    "khu công nghiệp",
    "KCN",
    "khu kinh tế",
    "cụm công nghiệp",
    "khu chế xuất",
    "nhà máy",
    "trạm biến áp",
    "sân bay",
    "cảng hàng không",
    "bến xe",
    "ga",
    "cầu",
    "hồ",
    "thủy điện",
    "nhiệt điện",
    # Natural sites named after the place: "bán đảo Sơn Trà", "vịnh Hạ Long".
    "bán đảo",
    "vịnh",
    "núi",
    "sông",
    "đèo",
    "vườn quốc gia",
    "khu bảo tồn",
    "khu du lịch",
    # Roads and transport works (Luật Đường bộ 2024: đường cao tốc, quốc lộ; Luật Đường sắt).
    "cao tốc",
    "đường cao tốc",
    "quốc lộ",
    "đường sắt",
    "tuyến đường",
    "cảng",
    "cảng biển",
    "nhà ga",
    "chợ",
    "sân vận động",
    # Industries and products named by their place of make, as brands and geographical
    # indications are (Luật Sở hữu trí tuệ, Điều 79: chỉ dẫn địa lý "chè Thái Nguyên").
    "xi măng",
    "dệt",
    "dệt may",
    "may mặc",
    "bia",
    "sữa",
    "thép",
    "gang thép",
    "giấy",
    "đạm",
    "phân bón",
    "nước mắm",
    "cà phê",
    "chè",
    "gạo",
    "vải thiều",
    "bưởi",
    "nhãn",
    "thanh long",
    "rượu",
    "gốm",
)

# Short forms of province-level cities used in news.
CITY_SHORT_FORMS: dict[str, str] = {
    "TP.HCM": "Hồ Chí Minh",
    "TP. HCM": "Hồ Chí Minh",
    "TPHCM": "Hồ Chí Minh",
    "TP HCM": "Hồ Chí Minh",
    "Tp.HCM": "Hồ Chí Minh",
    "Tp. HCM": "Hồ Chí Minh",
    "Tp HCM": "Hồ Chí Minh",
    "TP. Hồ Chí Minh": "Hồ Chí Minh",
    "TP.Hồ Chí Minh": "Hồ Chí Minh",
    "Tp Hồ Chí Minh": "Hồ Chí Minh",
    "Tp. Hồ Chí Minh": "Hồ Chí Minh",
    "TP Hồ Chí Minh": "Hồ Chí Minh",
    "TP.HN": "Hà Nội",
    "HCM": "Hồ Chí Minh",
    # The province's name until 2025 (gazetteer.FORMER_PROVINCES), dashed as often written.
    "Thừa Thiên - Huế": "Thừa Thiên Huế",
    "Thừa Thiên-Huế": "Thừa Thiên Huế",
    "Bà Rịa - Vũng Tàu": "Bà Rịa - Vũng Tàu",
    "Bà Rịa-Vũng Tàu": "Bà Rịa - Vũng Tàu",
}

# Common family names: after an organisation's name, "Nguyễn Văn Tuấn" is its head, not part
# of the name ("Tổng cục trưởng Tổng cục Du lịch Nguyễn Văn Tuấn"). The most frequent
# Vietnamese surnames (Lê Trung Chinh, Họ người Việt, 2005).
SURNAMES: frozenset[str] = frozenset(
    """Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đoàn
    Trương Lương Mai Trịnh Lâm Tạ Tô Hà Cao Chu Châu Thái Quách Tăng Vương Lưu Triệu Kiều""".split()
)
