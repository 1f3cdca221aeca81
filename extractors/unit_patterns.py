"""Data for finding organisations and localities: head words, abbreviations, kinds.

Sources of the names:
- Party bodies: Điều lệ Đảng Cộng sản Việt Nam (2011), Chương III-VI (Ban Chấp hành Trung
  ương, Bộ Chính trị, Ban Bí thư, tỉnh ủy/thành ủy, huyện ủy/quận ủy/thị ủy, đảng ủy cơ sở,
  chi bộ, ủy ban kiểm tra, ban cán sự đảng, đảng đoàn) and Quy định 214-QĐ/TW on the
  advisory boards (Ban Tổ chức, Ban Tuyên giáo, Ban Dân vận, Ban Nội chính, Văn phòng).
- Youth Union: Điều lệ Đoàn TNCS Hồ Chí Minh (Ban Chấp hành Trung ương Đoàn, tỉnh đoàn,
  thành đoàn, huyện đoàn, quận đoàn, chi đoàn).
- State bodies: Hiến pháp 2013 (Quốc hội, Ủy ban Thường vụ Quốc hội, Hội đồng Dân tộc, Chính
  phủ, Tòa án nhân dân, Viện kiểm sát nhân dân, Kiểm toán Nhà nước); Luật Tổ chức Chính phủ
  and Nghị định 25/2025/NĐ-CP ff. for the ministries (with their pre-2025 names, which
  older articles use); Luật Tổ chức chính quyền địa phương for Hội đồng nhân dân, Ủy ban
  nhân dân and the sở of a province.
- Mass organisations: Luật Mặt trận Tổ quốc Việt Nam 2015 and the charters of its member
  organisations (Hội Liên hiệp Phụ nữ, Hội Nông dân, Hội Cựu chiến binh, Công đoàn).
- Enterprises: Luật Doanh nghiệp 2020 (công ty TNHH, công ty cổ phần), Luật Hợp tác xã.
- Localities: Luật Tổ chức chính quyền địa phương (tỉnh, thành phố trực thuộc trung ương,
  huyện, quận, thị xã, thành phố thuộc tỉnh, xã, phường, thị trấn); names in `gazetteer`.
"""

from __future__ import annotations

# Abbreviations as written in news and official documents -> their expansion. Every fixed
# name below is also found with one of its parts abbreviated ("Ban Tổ chức TW", "UBKT Trung
# ương", "BCH Trung ương Đảng").
ABBREVIATIONS: dict[str, str] = {
    "BCH": "Ban Chấp hành",
    "BTV": "Ban Thường vụ",
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "MTTQ": "Mặt trận Tổ quốc",
    "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
    "TNCS": "Thanh niên Cộng sản",
    "THPT": "Trung học phổ thông",
    "THCS": "Trung học cơ sở",
    "UBKT": "Ủy ban Kiểm tra",
    "TAND": "Tòa án nhân dân",
    "VKSND": "Viện kiểm sát nhân dân",
    "TƯ": "Trung ương",
    "T.Ư": "Trung ương",
    "TW": "Trung ương",
    "TP.": "thành phố",
    "TP": "thành phố",
    "Tp.": "thành phố",
    "Tp": "thành phố",
    "TX.": "thị xã",
    "TX": "thị xã",
    "TT.": "thị trấn",
    "HTX": "Hợp tác xã",
    "TNHH": "trách nhiệm hữu hạn",
    "VPCP": "Văn phòng Chính phủ",
    "TTXVN": "Thông tấn xã Việt Nam",
    "ĐBQH": "Đại biểu Quốc hội",
    "CCB": "Cựu chiến binh",
    "LHPN": "Liên hiệp Phụ nữ",
    "LĐLĐ": "Liên đoàn Lao động",
    "LHTN": "Liên hiệp Thanh niên",
    "CHQS": "Chỉ huy Quân sự",
    "THADS": "Thi hành án dân sự",
    "BHXH": "Bảo hiểm xã hội",
    "BĐBP": "Bộ đội Biên phòng",
}

# Fixed names of national bodies: every way of writing them -> (canonical name, kind).
# Longest forms first is not needed: the finder prefers the longest match.
NATIONAL_BODIES: dict[str, tuple[str, str]] = {}


def _add(kind: str, canonical: str, *forms: str) -> None:
    for form in (canonical, *forms):
        NATIONAL_BODIES[form] = (canonical, kind)


# Party (Điều lệ Đảng, Chương III; Quy định 214-QĐ/TW).
_add("party", "Đảng Cộng sản Việt Nam")
_add("party", "Bộ Chính trị")
_add(
    "party",
    "Ban Bí thư Trung ương Đảng",
    "Ban Bí thư",
    "Ban Bí thư Trung ương",
    "Ban Bí thư TƯ",
    "Ban Bí thư TW",
)
_add(
    "party",
    "Ban Chấp hành Trung ương Đảng",
    "Ban Chấp hành Trung ương",
    "BCH Trung ương",
    "BCH TƯ",
    "BCH TW",
    "BCH Trung ương Đảng",
    "Trung ương Đảng",
    "BCHTW",
    "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam",
)
_add("party", "Ban Thường vụ Trung ương Đảng", "Thường vụ Trung ương", "Ban Thường vụ Trung ương")
_add(
    "party",
    "Ủy ban Kiểm tra Trung ương",
    "UBKT Trung ương",
    "UBKT TƯ",
    "UBKT TW",
    "Ủy ban Kiểm tra TƯ",
    "Ủy ban Kiểm tra T.Ư",
    "Ủy ban Kiểm tra TW",
    "Ủy ban Kiểm tra (UBKT) Trung ương",
)
_add("party", "Văn phòng Trung ương Đảng", "Văn phòng Trung ương")
_add("party", "Văn phòng Tổng Bí thư")
for _board in (
    "Tổ chức",
    "Tuyên giáo",
    "Dân vận",
    "Nội chính",
    "Kinh tế",
    "Đối ngoại",
    "Tuyên giáo và Dân vận",
    "Chính sách, chiến lược",
):
    _add(
        "party",
        f"Ban {_board} Trung ương",
        f"Ban {_board} TƯ",
        f"Ban {_board} TW",
        f"Ban {_board} Trung ương Đảng",
    )
