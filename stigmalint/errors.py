"""Exceptions shared across layers, importable without importing spaCy."""

from __future__ import annotations


class ModelError(Exception):
    """The requested spaCy model cannot be loaded; the message is one line for the CLI."""
