"""The statistics page (/thong-ke): type a measure, see its figures by place and year.

The measure is matched folded (`measure_key`: "ty le ho ngheo" finds "Tỷ lệ hộ nghèo" and
"tỉ lệ hộ nghèo đa chiều"); the figures become a table, places in rows and years in columns,
each value linked to the document stating it, and a bar chart of the figures of one unit
(`svg_plot`), made on the server.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import Response

from vnpolicy.outputs.index import StatisticFigure, fold
from vnpolicy.web.pool import IndexPool
from vnpolicy.web.svg_plot import Bar, bar_chart, vi_number

MAX_FIGURES = 2000  # figures read for one measure
NO_PLACE = "không rõ nơi"
NO_YEAR = "không rõ năm"


def document_link(figure: StatisticFigure) -> str:
    """The figure's place in its document's page: "/document?source=...#stat-3"."""
    return "/document?" + urlencode({"source": figure.source}) + f"#stat-{figure.position}"


def figure_label(figure: StatisticFigure) -> str:
    """A value as a reader writes it: "3,5 %", "39.199 đoàn viên", "20–25 %"."""
    value = vi_number(figure.value)
    if figure.max is not None:
        value += "–" + vi_number(figure.max)
    return f"{value} {figure.unit}" if figure.unit else value


def _year_order(figure: StatisticFigure) -> tuple:
    last = figure.year_last if figure.year_last is not None else figure.year_first
    if last is None:
        return (1, 0, 0)
    first = figure.year_first if figure.year_first is not None else last
    return (0, last, first)


@dataclass
class StatisticsTable:
    """Figures by place (rows) and year (columns); a cell holds every figure given for it."""

    places: list[str]
    years: list[str]
    cells: dict[tuple[str, str], list[StatisticFigure]] = field(default_factory=dict)

    def cell(self, place: str, year: str) -> list[StatisticFigure]:
        return self.cells.get((place, year), [])


def figures_table(figures: list[StatisticFigure]) -> StatisticsTable:
    """Rows: places in alphabetical order (folded), "không rõ nơi" last; columns: years by
    their last then first year ("2020", "2019–2022", "2022"), "không rõ năm" last."""
    places = sorted(
        {f.place or NO_PLACE for f in figures}, key=lambda p: (p == NO_PLACE, fold(p.lower()))
    )
    years = list(dict.fromkeys(f.years_label or NO_YEAR for f in sorted(figures, key=_year_order)))
    table = StatisticsTable(places, years)
    for f in figures:
        table.cells.setdefault((f.place or NO_PLACE, f.years_label or NO_YEAR), []).append(f)
    return table


def figures_plot(figures: list[StatisticFigure], unit: str | None, measure: str) -> Markup:
    """The figures with unit `unit` (None: those without one) as a bar chart, one bar per
    figure, grouped by year in the table's order and coloured by place."""
    chosen = [f for f in figures if f.unit == unit and f.value is not None]
    bars = [
        Bar(
            f.years_label or NO_YEAR,
            f.place or NO_PLACE,
            f.value,
            figure_label(f),
            document_link(f),
        )
        for f in sorted(chosen, key=_year_order)
    ]
    title = f"{measure} ({unit})" if unit else measure
    return bar_chart(bars, title)


def statistics_page(pool: IndexPool, page: Callable[..., Response]) -> Callable:
    """The handler of /thong-ke over `pool`, rendering with the app's `page(name, **context)`.

    Parameters: `q` the measure, `exact=1` that measure only, `unit` the plotted unit."""

    def handler(request: Request) -> Response:
        params = request.query_params
        query = params.get("q", "").strip()[:200]
        exact = params.get("exact") == "1"
        with pool.borrow() as index:
            # the measures list scans every statistic: the landing page only
            measures = [] if query else index.statistic_measures(limit=60)
            figures = index.statistics_of(query, exact=exact, limit=MAX_FIGURES) if query else []
        units = Counter(f.unit for f in figures if f.value is not None)
        unit = params.get("unit") if params.get("unit") in units else None
        if unit is None and units:
            unit = units.most_common(1)[0][0]
        matched = Counter(f.subject for f in figures).most_common()
        return page(
            "statistics.html",
            title=f"{query} – Thống kê" if query else "Thống kê",
            query=query,
            exact=exact,
            measures=measures,
            figures=figures,
            truncated=len(figures) >= MAX_FIGURES,
            table=figures_table(figures),
            plot=figures_plot(figures, unit, _plot_title(query, matched))
            if figures
            else Markup(""),
            unit=unit,
            plotted=units.get(unit, 0),
            units=[
                (u, n, "/thong-ke?" + urlencode({"q": query, "unit": u or "", **_exact(exact)}))
                for u, n in units.most_common()
            ],
            matched=[
                (s, n, "/thong-ke?" + urlencode({"q": s or "", "exact": "1"})) for s, n in matched
            ],
            measure_href=lambda s: "/thong-ke?" + urlencode({"q": s, "exact": "1"}),
            document_link=document_link,
            figure_label=figure_label,
        )

    return handler


def _plot_title(query: str, matched: list[tuple[str | None, int]]) -> str:
    """The measure as the documents most often write it ("tỷ lệ hộ nghèo và 2 chỉ tiêu
    khớp khác"), else as typed."""
    written = [s for s, _ in matched if s]
    if not written:
        return query
    more = len(written) - 1
    return f"{written[0]} và {more} chỉ tiêu khớp khác" if more else written[0]


def _exact(exact: bool) -> dict[str, str]:
    return {"exact": "1"} if exact else {}


__all__ = ["StatisticsTable", "figures_plot", "figures_table", "statistics_page"]
