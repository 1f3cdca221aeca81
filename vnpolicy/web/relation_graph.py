"""The neighbourhood of one document as a small SVG drawn on the server: the document in the
middle, what it states of others on the left (first what it rests on: căn cứ, thực hiện),
what others state of it on the right (thay thế, bãi bỏ, sửa đổi, hướng dẫn ...). Each arrow
runs from the acting document to the one acted on and carries the relation's Vietnamese
name; each neighbour links to its own page. Every label is XML-escaped, so the SVG parses
on its own as well as inline in HTML.

>>> from vnpolicy.outputs.index_relations import DocumentStatus, RelationRow
>>> status = DocumentStatus(id="46/2014/TT-NHNN", key="462014ttnhnn", acted_on_by=[
...     RelationRow("thay thế", "15/2024/TT-NHNN", "46/2014/TT-NHNN", None, "2024-07-01",
...                 "tt-15-2024.txt", "15/2024/TT-NHNN", "2024-06-28")])
>>> "15/2024/TT-NHNN" in relation_graph(status) and "thay thế" in relation_graph(status)
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from markupsafe import Markup, escape

from vnpolicy.extractors.relations_words import RELATION_TYPES
from vnpolicy.outputs.index_relations import DocumentStatus, RelationRow

# What a document rests on, drawn first on the left (vbpl.vn: "văn bản căn cứ").
RESTS_ON = ("căn cứ", "thực hiện", "triển khai", "hướng dẫn")
MAX_PER_SIDE = 6  # neighbours drawn on each side; the rest become "+N văn bản khác"

_WIDTH, _NODE_W, _NODE_H, _ROW, _TOP = 860, 190, 38, 48, 36
_GAP = 16  # between the columns' boxes and the edge labels
_CENTER_W = 200


@dataclass
class Neighbour:
    """One document next to the page's: every relation between the two, in one node."""

    label: str
    href: str | None
    date: str | None = None
    types: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # "bãi bỏ: Điều 3", for the tooltip

    @property
    def edge_label(self) -> str:
        return "; ".join(self.types)


def _rank(relation_type: str, rests_first: bool) -> tuple[int, int]:
    order = RELATION_TYPES.index(relation_type) if relation_type in RELATION_TYPES else 99
    return (0 if rests_first and relation_type in RESTS_ON else 1, order)


def row_href(label: str, row: RelationRow) -> str:
    """A numbered neighbour's reference page; an unnumbered one's own file in the archive."""
    if label == row.stated_in and not row.stated_in_id:
        return "/document?" + urlencode({"source": label})
    return "/reference?" + urlencode({"ref": label})


def neighbours(rows: list[RelationRow], other: str, rests_first: bool) -> list[Neighbour]:
    """The documents on one side (`other` is "source" or "target"), one per document, in the
    order a status lists their strongest relation."""
    found: dict[str, Neighbour] = {}
    for row in sorted(rows, key=lambda r: (_rank(r.type, rests_first), r.date or "")):
        label = getattr(row, other) or "?"
        node = found.setdefault(label, Neighbour(label, row_href(label, row), row.date))
        kind = (
            f"{row.type} một phần" if row.scope and row.type in ("bãi bỏ", "thay thế") else row.type
        )
        if kind not in node.types:
            node.types.append(kind)
        if row.scope:
            node.notes.append(f"{row.type}: {row.scope}")
    return list(found.values())


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _box(x: float, y: float, width: float, title: str, sub: str, css: str, tip: str) -> str:
    chars = int(width / 7.5)  # bold 12 px Vietnamese: about 7.5 px a character
    return (
        f'<rect x="{x}" y="{y}" width="{width}" height="{_NODE_H}" rx="5" class="box"/>'
        f"<title>{escape(tip)}</title>"
        f'<text x="{x + width / 2}" y="{y + 16}" text-anchor="middle" font-size="12"'
        f' font-weight="600">{escape(_clip(title, chars))}</text>'
        f'<text x="{x + width / 2}" y="{y + 31}" text-anchor="middle" font-size="10"'
        f' class="{css}">{escape(sub)}</text>'
    )


