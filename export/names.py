"""File names people see in their downloads folder: from the chart's title, Chinese kept, safe on Windows and macOS."""

from __future__ import annotations

import re
import unicodedata

# Windows forbids \ / : * ? " < > | and control characters; commas, semicolons and runs of spaces make names that
# mail clients and shells split, so they become "-" as well.
_UNSAFE = re.compile(r'[\\/:*?"<>|,;\x00-\x1f\s]+')
_UNIT_AT_END = re.compile(r"\s*[（(][^（）()]*[）)]\s*$")  # 2024年各区县帮扶金额（万元） → its unit in brackets
MAX_STEM = 80  # characters; Windows paths stop at 260 and a downloads folder takes some


def safe_file_name(*parts: object) -> str:
    """The parts joined by "_", each with unsafe characters as "-": 示例市_2024_集体合同签订率."""
    cleaned = []
    for part in parts:
        text = _UNSAFE.sub("-", unicodedata.normalize("NFC", str(part))).strip("-. ")
        if text:
            cleaned.append(text)
    return "_".join(cleaned)[:MAX_STEM].rstrip("-_. ")


def chart_file_stem(title: str, city: str = "", year: int | str | None = None) -> str:
    """A chart's download name from its title: the city first unless the title names it, the year last unless the
    title has it, the unit bracket dropped (示例市_2024年各区县帮扶金额; 示例市集体合同签订率历年变化_2024)."""
    words = _UNIT_AT_END.sub("", title).strip() or title
    parts: list[object] = []
    if city and str(city) not in words:
        parts.append(city)
    parts.append(words)
    if year and str(year) not in words:
        parts.append(year)
    return safe_file_name(*parts)
