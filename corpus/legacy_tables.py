"""Vietnamese legacy 8-bit encodings as data: how each Unicode letter was written in them.

Before Unicode (TCVN 6909:2001) Vietnamese text was typed in font-specific 8-bit encodings.
Files and Word documents from that time, read as Windows-1252, show them as mojibake:
"Céng hßa x· héi chñ nghÜa ViÖt Nam" (TCVN3) or "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"
(VNI) for "Cộng hòa xã hội chủ nghĩa Việt Nam". The tables below give, for each base letter,
its six forms in tone order (none, grave, hook, tilde, acute, dot below) as written in the
encoding, spelled as the Windows-1252 characters of their bytes.

Sources: TCVN 5712:1993 "VN3" (the ABC fonts .VnTime/.VnArial; capitals with tones have
no code of their own and are typed with the lowercase codes in the capital fonts .VnTimeH),
and the VNI Windows fonts (VNI-Times) of VNI Software, where a letter is a base letter
followed by a mark character. Windows-1258 is a codec of its own (Python `cp1258`) writing
tones as combining marks.
"""

from __future__ import annotations

#: Tone order used by every row below.
TONES = ("", "grave", "hook", "tilde", "acute", "dot")

#: Unicode letters per base vowel in TONES order.
UNICODE_ROWS: dict[str, str] = {
    "a": "aàảãáạ",
    "ă": "ăằẳẵắặ",
    "â": "âầẩẫấậ",
    "e": "eèẻẽéẹ",
    "ê": "êềểễếệ",
    "i": "iìỉĩíị",
    "o": "oòỏõóọ",
    "ô": "ôồổỗốộ",
    "ơ": "ơờởỡớợ",
    "u": "uùủũúụ",
    "ư": "ưừửữứự",
    "y": "yỳỷỹýỵ",
}

# TCVN3 (ABC): one byte per lowercase letter, bytes 0xA1-0xFE.
TCVN3_LOWER_ROWS: dict[str, str] = {
    "a": "aµ¶·¸¹",
    "ă": "¨»¼½¾Æ",
    "â": "©ÇÈÉÊË",
    "e": "eÌÎÏÐÑ",
    "ê": "ªÒÓÔÕÖ",
    "i": "i×ØÜÝÞ",
    "o": "oßáâãä",
    "ô": "«åæçèé",
    "ơ": "¬êëìíî",
    "u": "uïñòóô",
    "ư": "\xadõö÷øù",
    "y": "yúûüýþ",
}
#: TCVN3 capitals that have a code; toned capitals reuse the lowercase codes.
TCVN3_UPPER_PLAIN: dict[str, str] = {
    "Ă": "¡",
    "Â": "¢",
    "Ê": "£",
    "Ô": "¤",
    "Ơ": "¥",
    "Ư": "¦",
    "Đ": "§",
}
TCVN3_D = {"đ": "®"}

# VNI Windows: base letter + a mark character; ơ, ư, đ and the i/ỵ forms are single bytes.
# Marks after a, e, o, u, y, ơ, ư: grave ø, hook û, tilde õ, acute ù, dot ï.
# After â, ê, ô (written a/e/o + â): grave à, hook å, tilde ã, acute á, dot ä.
# After ă (written a + ê): grave è, hook ú, tilde ü, acute é, dot ë.
VNI_LOWER_ROWS: dict[str, tuple[str, ...]] = {
    "a": ("a", "aø", "aû", "aõ", "aù", "aï"),
    "ă": ("aê", "aè", "aú", "aü", "aé", "aë"),
    "â": ("aâ", "aà", "aå", "aã", "aá", "aä"),
    "e": ("e", "eø", "eû", "eõ", "eù", "eï"),
    "ê": ("eâ", "eà", "eå", "eã", "eá", "eä"),
    "i": ("i", "ì", "æ", "ó", "í", "ò"),
    "o": ("o", "oø", "oû", "oõ", "où", "oï"),
    "ô": ("oâ", "oà", "oå", "oã", "oá", "oä"),
    "ơ": ("ô", "ôø", "ôû", "ôõ", "ôù", "ôï"),
    "u": ("u", "uø", "uû", "uõ", "uù", "uï"),
    "ư": ("ö", "öø", "öû", "öõ", "öù", "öï"),
    "y": ("y", "yø", "yû", "yõ", "yù", "î"),
}
VNI_D = {"đ": "ñ", "Đ": "Ñ"}


def _build() -> tuple[dict[str, str], dict[str, str]]:
    tcvn3: dict[str, str] = {}
    vni: dict[str, str] = {}
    for base, letters in UNICODE_ROWS.items():
        for i, letter in enumerate(letters):
            tcvn3[letter] = TCVN3_LOWER_ROWS[base][i]
            vni[letter] = VNI_LOWER_ROWS[base][i]
            upper = letter.upper()
            tcvn3[upper] = TCVN3_UPPER_PLAIN.get(upper, TCVN3_LOWER_ROWS[base][i].upper())
            vni[upper] = VNI_LOWER_ROWS[base][i].upper()
    tcvn3.update(TCVN3_D)
    tcvn3["Đ"] = TCVN3_UPPER_PLAIN["Đ"]
    vni.update(VNI_D)
    # Plain ASCII vowels are themselves; toned TCVN3 capitals fall back to lowercase codes.
    for letter in list(tcvn3):
        if letter.isupper() and letter not in TCVN3_UPPER_PLAIN and not letter.isascii():
            base = next(b for b, row in UNICODE_ROWS.items() if letter.lower() in row)
            tcvn3[letter] = TCVN3_LOWER_ROWS[base][UNICODE_ROWS[base].index(letter.lower())]
        if letter.isascii():
            del tcvn3[letter]
    for letter in [k for k in vni if k.isascii()]:
        del vni[letter]
    return tcvn3, vni


#: Unicode letter -> how TCVN3 writes it ("ệ" -> "Ö", "Đ" -> "§"), and how VNI writes it
#: ("ệ" -> "eä", "Ư" -> "Ö"); plain ASCII letters are written as themselves in both.
TCVN3_FROM_UNICODE, VNI_FROM_UNICODE = _build()
