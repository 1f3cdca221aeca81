"""Vietnamese language layer: normalization with offset maps, sentences, words, spaCy Doc."""

if __name__ != "vnpolicy.nlp":  # pragma: no cover - a guard, not behaviour
    # This folder is installed as `vnpolicy.nlp`; importing it as `nlp` would shadow (or be
    # shadowed by) PyPI's package of that name and register the spaCy components twice.
    raise ImportError("`nlp` is part of vnpolicy: import `vnpolicy.nlp`")


from vnpolicy.nlp.normalize import NormalizedText, fold_for_matching, normalize

_ANALYSIS = frozenset({"AnalyzedText", "Sentence", "analyze"})


def __getattr__(name: str):
    """`analyze` and its types load spaCy and underthesea (seconds): only when asked for, so
    that the index and the search CLI, which need only the keys, start at once."""
    if name in _ANALYSIS:
        from vnpolicy.nlp import analysis

        return getattr(analysis, name)
    raise AttributeError(f"module 'vnpolicy.nlp' has no attribute {name!r}")


__all__ = [
    "AnalyzedText",
    "NormalizedText",
    "Sentence",
    "analyze",
    "fold_for_matching",
    "normalize",
]
