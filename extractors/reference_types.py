"""Vietnamese official document types, their symbol abbreviations and issuer codes (data only).

A document's number and symbol ("số, ký hiệu") is written in two conventions:

- Party documents, Hướng dẫn 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng về thể
  thức và kỹ thuật trình bày văn bản của Đảng, mục 3.3: ``số-TYPE/ISSUER`` ("21-NQ/TW",
  "48-CTr/TU", "225-KH/TWĐTN-TNNT"); the type abbreviations are its Phụ lục 1.
- State documents, Nghị định 30/2020/NĐ-CP về công tác văn thư, Phụ lục I mục II.3 and
  Phụ lục III (bảng chữ viết tắt tên loại văn bản): ``số/năm/TYPE-ISSUER`` for legal
  documents ("30/2020/NĐ-CP"), ``số/TYPE-ISSUER`` for administrative ones ("1234/QĐ-UBND"),
  ``số/ISSUER-UNIT`` for letters (công văn "456/UBND-VX"); laws and resolutions of the Quốc
  hội are ``số/năm/QHkhóa`` (Luật Ban hành văn bản quy phạm pháp luật 2015, Điều 9).
- Court papers, Nghị quyết 01/2019/NQ-HĐTP (án lệ) and Nghị quyết 01/2017/NQ-HĐTP (biểu mẫu
  tố tụng dân sự): bản án "12/2019/DS-PT", quyết định giám đốc thẩm "01/2019/KDTM-GĐT",
  án lệ "43/2021/AL".
"""

from __future__ import annotations

# Canonical type (lowercase Vietnamese, as in the gold files) -> how the type is written in
# running text. Longer words first where one contains another ("thông tư liên tịch").
DOC_TYPE_WORDS: dict[str, tuple[str, ...]] = {
    "nghị quyết liên tịch": ("nghị quyết liên tịch",),
    "nghị quyết": ("nghị quyết",),
    "chỉ thị": ("chỉ thị",),
    "quyết định giám đốc thẩm": ("quyết định giám đốc thẩm",),
    "quyết định": ("quyết định",),
    "quy định": ("quy định",),
    "quy chế": ("quy chế",),
    "chương trình hành động": ("chương trình hành động",),
    "chương trình": ("chương trình",),
    "hướng dẫn": ("hướng dẫn",),
    "kế hoạch": ("kế hoạch",),
    "kết luận": ("kết luận",),
    # "Thông báo kết luận số 123-TB/TU": a notice of conclusions is a thông báo
    "thông báo": ("thông báo kết luận", "thông báo"),
    "thông tri": ("thông tri",),
    "báo cáo": ("báo cáo",),
    "đề án": ("đề án",),
    "tờ trình": ("tờ trình",),
    "công văn": ("công văn", "văn bản"),
    "công điện": ("công điện",),
    "nghị định": ("nghị định",),
    "thông tư liên tịch": ("thông tư liên tịch",),
    "thông tư": ("thông tư",),
    "bộ luật": ("bộ luật",),
    "luật": ("luật",),
    "pháp lệnh": ("pháp lệnh",),
    "lệnh": ("lệnh",),
    "hiến pháp": ("hiến pháp",),
    "văn bản hợp nhất": ("văn bản hợp nhất",),
    "án lệ": ("án lệ",),
    "bản án": ("bản án",),
    "kháng nghị": ("kháng nghị giám đốc thẩm", "kháng nghị"),
    "điều lệ": ("điều lệ",),
    "cương lĩnh": ("cương lĩnh",),
    "chiến lược": ("chiến lược",),
}

# Type abbreviation in a symbol -> canonical type. Party: Hướng dẫn 36-HD/VPTW, Phụ lục 1;
# State: Nghị định 30/2020/NĐ-CP, Phụ lục III.
SYMBOL_DOC_TYPES: dict[str, str] = {
    "NQ": "nghị quyết",
    "NQLT": "nghị quyết liên tịch",
    "CT": "chỉ thị",
    "QĐ": "quyết định",
    "QĐi": "quy định",
    "QC": "quy chế",
    "QyC": "quy chế",
    "CTr": "chương trình hành động",
    "HD": "hướng dẫn",
    "KH": "kế hoạch",
    "KL": "kết luận",
    "TB": "thông báo",
    "TT": "thông tư",
    "TTr": "tờ trình",
    "BC": "báo cáo",
    "ĐA": "đề án",
    "CV": "công văn",
    "CĐ": "công điện",
    "NĐ": "nghị định",
    "TTLT": "thông tư liên tịch",
    "L": "luật",
    "PL": "pháp lệnh",
    "VBHN": "văn bản hợp nhất",
    "AL": "án lệ",
    "KN": "kháng nghị",
    "QĐKNGĐT": "quyết định",
    "BB": "biên bản",
}

