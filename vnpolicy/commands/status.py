"""`vnpolicy status`: what the archive says of one document: replaced, repealed (whole or in
part), amended, guided, carried out, and by which documents, with dates."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from vnpolicy.commands import described
from vnpolicy.commands.search import add_db_argument

EXAMPLES = """\
examples:
  vnpolicy status 30/2020/NĐ-CP --db archive.sqlite
  vnpolicy status "21-NQ/TW" --db archive.sqlite --json
"""


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "status",
        help="what the archive says of a document: replaced, repealed, amended, guided by",
        description=described(
            "Print what the indexed documents state of one document: the documents that "
            "replace, repeal (whole or in part), end, suspend, amend, guide or carry it out, "
            "and what it does to others, each with its date, scope and the file stating it."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("id", metavar="ID", help="the document's number: 30/2020/NĐ-CP, 21-NQ/TW")
    add_db_argument(parser)
    parser.add_argument("--json", action="store_true", help="print JSON")


def _clip(text: str, width: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _line(kind_label: str, other: str | None, row) -> str:
    from vnpolicy.outputs.index_relations import ENDING_TYPES

    parts = [f"  {kind_label} {other or '?'}"]
    if row.date:
        parts.append(f"ngày {row.date}")
    if row.scope:
        parts.append(f"phạm vi: {row.scope}")
    elif row.type in (*ENDING_TYPES, "đình chỉ"):
        parts.append("toàn bộ văn bản")
    if row.effective:
        parts.append(f"hiệu lực từ {row.effective}")
    if row.stated_in and row.stated_in_id != row.source:
        parts.append(f"nêu tại {row.stated_in}")
    return " · ".join(parts)


def _standing(status) -> str:
    from vnpolicy.outputs.index_relations import IN_FORCE

    head, rows = status.standing()
    if head == IN_FORCE:
        said = f"Tình trạng: {head} (không văn bản nào trong lưu trữ thay thế hay bãi bỏ)"
        return f"{said}; đã được sửa đổi, bổ sung" if rows else said
    return f"Tình trạng: {head}"


def render(status) -> str:
    """The human-readable status, in Vietnamese."""
    from vnpolicy.extractors.relations_words import RELATION_TYPES, SOURCE_LABELS, TARGET_LABELS

    head = status.id
    if status.doc_type:
        head = f"{status.doc_type[0].upper()}{status.doc_type[1:]} {head}"
    lines = [head]
    meta = [f"ngày {status.date}" if status.date else "", status.issuer or ""]
    if any(meta):
        lines.append("  " + ", ".join(m for m in meta if m))
    if status.title:
        lines.append(f"  {_clip(status.title)}")
    if status.indexed_as:
        lines.append(f"  Văn bản trong lưu trữ: {', '.join(status.indexed_as)}")
    if status.cited_in:
        lines.append(f"  Được dẫn chiếu trong {status.cited_in} văn bản của lưu trữ")
    lines.append(_standing(status))
    order = {t: i for i, t in enumerate(RELATION_TYPES)}
    for title, rows, labels, other in (
        ("Văn bản tác động đến văn bản này:", status.acted_on_by, TARGET_LABELS, "source"),
        ("Văn bản này tác động đến:", status.acts_on, SOURCE_LABELS, "target"),
    ):
        if not rows:
            continue
        lines.append(title)
        for row in sorted(rows, key=lambda r: (order.get(r.type, 99), r.date or "")):
            label = labels.get(row.type, row.type)
            lines.append(_line(label, getattr(row, other), row))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from vnpolicy.commands.targets import index_file_problem, say
    from vnpolicy.outputs.index import SearchIndexError
    from vnpolicy.outputs.index_relations import document_status
    from vnpolicy.outputs.index_sqlite import SqliteIndex

    problem = index_file_problem(args.db)
    if problem:
        say(args.db, problem[1])
        return problem[0]
    if not any(c.isdigit() for c in args.id):
        print(
            f"vnpolicy: {args.id}: không phải số hiệu văn bản (not a document number)",
            file=sys.stderr,
        )
        return 2
    try:
        with SqliteIndex(args.db, read_only=True) as index:
            status = document_status(index.conn, args.id)
    except (SearchIndexError, OSError) as err:
        print(f"vnpolicy: {args.db}: {err}", file=sys.stderr)
        return 2
    except Exception as err:  # sqlite3.Error from a file that is no index of this version
        print(f"vnpolicy: {args.db}: không đọc được chỉ mục ({err})", file=sys.stderr)
        return 2
    if not status.known:
        print(
            f"vnpolicy: {args.id}: lưu trữ không có văn bản này và không văn bản nào nhắc đến"
            f" quan hệ với nó (unknown id in {args.db})",
            file=sys.stderr,
        )
        return 1
    if args.json:
        print(json.dumps({**asdict(status), "known": True}, ensure_ascii=False, indent=2))
        return 0
    print(render(status))
    return 0
