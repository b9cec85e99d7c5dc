"""Charts, slide specs and decks as plain JSON-like values, to compare outputs of two versions value for value.

Dates (batch as-of dates, export dates) are masked: the stores compared were loaded on different days.
"""

from __future__ import annotations

import dataclasses
import io
import json
import math
import re

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def norm(x):
    """Floats rounded to 9 places (NaN → None), dates masked, tuples as lists, keys as strings."""
    if isinstance(x, str):
        return DATE.sub("<date>", x)
    if isinstance(x, float):
        return None if math.isnan(x) else round(x, 9)
    if isinstance(x, dict):
        return {str(k): norm(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [norm(v) for v in x]
    return x


def frame(df):
    """A DataFrame as its columns and rows."""
    if df is None:
        return None
    return norm(json.loads(df.to_json(orient="split", date_format="iso", index=False)))


def spec_dict(spec):
    """A ChartSpec field by field, its table as a frame."""
    if spec is None:
        return None
    d = {f.name: getattr(spec, f.name) for f in dataclasses.fields(spec)}
    d["series"] = [dataclasses.asdict(s) for s in spec.series]
    d["target"] = dataclasses.asdict(spec.target) if spec.target else None
    d["table"] = frame(spec.table)
    return norm(d)


def fig_dict(fig):
    """A Plotly figure's JSON."""
    return norm(json.loads(fig.to_json())) if fig is not None else None


def drawn_template(figure: dict | None) -> dict | None:
    """A figure's JSON with its template cut to what it draws: the layout, and the defaults of the kinds of trace
    in it (charts/theme.py sends no defaults for kinds no chart draws)."""
    if figure is None:
        return None
    template = figure.get("layout", {}).get("template", {})
    kinds = {t.get("type", "scatter") for t in figure.get("data", [])}
    layout = {
        k: v for k, v in template.get("layout", {}).items() if k not in ("scene", "polar", "ternary", "geo", "mapbox")
    }
    cut = {"data": {k: v for k, v in template.get("data", {}).items() if k in kinds}, "layout": layout}
    return {**figure, "layout": {**figure["layout"], "template": cut}}


def deck_dump(data: bytes):
    """Every slide of a .pptx: each shape's kind, box, text and runs, chart (type, categories, series values and
    its whole chart XML) or table cells, and the speaker notes."""
    from pptx import Presentation

    prs = Presentation(io.BytesIO(data))
    out = []
    for slide in prs.slides:
        shapes = []
        for s in slide.shapes:
            d = {"kind": str(s.shape_type), "box": [s.left, s.top, s.width, s.height]}
            if s.has_text_frame:
                d["text"] = s.text_frame.text
                d["runs"] = [
                    [r.font.size, r.font.bold, str(r.font.color.rgb) if r.font.color and r.font.color.type else None]
                    for p in s.text_frame.paragraphs
                    for r in p.runs
                ]
            if getattr(s, "has_chart", False) and s.has_chart:
                c = s.chart
                d["chart"] = {
                    "type": str(c.chart_type),
                    "categories": [str(x) for x in c.plots[0].categories],
                    "plots": [[{"name": se.name, "values": list(se.values)} for se in p.series] for p in c.plots],
                    "xml": c._chartSpace.xml,
                }
            if getattr(s, "has_table", False) and s.has_table:
                d["table"] = [[cell.text for cell in row.cells] for row in s.table.rows]
            shapes.append(d)
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        out.append({"shapes": shapes, "notes": notes})
    return norm(out)