_add("party", "Đảng ủy Khối Doanh nghiệp Trung ương")
_add("party", "Đảng ủy Khối các cơ quan Trung ương")
_add("party", "Đảng ủy Công an Trung ương")
_add("party", "Quân ủy Trung ương")
_add("party", "Đảng đoàn Quốc hội")
_add("party", "Đảng đoàn Chính phủ")
_add("party", "Ban cán sự đảng Chính phủ")

# Youth Union (Điều lệ Đoàn).
_add(
    "youth_union",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    "Đoàn TNCS Hồ Chí Minh",
    "Đoàn TNCS HCM",
    "Đoàn Thanh niên",
    "Đoàn thanh niên",
)
_add(
    "youth_union",
    "Trung ương Đoàn",
    "Trung ương Đoàn TNCS Hồ Chí Minh",
    "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    "Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh",
    "TƯ Đoàn",
    "TW Đoàn",
    "Ban Chấp hành Trung ương Đoàn",
    "BCH Trung ương Đoàn",
)
_add("youth_union", "Ban Thường vụ Trung ương Đoàn")
_add("youth_union", "Ban Bí thư Trung ương Đoàn", "Ban bí thư Trung ương Đoàn")
_add("youth_union", "Ban Quốc tế Trung ương Đoàn")
_add("youth_union", "Ban Tổ chức Trung ương Đoàn")
_add("youth_union", "Ban Tuyên giáo Trung ương Đoàn")
_add("youth_union", "Ủy ban Kiểm tra Trung ương Đoàn")
_add("youth_union", "Hội đồng Đội Trung ương")
# Đoàn of the two central blocs (Điều lệ Đoàn, Điều 21: đoàn trực thuộc Trung ương Đoàn).
_add("youth_union", "Đoàn Khối các cơ quan Trung ương")
_add("youth_union", "Đoàn Khối Doanh nghiệp Trung ương")
_add("youth_union", "Hội Liên hiệp Thanh niên Việt Nam", "Hội LHTN Việt Nam")
_add("youth_union", "Hội Sinh viên Việt Nam")
_add("youth_union", "Đội Thiếu niên Tiền phong Hồ Chí Minh")

# State (Hiến pháp 2013, Chương V-VIII; Luật Tổ chức Quốc hội).
_add("state", "Chính phủ")
_add("state", "Quốc hội")
_add("state", "Ủy ban Thường vụ Quốc hội", "UBTVQH")
_add("state", "Hội đồng Dân tộc")
_add("state", "Văn phòng Quốc hội")
_add("state", "Văn phòng Chủ tịch nước")
_add("state", "Văn phòng Chính phủ", "VPCP")
_add("state", "Thanh tra Chính phủ")
_add("state", "Kiểm toán Nhà nước", "Kiểm toán nhà nước", "KTNN")
_add("state", "Ngân hàng Nhà nước Việt Nam", "Ngân hàng Nhà nước", "NHNN")
_add(
    "state",
    "Tòa án nhân dân tối cao",
    "TAND tối cao",
    "TAND Tối cao",
    "TANDTC",
    "Tòa án nhân dân Tối cao",
)
_add(
    "state",
    "Viện kiểm sát nhân dân tối cao",
    "VKSND tối cao",
    "VKSND Tối cao",
    "VKSNDTC",
    "Viện Kiểm sát nhân dân tối cao",
    "Viện Kiểm sát nhân dân Tối cao",
)
_add("state", "Hội đồng Chính phủ")
_add("state", "Hội đồng Nhà nước", "Hội đồng nhà nước")
_add("state", "Hội đồng Bộ trưởng")
_add("state", "Công an nhân dân", "Công an nhân dân Việt Nam")
_add("state", "Công an nhân dân vũ trang")
_add("state", "Quân đội nhân dân", "Quân đội nhân dân Việt Nam")
# Commands of the army (Luật Quốc phòng 2018, Điều 25; Nghị định on the Ministry's bodies).
_add("state", "Bộ Tổng Tham mưu", "Bộ Tổng Tham mưu Quân đội nhân dân Việt Nam")
_add("state", "Tổng cục Chính trị Quân đội nhân dân Việt Nam")
_add("state", "Bộ Tư lệnh Thủ đô Hà Nội")
_add("state", "Bộ Tư lệnh Thành phố Hồ Chí Minh", "Bộ Tư lệnh TP.HCM", "Bộ Tư lệnh TP. Hồ Chí Minh")
_add("state", "Bộ Tư lệnh Bộ đội Biên phòng")
_add("state", "Bộ Tư lệnh Cảnh sát biển", "Bộ Tư lệnh Cảnh sát biển Việt Nam")
_add("state", "Quân chủng Hải quân")
_add("state", "Quân chủng Phòng không - Không quân")
_add("state", "Bộ đội Biên phòng")
_add("state", "Thông tấn xã Việt Nam", "TTXVN")
_add("state", "Đài Truyền hình Việt Nam")
_add("state", "Hội đồng tư vấn đặc xá", "Hội đồng Tư vấn đặc xá")
_add("state", "Đài Tiếng nói Việt Nam")
_add("state", "Cổng Thông tin điện tử Chính phủ", "Cổng TTĐT Chính phủ")
_add(
    "state", "Viện Nghiên cứu Quản lý Kinh tế Trung ương", "CIEM", "Viện Quản lý Kinh tế Trung ương"
)
_add("state", "Bảo hiểm xã hội Việt Nam")
_add("state", "Ngân hàng Chính sách xã hội", "NHCSXH")
_add("state", "Ngân hàng Phát triển Việt Nam")
# Boards of the Government (Nghị định on their functions): "Ban Tôn giáo Chính phủ".
_add("state", "Ban Tôn giáo Chính phủ")
_add("state", "Ban Cơ yếu Chính phủ")
_add("state", "Ban Thi đua - Khen thưởng Trung ương")
_add("state", "Hội đồng Giáo sư nhà nước", "Hội đồng Giáo sư Nhà nước")
_add("state", "Kho bạc Nhà nước", "Kho bạc nhà nước")
_add("state", "Ủy ban Dân tộc")
_add("state", "Ủy ban Quốc gia về chuyển đổi số")
_add("state", "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp")

