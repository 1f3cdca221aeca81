"""Vietnamese language layer: normalization with offset maps, sentences, words, spaCy Doc."""

from nlp.analysis import AnalyzedText, Sentence, analyze
from nlp.normalize import NormalizedText, fold_for_matching, normalize

__all__ = [
    "AnalyzedText",
    "NormalizedText",
    "Sentence",
    "analyze",
    "fold_for_matching",
    "normalize",
]
