"""Gazetteer: Vietnamese administrative units before and after the 1 July 2025 reform."""

from __future__ import annotations

import pytest

from vnpolicy.extractors import gazetteer as gz

# (name as written, level, expected full name, code, post-2025 province)
LOOKUPS = [
    ("Quảng Trị", "province", "Tỉnh Quảng Trị", "45", "Tỉnh Quảng Trị"),
    ("tỉnh Quảng Trị", "province", "Tỉnh Quảng Trị", "45", "Tỉnh Quảng Trị"),
    ("Quảng Bình", "province", "Tỉnh Quảng Bình", "44", "Tỉnh Quảng Trị"),
    ("Hà Giang", "province", "Tỉnh Hà Giang", "02", "Tỉnh Tuyên Quang"),
    ("Bình Định", "province", "Tỉnh Bình Định", "52", "Tỉnh Gia Lai"),
    ("Bình Dương", "province", "Tỉnh Bình Dương", "74", "Thành phố Hồ Chí Minh"),
    ("Hà Nam", "province", "Tỉnh Hà Nam", "35", "Tỉnh Ninh Bình"),
    ("Hà Nội", "province", "Thành phố Hà Nội", "01", "Thành phố Hà Nội"),
    ("TP.HCM", "province", "Thành phố Hồ Chí Minh", "79", "Thành phố Hồ Chí Minh"),
    ("TP. HCM", "province", "Thành phố Hồ Chí Minh", "79", "Thành phố Hồ Chí Minh"),
    ("Tp Hồ Chí Minh", "province", "Thành phố Hồ Chí Minh", "79", "Thành phố Hồ Chí Minh"),
    ("TPHCM", "province", "Thành phố Hồ Chí Minh", "79", "Thành phố Hồ Chí Minh"),
    ("Thừa Thiên Huế", "province", "Tỉnh Thừa Thiên Huế", "46", "Thành phố Huế"),
    ("Thừa Thiên - Huế", "province", "Tỉnh Thừa Thiên Huế", "46", "Thành phố Huế"),
    ("Huế", "province", "Thành phố Huế", "46", "Thành phố Huế"),
    ("Bà Rịa - Vũng Tàu", "province", "Tỉnh Bà Rịa - Vũng Tàu", "77", "Thành phố Hồ Chí Minh"),
    ("Bà Rịa-Vũng Tàu", "province", "Tỉnh Bà Rịa - Vũng Tàu", "77", "Thành phố Hồ Chí Minh"),
    ("Đắk Lắk", "province", "Tỉnh Đắk Lắk", "66", "Tỉnh Đắk Lắk"),
    ("Đăk Lăk", "province", "Tỉnh Đắk Lắk", "66", "Tỉnh Đắk Lắk"),
    ("Hải Lăng", "district", "Huyện Hải Lăng", "470", "Tỉnh Quảng Trị"),
    ("huyện Hải Lăng", "district", "Huyện Hải Lăng", "470", "Tỉnh Quảng Trị"),
    ("Đa Krông", "district", "Huyện Đa Krông", "467", "Tỉnh Quảng Trị"),
    ("Đakrông", "district", "Huyện Đa Krông", "467", "Tỉnh Quảng Trị"),
    ("Hà Quảng", "district", "Huyện Hà Quảng", None, "Tỉnh Cao Bằng"),
    ("Cải Viên", "commune", "Xã Cải Viên", "01402", "Tỉnh Cao Bằng"),
]


@pytest.mark.parametrize(("name", "level", "full", "code", "new_province"), LOOKUPS)
def test_lookup(name, level, full, code, new_province) -> None:
    units = gz.lookup(name, level=level)
    assert units, name
    unit = units[0]
    assert unit.name == full
    assert unit.level == level
    if code:
        assert unit.code == code
    assert unit.new_province == new_province


