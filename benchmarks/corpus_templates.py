"""A synthetic but realistic corpus for throughput benchmarks: Party/State news and directives.

Documents are built from sentence templates in the style of provincial Party newspapers and
of directives (`Chỉ thị`, `Kế hoạch`, `Quyết định`), filled with references in the official
formats ("Nghị quyết số 21-NQ/TW, ngày 16/6/2022 của Ban Chấp hành Trung ương"), unit names
("Ban Thường vụ Huyện ủy Hải Lăng"), and statistics ("11.727 đảng viên", "19,9%",
"1.250 tỷ đồng"), with lengths from a short news brief to a long directive. The same seed
gives the same corpus, byte for byte.
"""

from __future__ import annotations

import random
from pathlib import Path

PROVINCES = [
    "Quảng Trị",
    "Thừa Thiên Huế",
    "Nghệ An",
    "Hà Tĩnh",
    "Quảng Bình",
    "Thanh Hóa",
    "Bình Định",
    "Cà Mau",
    "Lào Cai",
    "Đắk Lắk",
    "Bắc Giang",
    "Long An",
]
DISTRICTS = [
    "Hải Lăng",
    "Gio Linh",
    "Triệu Phong",
    "Vĩnh Linh",
    "Cam Lộ",
    "Đakrông",
    "Hướng Hóa",
    "Quỳnh Lưu",
    "Diễn Châu",
    "Can Lộc",
    "Hương Khê",
    "Bố Trạch",
]
PEOPLE = [
    "Nguyễn Văn Hùng",
    "Lê Quang Chiến",
    "Trần Thị Thu Hà",
    "Phạm Minh Tuấn",
    "Hoàng Đức Thắng",
    "Võ Thị Mai",
    "Đặng Quốc Khánh",
    "Bùi Thanh Sơn",
]
CENTRAL_REFS = [
    (
        "Nghị quyết",
        "21-NQ/TW",
        "16/6/2022",
        "Ban Chấp hành Trung ương Đảng khóa XIII",
        "về tăng cường củng cố, xây dựng tổ chức cơ sở đảng và nâng cao chất lượng đội ngũ "
        "đảng viên",
    ),
    (
        "Chỉ thị",
        "05-CT/TW",
        "15/5/2016",
        "Bộ Chính trị",
        "về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    ),
    (
        "Quy định",
        "105-QĐ/TW",
        "19/12/2017",
        "Ban Chấp hành Trung ương",
        "về phân cấp quản lý cán bộ và bổ nhiệm, giới thiệu cán bộ ứng cử",
    ),
    (
        "Kết luận",
        "21-KL/TW",
        "25/10/2021",
        "Hội nghị Trung ương 4 khóa XIII",
        "về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
    ),
    (
        "Nghị quyết",
        "18-NQ/TW",
        "25/10/2017",
        "Ban Chấp hành Trung ương",
        "về một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy",
    ),
    (
        "Nghị định",
        "150/2025/NĐ-CP",
        "12/6/2025",
        "Chính phủ",
        "quy định tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh",
    ),
    (
        "Quyết định",
        "1600/QĐ-TTg",
        "16/8/2016",
        "Thủ tướng Chính phủ",
        "phê duyệt Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
    ),
    (
        "Thông tư",
        "01/2021/TT-BNV",
        "11/1/2021",
        "Bộ Nội vụ",
        "quy định chi tiết một số điều của Luật Thi đua, khen thưởng",
    ),
]
LOCAL_TYPES = [
    ("Chỉ thị", "CT"),
    ("Nghị quyết", "NQ"),
    ("Kế hoạch", "KH"),
    ("Chương trình", "CTr"),
    ("Quyết định", "QĐ"),
    ("Hướng dẫn", "HD"),
]
TOPICS = [
    "công tác phát triển đảng viên",
    "xây dựng nông thôn mới",
    "cải cách hành chính",
    "chuyển đổi số",
    "phòng, chống tham nhũng, tiêu cực",
    "công tác dân vận",
    "bảo vệ môi trường",
    "phát triển kinh tế tập thể",
    "công tác cán bộ",
]
COUNTED = [
    "đảng viên",
    "tổ chức cơ sở đảng",
    "chi bộ",
    "hộ nghèo",
    "học viên",
    "đoàn viên",
    "hội viên",
    "xã",
    "công trình",
    "lượt người",
]


def _date(rng: random.Random) -> str:
    return f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(2015, 2024)}"


