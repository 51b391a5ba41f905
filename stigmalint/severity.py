"""Severity levels shared by the lexicon, the findings, the filters and the reports."""

from __future__ import annotations

from enum import IntEnum


class Severity(IntEnum):
    """Ordered so that comparisons express "at or above the threshold"."""

    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(
                f"onbekende ernst {value!r}; kies uit error, warning of suggestion"
            ) from None

    def lowered(self, steps: int = 1) -> Severity:
        """One (or more) levels milder, never below ``suggestion``."""
        return Severity(max(Severity.SUGGESTION, self - steps))

    def __str__(self) -> str:
        return self.label


SEVERITY_NAMES = tuple(s.label for s in Severity)
