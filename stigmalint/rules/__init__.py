"""The lexicon: schema v1 model, pattern language and validating loader."""

from stigmalint.rules.loader import LexiconError, load_lexicon
from stigmalint.rules.model import Entry, Lexicon

__all__ = ["Entry", "Lexicon", "LexiconError", "load_lexicon"]
