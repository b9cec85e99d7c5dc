"""What the report tests ask of an extraction's organisation."""

from __future__ import annotations

import re


def place_named(ex) -> str | None:
    """The organisation a text names with its place; None for none, or for a bare level (市总工会) left to choose."""
    if ex.organisation_from == "level" and re.fullmatch(r"(?:[市县区旗州盟镇乡]|街道)总?工会", ex.organisation or ""):
        return None
    return ex.organisation