# Mass organisations (Luật Mặt trận Tổ quốc Việt Nam 2015, Điều 1).
_add(
    "mass_org",
    "Mặt trận Tổ quốc Việt Nam",
    "MTTQ Việt Nam",
    "MTTQVN",
    "Mặt trận Tổ quốc",
    "MTTQ",
    "Mặt trận",
    # The Front and its committee are written for one another: one unit.
    "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Ủy ban MTTQ Việt Nam",
    "Ủy ban Mặt trận Tổ quốc",
    "Ủy ban MTTQ",
    "UBMTTQ",
)
_add(
    "mass_org",
    "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
    "Ủy ban Trung ương MTTQ Việt Nam",
    "Ủy ban Trung ương MTTQVN",
    "UBTƯ MTTQ Việt Nam",
)
# Written without "Việt Nam" they still name the organisation (with a place after them
# they are its local chapter, found as a local body instead).
_add(
    "mass_org",
    "Hội Liên hiệp Phụ nữ Việt Nam",
    "Hội LHPN Việt Nam",
    "Hội Liên hiệp Phụ nữ",
    "Hội LHPN",
)
_add("mass_org", "Hội Nông dân Việt Nam", "Hội Nông dân")
_add("mass_org", "Hội Cựu chiến binh Việt Nam", "Hội Cựu chiến binh")
_add("mass_org", "Tổng Liên đoàn Lao động Việt Nam")
_add("mass_org", "Công đoàn Việt Nam")
_add(
    "mass_org",
    "Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam",
    "Liên hiệp các hội KH&KT Việt Nam",
    "Liên hiệp các Hội KH&KT Việt Nam",
)
_add("mass_org", "Hội Chữ thập đỏ Việt Nam")
_add("mass_org", "Hội Luật gia Việt Nam")
_add(
    "mass_org",
    "Phòng Thương mại và Công nghiệp Việt Nam",
    "VCCI",
    "Liên đoàn Thương mại và Công nghiệp Việt Nam",
)
# The central committee of each organisation (its charter: "Ban Chấp hành Trung ương Hội"),
# written "Trung ương Hội Nông dân Việt Nam".
for _org in (
    "Hội Nông dân Việt Nam",
    "Hội Cựu chiến binh Việt Nam",
    "Hội Liên hiệp Phụ nữ Việt Nam",
    "Hội Chữ thập đỏ Việt Nam",
):
    _add("mass_org", f"Trung ương {_org}", f"Ban Chấp hành Trung ương {_org}")

