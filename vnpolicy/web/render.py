"""HTML pieces built in Python: a text with its extracted spans marked in place, the chart of
citations per year (inline SVG), a statistics table as CSV. Everything from a document is
escaped here; templates only place the returned `Markup`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlencode

from markupsafe import Markup, escape

from vnpolicy.outputs.index_base import Citation
from vnpolicy.outputs.index_relations import ENDING_TYPES, IN_FORCE
from vnpolicy.outputs.statistics_csv import statistics_csv_text


@dataclass(frozen=True)
class Span:
    """One highlighted span: `kind` is "reference", "unit" or "statistic" (the CSS class)."""

    start: int
    end: int
    kind: str
    label: str
    href: str | None = None
    anchor: str | None = None


def reference_href(ref: dict) -> str | None:
    """The directive page of a reference: by its id, by the id its name was resolved to
    ("Luật Đất đai" -> 45/2013/QH13, whose page lists those citing it either way), else by
    its name."""
    target = ref.get("id") or (ref.get("resolved") or {}).get("id") or ref.get("name")
    return "/reference?" + urlencode({"ref": target}) if target else None


def document_spans(document) -> list[Span]:
    """The spans to mark in a document's text: each mention of each reference and unit, and
    each statistic; the first mention of each item carries an anchor for the side lists."""
    spans: list[Span] = []
    for number, ref in enumerate(document.references):
        label = " · ".join(
            x for x in (ref.get("doc_type"), ref.get("id") or ref.get("name"), ref.get("date")) if x
        )
        for i, m in enumerate(ref["mentions"]):
            spans.append(
                Span(
                    m["start"],
                    m["end"],
                    "reference",
                    label,
                    reference_href(ref),
                    f"ref-{number}" if i == 0 else None,
                )
            )
    for number, unit in enumerate(document.units):
        label = f"{unit['name']} ({unit_kind_label(unit.get('kind'))})"
        for i, m in enumerate(unit["mentions"]):
            spans.append(
                Span(
                    m["start"], m["end"], "unit", label, None, f"unit-{number}" if i == 0 else None
                )
            )
    for number, stat in enumerate(document.statistics):
        if stat.get("start") is None or stat.get("end") is None:
            continue
        label = " ".join(
            x
            for x in (
                format_number(stat.get("value")),
                stat.get("unit") or "",
                f"[{stat.get('kind')}]",
            )
            if x
        )
        spans.append(Span(stat["start"], stat["end"], "statistic", label, None, f"stat-{number}"))
    return spans


#: Vietnamese names of the unit kinds of `outputs/document.schema.json` (units.kind).
UNIT_KIND_LABELS = {
    "party": "Tổ chức Đảng",
    "youth_union": "Đoàn Thanh niên",
    "state": "Cơ quan nhà nước",
    "mass_org": "Mặt trận, đoàn thể",
    "school": "Trường học",
    "enterprise": "Doanh nghiệp",
    "locality": "Địa phương",
    "other": "Đơn vị khác",
}


def unit_kind_label(kind: str | None) -> str:
    """ "party" -> "Tổ chức Đảng"; a kind without a name is shown as written."""
    return UNIT_KIND_LABELS.get(kind or "other", kind or "")


def highlight(text: str, spans: list[Span]) -> Markup:
    """`text` escaped, with `spans` wrapped in <mark>; an overlapping later span is dropped
    (a reference inside a unit name keeps the first-starting, longest span)."""
    out: list[str] = []
    cursor = 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.start < cursor or not (0 <= span.start < span.end <= len(text)):
            continue
        out.append(str(escape(text[cursor : span.start])))
        inner = escape(text[span.start : span.end])
        if span.href:
            inner = Markup('<a href="{}">{}</a>').format(span.href, inner)
        anchor = Markup(' id="{}"').format(span.anchor) if span.anchor else ""
        out.append(
            str(
                Markup('<mark class="{}" title="{}"{}>{}</mark>').format(
                    span.kind, span.label, anchor, inner
                )
            )
        )
        cursor = span.end
    out.append(str(escape(text[cursor:])))
    return Markup("".join(out))


def snippet_html(segments: list[tuple[str, bool]]) -> Markup:
    """A search hit's snippet with its matches in <mark>."""
    return Markup("").join(
        Markup("<mark>{}</mark>").format(part) if hit else escape(part) for part, hit in segments
    )


