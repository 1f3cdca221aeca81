"""Words of relations between documents (data only): the verbs that state them, and their labels.

The types follow the "lược đồ" of the national legal database (vbpl.vn: văn bản căn cứ, được
hướng dẫn, bị sửa đổi bổ sung, bị thay thế, bị bãi bỏ, bị hết hiệu lực, bị đình chỉ) and the
Party's own words for carrying a resolution out (Hướng dẫn 36-HD/VPTW: "thực hiện",
"triển khai"). Luật Ban hành văn bản quy phạm pháp luật 2015, Điều 12 and Điều 154, names
how one legal document acts on another: sửa đổi, bổ sung, thay thế, bãi bỏ, đình chỉ việc thi
hành; a document "hết hiệu lực" when another replaces it or at a date it states.
"""

from __future__ import annotations

# Lowercase verb phrase -> relation type. Longer phrases first where one holds another.
RELATION_VERBS: dict[str, str] = {
    "sửa đổi, bổ sung": "sửa đổi, bổ sung",
    "sửa đổi bổ sung": "sửa đổi, bổ sung",
    "sửa đổi": "sửa đổi, bổ sung",
    "bổ sung": "sửa đổi, bổ sung",
    "thay thế": "thay thế",
    "bãi bỏ": "bãi bỏ",
    "hủy bỏ": "bãi bỏ",
    "huỷ bỏ": "bãi bỏ",
    "hết hiệu lực": "hết hiệu lực",
    "tạm đình chỉ": "đình chỉ",
    "đình chỉ": "đình chỉ",
    "quy định chi tiết thi hành": "hướng dẫn",
    "quy định chi tiết": "hướng dẫn",
    "hướng dẫn thi hành": "hướng dẫn",
    "hướng dẫn thực hiện": "hướng dẫn",
    "hướng dẫn chi tiết": "hướng dẫn",
    "hướng dẫn": "hướng dẫn",
    "triển khai thực hiện": "thực hiện",
    "tổ chức thực hiện": "thực hiện",
    "cụ thể hóa": "thực hiện",
    "cụ thể hoá": "thực hiện",
    "thực hiện": "thực hiện",
    "triển khai": "triển khai",
    "căn cứ": "căn cứ",
}

# Types a document's own clause states of another even with no subject written ("2. Bãi bỏ
# Điều 16 Thông tư số 41/2025/TT-NHNN"): acts on a legal text, never a task of the reader.
ACTS_ON_TEXT: frozenset[str] = frozenset(
    {"sửa đổi, bổ sung", "thay thế", "bãi bỏ", "hết hiệu lực", "đình chỉ"}
)

# Every relation type, in the order a status lists them.
RELATION_TYPES: tuple[str, ...] = (
    "thay thế",
    "bãi bỏ",
    "hết hiệu lực",
    "đình chỉ",
    "sửa đổi, bổ sung",
    "hướng dẫn",
    "thực hiện",
    "triển khai",
    "căn cứ",
)

# What a relation says of its target ("Bị thay thế bởi") and of its source ("Thay thế"), as
# the lược đồ of vbpl.vn words them.
TARGET_LABELS: dict[str, str] = {
    "thay thế": "Bị thay thế bởi",
    "bãi bỏ": "Bị bãi bỏ bởi",
    "hết hiệu lực": "Hết hiệu lực theo",
    "đình chỉ": "Bị đình chỉ bởi",
    "sửa đổi, bổ sung": "Được sửa đổi, bổ sung bởi",
    "hướng dẫn": "Được hướng dẫn, quy định chi tiết bởi",
    "thực hiện": "Được thực hiện bởi",
    "triển khai": "Được triển khai bởi",
    "căn cứ": "Là căn cứ của",
}
SOURCE_LABELS: dict[str, str] = {
    "thay thế": "Thay thế",
    "bãi bỏ": "Bãi bỏ",
    "hết hiệu lực": "Làm hết hiệu lực",
    "đình chỉ": "Đình chỉ",
    "sửa đổi, bổ sung": "Sửa đổi, bổ sung",
    "hướng dẫn": "Hướng dẫn, quy định chi tiết",
    "thực hiện": "Thực hiện",
    "triển khai": "Triển khai",
    "căn cứ": "Căn cứ",
}

# Document types written after the promulgating one, as its own parts: "Quy định này" in the
# regulation a Quyết định issues is that Quyết định's text (Nghị định 30/2020/NĐ-CP, Phụ lục I
# mục II.8: văn bản ban hành kèm theo).
ATTACHED_TYPES: frozenset[str] = frozenset(
    {"quy định", "quy chế", "điều lệ", "chương trình", "kế hoạch", "đề án", "hướng dẫn"}
)

__all__ = [
    "ACTS_ON_TEXT",
    "ATTACHED_TYPES",
    "RELATION_TYPES",
    "RELATION_VERBS",
    "SOURCE_LABELS",
    "TARGET_LABELS",
]