# Ministries (Nghị định 25/2025/NĐ-CP ff. and earlier decrees; older names still occur).
MINISTRIES: tuple[str, ...] = (
    "Nội vụ",
    "Tài chính",
    "Công Thương",
    "Xây dựng",
    "Quốc phòng",
    "Công an",
    "Ngoại giao",
    "Tư pháp",
    "Y tế",
    "Giáo dục và Đào tạo",
    "Khoa học và Công nghệ",
    "Nông nghiệp và Môi trường",
    "Nông nghiệp và Phát triển nông thôn",
    "Tài nguyên và Môi trường",
    "Kế hoạch và Đầu tư",
    "Giao thông vận tải",
    "Lao động - Thương binh và Xã hội",
    "Lao động, Thương binh và Xã hội",
    "Văn hóa, Thể thao và Du lịch",
    "Thông tin và Truyền thông",
    "Dân tộc và Tôn giáo",
    "Công nghiệp",
    "Lâm nghiệp",
    "Thương mại",
    "Thủy sản",
    "Bưu chính, Viễn thông",
)
# Short forms of ministries in news ("Bộ NN-PTNT") -> the ministry's name.
MINISTRY_ABBREVIATIONS: dict[str, str] = {
    "NN-PTNT": "Nông nghiệp và Phát triển nông thôn",
    "NN&PTNT": "Nông nghiệp và Phát triển nông thôn",
    "NNPTNT": "Nông nghiệp và Phát triển nông thôn",
    "NN-MT": "Nông nghiệp và Môi trường",
    "NN&MT": "Nông nghiệp và Môi trường",
    "GD-ĐT": "Giáo dục và Đào tạo",
    "GD&ĐT": "Giáo dục và Đào tạo",
    "GDĐT": "Giáo dục và Đào tạo",
    "KH-ĐT": "Kế hoạch và Đầu tư",
    "KH&ĐT": "Kế hoạch và Đầu tư",
    "KHĐT": "Kế hoạch và Đầu tư",
    "KH-CN": "Khoa học và Công nghệ",
    "KH&CN": "Khoa học và Công nghệ",
    "KHCN": "Khoa học và Công nghệ",
    "TN-MT": "Tài nguyên và Môi trường",
    "TN&MT": "Tài nguyên và Môi trường",
    "TNMT": "Tài nguyên và Môi trường",
    "GTVT": "Giao thông vận tải",
    "LĐ-TB&XH": "Lao động - Thương binh và Xã hội",
    "LĐTB&XH": "Lao động - Thương binh và Xã hội",
    "LĐTBXH": "Lao động - Thương binh và Xã hội",
    "VH-TT&DL": "Văn hóa, Thể thao và Du lịch",
    "VH,TT&DL": "Văn hóa, Thể thao và Du lịch",
    "VHTTDL": "Văn hóa, Thể thao và Du lịch",
    "TT&TT": "Thông tin và Truyền thông",
    "TT-TT": "Thông tin và Truyền thông",
    "TTTT": "Thông tin và Truyền thông",
}
# Names whose capitalization is fixed by the founding decree ("Bộ Công Thương").
MINISTRY_CASE: dict[str, str] = {"công thương": "Công Thương"}

# Provincial departments (sở) under the Ủy ban nhân dân (Nghị định 24/2014/NĐ-CP, 45/2025).
DEPARTMENTS: tuple[str, ...] = (
    "Nội vụ",
    "Tư pháp",
    "Tài chính",
    "Công Thương",
    "Kế hoạch và Đầu tư",
    "Xây dựng",
    "Y tế",
    "Giáo dục và Đào tạo",
    "Nông nghiệp và Phát triển nông thôn",
    "Nông nghiệp và Môi trường",
    "Tài nguyên và Môi trường",
    "Lao động - Thương binh và Xã hội",
    "Văn hóa, Thể thao và Du lịch",
    "Văn hóa và Thể thao",
    "Du lịch",
    "Thông tin và Truyền thông",
    "Khoa học và Công nghệ",
    "Giao thông vận tải",
    "Ngoại vụ",
    "Dân tộc và Tôn giáo",
    "Giao thông - Vận tải",
    "Quy hoạch - Kiến trúc",
)

# Party committees of a locality (Điều lệ Đảng, Điều 15-16): head word -> the level of
# the place that follows it.
LOCAL_PARTY_COMMITTEES: dict[str, str] = {
    "tỉnh ủy": "province",
    "thành ủy": "province_or_district",
    "huyện ủy": "district",
    "quận ủy": "district",
    "thị ủy": "district",
}
# Youth Union committees of a locality (Điều lệ Đoàn, Điều 17).
LOCAL_YOUTH_COMMITTEES: dict[str, str] = {
    "tỉnh đoàn": "province",
    "thành đoàn": "province_or_district",
    "huyện đoàn": "district",
    "quận đoàn": "district",
    "thị đoàn": "district",
}

