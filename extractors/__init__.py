"""Extractors: find -> resolve -> annotate, one module per kind of fact.

- `vnpolicy.extractors.references`: references to official documents (`Nghị quyết số 21-NQ/TW`);
- `vnpolicy.extractors.units`: organisations and localities (`Ban Thường vụ Huyện ủy Hải Lăng`);
- `vnpolicy.extractors.statistics`: quantitative facts (`9.757 đồng chí`, `19,9%`);
- `vnpolicy.extractors.annotate`: maps every span back onto the text as read.
"""

if __name__ != "vnpolicy.extractors":  # pragma: no cover - a guard, not behaviour
    # This folder is installed as `vnpolicy.extractors`; importing it as `extractors` would
    # shadow (or be shadowed by) PyPI's package of that name and register the spaCy
    # components twice.
    raise ImportError("`extractors` is part of vnpolicy: import `vnpolicy.extractors`")
