"""User-supplied strings (file, sheet and CSV names, notes, report names) made harmless, without streamlit.

Two steps, used wherever such a string is kept or shown:
- clean_text(): at ingest, before it is stored. Drops the invisible characters that reorder or hide text (a
  right-to-left override made "report‮xslx.exe" read as "reportexe.xlsx") and control characters, and turns
  the angle brackets of markup into look-alikes, so no chart title, PNG or slide renders a name as a link or tag.
- markdown_text(): when shown through Streamlit's Markdown (captions, headers, spinners, expander labels):
  clean_text() and every Markdown special character escaped, so "[点我](http://…)" or "![x](http://…)" is text.
"""

from __future__ import annotations

import re

# Bidirectional embeddings, overrides and isolates, marks, and zero-width characters that hide text.
BIDI_AND_INVISIBLE = "\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_INVISIBLE = re.compile(f"[{BIDI_AND_INVISIBLE}]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"[\r\n\t\u2028\u2029]+")
# Markup's brackets → full-width look-alikes: the text still reads the same, and nothing parses it as a tag.
_MARKUP = str.maketrans({"<": "＜", ">": "＞"})
_MARKDOWN_SPECIAL = set("\\`*_{}[]()<>#+-.!|~:$&")  # & too: an entity such as &#x202E; is a character

MAX_NAME_CHARS = 200  # a file or sheet name longer than this is cut (with …) where it is kept


def strip_bidi(text: object) -> str:
    """The text without direction overrides, isolates, marks or zero-width characters."""
    return _INVISIBLE.sub("", str(text))


def clean_text(text: object, limit: int | None = None, one_line: bool = True) -> str:
    """The text as it may be stored and put into titles: no invisible or control characters, no markup brackets,
    on one line (unless one_line is False, for notes), at most `limit` characters."""
    s = strip_bidi(text)
    if one_line:
        s = _LINE_BREAKS.sub(" ", s)
    s = _CONTROL.sub("", s).translate(_MARKUP).strip()
    if limit is not None and len(s) > limit:
        s = s[: limit - 1] + "…"
    return s


def clean_name(text: object) -> str:
    """A file, sheet or report name as kept in the store: clean_text() on one line, at most MAX_NAME_CHARS."""
    return clean_text(text, MAX_NAME_CHARS)


def markdown_text(text: object) -> str:
    """User text for Streamlit's Markdown: cleaned, and every special character escaped (shows as typed)."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in clean_text(text, one_line=False))
