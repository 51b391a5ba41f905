"""Text utilities that work without spaCy (folding, sentences, pre-scan, morphology)."""
