"""The spaCy side of stigmalint: tokenizer, lemmas, pipeline and component.

Nothing is imported here: ``stigmalint.nlp.tables`` is used on the fast path,
which must not import spaCy. :mod:`stigmalint.nlp.spacy_import` is the gate.
"""
