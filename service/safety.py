"""The crisis check's public contract, `classify(text) -> str | None`; the detector is service/crisis/."""

from service.crisis import CATEGORIES, classify

__all__ = ["CATEGORIES", "classify"]
