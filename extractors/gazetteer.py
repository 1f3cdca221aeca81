"""Vietnamese administrative units before and after the 1 July 2025 reform, offline.

Built once per process from the `vietnamadminunits` package's own data: its SQLite tables
`admin_units_legacy` (63 provinces, their districts and communes, before the reform) and
`admin_units` (34 provinces and their communes after it), and its `converter_2025.json`,
which says which old provinces each new one absorbed (Nghị quyết 202/2025/QH15). Building the
index takes ~0.5 s, so the built index is pickled into the user's cache folder
(`$XDG_CACHE_HOME/vnpolicy` or `~/.cache/vnpolicy`, `VNPOLICY_CACHE=0` turns it off) under a
key made of the package's version and data file and of the source of the code that builds it;
loading it takes ~40 ms. A cache that cannot be read or written is ignored.

>>> [u.new_province for u in lookup("Hải Lăng", level="district")]
['Tỉnh Quảng Trị']
>>> lookup_province("Hà Giang").new_province
'Tỉnh Tuyên Quang'
>>> successor_of(lookup_province("Thừa Thiên Huế")).name
'Thành phố Huế'
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
import os
import pickle
import re
import sqlite3
import tempfile
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from vnpolicy.extractors.unit_context_words import CITY_SHORT_FORMS
from vnpolicy.nlp.normalize import fold_for_matching

LEGACY = "legacy"
REFORM_2025 = "2025"

# Provinces renamed between the package's pre-reform snapshot and the texts that name them:
# former short name -> (short name in the package, first day of the new name). Thừa Thiên
# Huế became the centrally-governed Thành phố Huế on 1 January 2025 (Nghị quyết
# 175/2024/QH15); the package's pre-reform table already calls it "Thành phố Huế".
FORMER_PROVINCES: dict[str, tuple[str, str]] = {"Thừa Thiên Huế": ("Huế", "2025-01-01")}

# Level of each unit type (Luật Tổ chức chính quyền địa phương, Điều 2).
_TYPE_LEVEL = {
    "tỉnh": "province",
    "thành phố trực thuộc trung ương": "province",
    "huyện": "district",
    "quận": "district",
    "thị xã": "district",
    "thành phố": "district",
    "xã": "commune",
    "phường": "commune",
    "thị trấn": "commune",
    "đặc khu": "commune",
}


@dataclass(frozen=True)
class AdminUnit:
    """One administrative unit as the gazetteer knows it.

    `name` is the full name ("Huyện Hải Lăng"), `short` the name without its type word,
    `era` `legacy` (before 1 July 2025) or `2025`, `new_province` the post-2025 province it
    belongs to now, `successor_code` the code of the post-2025 province or commune it became
    (the package's converter; none for districts, which the reform abolished).
    """

    name: str
    short: str
    type: str
    level: str
    code: str
    era: str
    province: str
    new_province: str | None
    successor_code: str | None = None


def name_key(name: str) -> str:
    """The key two spellings of a place share: "TP. Hồ Chí Minh" and "Hồ Chí Minh" differ,
    but "Thừa Thiên Huế"/"thừa thiên huế" and "Đắk Lắk"/"Đăk Lăk" do not."""
    s = unicodedata.normalize("NFC", fold_for_matching(name)).casefold()
    s = re.sub(r"[\s\-–]+", " ", s).strip()
    return s


def _loose_key(name: str) -> str:
    """A key without spaces and with Đắk/Đăk unified, for a second, looser lookup."""
    s = name_key(name).replace(" ", "")
    return s.replace("đăk", "đắk").replace("lăk", "lắk").replace("đak", "đắk")


def _data_dir() -> Path:
    # Found without importing the package (its parsers take ~0.2 s to import; unused here).
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or spec.origin is None:
        raise ImportError("vietnamadminunits is not installed")
    return Path(spec.origin).parent / "data"


def _plain_short(short: str | None) -> str | None:
    """The short name without the package's disambiguating type: "Kỳ Anh (Huyện)" -> "Kỳ Anh"
    (a district and a town of one name; text writes "huyện Kỳ Anh", never the brackets)."""
    return re.sub(r"\s*\([^)]*\)$", "", short) if short else short


def _type_of(full: str, short: str) -> str:
    prefix = full[: len(full) - len(short)].strip().casefold() if full.endswith(short) else ""
    return prefix or full.split(" ")[0].casefold()


class _Gazetteer:
    def __init__(self) -> None:
        self.by_key: dict[str, list[AdminUnit]] = {}
        self.by_loose: dict[str, list[AdminUnit]] = {}
        self.by_code: dict[tuple[str, str, str], AdminUnit] = {}
        self._seen: set[tuple[str, str, str]] = set()
        data = _data_dir()
        conv = json.loads((data / "converter_2025.json").read_text(encoding="utf-8"))
        old_to_new_key = {old: new for new, olds in conv["DICT_PROVINCE"].items() for old in olds}
        # "tinhquangtri_huyenhailang_xahaian" -> (new province key, new ward key); a commune
        # split among several new ones (DICT_PROVINCE_WARD_DIVIDED) has no single successor.
        old_to_new_ward = {
            old: (prov_key, ward_key)
            for prov_key, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items()
            for ward_key, olds in wards.items()
            for old in olds
        }
        con = sqlite3.connect(data / "dataset.db")
        try:
            new_names = dict(
                con.execute("SELECT DISTINCT provinceKey, province FROM admin_units").fetchall()
            )
            new_codes = dict(
                con.execute("SELECT DISTINCT provinceKey, provinceCode FROM admin_units").fetchall()
            )
            new_ward_codes = {
                (p, w): code
                for p, w, code in con.execute(
                    "SELECT provinceKey, wardKey, wardCode FROM admin_units"
                ).fetchall()
            }
            legacy_rows = con.execute(
                "SELECT province, provinceShort, provinceCode, provinceKey, district,"
                " districtShort, districtType, districtCode, ward, wardShort, wardType,"
                " wardCode, districtKey, wardKey FROM admin_units_legacy"
            ).fetchall()
            for row in legacy_rows:
                prov, prov_s, prov_c, prov_k, dist, dist_s, dist_t, dist_c = row[:8]
                ward, ward_s, ward_t, ward_c, dist_k, ward_k = row[8:]
                new_prov_key = old_to_new_key.get(prov_k, "")
                place = (LEGACY, prov_s, new_names.get(new_prov_key))
                self._add_once(
                    prov, prov_s, _type_of(prov, prov_s), "province", prov_c, *place,
                    new_codes.get(new_prov_key),
                )  # fmt: skip
                if dist:
                    self._add_once(dist, _plain_short(dist_s), dist_t, "district", dist_c, *place)
                if ward:
                    new_ward = old_to_new_ward.get(f"{prov_k}_{dist_k}_{ward_k}")
                    succ = new_ward_codes.get(new_ward) if new_ward else None
                    self._add_once(
                        ward, _plain_short(ward_s), ward_t, "commune", ward_c, *place, succ
                    )
            new_rows = con.execute(
                "SELECT province, provinceShort, provinceCode, ward, wardShort, wardType,"
                " wardCode FROM admin_units"
            ).fetchall()
            for prov, prov_s, prov_c, ward, ward_s, ward_t, ward_c in new_rows:
                place = (REFORM_2025, prov_s, prov)
                self._add_once(prov, prov_s, _type_of(prov, prov_s), "province", prov_c, *place)
                if ward:
                    self._add_once(ward, _plain_short(ward_s), ward_t, "commune", ward_c, *place)
        finally:
            con.close()
        del self._seen
        for former, (short, _since) in FORMER_PROVINCES.items():
            for unit in [u for u in self.by_key.get(name_key(short), []) if u.level == "province"]:
                if unit.era == LEGACY:
                    self._add(
                        replace(
                            unit, name=f"Tỉnh {former}", short=former, type="tỉnh", province=former
                        )
                    )
        # Usual short forms ("TP.HCM", "Thừa Thiên Huế") point at the unit they name.
        for form, short in CITY_SHORT_FORMS.items():
            targets = [u for u in self.by_key.get(name_key(short), []) if u.level == "province"]
            known = self.by_key.setdefault(name_key(form), [])
            known.extend(u for u in targets if u not in known)
        self.max_words = max(len(k.split()) for k in self.by_key)

    def _add_once(
        self, name: str, short: str, type_: str | None, level: str, code: str, *place
    ) -> None:
        """Add a unit the first time its era, level and code are seen (rows repeat them)."""
        era = place[0]
        if (era, level, code) in self._seen:
            return
        self._seen.add((era, level, code))
        unit = AdminUnit(name, short, (type_ or "").casefold(), level, code, *place)
        self.by_code[(era, level, code)] = unit
        self._add(unit)

    def _add(self, unit: AdminUnit) -> None:
        for key in {name_key(unit.short), name_key(unit.name)}:
            self.by_key.setdefault(key, []).append(unit)
        self.by_loose.setdefault(_loose_key(unit.short), []).append(unit)


def _cache_file() -> Path | None:
    """Where the built index is cached: its name changes with anything the index depends on."""
    if os.environ.get("VNPOLICY_CACHE") == "0":
        return None
    here = Path(__file__).resolve()
    db = (_data_dir() / "dataset.db").stat()
    key = hashlib.sha256(importlib.metadata.version("vietnamadminunits").encode())
    key.update(f"{db.st_size}:{db.st_mtime_ns}".encode())
    for source in (
        here,
        here.parent / "unit_patterns.py",
        Path(importlib.util.find_spec("vnpolicy.nlp.normalize").origin),
        Path(importlib.util.find_spec("vnpolicy.nlp.tones").origin),
    ):
        key.update(source.read_bytes())
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "vnpolicy" / f"gazetteer-{key.hexdigest()[:20]}.pickle"


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    try:
        cache = _cache_file()
    except OSError:
        cache = None
    if cache is not None:
        try:
            with cache.open("rb") as handle:
                cached = pickle.load(handle)
            if isinstance(cached, _Gazetteer):
                return cached
        except Exception:  # noqa: BLE001 - missing, stale or broken cache: build again
            pass
    built = _Gazetteer()
    if cache is not None:
        tmp = None
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=cache.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(built, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cache)  # atomic: parallel workers never read half a file
        except Exception:  # noqa: BLE001 - a read-only or full disk only costs the speed-up
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
    return built


_LEVEL_ORDER = {"province": 0, "district": 1, "commune": 2}
_ERA_ORDER = {LEGACY: 0, REFORM_2025: 1}


def lookup(
    name: str,
    level: str | None = None,
    era: str | None = None,
    province: str | None = None,
) -> list[AdminUnit]:
    """Units named `name` ("Hải Lăng", "huyện Hải Lăng", "TP.HCM"), bigger and older first.

    `level` (`province`, `district`, `commune`), `era` (`legacy`, `2025`) and `province`
    (a province's short name) narrow the answer.
    """
    gaz = _gazetteer()
    units = list(gaz.by_key.get(name_key(name), []))
    units += [u for u in gaz.by_loose.get(_loose_key(name), []) if u not in units]
    if level:
        units = [u for u in units if u.level == level]
    if era:
        units = [u for u in units if u.era == era]
    if province:
        pkey = name_key(province)
        units = [u for u in units if name_key(u.province) == pkey]
    return sorted(units, key=lambda u: (_LEVEL_ORDER[u.level], _ERA_ORDER[u.era]))


def lookup_province(name: str) -> AdminUnit | None:
    """The province named `name`, before the reform if it existed then, else after it.

    >>> lookup_province("Tp Hồ Chí Minh").code
    '79'
    """
    units = lookup(name, level="province")
    return units[0] if units else None


def new_province_of(name: str, level: str | None = None) -> str | None:
    """The post-2025 province a place now belongs to, when the name is unambiguous there.

    >>> new_province_of("Bình Định")
    'Tỉnh Gia Lai'
    """
    units = lookup(name, level=level)
    provinces = {u.new_province for u in units if u.new_province}
    if units and units[0].level == "province":
        return units[0].new_province
    return provinces.pop() if len(provinces) == 1 else None


def successor_of(unit: AdminUnit) -> AdminUnit | None:
    """The post-2025 unit a pre-reform province or commune became, when its name changed
    (merged into another, or renamed); None for a unit that kept its name, and for districts.

    >>> successor_of(lookup_province("Hà Nam")).name
    'Tỉnh Ninh Bình'
    >>> successor_of(lookup_province("Quảng Trị")) is None
    True
    """
    if unit.era != LEGACY or not unit.successor_code:
        return None
    level = "province" if unit.level == "province" else "commune"
    new = _gazetteer().by_code.get((REFORM_2025, level, unit.successor_code))
    if new is None or name_key(new.name) == name_key(unit.name):
        return None
    return new


def province_name_at(short: str, date: str | None) -> str:
    """The name a province had on `date` (ISO): "Huế" before 2025 was "Thừa Thiên Huế".

    >>> province_name_at("Huế", "2019-05-02"), province_name_at("Huế", "2025-08-01")
    ('Thừa Thiên Huế', 'Huế')
    """
    for former, (now, since) in FORMER_PROVINCES.items():
        if short == now and date and date < since:
            return former
    return short


def is_place(name: str, levels: tuple[str, ...] = ("province", "district", "commune")) -> bool:
    """Whether `name` is a known place at one of `levels`."""
    return any(u.level in levels for u in lookup(name))


def max_name_words() -> int:
    """The longest place name in words, to bound look-ahead when matching text."""
    return _gazetteer().max_words


def province_names() -> list[str]:
    """Every province name, before and after the reform, with the usual short forms."""
    gaz = _gazetteer()
    names = {u.short for units in gaz.by_key.values() for u in units if u.level == "province"}
    names.update(f for f, s in CITY_SHORT_FORMS.items() if lookup(s, level="province"))
    return sorted(names)


def district_names(types: tuple[str, ...] | None = None) -> list[str]:
    """Every pre-2025 district name (optionally of the given types: "thành phố", "thị xã")."""
    gaz = _gazetteer()
    return sorted(
        {
            u.short
            for units in gaz.by_key.values()
            for u in units
            if u.level == "district" and (types is None or u.type in types)
        }
    )