# Local State bodies that take a locality after them (Luật Tổ chức chính quyền địa phương;
# Luật Tổ chức Tòa án nhân dân; Luật Tổ chức Viện kiểm sát nhân dân): written form ->
# canonical head.
LOCAL_STATE_HEADS: dict[str, str] = {
    "Ủy ban nhân dân": "Ủy ban nhân dân",
    "UBND": "Ủy ban nhân dân",
    "Hội đồng nhân dân": "Hội đồng nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "Tòa án nhân dân": "Tòa án nhân dân",
    "TAND": "Tòa án nhân dân",
    "Viện kiểm sát nhân dân": "Viện kiểm sát nhân dân",
    "Viện Kiểm sát nhân dân": "Viện kiểm sát nhân dân",
    "VKSND": "Viện kiểm sát nhân dân",
    "Công an": "Công an",
    "Bộ Chỉ huy Quân sự": "Bộ Chỉ huy Quân sự",
    "Đoàn Đại biểu Quốc hội": "Đoàn Đại biểu Quốc hội",
    "Đoàn đại biểu Quốc hội": "Đoàn Đại biểu Quốc hội",
    "đoàn đại biểu Quốc hội": "Đoàn Đại biểu Quốc hội",
    "Đoàn ĐBQH": "Đoàn Đại biểu Quốc hội",
    "Ủy ban Mặt trận Tổ quốc": "Ủy ban Mặt trận Tổ quốc",
    "Ủy ban MTTQ": "Ủy ban Mặt trận Tổ quốc",
    "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
    "Hội Nông dân": "Hội Nông dân",
    "Hội Liên hiệp Phụ nữ": "Hội Liên hiệp Phụ nữ",
    "Hội LHPN": "Hội Liên hiệp Phụ nữ",
    "Hội Cựu chiến binh": "Hội Cựu chiến binh",
    "Liên đoàn Lao động": "Liên đoàn Lao động",
    "LĐLĐ": "Liên đoàn Lao động",
    "Hội CCB": "Hội Cựu chiến binh",
    "Hội Chữ thập đỏ": "Hội Chữ thập đỏ",
    # Youth Union bodies of a locality (Điều lệ Đoàn; Điều lệ Hội LHTN Việt Nam, Hội Sinh viên).
    "Hội Liên hiệp Thanh niên": "Hội Liên hiệp Thanh niên",
    "Hội LHTN": "Hội Liên hiệp Thanh niên",
    "Hội Sinh viên": "Hội Sinh viên",
    "Hội đồng Đội": "Hội đồng Đội",
    # Military and border-guard commands (Luật Quốc phòng 2018, Luật Dân quân tự vệ 2019,
    # Luật Biên phòng 2020) and the Party committees in them (Điều lệ Đảng, Điều 25).
    "Bộ CHQS": "Bộ Chỉ huy Quân sự",
    "Ban Chỉ huy Quân sự": "Ban Chỉ huy Quân sự",
    "Ban CHQS": "Ban Chỉ huy Quân sự",
    "Bộ Chỉ huy Bộ đội Biên phòng": "Bộ Chỉ huy Bộ đội Biên phòng",
    "Bộ Chỉ huy BĐBP": "Bộ Chỉ huy Bộ đội Biên phòng",
    "Đảng ủy Quân sự": "Đảng ủy Quân sự",
    # Party committees of a province's blocs after 2025 (Quyết định 296-QĐ/TW, 2025).
    "Đảng ủy các cơ quan Đảng": "Đảng ủy các cơ quan Đảng",
    "Đảng ủy Khối các cơ quan": "Đảng ủy Khối các cơ quan",
    "Đảng ủy Khối Doanh nghiệp": "Đảng ủy Khối Doanh nghiệp",
    "Đảng bộ Khối các cơ quan": "Đảng bộ Khối các cơ quan",
    "Đảng bộ Khối Doanh nghiệp": "Đảng bộ Khối Doanh nghiệp",
    # Local branches of central State agencies (Luật Ngân sách nhà nước, Luật Quản lý thuế,
    # Luật Thi hành án dân sự, Luật Bảo hiểm xã hội).
    "Kho bạc Nhà nước": "Kho bạc Nhà nước",
    "Cục Thuế": "Cục Thuế",
    "Cục Hải quan": "Cục Hải quan",
    "Cục Thống kê": "Cục Thống kê",
    "Cục Thi hành án dân sự": "Cục Thi hành án dân sự",
    "Chi cục Thi hành án dân sự": "Chi cục Thi hành án dân sự",
    "Cục THADS": "Cục Thi hành án dân sự",
    "Chi cục THADS": "Chi cục Thi hành án dân sự",
    "Chi cục Thuế": "Chi cục Thuế",
    "Bảo hiểm xã hội": "Bảo hiểm xã hội",
    "BHXH": "Bảo hiểm xã hội",
    "UBMTTQVN": "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Cổng Thông tin điện tử": "Cổng Thông tin điện tử",
    "Thanh tra": "Thanh tra",  # "Thanh tra tỉnh" (Luật Thanh tra 2022, Điều 12)
    "Ngân hàng Chính sách xã hội": "Ngân hàng Chính sách xã hội",
    "NHCSXH": "Ngân hàng Chính sách xã hội",
    # The Youth Union of a commune (Điều lệ Đoàn, Điều 22: đoàn cơ sở): "Đoàn xã Thanh",
    # "Đoàn Thanh niên phường Đông Hà".
    "Đoàn Thanh niên": "Đoàn Thanh niên",
    "Đoàn": "Đoàn Thanh niên",
    "Đảng bộ": "Đảng bộ",
    "Đảng ủy": "Đảng ủy",
    "Ban Chấp hành Đảng bộ": "Ban Chấp hành Đảng bộ",
    "Ban Chấp hành đảng bộ": "Ban Chấp hành Đảng bộ",
}
LOCAL_HEAD_KIND: dict[str, str] = {
    "Ủy ban nhân dân": "state",
    "Hội đồng nhân dân": "state",
    "Tòa án nhân dân": "state",
    "Viện kiểm sát nhân dân": "state",
    "Công an": "state",
    "Bộ Chỉ huy Quân sự": "state",
    "Đoàn Đại biểu Quốc hội": "state",
    "Ủy ban Mặt trận Tổ quốc": "mass_org",
    "Hội Nông dân": "mass_org",
    "Hội Liên hiệp Phụ nữ": "mass_org",
    "Hội Cựu chiến binh": "mass_org",
    "Liên đoàn Lao động": "mass_org",
    "Hội Chữ thập đỏ": "mass_org",
    "Hội Liên hiệp Thanh niên": "youth_union",
    "Hội Sinh viên": "youth_union",
    "Hội đồng Đội": "youth_union",
    "Ban Chỉ huy Quân sự": "state",
    "Bộ Chỉ huy Bộ đội Biên phòng": "state",
    "Đảng ủy Quân sự": "party",
    "Đảng ủy các cơ quan Đảng": "party",
    "Đảng ủy Khối các cơ quan": "party",
    "Đảng ủy Khối Doanh nghiệp": "party",
    "Đảng bộ Khối các cơ quan": "party",
    "Đảng bộ Khối Doanh nghiệp": "party",
    "Kho bạc Nhà nước": "state",
    "Cục Thuế": "state",
    "Cục Hải quan": "state",
    "Cục Thống kê": "state",
    "Cục Thi hành án dân sự": "state",
    "Chi cục Thi hành án dân sự": "state",
    "Chi cục Thuế": "state",
    "Bảo hiểm xã hội": "state",
    "Ủy ban Mặt trận Tổ quốc Việt Nam": "mass_org",
    "Cổng Thông tin điện tử": "state",
    "Thanh tra": "state",
    "Ngân hàng Chính sách xã hội": "state",
    "Đoàn Thanh niên": "youth_union",
    "Đảng bộ": "party",
    "Đảng ủy": "party",
    "Ban Chấp hành Đảng bộ": "party",
}
# Heads that take only some levels of place: "Đoàn xã Thanh" is the commune's Youth Union,
# "Đoàn tỉnh" is not written.
HEAD_LEVEL_WORDS: dict[str, tuple[str, ...]] = {
    "Đoàn Thanh niên": ("xã", "phường", "thị trấn", "đặc khu"),
}
# Branches of central agencies named with a bare province ("Kho bạc Nhà nước Lào Cai",
# "Cục Thuế Hà Nội"), as the departments are ("Sở Y tế Hà Nội").
BARE_PROVINCE_HEADS: frozenset[str] = frozenset(
    {"Kho bạc Nhà nước", "Cục Thuế", "Cục Hải quan", "Cục Thống kê", "Bảo hiểm xã hội"}
)
# "Tòa án nhân dân tối cao" and the high courts take this instead of a locality.
SUPREME_SUFFIXES: tuple[str, ...] = ("tối cao", "Tối cao")
# The high courts and procuracies sit in three cities (Luật Tổ chức Tòa án nhân dân 2024,
# Điều 4; Luật Tổ chức Viện kiểm sát nhân dân 2014, Điều 40): "TAND cấp cao tại Hà Nội".
HIGH_COURT_SEATS: dict[str, str] = {
    "Hà Nội": "Hà Nội",
    "Đà Nẵng": "Đà Nẵng",
    "Thành phố Hồ Chí Minh": "Thành phố Hồ Chí Minh",
    "TP. Hồ Chí Minh": "Thành phố Hồ Chí Minh",
    "TP.Hồ Chí Minh": "Thành phố Hồ Chí Minh",
    "TP Hồ Chí Minh": "Thành phố Hồ Chí Minh",
    "TP.HCM": "Thành phố Hồ Chí Minh",
    "TP. HCM": "Thành phố Hồ Chí Minh",
    "TPHCM": "Thành phố Hồ Chí Minh",
}

