"""Reading Plotly figure JSON in tests: plotly encodes numeric arrays as base64 typed arrays."""

from __future__ import annotations

import base64
import json
import math

import numpy as np


def values(arr: object) -> list:
    """A trace's x/y as a plain list (NaN → None), whether plain JSON or {"dtype", "bdata"}."""
    if isinstance(arr, dict) and "bdata" in arr:
        data = np.frombuffer(base64.b64decode(arr["bdata"]), dtype=np.dtype(arr["dtype"]))
        if "shape" in arr:
            data = data.reshape([int(s) for s in str(arr["shape"]).split(",")])
        arr = data.tolist()
    return [None if isinstance(v, float) and math.isnan(v) else v for v in (arr or [])]


def spec(element) -> dict:
    """The figure JSON of an AppTest plotly_chart element."""
    return json.loads(element.proto.spec)