def format_number(value) -> str:
    """120.0 -> "120", 12.5 -> "12.5" (CSV and labels keep what was written, without ".0")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


#: How a citing document names the document of a reference page (`Citation.by`).
CITED_BY = {
    None: "số hiệu",
    "text": "tên (số hiệu nêu trong cùng văn bản)",
    "registry": "tên (số hiệu theo danh mục văn bản)",
    "archive": "tên (số hiệu theo văn bản trong kho)",
    "name": "tên",
}


def cited_by(by: str | None) -> str:
    """The "trích dẫn theo" cell: by number, or by name and how the number was known."""
    return CITED_BY.get(by, by or "")


def citation_chart(citations: list[Citation], width: int = 640, height: int = 180) -> Markup:
    """Citing documents per year as an inline SVG bar chart, every year from the first to the
    last; those without a date get a grey bar "?" at the end."""
    years = Counter(int(c.date[:4]) for c in citations if c.date)
    undated = sum(1 for c in citations if not c.date)
    bars: list[tuple[str, int, str]] = []
    if years:
        bars = [(str(y), years.get(y, 0), "#b03a2e") for y in range(min(years), max(years) + 1)]
    if undated:
        bars.append(("?", undated, "#999999"))
    if not bars:
        return Markup("")
    top = max(count for _, count, _ in bars)
    left, bottom, pad = 28, 22, 6
    bar = max(6, min(48, (width - left - pad) // len(bars) - 4))
    width = left + pad + len(bars) * (bar + 4)
    plot = height - bottom - pad
    caption = f"{bars[0][0]}–{bars[-1][0]}" if years else "không rõ năm"
    parts = [
        f'<svg class="chart" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>Số tài liệu trích dẫn theo năm, {caption}</title>",
        f'<line x1="{left}" y1="{pad + plot}" x2="{width}" y2="{pad + plot}" stroke="#888"/>',
        f'<text x="{left - 4}" y="{pad + 10}" text-anchor="end" font-size="10">{top}</text>',
    ]
    step = max(1, len(bars) // 12)
    for i, (label, count, colour) in enumerate(bars):
        h = round(plot * count / top)
        x = left + pad // 2 + i * (bar + 4)
        parts.append(
            f'<rect class="bar" x="{x}" y="{pad + plot - h}" width="{bar}" height="{h}" '
            f'fill="{colour}"><title>{label}: {count}</title></rect>'
        )
        if i % step == 0 or i == len(bars) - 1:
            parts.append(
                f'<text x="{x + bar / 2}" y="{height - 6}" text-anchor="middle" '
                f'font-size="10">{label}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))


# Relations that end a document's force, whole or in part (vbpl.vn: "hết hiệu lực").


def _acting(row) -> Markup:
    """ "bị thay thế bởi <a>15/2024/TT-NHNN</a> (ngày 2024-06-28, hiệu lực từ 2024-07-01)"."""
    from vnpolicy.extractors.relations_words import TARGET_LABELS
    from vnpolicy.web.relation_graph import row_href

    label = TARGET_LABELS.get(row.type, row.type)
    label = label[:1].lower() + label[1:]
    if row.scope and row.type in (*ENDING_TYPES, "đình chỉ"):
        label = label.replace(" bởi", f" một phần ({row.scope}) bởi")
    notes = [
        f"ngày {row.date}" if row.date else "",
        f"hiệu lực từ {row.effective}" if row.effective else "",
    ]
    note = ", ".join(n for n in notes if n)
    return Markup('{} <a href="{}">{}</a>{}').format(
        label, row_href(row.source or "?", row), row.source or "?", f" ({note})" if note else ""
    )


def standing(status) -> Markup:
    """What the archive says of a document's force (`DocumentStatus.standing`), with links to
    the acting documents: "hết hiệu lực: bị thay thế bởi 15/2024/TT-NHNN (ngày 2024-06-28,
    hiệu lực từ 2024-07-01)", else "còn hiệu lực theo lưu trữ" (no indexed document ends it)."""
    head, rows = status.standing()
    if not rows:
        return Markup("{} (không văn bản nào trong lưu trữ thay thế hay bãi bỏ)").format(head)
    mark = "; " if head == IN_FORCE else ": "
    return Markup("{}{}").format(head, mark) + Markup("; ").join(_acting(r) for r in rows)


#: The columns of a document's statistics download: the batch CSV's, plus offsets and page.
DOCUMENT_STATISTICS_COLUMNS = (
    "value",
    "max",
    "unit",
    "kind",
    "approximate",
    "bound",
    "subject",
    "period",
    "place",
    "text",
    "start",
    "end",
    "page",
    "sentence",
)


def statistics_csv(statistics: list[dict]) -> str:
    """The statistics of one document as CSV (UTF-8 with a BOM so spreadsheets read the
    Vietnamese right), one row per statistic, offsets into the text as read."""
    return statistics_csv_text(statistics, DOCUMENT_STATISTICS_COLUMNS)