# Sub-bodies written before their parent ("Ban Thường vụ Tỉnh ủy"; Điều lệ Đảng, Điều 17,
# 30; Quy định 214-QĐ/TW): written form -> (canonical form, kind or None to inherit).
SUB_BODY_PREFIXES: dict[str, tuple[str, str | None]] = {
    "Ban Thường vụ": ("Ban Thường vụ", None),
    "Ban thường vụ": ("Ban Thường vụ", None),
    "BTV": ("Ban Thường vụ", None),
    "Thường trực": ("Thường trực", None),
    "Ban Thường trực": ("Ban Thường trực", None),  # of a Front committee (Điều lệ MTTQ)
    "TT.": ("Thường trực", None),  # recipient lists: "TT. Tỉnh ủy, TT. HĐND tỉnh"
    "TT": ("Thường trực", None),
    "Ban Chấp hành": ("Ban Chấp hành", None),
    "Ban chấp hành": ("Ban Chấp hành", None),
    "BCH": ("Ban Chấp hành", None),
    "Ban Tổ chức": ("Ban Tổ chức", None),
    "Ban Tuyên giáo": ("Ban Tuyên giáo", None),
    "Ban Dân vận": ("Ban Dân vận", None),
    "Ban Nội chính": ("Ban Nội chính", None),
    "Ban Kinh tế": ("Ban Kinh tế", None),
    "Ban Tuyên giáo và Dân vận": ("Ban Tuyên giáo và Dân vận", None),
    "Ủy ban Kiểm tra": ("Ủy ban Kiểm tra", None),
    "Ủy ban kiểm tra": ("Ủy ban Kiểm tra", None),
    "UBKT": ("Ủy ban Kiểm tra", None),
    "Văn phòng": ("Văn phòng", None),
    "Ban cán sự đảng": ("Ban cán sự đảng", "party"),
    "Ban cán sự Đảng": ("Ban cán sự đảng", "party"),
    "Ban Cán sự Đảng": ("Ban cán sự đảng", "party"),
    "Đảng đoàn": ("Đảng đoàn", "party"),
    "Đảng ủy": ("Đảng ủy", "party"),
    "Đảng bộ": ("Đảng bộ", "party"),
    "Chi bộ": ("Chi bộ", "party"),
    "Ban Thường vụ Đảng ủy": ("Ban Thường vụ Đảng ủy", "party"),
    "Hội đồng quản trị": ("Hội đồng quản trị", "enterprise"),
    "HĐQT": ("Hội đồng quản trị", "enterprise"),
    "Hội đồng Thành viên": ("Hội đồng Thành viên", "enterprise"),
    "Hội đồng thành viên": ("Hội đồng Thành viên", "enterprise"),
    "Ban Tổng Giám đốc": ("Ban Tổng Giám đốc", "enterprise"),
    "Tòa Hành chính": ("Tòa Hành chính", "state"),
    "Tòa Hình sự": ("Tòa Hình sự", "state"),
    "Tòa Dân sự": ("Tòa Dân sự", "state"),
    "Cổng TTĐT": ("Cổng Thông tin điện tử", "state"),
    # Investigating bodies of the police (Luật Tổ chức cơ quan điều tra hình sự 2015, Điều 4).
    "Cơ quan Cảnh sát điều tra": ("Cơ quan Cảnh sát điều tra", "state"),
    "Cơ quan CSĐT": ("Cơ quan Cảnh sát điều tra", "state"),
    "Cơ quan An ninh điều tra": ("Cơ quan An ninh điều tra", "state"),
    # Boards of a people's council (Luật Tổ chức chính quyền địa phương 2015, Điều 18, 25).
    "Ban Kinh tế - Ngân sách": ("Ban Kinh tế - Ngân sách", "state"),
    "Ban Pháp chế": ("Ban Pháp chế", "state"),
    "Ban Văn hóa - Xã hội": ("Ban Văn hóa - Xã hội", "state"),
    "Ban Kinh tế - Xã hội": ("Ban Kinh tế - Xã hội", "state"),  # of a commune's council
    "Ban Dân tộc": ("Ban Dân tộc", "state"),
    "Ban Đô thị": ("Ban Đô thị", "state"),
    "Cổng Thông tin điện tử": ("Cổng Thông tin điện tử", "state"),
}
# "Thường trực" makes a unit only of these bodies ("Thường trực HĐND tỉnh"; Luật Tổ chức
# chính quyền địa phương, Điều 32); "Thường trực Chính phủ" is a group of people.
STANDING_OWNERS: tuple[str, ...] = (
    "Hội đồng nhân dân",
    "Ủy ban Mặt trận Tổ quốc",
    "Mặt trận Tổ quốc",
    "Tỉnh ủy",
    "Thành ủy",
    "Huyện ủy",
    "Quận ủy",
    "Thị ủy",
    "Đảng ủy",
    "Tỉnh đoàn",
    "Thành đoàn",
    "Huyện đoàn",
)
# Offices of a local body, written before it ("Phòng Cảnh sát hình sự Công an tỉnh", "Chi
# cục Kiểm lâm UBND huyện"; Nghị định 37/2014/NĐ-CP, Luật Công an nhân dân 2018, Điều 18).
OFFICE_HEADS: tuple[str, ...] = ("Phòng", "Chi cục", "Văn phòng", "Trung tâm", "Ban", "Đội")
# Prefixes that name a sub-body only of certain owners: "Ban Pháp chế HĐND tỉnh", but the
# "Ban Dân tộc" of a Party committee does not exist; "Cơ quan CSĐT Công an tỉnh".
PREFIX_OWNERS: dict[str, tuple[str, ...]] = {
    "Ban Thường trực": ("Ủy ban Mặt trận Tổ quốc", "Ủy ban Trung ương Mặt trận"),
    "Ban Kinh tế - Ngân sách": ("Hội đồng nhân dân",),
    "Ban Pháp chế": ("Hội đồng nhân dân",),
    "Ban Văn hóa - Xã hội": ("Hội đồng nhân dân",),
    "Ban Kinh tế - Xã hội": ("Hội đồng nhân dân",),
    "Ban Dân tộc": ("Hội đồng nhân dân",),
    "Ban Đô thị": ("Hội đồng nhân dân",),
    "Cơ quan Cảnh sát điều tra": ("Công an", "Bộ Công an"),
    "Cơ quan An ninh điều tra": ("Công an", "Bộ Công an"),
}
# Words before "Thường trực" that make it part of a title ("Phó Bí thư Thường trực Tỉnh ủy"
# is a person's post in the Tỉnh ủy; "Ủy viên Thường trực" likewise).
STANDING_TITLE_BEFORE: tuple[str, ...] = ("Bí thư", "Chủ tịch", "Ủy viên", "Phó Chủ nhiệm")
# Enterprise heads that name the enterprise just mentioned when written alone after a
# sub-body ("Đảng ủy Tập đoàn", "Ban Tổng Giám đốc Tập đoàn").
OWNER_BACK_REFERENCES: tuple[str, ...] = (
    "Tập đoàn",
    "Tổng công ty",
    "Tổng Công ty",
    "Công ty",
    # "Đảng ủy Quân khu" after "Quân khu 7" (Điều lệ Đảng, Điều 25: đảng bộ quân khu).
    "Quân khu",
    "Quân đoàn",
    "Sư đoàn",
    # "UBKT Đảng ủy Khối" after "Đảng ủy Khối các cơ quan tỉnh Phú Thọ".
    "Đảng ủy Khối",
)

