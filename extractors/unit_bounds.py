"""Where an open name ends: "Cục Thi hành án dân sự| tỉnh Nghệ An", "Vụ Chính quyền địa
phương| đã ...", "Tổng cục Du lịch| Nguyễn Văn Tuấn". Vietnamese names capitalise the first
syllable of each word, so lower-case syllables belong to a name only when a capital follows;
function words, two-syllable verbs and the head of another unit or title end it.

>>> text = "Vụ Chính quyền địa phương đã trình"
>>> text[:proper_name_end(text, 3, to_locality=True)]
'Vụ Chính quyền địa phương'
"""

from __future__ import annotations

import re

from vnpolicy.extractors import gazetteer as gz
from vnpolicy.extractors import unit_context_words as W
from vnpolicy.extractors import unit_patterns as P
from vnpolicy.extractors.unit_regex import UP, compiled_patterns
from vnpolicy.extractors.unit_text import is_cap, next_word

# Words that end an open name ("Vụ Chính quyền địa phương đã ..."): function words, and
# verbs of two syllables, which end it only as a whole ("ban hành", not "Thi hành án").
_NAME_STOPS = frozenset(
    """của thuộc đã đang sẽ là được có về tại trong với cho để và hoặc nhưng thì mà khi nên
    do bị theo từ đến này đó kia các những một ra vào lên nay ngày năm tháng trình gửi cùng
    nhận làm cũng vừa rồi xong lại ngay luôn hơn nhất rất trên dưới""".split()
)


STOP_PHRASES = frozenset(
    """ban hành|quyết định|chỉ đạo|chỉ thị|phối hợp|tổ chức|thực hiện|báo cáo|đề nghị|yêu cầu
    |cho biết|tham gia|triển khai|chủ trì|hướng dẫn|kiểm tra|tham mưu|tiếp nhận|công bố|thông báo
    |đánh giá|khẳng định|đề xuất|tiếp tục|khởi tố|xét xử|phát hiện|ký kết|trao tặng
    |tiến hành|dự báo|dự kiến|cho rằng|cho hay|nhận định|thông tin|ghi nhận|khuyến cáo|lưu ý
    |phát động|ra mắt|tổng kết|sơ kết|kiến nghị|phê duyệt|chấp thuận|quy định""".replace(
        "\n    ", ""
    ).split("|")
)


# Capitalized syllables that start a new unit or a title, so never continue a name.
_HEAD_WORDS = frozenset("""Bộ Sở UBND HĐND Ban Phó TP TP. Xã Phường Cục Vụ Viện HTX""".split()) | {
    head
    for head in P.ENTERPRISE_HEADS
    if " " not in head  # "Cty", "TCty", "CTCP"
}


# Syllables that start one only with the syllable after them ("Thành ủy", "Công ty", "Hội
# đồng"), so "Xây dựng Thành Đạt", "Phát triển Công nghiệp" and "Du lịch Hội An" stay names.
_HEAD_NEXT: dict[str, frozenset[str]] = {
    first: frozenset(nxt.split())
    for first, nxt in {
        "Tỉnh": "ủy Ủy đoàn Đoàn",
        "Huyện": "ủy Ủy đoàn Đoàn",
        "Thành": "ủy Ủy đoàn Đoàn phố",
        "Quận": "ủy Ủy đoàn Đoàn",
        "Thị": "ủy Ủy đoàn Đoàn xã trấn",
        "Công": "ty an đoàn",
        "Tổng": "công Công cục Liên liên Bí Giám",
        "Tập": "đoàn",
        "Ngân": "hàng",
        "Hợp": "tác",
        "Chi": "bộ cục đoàn hội nhánh",
        "Đảng": "ủy Ủy bộ đoàn",
        "Ủy": "ban",
        "Đoàn": "Thanh thanh TNCS ĐBQH đại Đại kiểm công Khối",
        "Hội": "đồng Nông Liên Cựu Sinh LHPN CCB Chữ Luật Nhà Doanh Người",
        "Trường": "THPT THCS Đại Cao Tiểu Mầm Chính Trung PTDTNT Phổ",
        "Bệnh": "viện",
        "Trung": "tâm",
        "Văn": "phòng",
        "Chủ": "tịch nhiệm",
        "Giám": "đốc",
        "Bí": "thư",
        "Trưởng": "ban Ban phòng đoàn",
    }.items()
}


# Words before a person's name ("anh Nguyễn Minh Triết"), but "Kỳ Anh", "Bà Rịa" are places.
_PERSON_WORDS = frozenset("Ông Bà Anh Chị".split())


