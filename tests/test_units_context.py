"""Units where and when: names as the document's time wrote them, their 2025 successors, bare
bodies completed from their paragraph, bylines and product names that are no localities, and
the press's short forms. Tables of text -> expected units, in the style of provincial news
and reports; negatives beside positives.
"""

from __future__ import annotations

import pytest

from vnpolicy.extractors import gazetteer as gz
from vnpolicy.extractors.units import extract_units
from vnpolicy.nlp import analyze


def units_of(text: str) -> dict[str, dict]:
    return {u["name"]: u for u in extract_units(analyze(text))}


# --------------------------------------------------------------- names as they were: (text, name)
AS_WRITTEN = [
    (
        "Ban Thường vụ Tỉnh ủy Thừa Thiên Huế họp phiên thường kỳ.",
        "Ban Thường vụ Tỉnh ủy Thừa Thiên Huế",
    ),
    ("Đảng bộ tỉnh Thừa Thiên Huế có hơn 60 nghìn đảng viên.", "Đảng bộ tỉnh Thừa Thiên Huế"),
    ("UBND tỉnh Thừa Thiên - Huế vừa ban hành kế hoạch.", "Ủy ban nhân dân tỉnh Thừa Thiên Huế"),
    ("Tỉnh đoàn Thừa Thiên Huế phát động phong trào.", "Tỉnh đoàn Thừa Thiên Huế"),
    ("Sở Y tế tỉnh Thừa Thiên Huế cho biết.", "Sở Y tế tỉnh Thừa Thiên Huế"),
    ("du khách đến Thừa Thiên Huế ngày càng đông.", "tỉnh Thừa Thiên Huế"),
    ("UBND thành phố Huế ra quân dọn vệ sinh.", "Ủy ban nhân dân thành phố Huế"),
    ("Tỉnh ủy Hà Nam tổ chức hội nghị.", "Tỉnh ủy Hà Nam"),
    ("UBND tỉnh Bình Dương chỉ đạo các sở.", "Ủy ban nhân dân tỉnh Bình Dương"),
    ("Ban Tổ chức Tỉnh ủy Quảng Nam hướng dẫn.", "Ban Tổ chức Tỉnh ủy Quảng Nam"),
    ("Huyện ủy Gio Linh lãnh đạo thực hiện.", "Huyện ủy Gio Linh"),
    ("Đảng ủy xã Cải Viên, huyện Hà Quảng", "Đảng ủy xã Cải Viên"),
]


@pytest.mark.parametrize(("text", "name"), AS_WRITTEN)
def test_a_unit_keeps_the_name_the_document_uses(text: str, name: str) -> None:
    assert name in units_of(text)


