"""A national-scale data set: a catalogue of thousands of districts and one wide workbook per year."""

from __future__ import annotations

import csv
import random
import shutil
from pathlib import Path

import openpyxl

from etl.catalog import DEFAULT_CATALOG_DIR, load_catalog

DISTRICTS_PER_CITY = 20


def make_catalog(out: Path, n_districts: int) -> Path:
    """The bundled catalogue plus `n_districts` districts in cities of 20 (codes B00000…)."""
    out.mkdir(parents=True, exist_ok=True)
    for f in DEFAULT_CATALOG_DIR.glob("*.csv"):
        shutil.copy(f, out / f.name)
    with open(out / "districts.csv", "a", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        for i in range(n_districts):
            city = i // DISTRICTS_PER_CITY
            w.writerow(
                [
                    f"B{i:05d}",
                    f"测试{i:04d}区",
                    f"Test {i}",
                    f"测试市{city:03d}",
                    f"Test City {city}",
                    "测试省",
                    "Test Province",
                    "district",
                    0,
                    "",
                ]
            )
    return out


def make_workbooks(out: Path, catalog_dir: Path, n_districts: int, years: list[int], seed: int = 7) -> list[Path]:
    """One wide .xlsx per year with every indicator, as staff would upload it; values obey the catalogue's rules."""
    cat = load_catalog(catalog_dir)
    indicators = list(cat.indicators.values())
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    base = [
        {i.code: (rng.uniform(60, 95) if i.unit == "percent" else rng.randint(1_000, 50_000)) for i in indicators}
        for _ in range(n_districts)
    ]
    paths = []
    for n, year in enumerate(years):
        wb = openpyxl.Workbook(write_only=True)
        ws = wb.create_sheet(f"{year}年")
        ws.append(["区县", *[i.name_zh for i in indicators]])
        for d in range(n_districts):
            row = {}
            for i in indicators:
                v = base[d][i.code] * (1 + 0.03 * n) * rng.uniform(0.95, 1.05)
                row[i.code] = round(min(v, 100.0), 1) if i.unit == "percent" else int(v)
            for _ in range(3):  # nested rules (members ≤ workers, new ≤ members …) settle in a few passes
                for rule in cat.rules:
                    row[rule.larger] = max(row[rule.larger], row[rule.smaller])
            ws.append([f"测试{d:04d}区", *[row[i.code] for i in indicators]])
        path = out / f"全国_{year}年.xlsx"
        wb.save(path)
        paths.append(path)
    return paths