# Foreign and international organisations whose Vietnamese names look like ours.
FOREIGN_ORGANISATIONS: tuple[str, ...] = (
    "Ngân hàng Thế giới",
    "Ngân hàng Phát triển châu Á",
    "Ngân hàng Phát triển Châu Á",
    "Quỹ Tiền tệ Quốc tế",
    "Liên Hợp Quốc",
    "Liên hợp quốc",
    "Quốc hội Mỹ",
    "Quốc hội Hoa Kỳ",
    "Chính phủ Mỹ",
    "Chính phủ Hoa Kỳ",
    "Bộ Ngoại giao Mỹ",
    "Bộ Ngoại giao Trung Quốc",
    "Ngân hàng Trung ương châu Âu",
    "Hội đồng Bảo an",
)

# A State body followed by a foreign country is that country's body ("Chính phủ Nhật Bản",
# "Bộ Ngoại giao Lào"): not a unit. Countries as Vietnamese news names them (Bộ Ngoại giao,
# danh sách tên nước và thủ đô); Lào/Campuchia/Trung Quốc are never Vietnamese place names.
# fmt: off
FOREIGN_BODY_HEADS: tuple[str, ...] = (
    "Chính phủ", "Quốc hội", "Bộ Ngoại giao", "Bộ Quốc phòng", "Bộ Công an", "Bộ Thương mại",
    "Bộ Tài chính", "Ngân hàng Trung ương", "Đại sứ quán", "Thượng viện", "Hạ viện",
)
FOREIGN_COUNTRIES: tuple[str, ...] = (
    "Nhật Bản", "Trung Quốc", "Hàn Quốc", "Lào", "Campuchia", "Thái Lan", "Singapore",
    "Indonesia", "Malaysia", "Philippines", "Myanmar", "Ấn Độ", "Australia", "Ô-xtrây-li-a",
    "Nga", "Liên bang Nga", "Pháp", "Đức", "Anh", "Italy", "Cuba", "Canada", "Mỹ", "Hoa Kỳ",
    "New Zealand", "Israel", "Hà Lan", "Bỉ", "Thụy Điển", "Ba Lan", "Séc", "Hungary",
)
# fmt: on