def _side(nodes: list[Neighbour], left: bool, center_y: float) -> list[str]:
    parts: list[str] = []
    x = 10 if left else _WIDTH - 10 - _NODE_W
    cx = (_WIDTH - _CENTER_W) / 2 if left else (_WIDTH + _CENTER_W) / 2  # the center's edge
    shown, hidden = nodes[:MAX_PER_SIDE], len(nodes) - MAX_PER_SIDE
    if hidden == 1:  # one more node takes the place of its "+1" line
        shown, hidden = nodes, 0
    side = "left" if left else "right"
    for i, node in enumerate(shown):
        y = _TOP + i * _ROW
        near_x = x + _NODE_W if left else x  # the node's side facing the center
        mid_y = y + _NODE_H / 2
        # outgoing (left): center -> neighbour; incoming (right): neighbour -> center
        x1, y1, x2, y2 = (cx, center_y, near_x, mid_y) if left else (near_x, mid_y, cx, center_y)
        label_x = near_x + _GAP / 2 if left else near_x - _GAP / 2
        anchor = "start" if left else "end"
        kinds = node.types[:3]
        parts.append(
            f'<g class="edge {side}" data-type="{escape(node.edge_label)}">'
            f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" marker-end="url(#arrow)"/>'
            + "".join(  # one line a relation, the last just above the arrow
                f'<text x="{label_x}" y="{mid_y - 5 - 11 * (len(kinds) - 1 - k)}"'
                f' text-anchor="{anchor}" font-size="10">{escape(_clip(kind, 21))}</text>'
                for k, kind in enumerate(kinds)
            )
            + "</g>"
        )
        tip = " · ".join([node.label, node.date or "", *node.notes])
        box = _box(x, y, _NODE_W, node.label, node.date or "", "date", tip.strip(" ·"))
        parts.append(
            f'<a class="node {side}" href="{escape(node.href)}">{box}</a>'
            if node.href
            else f'<g class="node {side}">{box}</g>'
        )
    if hidden > 0:
        y = _TOP + len(shown) * _ROW + 14
        parts.append(
            f'<text class="more {side}" x="{x + _NODE_W / 2}" y="{y}" text-anchor="middle"'
            f' font-size="11">+{hidden} văn bản khác</text>'
        )
    return parts


def relation_graph(status: DocumentStatus) -> Markup:
    """The SVG of `status`'s neighbourhood, or empty markup when the archive states no
    relation of it."""
    left = neighbours(status.acts_on, "target", rests_first=True)
    right = neighbours(status.acted_on_by, "source", rests_first=False)
    if not left and not right:
        return Markup("")
    rows = max(min(len(side), MAX_PER_SIDE + 1) for side in (left, right))
    height = _TOP + max(rows, 1) * _ROW + 10
    center_y = _TOP + (rows * _ROW - (_ROW - _NODE_H)) / 2
    kind = status.doc_type or ""
    head = f"{kind[:1].upper()}{kind[1:]} {status.id}".strip()
    parts = [
        f'<svg class="relation-graph" role="img" width="{_WIDTH}" height="{height}"'
        f' viewBox="0 0 {_WIDTH} {height}" xmlns="http://www.w3.org/2000/svg"'
        ' font-family="Noto Sans, DejaVu Sans, sans-serif">',
        f"<title>Quan hệ của {escape(status.id)} với các văn bản khác</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7"'
        ' markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"'
        ' fill="#666"/></marker></defs>',
        "<style>.box{fill:#fff;stroke:#b03a2e}.center .box{fill:#f8c9c4}"
        "line{stroke:#888;stroke-width:1.2}.date{fill:#666}a.node:hover .box{fill:#fdecea}"
        "</style>",
        f'<text x="10" y="16" font-size="11" fill="#555">'
        f"{'Văn bản này căn cứ, tác động đến' if left else ''}</text>",
        f'<text x="{_WIDTH - 10}" y="16" font-size="11" fill="#555" text-anchor="end">'
        f"{'Văn bản tác động đến văn bản này' if right else ''}</text>",
    ]
    parts += _side(left, True, center_y)
    parts += _side(right, False, center_y)
    x = (_WIDTH - _CENTER_W) / 2
    box = _box(x, center_y - _NODE_H / 2, _CENTER_W, head, status.date or "", "date", head)
    parts.append(f'<g class="node center">{box}</g>')
    parts.append("</svg>")
    return Markup("".join(parts))


__all__ = ["MAX_PER_SIDE", "Neighbour", "neighbours", "relation_graph", "row_href"]
