"""Problems found in an upload: where (file, sheet, cell), what was seen, and a sentence in Chinese or English."""

from __future__ import annotations

from dataclasses import dataclass, field

from texts import TEXTS

SEVERITIES = ("error", "warning", "info")

# One sentence per problem kind, in the user's language, from the text catalogue (texts/problems.py).
MESSAGES: dict[str, dict[str, str]] = {
    k.removeprefix("problem_"): v
    for k, v in TEXTS.items()
    if k.startswith("problem_") and not k.startswith("problem__")
}
EVIDENCE_NOTE = TEXTS["problem__evidence_note"]
SUGGEST = TEXTS["problem__suggest"]
NO_SUGGEST = TEXTS["problem__no_suggest"]


@dataclass
class Problem:
    """One thing wrong (error), doubtful (warning) or worth knowing (info) about an upload."""

    severity: str
    code: str
    file: str
    sheet: str | None = None
    cell: str | None = None
    value: object = None
    params: dict = field(default_factory=dict)

    @property
    def location(self) -> str:
        """FILE:SHEET!CELL, as far as it is known."""
        loc = self.file
        if self.sheet:
            loc += f":{self.sheet}"
            if self.cell:
                loc += f"!{self.cell}"
        return loc

    def message(self, lang: str = "zh") -> str:
        from etl.catalog import load_catalog

        lang = "en" if lang == "en" else "zh"
        cat = load_catalog()
        p: dict[str, object] = {"value": shorten(self.value), "sheet": self.sheet or ""}
        for k, v in self.params.items():
            if k in ("indicator", "smaller", "larger") and isinstance(v, str) and v in cat.indicators:
                ind = cat.indicators[v]
                v = ind.short_name_zh if lang == "zh" else ind.name_en
                if k == "indicator":
                    p["unit"] = ind.unit_label(lang)
            elif k == "district" and isinstance(v, str) and v in cat.districts:
                v = cat.districts[v].name(lang)
            elif k == "indicators" and isinstance(v, list):
                names = [
                    cat.indicators[c].short_name_zh if lang == "zh" else cat.indicators[c].name_en
                    for c in v
                    if c in cat.indicators
                ]
                v = ("、" if lang == "zh" else ", ").join(names)
            elif k == "suggestions":
                p["suggest"] = (
                    SUGGEST[lang].format(names=("、" if lang == "zh" else ", ").join(v))
                    if v
                    else ""
                    if self.code.startswith("report_")
                    else NO_SUGGEST[lang]
                )
                continue
            elif isinstance(v, float):
                v = format_number(v)
            p[k] = v
        # "compare with the template" fits spreadsheets; a report's figure has no template to compare with
        p.setdefault("suggest", "" if self.code.startswith("report_") else NO_SUGGEST[lang])
        for k in ("evidence", "other_evidence", "found"):
            if k in p:
                p[k] = shorten(p[k])
        text = MESSAGES[self.code][lang].format_map(_Default(p))
        if "evidence" in p and "{evidence}" not in MESSAGES[self.code][lang]:
            text += EVIDENCE_NOTE[lang].format(evidence=p["evidence"])
        return text

    def line(self, lang: str = "zh") -> str:
        """The one-line form used by the command line: FILE:SHEET!CELL: message."""
        return f"{self.location}: {self.message(lang)}"


class _Default(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


# Cell text quoted in a message is cut to this many characters (a 10 MB cell must not become a 10 MB message).
MAX_QUOTED = 60


def shorten(value: object) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= MAX_QUOTED else text[:MAX_QUOTED] + f"…（共 {len(text):,} 字符）"


def format_number(x: float) -> str:
    """93.0 → 93, 93.456 → 93.46, 1234567.0 → 1234567."""
    if x == int(x):
        return str(int(x))
    return f"{x:.4f}".rstrip("0").rstrip(".")


HINT = TEXTS["problem__hint"]


def hint_text(problem: Problem, lang: str = "zh") -> str:
    """A guess at what was meant (930% → 是否应为 93？), shown beside a problem in the preview and --dry-run."""
    h = problem.params.get("hint")
    return HINT["en" if lang == "en" else "zh"].format(hint=h) if h else ""


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)
