"""Vietnamese calendar dates: "ngày 16/6/2022", "16 tháng 6 năm 2022", "16-6-2022", "16.6.2022".

Shared by the extractors: `find_dates` gives spans with ISO dates, `parse_date` one ISO date.
Only real calendar dates are returned ("31/2/2022" is not a date; "30/2020" has no day).
"""

from __future__ import annotations

import re
from datetime import date

# Day, month and year as written; a PDF may break the line anywhere between the parts
# ("ngày 24\ntháng 02 năm 2021"), so the separators allow any whitespace.
_NUMERIC = r"(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})"
_WORDED = r"(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s*(?:,\s*)?năm\s+(?P<y2>\d{4})"
DATE_RE = re.compile(
    rf"(?:(?<![\w/.-])(?:[Nn]gày\s+)?(?:{_NUMERIC}|{_WORDED}))(?![\w/]|\.\d|-\d)",
    re.IGNORECASE,
)


def _iso(day: str, month: str, year: str) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """All dates in `text` as (start, end, ISO), the span including a leading "ngày".

    >>> find_dates("Chỉ thị số 05-CT/TU, ngày 07/5/2021 của Ban Thường vụ")
    [(21, 35, '2021-05-07')]
    """
    found = []
    for m in DATE_RE.finditer(text):
        if m.group("d") is not None:
            iso = _iso(m.group("d"), m.group("m"), m.group("y"))
        else:
            iso = _iso(m.group("d2"), m.group("m2"), m.group("y2"))
        if iso is not None and 1900 <= int(iso[:4]) <= 2100:
            found.append((m.start(), m.end(), iso))
    return found


def parse_date(text: str) -> str | None:
    """The first date in `text` as ISO, or None.

    >>> parse_date("ngày 16 tháng 6 năm 2022")
    '2022-06-16'
    """
    dates = find_dates(text)
    return dates[0][2] if dates else None