# Court case codes in judgment symbols "12/2019/DS-PT" (Nghị quyết 01/2017/NQ-HĐTP, biểu mẫu):
# the case field, then the instance (ST sơ thẩm, PT phúc thẩm, GĐT giám đốc thẩm, TT tái thẩm).
COURT_CASE_CODES: frozenset[str] = frozenset(
    {"DS", "HS", "HC", "KDTM", "LĐ", "HNGĐ", "PS", "DSST", "HSST", "HSPT", "DSPT"}
)
COURT_INSTANCE_CODES: dict[str, str] = {
    "ST": "bản án",
    "PT": "bản án",
    "GĐT": "quyết định giám đốc thẩm",
    "TT": "quyết định tái thẩm",
}

# Issuer codes in symbols -> the body's name. Party: Hướng dẫn 36-HD/VPTW, Phụ lục 2 (ký hiệu
# tên cơ quan ban hành); State: Nghị định 30/2020/NĐ-CP Phụ lục III and the ministries'
# customary abbreviations (Nghị định 25/2025/NĐ-CP etc.).
ISSUER_CODES: dict[str, str] = {
    # Party
    "TW": "Ban Chấp hành Trung ương",
    "TU": "Tỉnh ủy",
    "TƯ": "Ban Chấp hành Trung ương",
    "HU": "Huyện ủy",
    "QU": "Quận ủy",
    "ThU": "Thị ủy",
    "ĐU": "Đảng ủy",
    "ĐUK": "Đảng ủy Khối",
    "BCS": "Ban cán sự đảng",
    "ĐĐ": "Đảng đoàn",
    "CB": "Chi bộ",
    "VPTW": "Văn phòng Trung ương Đảng",
    "BTCTW": "Ban Tổ chức Trung ương",
    "BTGTW": "Ban Tuyên giáo Trung ương",
    "BTGDVTW": "Ban Tuyên giáo và Dân vận Trung ương",
    "BDVTW": "Ban Dân vận Trung ương",
    "BNCTW": "Ban Nội chính Trung ương",
    "BKTTW": "Ban Kinh tế Trung ương",
    "BĐNTW": "Ban Đối ngoại Trung ương",
    "UBKTTW": "Ủy ban Kiểm tra Trung ương",
    "BTCTU": "Ban Tổ chức Tỉnh ủy",
    "BTGTU": "Ban Tuyên giáo Tỉnh ủy",
    "UBKTTU": "Ủy ban Kiểm tra Tỉnh ủy",
    "TWĐTN": "Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh",
    "TƯĐTN": "Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh",
    "QUTW": "Quân ủy Trung ương",
    "ĐUCATW": "Đảng ủy Công an Trung ương",
    "ĐUQSTW": "Quân ủy Trung ương",
    "BCĐ": "Ban Chỉ đạo",
    "ĐH": "Đại hội",
    "VPTU": "Văn phòng Tỉnh ủy",
    "BDVTU": "Ban Dân vận Tỉnh ủy",
    "BNCTU": "Ban Nội chính Tỉnh ủy",
    "ĐUQS": "Đảng ủy Quân sự",
    "ĐUCA": "Đảng ủy Công an",
    "TĐ": "Tỉnh đoàn",
    "TĐTN": "Tỉnh đoàn",
    "ĐTN": "Đoàn Thanh niên",
    # State
    "QH": "Quốc hội",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "VPQH": "Văn phòng Quốc hội",
    "CTN": "Chủ tịch nước",
    "VPCTN": "Văn phòng Chủ tịch nước",
    "CP": "Chính phủ",
    "TTg": "Thủ tướng Chính phủ",
    "VPCP": "Văn phòng Chính phủ",
    "BNV": "Bộ Nội vụ",
    "BTC": "Bộ Tài chính",
    "BCA": "Bộ Công an",
    "BQP": "Bộ Quốc phòng",
    "BTP": "Bộ Tư pháp",
    "BNG": "Bộ Ngoại giao",
    "BYT": "Bộ Y tế",
    "BGDĐT": "Bộ Giáo dục và Đào tạo",
    "BCT": "Bộ Công Thương",
    "BXD": "Bộ Xây dựng",
    "BGTVT": "Bộ Giao thông vận tải",
    "BTNMT": "Bộ Tài nguyên và Môi trường",
    "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
    "BNNMT": "Bộ Nông nghiệp và Môi trường",
    "BKHĐT": "Bộ Kế hoạch và Đầu tư",
    "BKHCN": "Bộ Khoa học và Công nghệ",
    "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội",
    "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
    "BTTTT": "Bộ Thông tin và Truyền thông",
    "BDTTG": "Bộ Dân tộc và Tôn giáo",
    "NHNN": "Ngân hàng Nhà nước Việt Nam",
    "TTCP": "Thanh tra Chính phủ",
    "UBDT": "Ủy ban Dân tộc",
    "KTNN": "Kiểm toán nhà nước",
    "TANDTC": "Tòa án nhân dân tối cao",
    "VKSNDTC": "Viện kiểm sát nhân dân tối cao",
    "HĐTP": "Hội đồng Thẩm phán Tòa án nhân dân tối cao",
    "CA": "Chánh án Tòa án nhân dân tối cao",
    "VKS": "Viện kiểm sát nhân dân",
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "CTUBND": "Chủ tịch Ủy ban nhân dân",
    "UB": "Ủy ban nhân dân",
    "BHXH": "Bảo hiểm xã hội Việt Nam",
    "MTTQ": "Mặt trận Tổ quốc Việt Nam",
    "TLĐ": "Tổng Liên đoàn Lao động Việt Nam",
    "TWHLHPN": "Trung ương Hội Liên hiệp Phụ nữ Việt Nam",
    "HĐQT": "Hội đồng quản trị",
    "HĐTV": "Hội đồng thành viên",
}