# ------------------------------------------------- successors: (text, name, successor or None)
SUCCESSORS = [
    (
        "Ban Thường vụ Tỉnh ủy Thừa Thiên Huế họp.",
        "Ban Thường vụ Tỉnh ủy Thừa Thiên Huế",
        "Ban Thường vụ Thành ủy Huế",
    ),
    (
        "Đảng bộ tỉnh Thừa Thiên Huế lãnh đạo.",
        "Đảng bộ tỉnh Thừa Thiên Huế",
        "Đảng bộ thành phố Huế",
    ),
    ("Tỉnh ủy Hà Nam tổ chức hội nghị.", "Tỉnh ủy Hà Nam", "Tỉnh ủy Ninh Bình"),
    ("trên địa bàn tỉnh Hà Giang", "tỉnh Hà Giang", "tỉnh Tuyên Quang"),
    (
        "UBND tỉnh Bình Dương chỉ đạo.",
        "Ủy ban nhân dân tỉnh Bình Dương",
        "Ủy ban nhân dân thành phố Hồ Chí Minh",
    ),
    (
        "Ban Nội chính Tỉnh ủy Bình Dương",
        "Ban Nội chính Tỉnh ủy Bình Dương",
        "Ban Nội chính Thành ủy Thành phố Hồ Chí Minh",
    ),
    ("Sở Nội vụ tỉnh Bình Định tham mưu.", "Sở Nội vụ tỉnh Bình Định", "Sở Nội vụ tỉnh Gia Lai"),
    ("tỉnh Hậu Giang có 8 đơn vị hành chính", "tỉnh Hậu Giang", "thành phố Cần Thơ"),
    ("xã Cải Viên - Hà Quảng - tỉnh Cao Bằng", "xã Cải Viên", "xã Tổng Cọt"),
    # kept its name, or a district (abolished, not merged): no successor
    ("Tỉnh ủy Quảng Trị ban hành nghị quyết.", "Tỉnh ủy Quảng Trị", None),
    ("UBND thành phố Hà Nội chỉ đạo.", "Ủy ban nhân dân thành phố Hà Nội", None),
    ("Huyện ủy Gio Linh lãnh đạo.", "Huyện ủy Gio Linh", None),
    ("trên địa bàn huyện Hải Lăng", "huyện Hải Lăng", None),
    ("Công ty TNHH Cường Hưng ký hợp đồng.", "Công ty TNHH Cường Hưng", None),
    # a text of after the reform that names a post-reform unit
    (
        "Tin Gia Lai\nThứ Hai, 10/8/2025\nUBND tỉnh Gia Lai họp.",
        "Ủy ban nhân dân tỉnh Gia Lai",
        None,
    ),
    # ... and one that names a pre-reform unit
    (
        "Tin Ninh Bình\nThứ Hai, 10/8/2025\nTỉnh ủy Hà Nam (cũ) họp.",
        "Tỉnh ủy Hà Nam",
        "Tỉnh ủy Ninh Bình",
    ),
]


@pytest.mark.parametrize(("text", "name", "successor"), SUCCESSORS)
def test_a_merged_or_renamed_unit_gets_its_successor(text, name, successor) -> None:
    units = units_of(text)
    assert name in units, sorted(units)
    assert units[name].get("successor") == successor


def test_no_name_is_replaced_by_its_successor() -> None:
    units = units_of("Năm 2019, Tỉnh ủy Bình Định và UBND tỉnh Bình Định đã chỉ đạo quyết liệt.")
    assert {"Tỉnh ủy Bình Định", "Ủy ban nhân dân tỉnh Bình Định"} <= set(units)
    assert not any("Gia Lai" in name for name in units)


def test_the_gazetteer_knows_the_former_name_and_the_successor() -> None:
    former = gz.lookup_province("Thừa Thiên Huế")
    assert (former.name, former.type) == ("Tỉnh Thừa Thiên Huế", "tỉnh")
    assert gz.successor_of(former).name == "Thành phố Huế"
    assert gz.successor_of(gz.lookup_province("Huế")) is None
    assert gz.successor_of(gz.lookup("Hải Lăng", level="district")[0]) is None
    assert gz.province_name_at("Huế", "2019-03-01") == "Thừa Thiên Huế"
    assert gz.province_name_at("Huế", None) == "Huế"