def _owns_bodies(word: str, following: str) -> bool:
    """Whether `word` starts a committee or council that owns offices ("Tỉnh ủy", "UBND")."""
    if word in ("UBND", "HĐND") or (word == "Ủy" and following == "ban"):
        return True
    return word in ("Tỉnh", "Huyện", "Thành", "Quận", "Thị", "Đảng") and following in (
        "ủy",
        "Ủy",
        "đoàn",
        "Đoàn",
        "bộ",
    )


def opens_head(word: str, following: str) -> bool:
    """Whether `word` (then `following`) starts another unit or a title: "Công ty", "Bộ"."""
    if word in _HEAD_NEXT:
        return following in _HEAD_NEXT[word]
    if word in _PERSON_WORDS:
        return following in W.SURNAMES
    return word in _HEAD_WORDS


#: Words after a number that make it a quantity, not part of a name ("Công ty Hạ Long 12 năm
#: tù", "Tổng công ty 28" keeps its number).
_COUNT_AFTER_NAME = frozenset(
    "năm tháng ngày tuần giờ tuổi người tỷ triệu nghìn ngàn đồng lần %".split()
)


def has_stop(words: list[str]) -> bool:
    """Whether a lower-case run holds a function word or a two-syllable verb ("ban hành")."""
    if _stop_index(words) < len(words):
        return True
    return any(
        f"{a} {b}".casefold() in STOP_PHRASES for a, b in zip(words, words[1:], strict=False)
    )


def _stop_index(words: list[str]) -> int:
    """Index of the first stop word or two-syllable verb in `words` (their length if none)."""
    for j, w in enumerate(words):
        if w.casefold() in _NAME_STOPS and w not in ("và", "&"):
            if j and words[j - 1] == "và":
                continue  # "nhỏ và vừa": coordinated words of the name
            return j
        if j + 1 < len(words) and f"{w} {words[j + 1]}".casefold() in STOP_PHRASES:
            return j
    return len(words)


