"""Places written in a unit's name: the longest gazetteer name at a position ("tỉnh Thừa
Thiên Huế", "huyện Gio Linh"), its canonical spelling as the document's time wrote it, and the
"tỉnh X"/"huyện Y" that completes a body ("UBND" + "tỉnh Khánh Hòa").

>>> match_place("Hải Lăng, Gio Linh", 0, ("district",))[1]
'Hải Lăng'
"""

from __future__ import annotations

import re

from vnpolicy.extractors import gazetteer as gz
from vnpolicy.extractors import unit_context_words as W
from vnpolicy.extractors import unit_patterns as P
from vnpolicy.extractors.unit_bounds import opens_head
from vnpolicy.extractors.unit_mention import UnitMention
from vnpolicy.extractors.unit_regex import PLACE_WORD_RE, compiled_patterns
from vnpolicy.extractors.unit_text import next_word

LEVELS = {
    "province": ("province",),
    "city": ("province", "district"),
    "district": ("district",),
    "commune": ("commune",),
}


def match_place(text: str, pos: int, levels: tuple[str, ...], allow_unknown: bool = False):
    """The longest known place name at `pos`: (end, spelling, units) or None.

    With `allow_unknown`, a title-case name of one to three words is accepted even if the
    gazetteer does not know it ("xã Cải Viên" renamed since), with units = [].
    """
    words: list[tuple[int, int]] = []
    i = pos
    limit = gz.max_name_words()
    while len(words) < limit:
        m = PLACE_WORD_RE.match(text, i)
        if not m:
            break
        words.append((m.start(), m.end()))
        if m.group(0).isdigit():
            break
        j = m.end()
        sep = re.match(r" - | -|- | |-", text[j : j + 3])
        if not sep or j + len(sep.group(0)) >= len(text):
            break
        i = j + len(sep.group(0))
    for n in range(len(words), 0, -1):
        end = words[n - 1][1]
        spelled = text[pos:end]
        units = [u for u in gz.lookup(spelled) if u.level in levels]
        if units:
            return end, spelled, units
    if not allow_unknown or not words:
        return None
    first = text[words[0][0] : words[0][1]]
    if first.isdigit():
        return words[0][1], first, []
    good = []
    for i, (s, e) in enumerate(words[:3]):
        w = text[s:e]
        following = text[words[i + 1][0] : words[i + 1][1]] if i + 1 < len(words) else ""
        if not following:
            following = next_word(text, e)
        if w.isdigit() or w.isupper() or opens_head(w, following):
            break  # "NTM", an anonymized "quận P", or another body
        if w in {"Phụ", "Phần", "Điều", "Chương", "Mục", "Khoản", "Ông", "Bà"}:
            break
        good.append((s, e))
    if not good:
        return None
    return good[-1][1], text[pos : good[-1][1]], []


def place_short(spelled: str, units) -> str:
    """The gazetteer's spelling of a place ("BÌnh Định" -> "Bình Định"), else as written."""
    for u in units:
        if gz.name_key(u.short) == gz.name_key(spelled):
            return u.short
    if units and units[0].level == "province":
        return units[0].short
    return spelled


def province_of(units) -> str | None:
    provinces = {u.province for u in units}
    return provinces.pop() if len(provinces) == 1 else None


def city_units(units):
    """The units a "thành phố X" means: "thành phố Cà Mau" the city, "thành phố Đà Nẵng" the
    province."""
    cities = [u for u in units if u.level == "province" and u.type.startswith("thành phố")]
    return cities or [u for u in units if u.level == "district"] or units


def province_word(short: str) -> str:
    units = gz.lookup(short, level="province")
    return "thành phố" if units and units[0].type.startswith("thành phố") else "tỉnh"


def attach_locality(text: str, um: UnitMention, words, bare_province: bool = False) -> bool:
    """Extend `um` with a following "tỉnh X" / "huyện Y" (or a bare province name).

    A level word with no name ("UBND tỉnh") sets `needs_place`; "UBND các tỉnh" and
    "UBND tỉnh, thành phố" set it to "generic".
    """
    pats = compiled_patterns()
    m = re.match(r"[ \t]+", text[um.end :])
    pos = um.end + (m.end() if m else 0)
    lw = pats["loc_word"].match(text, pos)
    allowed = {w.casefold() for w in words}
    city = pats["city_short"].match(text, pos)
    units = gz.lookup(W.CITY_SHORT_FORMS[city.group(0)], level="province") if city else []
    if units and (bare_province or province_word(units[0].short) in allowed):
        # "UBND TPHCM", "Công an TP HCM": the city's short form, written without dots
        short = units[0].short
        um.end, um.text = city.end(), text[um.start : city.end()]
        um.place, um.place_word, um.province = short, province_word(short), short
        um.name = f"{um.name} {um.place_word} {short}"
        return True
    if lw and lw.group("word").casefold() in allowed:
        written = lw.group("word")
        canon_word, level = P.LOCALITY_WORDS.get(written) or P.LOCALITY_WORDS[written.casefold()]
        hit = match_place(
            text, lw.end(), LEVELS[level], allow_unknown=level in ("district", "commune")
        )
        if hit:
            end, spelled, units = hit
            if level == "city":
                units = city_units(units)
            short = place_short(spelled, units)
            um.end, um.text = end, text[um.start : end]
            um.name = f"{um.name} {canon_word} {short}"
            um.place, um.place_word = short, canon_word
            provs = [u for u in units if u.level == "province"]
            um.province = provs[0].short if provs else province_of(units)
            return True
        rest = text[lw.start() + len(written) :]
        if next_word(text, lw.end()).casefold() in W.GENERIC_AFTER or re.match(
            r"\s*,\s*(thành phố|huyện|quận|thị xã|xã|phường)", rest
        ):
            um.needs_place = "generic"
            return False
        um.end = lw.start() + len(written)
        um.text = text[um.start : um.end]
        um.name = f"{um.name} {canon_word}"
        um.needs_place = canon_word
        return False
    if bare_province:
        hit = match_place(text, pos, ("province",))
        if hit:
            end, spelled, units = hit
            short = place_short(spelled, units)
            word = province_word(short)
            um.end, um.text = end, text[um.start : end]
            um.name = f"{um.name} {word} {short}"
            um.place, um.place_word, um.province = short, word, short
            return True
    return False


def locality_mention(start, end, text, word, short, units, priority) -> UnitMention:
    u = units[0] if units else None
    prov = None
    if u is not None:
        prov = u.short if u.level == "province" else province_of(units)
    return UnitMention(
        start,
        end,
        text[start:end],
        f"{word} {short}",
        "locality",
        head="locality",
        place=short,
        place_word=word,
        level=u.level if u else P.LOCALITY_WORDS.get(word, ("", None))[1],
        code=u.code if u else None,
        new_province=gz.new_province_of(short, level=u.level) if u else None,
        province=prov,
        priority=priority,
    )