# ------------------------------------------------ bare bodies: (text, expected name, absent name)
BARE = [
    # the paragraph's own province, not one named paragraphs earlier
    (
        "Năm 2023, tỉnh Quảng Ninh thu hút 100 dự án. UBND tỉnh đã chỉ đạo quyết liệt.\n"
        "Tại Hà Tĩnh, năm qua có nhiều dự án lớn. UBND tỉnh cho biết sẽ tiếp tục hỗ trợ.",
        "Ủy ban nhân dân tỉnh Hà Tĩnh",
        None,
    ),
    (
        "Đoàn công tác làm việc tại tỉnh Nghệ An.\n"
        "Sáng 12/3, tại huyện Kỳ Anh, Tỉnh ủy đã tổ chức hội nghị sơ kết.",
        "Tỉnh ủy Hà Tĩnh",
        "Tỉnh ủy Nghệ An",
    ),
    (
        "Bắc Ninh: thu ngân sách tăng mạnh\n"
        "Trong năm, thu ngân sách đạt 30.000 tỷ đồng.\n"
        "Đồng chí Nguyễn Văn A cho biết UBND tỉnh sẽ tiếp tục cải cách thủ tục.",
        "Ủy ban nhân dân tỉnh Bắc Ninh",
        None,
    ),
    (
        "UBND tỉnh Khánh Hòa tổ chức họp báo. Ban cán sự đảng UBND tỉnh đã kiểm điểm.",
        "Ban cán sự đảng Ủy ban nhân dân tỉnh Khánh Hòa",
        None,
    ),
    # "tỉnh" is never a centrally-governed city
    (
        "Hội nghị có các đồng chí Phó Bí thư Tỉnh ủy, Chủ tịch UBND các tỉnh, thành phố. "
        "Tại TP.HCM, lãnh đạo thành phố phát biểu.",
        "thành phố Hồ Chí Minh",
        "Tỉnh ủy Hồ Chí Minh",
    ),
    (
        "Hà Nội đón 5 triệu lượt khách. Tỉnh ủy đã ban hành chỉ thị về du lịch.",
        None,
        "Tỉnh ủy Hà Nội",
    ),
    # a generic list of posts names no body
    (
        "Dự hội nghị có Bí thư Tỉnh ủy, Chủ tịch UBND 63 tỉnh, thành phố.",
        None,
        "Tỉnh ủy",
    ),
    (
        "Tham dự có Phó Bí thư Thường trực Tỉnh ủy và lãnh đạo các tỉnh Tây Nguyên.",
        None,
        "Tỉnh ủy",
    ),
    # the district of the paragraph
    (
        "Huyện Gio Linh có 20 xã.\nỞ huyện Hải Lăng, UBND huyện đã hỗ trợ 300 hộ nghèo.",
        "Ủy ban nhân dân huyện Hải Lăng",
        "Ủy ban nhân dân huyện Gio Linh",
    ),
    # names as they were for a bare body too
    (
        "Năm 2019, tỉnh Thừa Thiên Huế đón 4 triệu lượt khách. UBND tỉnh đã chỉ đạo.",
        "Ủy ban nhân dân tỉnh Thừa Thiên Huế",
        "Ủy ban nhân dân thành phố Huế",
    ),
]


@pytest.mark.parametrize(("text", "present", "absent"), BARE)
def test_a_bare_body_takes_the_place_of_its_paragraph(text, present, absent) -> None:
    units = units_of(text)
    if present:
        assert present in units, sorted(units)
    if absent:
        assert absent not in units, sorted(units)


# ----------------------------------------------- not localities: (text, a place that must not come)
NOT_LOCALITIES = [
    ("Giá xăng tăng, giá rau củ cũng lên cao.\nHà Nam", "tỉnh Hà Nam"),
    ("Giá xăng tăng, giá rau củ cũng lên cao. Hà Nam", "tỉnh Hà Nam"),
    ("Người dân phấn khởi đón Tết.\nMinh Anh - Hà Nam", "tỉnh Hà Nam"),
    ("Năng suất lúa đạt 60 tạ/ha. Thu Hằng - Nam Định", "tỉnh Nam Định"),
    ("Các em được tặng quà.\nNgọc Lan (TP.HCM)", "thành phố Hồ Chí Minh"),
    ("Sản phẩm Xi măng Hà Tiên được ưa chuộng.", "thành phố Hà Tiên"),
    ("Công nhân Dệt Nha Trang nhận thưởng Tết.", "thành phố Nha Trang"),
    ("Dự án cao tốc Long Thành - Dầu Giây được mở rộng.", "huyện Long Thành"),
    ("Dự án sân bay Long Thành đang thi công.", "huyện Long Thành"),
    ("Sản phẩm chè Thái Nguyên xuất khẩu sang châu Âu.", "tỉnh Thái Nguyên"),
    ("Thương hiệu nước mắm Phú Quốc được bảo hộ.", "thành phố Phú Quốc"),
    ("Tuyến quốc lộ Hà Nội - Hải Phòng thông xe.", "thành phố Hải Phòng"),
]