def proper_name_end(
    text: str,
    pos: int,
    max_words: int = 7,
    word_ends: dict[int, int] | None = None,
    to_locality: bool = False,
) -> int:
    """End of a proper name starting at `pos`.

    Vietnamese names capitalize the first syllable of each word ("Đầu tư và Thương mại Điện
    Quang"), so lower-case syllables are taken when a capitalized one follows; "và"/"&" and a
    spaced dash join capitalized words ("Vụ Kế hoạch - Tài chính"). With the segmenter's words
    (`word_ends`, start -> end), a capitalized syllable takes the rest of its word ("Du lịch").
    With `to_locality`, lower-case words up to a level word and its place are taken too ("Cục
    Thi hành án dân sự| tỉnh Nghệ An"); a trailing "TP.HCM" belongs to the name.
    """
    tokens: list[tuple[int, int, str, bool]] = []  # start, end, syllable, after a dash
    for m in re.finditer(r"[^\W_][\w&'-]*|&", text[pos : pos + 200]):
        dash = False
        if tokens:
            sep = text[pos + tokens[-1][1] : pos + m.start()]
            if sep != " ":
                if not re.fullmatch(r" [-–] ", sep):
                    break
                dash = True
        tokens.append((m.start(), m.end(), m.group(0), dash))
        if len(tokens) >= max_words * 2:
            break
    end = pos
    n_caps = 0
    loc_word = compiled_patterns()["loc_word"]
    resume = 0
    for i, (s, e, w, dash) in enumerate(tokens):
        if pos + s < end or i < resume:
            continue  # inside a word or a lower-case run already taken
        capital = is_cap(w) or w[0].isdigit()
        if dash and not (n_caps and capital):
            break
        if w[0].isdigit() and n_caps:
            after = tokens[i + 1][2] if i + 1 < len(tokens) else next_word(text, pos + e)
            if after.casefold() in _COUNT_AFTER_NAME:
                break  # "Công ty ... Hạ Long| 12 năm tù": a quantity after the name
        if capital:
            following = tokens[i + 1][2] if i + 1 < len(tokens) else next_word(text, pos + e)
            if n_caps and opens_head(w, following):
                break
            if not n_caps and _owns_bodies(w, following):
                break  # "Văn phòng| Tỉnh ủy": the owner of this body, not its name
            nxt2 = [t[2] for t in tokens[i + 1 : i + 3]]
            person = len(nxt2) == 2 and all(map(is_cap, nxt2))
            if n_caps and w in W.SURNAMES and person:
                if not gz.lookup(" ".join([w, *nxt2]), level="province"):
                    break  # "Tổng cục Du lịch Nguyễn Văn Tuấn": a person follows the name
            end = pos + e
            word_end = (word_ends or {}).get(pos + s, 0)
            after_capital = i > 0 and is_cap(tokens[i - 1][2]) and not dash
            if (
                word_end > end
                and not after_capital  # "Mỹ Khánh| nhận": a name of capitals ends at a verb
                and re.fullmatch(r"(?: [^\W\d_]+)+", text[end:word_end])
                and not any(map(is_cap, text[end:word_end].split()))
            ):
                end = word_end  # "Du lịch" is one word: the name does not stop inside it
            n_caps += 1
            if n_caps >= max_words:
                break
            continue
        if n_caps == 0:
            break
        run: list[str] = []
        at_locality = False
        for t in tokens[i : i + 5]:
            if is_cap(t[2]) or t[2][0].isdigit() or t[3]:
                break
            lw = loc_word.match(text, pos + t[0])
            if lw and t[2] in ("tỉnh", "huyện", "quận", "xã", "phường", "thị", "thành", "đặc"):
                if re.match(rf"[{UP}\d]|[,.;:)]|và |$", text[lw.end() : lw.end() + 3]):
                    at_locality = True  # "tỉnh Nghệ An", or a bare "huyện" to complete
                    break
            run.append(t[2])
        if i > 1 and is_cap(tokens[i - 1][2]) and is_cap(tokens[i - 2][2]):
            to_locality = False  # "Gia Lai| mở chuyên trang": after a proper name, a verb
        if has_stop(run):
            k = _stop_index(run)
            while k and run[k - 1] in ("và", "&"):
                k -= 1
            if to_locality and 0 < k <= 3:
                end = pos + tokens[i + k - 1][1]  # "Cục Thủy lợi| hướng dẫn", "quốc gia| đã"
            break
        if at_locality:
            if to_locality and run and len(run) <= 4:
                end = pos + tokens[i + len(run) - 1][1]  # "Cục Thi hành án dân sự| tỉnh ..."
            break
        if len(run) == 5 and run[-2:] != ["chi", "nhánh"]:
            break
        tail = i + len(run) == len(tokens) and re.match(
            r"\s*[;,.()\n]", text[pos + tokens[-1][1] : pos + tokens[-1][1] + 3]
        )
        if to_locality and run and len(run) <= 3 and tail:
            end = pos + tokens[-1][1]  # "Vụ Chính quyền địa phương;", "Vụ Tổ chức cán bộ,"
            break
        nxt = tokens[i + len(run)] if i + len(run) < len(tokens) else None
        branch = run[-2:] == ["chi", "nhánh"]  # "Văn phòng Đăng ký đất đai chi nhánh Phú Quốc"
        if nxt and is_cap(nxt[2]) and (len(run) <= 3 or branch):
            after = tokens[i + len(run) + 1][2] if i + len(run) + 1 < len(tokens) else ""
            if run[0] in ("và", "&") and opens_head(nxt[2], after):
                break  # "Công ty X và Hợp tác xã Y", "Bệnh viện X và Bệnh viện Y": two names
            if run[0] in ("và", "&") and (
                f"{nxt[2]} {after}" in W.POSTS_AFTER_AND or nxt[2] in W.POSTS_AFTER_AND
            ):
                break  # "Cục Trồng trọt| và Thủ trưởng các đơn vị": a post, not the name
            if to_locality and (opens_head(nxt[2], after) or _owns_bodies(nxt[2], after)):
                end = pos + tokens[i + len(run) - 1][1]  # "Phòng Cảnh sát hình sự| Công an"
                break
            resume = i + len(run)
            continue  # "Dầu khí quốc gia Việt Nam": the capital word ahead ends the run
        break
    if end > pos and to_locality:
        city = re.match(r" (?:TP\. ?|Tp\. ?|TP |Tp )?(?:HCM|Hồ Chí Minh)(?![\w])", text[end:])
        if city and not re.match(r" (?:Hồ Chí Minh)", text[end:]):
            end += city.end()  # "Trường Đại học Sư phạm TP.HCM"
    if end > pos and text.endswith("Trung", pos, end) and text.startswith(" ương", end):
        end += len(" ương")  # "Bệnh viện Nhi Trung ương": one word, its second syllable lower
    return end