def _number(rng: random.Random) -> str:
    """ "11.727", "980", "1.250.000": thousands with dots, as Vietnamese papers write them."""
    return f"{rng.randint(20, 2_500_000):,}".replace(",", ".")


def _percent(rng: random.Random) -> str:
    return f"{rng.randint(1, 99)},{rng.randint(1, 9)}%"


def _central_ref(rng: random.Random, full: bool) -> str:
    kind, ident, date, issuer, title = rng.choice(CENTRAL_REFS)
    if full:
        return f"{kind} số {ident}, ngày {date} của {issuer} {title}"
    return f"{kind} {ident}"


def _local_ref(rng: random.Random, province: str) -> str:
    """ "Chỉ thị số 05-CT/TU, ngày ..." (Party committee) or "Quyết định số 12/QĐ-UBND" (State)."""
    kind, code = rng.choice(LOCAL_TYPES)
    issuer = rng.choice(["Ban Thường vụ Tỉnh ủy", "Tỉnh ủy", "Ủy ban nhân dân tỉnh"])
    number = rng.randint(1, 999)
    ident = (
        f"{number:02d}/{code}-UBND" if issuer.startswith("Ủy ban") else f"{number:02d}-{code}/TU"
    )
    return f"{kind} số {ident}, ngày {_date(rng)} của {issuer} {province}"


def _unit(rng: random.Random, province: str) -> str:
    district = rng.choice(DISTRICTS)
    return rng.choice(
        [
            f"Ban Thường vụ Huyện ủy {district}",
            f"Ủy ban nhân dân huyện {district}",
            f"Ban Tổ chức Tỉnh ủy {province}",
            f"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh {province}",
            f"Tỉnh đoàn {province}",
            f"Hội Nông dân huyện {district}",
            f"Đảng ủy xã {rng.choice(['Hải Thượng', 'Gio Mỹ', 'Triệu Ái', 'Vĩnh Tú'])}",
            f"Sở Nội vụ tỉnh {province}",
        ]
    )


#: News sentences; {fields} are filled by `_news_sentence` (one template per sentence).
NEWS_SENTENCES = [
    "Thực hiện {central_full}, {unit} đã ban hành {local_ref} về {topic}.",
    "Năm {year}, toàn tỉnh kết nạp {number} {counted}, đạt {percent} kế hoạch, tăng {percent2} "
    "so với cùng kỳ.",
    "Đồng chí {person}, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy, chủ trì "
    "hội nghị.",
    "Tổng kinh phí thực hiện khoảng {small} tỷ đồng, trong đó ngân sách tỉnh hỗ trợ "
    "{decimal} tỷ đồng.",
    "Qua {few} năm triển khai {central_short}, {unit} đã tổ chức {number} buổi sinh hoạt "
    "chuyên đề với {number2} lượt đảng viên tham gia.",
    "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ đạt {percent}; có {small} chi bộ được "
    "công nhận trong sạch, vững mạnh tiêu biểu.",
    "Hội nghị đã quán triệt các nội dung cơ bản của {central_full} và thảo luận giải pháp nâng "
    "cao hiệu quả {topic}.",
    "Phát biểu chỉ đạo, đồng chí {person} đề nghị các cấp ủy, chính quyền tiếp tục quan tâm "
    "lãnh đạo, chỉ đạo {topic}, kịp thời khen thưởng tập thể, cá nhân tiêu biểu.",
    "Đến nay, {small}/{communes} xã đạt chuẩn nông thôn mới, thu nhập bình quân đầu người đạt "
    "{decimal} triệu đồng/năm.",
]


