"""Extractors: find -> resolve -> annotate, one module per kind of fact.

- `extractors.references`: references to official documents (`Nghị quyết số 21-NQ/TW`);
- `extractors.units`: organisations and localities (`Ban Thường vụ Huyện ủy Hải Lăng`);
- `extractors.statistics`: quantitative facts (`9.757 đồng chí`, `19,9%`);
- `extractors.annotate`: maps every span back onto the text as read.
"""
