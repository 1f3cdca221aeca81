"""The web app: search page, document page, reference page, statistics CSV (Starlette, ASGI).

Pages are rendered on the server (Jinja2, autoescaped); no JavaScript. The index is opened
read-only (`mode=ro`), one connection per worker thread.

    uvicorn --factory "vnpolicy.web:app_from_env"      # VNPOLICY_DB=archive.sqlite
    vnpolicy serve --db archive.sqlite                  # the same, from the CLI
"""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from vnpolicy.outputs.index import SearchFilters, SearchIndex, SearchIndexError, fold, open_index
from vnpolicy.web.render import (
    citation_chart,
    document_spans,
    format_number,
    highlight,
    reference_href,
    snippet_html,
    statistics_csv,
)

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


class ReadOnlyIndexes:
    """One read-only index per thread (sqlite3 connections stay in their thread)."""

    def __init__(self, location: str | Path):
        self.location = location
        self._local = threading.local()
        open_index(location, read_only=True).close()  # fail now, with the reason, if unusable

    def get(self) -> SearchIndex:
        index = getattr(self._local, "index", None)
        if index is None:
            index = self._local.index = open_index(self.location, read_only=True)
        return index


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
    env.globals["document_href"] = lambda source: "/document?" + urlencode({"source": source})
    env.globals["FORM_TYPES"] = FORM_TYPES
    return env


def create_app(db: str | Path) -> Starlette:
    """The app over the index file `db`; raises `IndexOpenError` if it cannot be read."""
    indexes = ReadOnlyIndexes(db)
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
        index = indexes.get()
        if not query.strip() and filters.is_empty():
            return page(
                "search.html",
                title="Tìm kiếm",
                form=form,
                result=None,
                stats=index.stats(),
                recent=index.recent(10),
                top=index.top_references(limit=10),
            )
        try:
            result = index.search(query, filters, limit=PAGE_SIZE, offset=offset)
        except ValueError as err:
            return page(
                "search.html",
                status=400,
                title="Tìm kiếm",
                form=form,
                result=None,
                message=str(err),
                stats=None,
                recent=[],
                top=[],
            )
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
        doc = indexes.get().document(source) if source else None
        if doc is None:
            return error("Không tìm thấy tài liệu này trong chỉ mục.", 404)
        body = highlight(doc.text, document_spans(doc)) if doc.text is not None else None
        csv_href = "/document/statistics.csv?" + urlencode({"source": source})
        return page(
            "document.html", title=doc.title or doc.source, doc=doc, body=body, csv_href=csv_href
        )

    def statistics(request: Request) -> Response:
        source = request.query_params.get("source", "")
        doc = indexes.get().document(source) if source else None
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
        citations = indexes.get().cited(ref)
        years = sorted({c.date[:4] for c in citations if c.date})
        undated = sum(1 for c in citations if not c.date)
        return page(
            "reference.html",
            title=ref,
            ref=ref,
            citations=citations[:MAX_ROWS],
            total=len(citations),
            chart=citation_chart(citations),
            years=years,
            undated=undated,
            search_href="/?" + urlencode({"q": "", "cites": ref}),
        )

    def references(request: Request) -> Response:
        doc_type = request.query_params.get("type") or None
        limit = min(_int_param(request.query_params.get("limit"), 100), 1000)
        rows = indexes.get().top_references(limit=limit, doc_type=doc_type)
        return page(
            "references.html", title="Văn bản được trích dẫn", rows=rows, doc_type=doc_type or ""
        )

    async def failed(request: Request, exc: Exception) -> Response:
        return error(f"Chỉ mục không đọc được: {exc}", 503)

    return Starlette(
        routes=[
            Route("/", search),
            Route("/document", document),
            Route("/document/statistics.csv", statistics),
            Route("/reference", reference),
            Route("/references", references),
        ],
        exception_handlers={SearchIndexError: failed},
    )


def _int_param(value: str | None, default: int) -> int:
    try:
        return max(0, int(value)) if value is not None else default
    except ValueError:
        return default


def app_from_env() -> Starlette:
    """For `uvicorn --factory`: the index named by the VNPOLICY_DB environment variable."""
    return create_app(os.environ.get("VNPOLICY_DB", "archive.sqlite"))