#: Words of everyday reporting, drawn at random into free sentences so that two generated
#: articles share their vocabulary, as real ones do, but not their wording (a corpus of
#: template sentences only would be one long near-duplicate).
NARRATIVE_WORDS = (
    "cán bộ",
    "đảng viên",
    "nhân dân",
    "địa phương",
    "cơ sở",
    "thôn bản",
    "khu phố",
    "tổ dân phố",
    "hợp tác xã",
    "doanh nghiệp",
    "nông dân",
    "thanh niên",
    "phụ nữ",
    "cựu chiến binh",
    "học sinh",
    "giáo viên",
    "bác sĩ",
    "tích cực",
    "chủ động",
    "sáng tạo",
    "quyết liệt",
    "đồng bộ",
    "hiệu quả",
    "thiết thực",
    "kịp thời",
    "nghiêm túc",
    "triển khai",
    "thực hiện",
    "tuyên truyền",
    "vận động",
    "kiểm tra",
    "giám sát",
    "đánh giá",
    "rà soát",
    "sắp xếp",
    "củng cố",
    "kiện toàn",
    "nâng cao",
    "đẩy mạnh",
    "tăng cường",
    "đổi mới",
    "phát huy",
    "khắc phục",
    "hạn chế",
    "yếu kém",
    "tồn tại",
    "khó khăn",
    "vướng mắc",
    "nguyên nhân",
    "giải pháp",
    "nhiệm vụ",
    "mục tiêu",
    "chỉ tiêu",
    "kế hoạch",
    "chương trình",
    "đề án",
    "dự án",
    "công trình",
    "đường giao thông",
    "trường học",
    "trạm y tế",
    "nhà văn hóa",
    "kênh mương",
    "thủy lợi",
    "cây trồng",
    "vật nuôi",
    "sản phẩm",
    "thị trường",
    "tiêu thụ",
    "thu nhập",
    "việc làm",
    "đời sống",
    "an sinh xã hội",
    "quốc phòng",
    "an ninh",
    "trật tự",
    "an toàn",
    "môi trường",
    "rác thải",
    "nước sạch",
    "điện lưới",
    "thiên tai",
    "bão lũ",
    "hạn hán",
    "sạt lở",
    "phòng chống",
    "học tập",
    "làm theo",
    "tư tưởng",
    "đạo đức",
    "phong cách",
    "gương mẫu",
    "trách nhiệm",
    "người đứng đầu",
    "dân chủ",
    "đoàn kết",
    "thống nhất",
    "niềm tin",
    "uy tín",
    "năng lực",
    "lãnh đạo",
    "sức chiến đấu",
    "chuyển biến",
    "rõ nét",
    "bền vững",
    "lâu dài",
    "trước mắt",
    "thường xuyên",
    "định kỳ",
    "đột xuất",
    "năm nay",
    "tháng qua",
    "đầu năm",
    "cuối năm",
    "giai đoạn",
    "nhiệm kỳ",
    "thời gian tới",
    "sắp tới",
    "ghi nhận",
    "biểu dương",
    "khen thưởng",
    "phê bình",
    "nhắc nhở",
    "xử lý",
    "kỷ luật",
    "vi phạm",
    "sai phạm",
    "hội nghị",
    "cuộc họp",
    "buổi làm việc",
    "đoàn công tác",
    "chuyến thăm",
    "tọa đàm",
    "hội thảo",
    "diễn đàn",
    "ý kiến",
    "kiến nghị",
    "đề xuất",
    "phản ánh",
    "tâm tư",
    "nguyện vọng",
    "chính đáng",
    "cử tri",
    "sản xuất",
    "kinh doanh",
    "đầu tư",
    "xây dựng",
    "hạ tầng",
    "đô thị",
    "nông thôn",
    "miền núi",
    "ven biển",
    "của",
    "và",
    "với",
    "cho",
    "trong",
    "các",
    "những",
    "đã",
    "đang",
    "sẽ",
    "được",
    "để",
    "theo",
    "tại",
    "về",
)