@pytest.mark.parametrize(("text", "absent"), NOT_LOCALITIES)
def test_bylines_and_product_names_are_no_localities(text: str, absent: str) -> None:
    units = units_of(text)
    assert absent not in units, sorted(units)
    assert not any(u["kind"] == "state" and u["name"] == "Nha Trang" for u in units.values())


STILL_LOCALITIES = [
    ("Giá xăng tăng ở Hà Nam, rau củ cũng lên cao.", "tỉnh Hà Nam"),
    ("Đoàn công tác làm việc tại Nha Trang. Hà Nam là tỉnh đi đầu.", "tỉnh Hà Nam"),
    ("Năm nay, Nam Định có 50 xã đạt chuẩn.", "tỉnh Nam Định"),
    ("Sau khi rời Long Thành, đoàn đến Nhơn Trạch.", "huyện Nhơn Trạch"),
    ("Người dân Hà Nam phấn khởi đón Tết.\nMinh Anh", "tỉnh Hà Nam"),
]


@pytest.mark.parametrize(("text", "present"), STILL_LOCALITIES)
def test_places_named_in_the_article_stay(text: str, present: str) -> None:
    assert present in units_of(text)


# --------------------------------------------------- the press's short forms: (text, name, kind)
ABBREVIATED = [
    ("Cty CP Sữa Việt Nam công bố lợi nhuận.", "Công ty CP Sữa Việt Nam", "enterprise"),
    ("TCty Thép Việt Nam đạt doanh thu cao.", "Tổng công ty Thép Việt Nam", "enterprise"),
    ("Cty TNHH MTV Cao su Đồng Nai trả lương", "Công ty TNHH MTV Cao su Đồng Nai", "enterprise"),
    ("CTCP Hòa Phát báo lãi.", "Công ty cổ phần Hòa Phát", "enterprise"),
    ("UBND TPHCM vừa chỉ đạo các quận.", "Ủy ban nhân dân thành phố Hồ Chí Minh", "state"),
    ("UBND TP HCM đề nghị Bộ Tài chính.", "Ủy ban nhân dân thành phố Hồ Chí Minh", "state"),
    ("Công an TPHCM bắt giữ đối tượng.", "Công an thành phố Hồ Chí Minh", "state"),
    ("Thành ủy TPHCM tổ chức hội nghị.", "Thành ủy Thành phố Hồ Chí Minh", "party"),
    ("Hội Nhà báo Việt Nam trao giải.", "Hội Nhà báo Việt Nam", "mass_org"),
    ("Hội Nhà báo tỉnh Quảng Trị tổ chức hội thảo.", "Hội Nhà báo tỉnh Quảng Trị", "mass_org"),
    ("Hội Doanh nhân trẻ Việt Nam kết nối.", "Hội Doanh nhân trẻ Việt Nam", "mass_org"),
    ("Thông tin trên Báo Nhân Dân cho biết, đến nay", "Báo Nhân Dân", "other"),
    ("bài viết đăng trên báo Quảng Trị số ra hôm nay", "Báo Quảng Trị", "other"),
    ("phóng viên Báo Thanh Niên ghi nhận", "Báo Thanh Niên", "other"),
]


@pytest.mark.parametrize(("text", "name", "kind"), ABBREVIATED)
def test_the_press_short_forms_are_read(text: str, name: str, kind: str) -> None:
    units = units_of(text)
    assert name in units, sorted(units)
    assert units[name]["kind"] == kind


def test_two_abbreviated_companies_stay_two() -> None:
    units = units_of("Cty CP Sữa Việt Nam và TCty Thép Việt Nam ký kết hợp tác.")
    assert {"Công ty CP Sữa Việt Nam", "Tổng công ty Thép Việt Nam"} <= set(units)


NOT_UNITS = [
    "Hội An đón khách quốc tế.",  # a place, not a "Hội"
    "Các hội viên Hội tham gia tích cực.",
]


@pytest.mark.parametrize("text", NOT_UNITS)
def test_heads_inside_place_names_make_no_body(text: str) -> None:
    assert not [u for u in units_of(text).values() if u["kind"] in ("mass_org", "state")]
