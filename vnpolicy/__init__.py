"""vnpolicy: references, units and statistics from Vietnamese policy documents, as JSON.

`from vnpolicy import extract, extract_file`; the extractors load on first use.
"""

from __future__ import annotations

__version__ = "0.1.0"
#: The version of what extraction produces; a batch redoes the documents done by another one.
#: Kept here, not in `vnpolicy.pipeline`, so a rerun can check its manifest without loading
#: the models (`vnpolicy.pipeline.PIPELINE_VERSION` is this same value).
PIPELINE_VERSION = "0.1.0"
__all__ = ["__version__", "extract", "extract_file"]


def __getattr__(name: str):
    if name in ("extract", "extract_file"):
        from vnpolicy import api

        return getattr(api, name)
    raise AttributeError(f"module 'vnpolicy' has no attribute {name!r}")