def _narrative(rng: random.Random) -> str:
    """A free sentence of 12-30 random words ("Cán bộ tích cực rà soát kênh mương ...")."""
    words = rng.choices(NARRATIVE_WORDS, k=rng.randint(12, 30))
    return " ".join(words).capitalize() + "."


def _news_sentence(rng: random.Random, province: str) -> str:
    """Half the time a free sentence, else a template with references, units or figures."""
    if rng.random() < 0.5:
        return _narrative(rng)
    return rng.choice(NEWS_SENTENCES).format(
        central_full=_central_ref(rng, True),
        central_short=_central_ref(rng, False),
        unit=_unit(rng, province),
        local_ref=_local_ref(rng, province),
        topic=rng.choice(TOPICS),
        year=rng.randint(2016, 2024),
        number=_number(rng),
        number2=_number(rng),
        counted=rng.choice(COUNTED),
        percent=_percent(rng),
        percent2=_percent(rng),
        person=rng.choice(PEOPLE),
        small=rng.randint(2, 120),
        few=rng.randint(3, 10),
        decimal=f"{rng.randint(1, 90)},{rng.randint(1, 9)}",
        communes=rng.randint(121, 160),
    )


def news_article(rng: random.Random) -> str:
    province = rng.choice(PROVINCES)
    event = rng.choice(["Hội nghị", "Sơ kết", "Tổng kết", "Triển khai"])
    title = f"{event} {rng.choice(TOPICS)} tại {province}"
    paragraphs = []
    for _ in range(rng.choice([2, 3, 4, 6, 8, 12])):
        paragraphs.append(" ".join(_news_sentence(rng, province) for _ in range(rng.randint(2, 5))))
    byline = f"{rng.choice(PEOPLE)} - Báo {province}"
    return "\n".join([title, *paragraphs, byline]) + "\n"


def directive(rng: random.Random) -> str:
    province = rng.choice(PROVINCES)
    kind, code = rng.choice(LOCAL_TYPES[:3])
    number = f"{rng.randint(1, 99):02d}-{code}/TU"
    topic = rng.choice(TOPICS)
    head = [
        f"TỈNH ỦY {province.upper()}\t\tĐẢNG CỘNG SẢN VIỆT NAM",
        "*",
        f"Số {number}\t\t{province}, ngày {rng.randint(1, 28)} tháng {rng.randint(1, 12)} "
        f"năm {rng.randint(2016, 2024)}",
        kind.upper(),
        f"về tăng cường sự lãnh đạo của Đảng đối với {topic}",
        "-----",
    ]
    body = [
        f"Thực hiện {_central_ref(rng, True)}; {_central_ref(rng, True)}, thời gian qua các "
        "cấp ủy, "
        f"tổ chức đảng đã tập trung lãnh đạo, đạt nhiều kết quả quan trọng.",
    ]
    for i in range(rng.choice([3, 5, 8, 12, 20])):
        body.append(
            f"{i + 1}. " + " ".join(_news_sentence(rng, province) for _ in range(rng.randint(1, 4)))
        )
    body.append(
        "Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy theo dõi, đôn đốc việc "
        f"thực hiện {kind.lower()} này, định kỳ báo cáo Ban Thường vụ Tỉnh ủy."
    )
    tail = [
        "Nơi nhận:",
        "- Ban Tổ chức Trung ương,",
        "- Các huyện ủy, thị ủy, thành ủy,",
        "- Lưu Văn phòng Tỉnh ủy.",
        "T/M BAN THƯỜNG VỤ",
        "BÍ THƯ",
        rng.choice(PEOPLE),
    ]
    return "\n".join(head + body + tail) + "\n"


def write_corpus(folder: Path, count: int = 1000, seed: int = 20240521) -> list[Path]:
    """Write `count` documents (60% news, 40% directives) to `folder`; same seed, same bytes."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        is_news = rng.random() < 0.6
        text = news_article(rng) if is_news else directive(rng)
        path = folder / f"{'tin' if is_news else 'vb'}-{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