def test_a_2023_article_maps_to_the_2025_province() -> None:
    # "huyện Hải Lăng, tỉnh Quảng Trị" (2023): both now in the new Quảng Trị (with Quảng Bình).
    (district,) = gz.lookup("Hải Lăng", level="district", province="Quảng Trị")
    assert district.era == gz.LEGACY
    assert district.new_province == "Tỉnh Quảng Trị"
    assert gz.new_province_of("Đồng Hới", level="district") == "Tỉnh Quảng Trị"


def test_new_provinces_exist_after_the_reform() -> None:
    new = {u.name for u in gz.lookup("Quảng Trị", era=gz.REFORM_2025)}
    assert "Tỉnh Quảng Trị" in new
    assert gz.lookup("Hà Giang", era=gz.REFORM_2025) == []
    assert (
        len([p for p in gz.province_names() if gz.lookup(p, level="province", era=gz.REFORM_2025)])
        >= 34
    )


def test_new_communes_are_known() -> None:
    units = gz.lookup("Đồng Hới", level="commune", era=gz.REFORM_2025)
    assert units and units[0].province == "Quảng Trị"


def test_province_of_a_legacy_unit_filters() -> None:
    assert all(u.province == "Phú Yên" for u in gz.lookup("Phước Tân", province="Phú Yên"))
    assert len(gz.lookup("Phước Tân", level="commune")) >= 2


def test_bigger_and_older_units_come_first() -> None:
    units = gz.lookup("Quảng Trị")
    assert units[0].level == "province" and units[0].era == gz.LEGACY


def test_unknown_names() -> None:
    assert gz.lookup("Tây Nguyên") == []
    assert gz.lookup_province("Nghị quyết số 21") is None
    assert gz.new_province_of("Không Có") is None
    assert not gz.is_place("Bộ Chính trị")


def test_lookup_province_and_is_place() -> None:
    assert gz.lookup_province("Cà Mau").code == "96"
    assert gz.is_place("Gio Linh", ("district",))
    assert not gz.is_place("Gio Linh", ("province",))


def test_name_lists() -> None:
    provinces = gz.province_names()
    assert {"Quảng Trị", "Hà Giang", "TP.HCM"} <= set(provinces)
    assert "Hội An" in gz.district_names(("thành phố",))
    assert gz.max_name_words() >= 4


def test_loaded_once_per_process() -> None:
    assert gz._gazetteer() is gz._gazetteer()


def test_namesakes_are_found_without_the_packages_brackets() -> None:
    # The package spells "Kỳ Anh (Huyện)" and "Kỳ Anh (Thị xã)"; text writes "huyện Kỳ Anh".
    units = gz.lookup("Kỳ Anh", level="district")
    assert {u.name for u in units} == {"Huyện Kỳ Anh", "Thị xã Kỳ Anh"}
    assert {u.short for u in units} == {"Kỳ Anh"}
    assert gz.lookup("Yên Viên", level="commune")[0].short == "Yên Viên"
    assert gz.lookup("Xuân Hòa (Xã)") == []


def test_the_built_index_is_cached_and_reloaded(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("VNPOLICY_CACHE", raising=False)
    gz._gazetteer.cache_clear()
    try:
        built = gz._gazetteer()
        cached = list((tmp_path / "vnpolicy").glob("gazetteer-*.pickle"))
        assert len(cached) == 1
        assert list((tmp_path / "vnpolicy").glob("*.tmp")) == []
        gz._gazetteer.cache_clear()
        loaded = gz._gazetteer()
        assert loaded is not built
        assert loaded.by_key == built.by_key and loaded.by_loose == built.by_loose
        assert loaded.max_words == built.max_words
        cached[0].write_bytes(b"not a pickle")  # a broken cache is rebuilt, not trusted
        gz._gazetteer.cache_clear()
        assert gz._gazetteer().by_key == built.by_key
    finally:
        gz._gazetteer.cache_clear()


def test_the_cache_can_be_turned_off(monkeypatch) -> None:
    monkeypatch.setenv("VNPOLICY_CACHE", "0")
    assert gz._cache_file() is None
