"""The web app: search page, document page, reference page, statistics CSV (Starlette, ASGI).

Pages are rendered on the server (Jinja2, autoescaped); no JavaScript. The index is read
through a small pool of read-only connections (`pool.IndexPool`), which `vnpolicy index`
may update meanwhile: searches neither wait for it nor fail (see `outputs/index_sqlite.py`).
The server's user needs write access to the index's folder for SQLite's `-wal` and `-shm`
files; without it the index is served as it was at start (with a warning).

    uvicorn --factory "vnpolicy.web:app_from_env"      # VNPOLICY_DB=archive.sqlite
    vnpolicy serve --db archive.sqlite                  # the same, from the CLI
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from vnpolicy.extractors.relations_words import SOURCE_LABELS, TARGET_LABELS
from vnpolicy.outputs.index import (
    InvalidDateError,
    SearchFilters,
    SearchIndexError,
    fold,
    normalize_date_bound,
)
from vnpolicy.outputs.index_relations import document_status
from vnpolicy.web.pool import POOL_SIZE, IndexPool, PoolBusyError
from vnpolicy.web.relation_graph import relation_graph, row_href
from vnpolicy.web.render import (
    citation_chart,
    cited_by,
    document_spans,
    format_number,
    highlight,
    reference_href,
    snippet_html,
    standing,
    statistics_csv,
    unit_kind_label,
)
from vnpolicy.web.statistics_view import statistics_page

TEMPLATES = Path(__file__).parent / "templates"
PAGE_SIZE = 20
MAX_ROWS = 1000  # citing documents listed on a reference page (the chart counts all)
# Document types offered in the search form (the filter accepts any, with or without marks).
FORM_TYPES = (
    "nghị quyết",
    "chỉ thị",
    "kết luận",
    "quy định",
    "quyết định",
    "hướng dẫn",
    "kế hoạch",
    "chương trình hành động",
    "thông báo",
    "công văn",
    "nghị định",
    "thông tư",
    "luật",
)


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["snippet"] = snippet_html
    env.filters["number"] = format_number
    env.globals["reference_href"] = reference_href
    env.filters["cited_by"] = cited_by
    env.filters["unit_kind"] = unit_kind_label
    env.globals["document_href"] = lambda source: "/document?" + urlencode({"source": source})
    env.globals["FORM_TYPES"] = FORM_TYPES
    return env


def date_filter_error(date_from: str | None, date_to: str | None) -> str | None:
    """Why the date filters cannot be used, in Vietnamese, or None: a bound that is no real
    date, month or year ("Ngày không hợp lệ: 2020-00 ..."), or a range that ends before it
    begins."""
    try:
        low = normalize_date_bound(date_from, upper=False)
        high = normalize_date_bound(date_to, upper=True)
    except InvalidDateError as err:
        return err.vietnamese
    if low and high and low > high:
        return f"Khoảng ngày không hợp lệ: từ {date_from} đến {date_to} (ngày đầu sau ngày cuối)"
    return None


def create_app(db: str | Path, connections: int = POOL_SIZE) -> Starlette:
    """The app over the index file `db`, read through at most `connections` connections;
    raises `IndexOpenError` if it cannot be read."""
    pool = IndexPool(db, size=connections)
    env = _environment()

    def page(name: str, status: int = 200, **context) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), status_code=status)

    def error(message: str, status: int) -> HTMLResponse:
        return page("error.html", status=status, message=message, title="Lỗi")

    def search(request: Request) -> Response:
        params = request.query_params
        query = params.get("q", "")
        filters = SearchFilters(
            doc_type=params.get("type") or None,
            issuer=params.get("issuer") or None,
            unit=params.get("unit") or None,
            date_from=params.get("from") or None,
            date_to=params.get("to") or None,
            cites=params.get("cites") or None,
        )
        offset = _int_param(params.get("offset"), 0)
        form = {
            k: params.get(k, "") for k in ("q", "type", "issuer", "unit", "from", "to", "cites")
        }
        refused = date_filter_error(filters.date_from, filters.date_to)
        if refused:
            return page(
                "search.html",
                status=400,
                title="Tìm kiếm",
                form=form,
                result=None,
                message=refused,
                stats=None,
                recent=[],
                top=[],
            )
        if not query.strip() and filters.is_empty():
            with pool.borrow() as index:
                stats = index.stats()
                recent = index.recent(10)
                top = index.top_references(limit=10)
            return page(
                "search.html",
                title="Tìm kiếm",
                form=form,
                result=None,
                stats=stats,
                recent=recent,
                top=top,
            )
        with pool.borrow() as index:
            result = index.search(query, filters, limit=PAGE_SIZE, offset=offset)
        next_href = None
        if len(result.hits) == PAGE_SIZE:
            next_href = "/?" + urlencode(
                {**{k: v for k, v in form.items() if v}, "offset": offset + PAGE_SIZE}
            )
        return page(
            "search.html",
            title=f"{query or 'Lọc'} – Tìm kiếm",
            form=form,
            result=result,
            offset=offset,
            next_href=next_href,
            stats=None,
            recent=[],
            top=[],
        )

    def document(request: Request) -> Response:
        source = request.query_params.get("source", "")
        with pool.borrow() as index:
            doc = index.document(source) if source else None
        if doc is None:
            return error("Không tìm thấy tài liệu này trong chỉ mục.", 404)
        body = highlight(doc.text, document_spans(doc)) if doc.text is not None else None
        csv_href = "/document/statistics.csv?" + urlencode({"source": source})
        return page(
            "document.html", title=doc.title or doc.source, doc=doc, body=body, csv_href=csv_href
        )

    def statistics(request: Request) -> Response:
        source = request.query_params.get("source", "")
        with pool.borrow() as index:
            doc = index.document(source) if source else None
        if doc is None:
            return Response("no such document\n", status_code=404, media_type="text/plain")
        stem = Path(source).name
        ascii_name = re.sub(r"[^A-Za-z0-9._-]+", "_", fold(stem)) + ".statistics.csv"
        disposition = (
            f'attachment; filename="{ascii_name}"; '
            f"filename*=UTF-8''{quote(stem + '.statistics.csv')}"
        )
        return Response(
            statistics_csv(doc.statistics),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": disposition},
        )

    def reference(request: Request) -> Response:
        ref = request.query_params.get("ref", "").strip()[:300]
        if not ref:
            return error("Thiếu văn bản cần xem (?ref=21-NQ/TW).", 400)
        with pool.borrow() as index:
            citations = index.cited(ref)
            try:  # the same query as `vnpolicy status`
                status = document_status(index.conn, ref)
            except sqlite3.DatabaseError as err:
                raise SearchIndexError(f"truy vấn quan hệ văn bản thất bại ({err})") from None
        years = sorted({c.date[:4] for c in citations if c.date})
        undated = sum(1 for c in citations if not c.date)
        return page(
            "reference.html",
            title=status.id if status.known else ref,
            ref=ref,
            directive=status,
            standing=standing(status),
            graph=relation_graph(status),
            labels={"in": TARGET_LABELS, "out": SOURCE_LABELS},
            row_href=row_href,
            citations=citations[:MAX_ROWS],
            total=len(citations),
            by_number=sum(1 for c in citations if c.by is None),
            chart=citation_chart(citations),
            years=years,
            undated=undated,
            search_href="/?" + urlencode({"q": "", "cites": ref}),
        )

    def references(request: Request) -> Response:
        doc_type = request.query_params.get("type") or None
        limit = min(_int_param(request.query_params.get("limit"), 100), 1000)
        with pool.borrow() as index:
            rows = index.top_references(limit=limit, doc_type=doc_type)
        return page(
            "references.html", title="Văn bản được trích dẫn", rows=rows, doc_type=doc_type or ""
        )

    async def failed(request: Request, exc: Exception) -> Response:
        if isinstance(exc, PoolBusyError):
            response = error("Máy chủ đang bận, xin thử lại sau giây lát.", 503)
            response.headers["Retry-After"] = "5"
            return response
        return error(f"Chỉ mục không đọc được: {exc}", 503)

    async def not_found(request: Request, exc: Exception) -> Response:
        if getattr(exc, "status_code", 404) == 405:
            return error("Phương thức không được hỗ trợ ở địa chỉ này.", 405)
        return error(f"Không có trang này: {request.url.path}", 404)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        pool.close()

    app = Starlette(
        lifespan=lifespan,
        routes=[
            Route("/", search),
            Route("/document", document),
            Route("/document/statistics.csv", statistics),
            Route("/reference", reference),
            Route("/references", references),
            Route("/thong-ke", statistics_page(pool, page)),
        ],
        exception_handlers={SearchIndexError: failed, 404: not_found, 405: not_found},
    )
    app.state.pool = pool
    return app


def _int_param(value: str | None, default: int) -> int:
    try:
        return max(0, int(value)) if value is not None else default
    except ValueError:
        return default


def app_from_env() -> Starlette:
    """For `uvicorn --factory`: the index named by the VNPOLICY_DB environment variable."""
    return create_app(os.environ.get("VNPOLICY_DB", "archive.sqlite"))