# Codes that carry the term number glued on: "35/2017/QH14", "916/NQ-UBTVQH13".
TERM_SUFFIXED_ISSUERS: tuple[str, ...] = ("UBTVQH", "QH")

# Tokens that mark a private paper or a standard, never an official document: land-use
# certificates "7332/2008/UB.GCN", contract appendices "01/PL/BS/HĐTD", "TCVN", "QCVN"; and
# the court's case registry numbers "vụ án thụ lý số 05/2019/TLPT-DS" (TLST/TLPT/TLGĐT: thụ lý
# sơ thẩm, phúc thẩm, giám đốc thẩm; Nghị quyết 01/2017/NQ-HĐTP, biểu mẫu), a case, not a paper.
NON_DOCUMENT_SYMBOL_TOKENS: frozenset[str] = frozenset(
    {"GCN", "HĐTD", "HĐ", "TCVN", "QCVN", "ISO", "PLHĐ", "BS", "GCNQSDĐ", "HĐMB", "HĐLĐ"}
    | {"TLST", "TLPT", "TLGĐT", "TLTT"}
)

# Words before "số ..." that name a private paper, form or standard (README: not references).
NON_DOCUMENT_HEADS: tuple[str, ...] = (
    "hợp đồng",
    "phụ lục",
    "giấy chứng nhận",
    "giấy phép",
    "biên lai",
    "biên bản",
    "hóa đơn",
    "mẫu",
    "thửa đất",
    "tờ bản đồ",
    "tài khoản",
    "sổ",
    "đơn",
    "vận đơn",
    "tiêu chuẩn",
    "quy chuẩn",
    "hiệp định",
    "công ước",
    "điện thoại",
    "căn cước",
    "chứng minh",
)

# Words in an official document's header that state its type (upper case in the header).
HEADER_TYPE_WORDS: tuple[str, ...] = tuple(
    sorted(
        {w for words in DOC_TYPE_WORDS.values() for w in words} - {"văn bản", "kháng nghị"},
        key=len,
        reverse=True,
    )
)

# Relation verbs between two documents (what the text states), lowercase phrase -> type.
RELATION_PHRASES: dict[str, str] = {
    "sửa đổi, bổ sung": "sửa đổi, bổ sung",
    "sửa đổi bổ sung": "sửa đổi, bổ sung",
    "sửa đổi": "sửa đổi, bổ sung",
    "thay thế": "thay thế",
    "bãi bỏ": "bãi bỏ",
    "hướng dẫn": "hướng dẫn",
    "quy định chi tiết": "hướng dẫn",
    "thực hiện": "thực hiện",
    "triển khai": "triển khai",
    "căn cứ": "căn cứ",
}