# Committees of the National Assembly (Luật Tổ chức Quốc hội 2014, Điều 66; 2025 names).
ASSEMBLY_COMMITTEES: tuple[str, ...] = (
    "Pháp luật",
    "Tư pháp",
    "Kinh tế",
    "Tài chính, Ngân sách",
    "Tài chính - Ngân sách",
    "Quốc phòng và An ninh",
    "Văn hóa, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng",
    "Văn hóa, Giáo dục",
    "Về các vấn đề xã hội",
    "Xã hội",
    "Khoa học, Công nghệ và Môi trường",
    "Đối ngoại",
    "Pháp luật và Tư pháp",
    "Kinh tế và Tài chính",
    "Quốc phòng, An ninh và Đối ngoại",
    "Văn hóa và Xã hội",
    "Khoa học, Công nghệ và Môi trường",
)

# Enterprise heads (Luật Doanh nghiệp 2020; Luật Hợp tác xã 2023) and the legal-form words
# that may follow them; the rest of the name must be a proper name.
ENTERPRISE_HEADS: dict[str, str] = {
    "Tổng Công ty": "Tổng Công ty",
    "Tổng công ty": "Tổng công ty",
    "Công ty": "Công ty",
    "Tập đoàn": "Tập đoàn",
    # The press's short forms: "Cty CP Sữa Việt Nam", "TCty Thép Việt Nam", "CTCP Hòa Phát".
    "Cty": "Công ty",
    "CTy": "Công ty",
    "TCty": "Tổng công ty",
    "TCTy": "Tổng công ty",
    "CTCP": "Công ty cổ phần",
    "Ngân hàng": "Ngân hàng",
    "Hợp tác xã": "Hợp tác xã",
    "HTX": "Hợp tác xã",
}
ENTERPRISE_FORMS: tuple[str, ...] = (
    "TNHH MTV",
    "TNHH một thành viên",
    "TNHH",
    "trách nhiệm hữu hạn",
    "cổ phần",
    "Cổ phần",
    "CP",
    "Thương mại Cổ phần",
    "thương mại cổ phần",
    "TMCP",
)
# Words after "Công ty"/"Tập đoàn" that make the phrase generic, not a name.
ENTERPRISE_GENERIC_NEXT: frozenset[str] = frozenset(
    {"nhà nước", "con", "mẹ", "này", "đó", "trên", "có", "được", "đã", "và", "không"}
)

# Schools (Luật Giáo dục 2019): head -> canonical head with abbreviations expanded.
SCHOOL_HEADS: dict[str, str] = {
    "Trường THPT chuyên": "Trường Trung học phổ thông chuyên",
    "Trường Trung học phổ thông chuyên": "Trường Trung học phổ thông chuyên",
    "Trường THPT": "Trường Trung học phổ thông",
    "Trường Trung học phổ thông": "Trường Trung học phổ thông",
    "Trường THCS": "Trường Trung học cơ sở",
    "Trường Trung học cơ sở": "Trường Trung học cơ sở",
    "Trường Tiểu học": "Trường Tiểu học",
    "Trường Mầm non": "Trường Mầm non",
    "Trường Đại học": "Trường Đại học",
    "Trường Cao đẳng": "Trường Cao đẳng",
    "Trường Chính trị": "Trường Chính trị",
    "Trường PTDTNT": "Trường Phổ thông dân tộc nội trú",
    "Đại học": "Đại học",
    "Học viện": "Học viện",
}

# Administrative level words before a place name (Luật Tổ chức chính quyền địa phương,
# Điều 2) -> (canonical lower-case word, level).
LOCALITY_WORDS: dict[str, tuple[str, str]] = {
    "tỉnh": ("tỉnh", "province"),
    "thành phố": ("thành phố", "city"),
    "TP.": ("thành phố", "city"),
    "TP": ("thành phố", "city"),
    "Tp.": ("thành phố", "city"),
    "Tp": ("thành phố", "city"),
    "huyện đảo": ("huyện đảo", "district"),
    "huyện": ("huyện", "district"),
    "quận": ("quận", "district"),
    "thị xã": ("thị xã", "district"),
    "TX.": ("thị xã", "district"),
    "TX": ("thị xã", "district"),
    "xã": ("xã", "commune"),
    "phường": ("phường", "commune"),
    "thị trấn": ("thị trấn", "commune"),
    "đặc khu": ("đặc khu", "commune"),
}
