"""The sample generator: deterministic, believable figures, and files that hold exactly those figures."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import openpyxl
import pytest

from etl import sample
from etl.catalog import ROOT, Catalog, load_catalog

Key = tuple[str, int, str]


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="module")
def values(cat) -> dict[Key, float]:
    return {(d, y, c): v for d, y, c, v in sample.sample_values(cat)}


@pytest.fixture(scope="module")
def model(cat) -> sample.SampleModel:
    return sample.sample_model(cat)


@pytest.fixture(scope="module")
def files(cat, tmp_path_factory) -> dict[str, Path]:
    paths = sample.generate_sample(tmp_path_factory.mktemp("sample"), cat)
    return {p.name: p for p in paths}


def code_of(cat: Catalog, name: str) -> str:
    (code,) = cat.match_district(name)
    return code


def by_name(cat: Catalog, name: str) -> str:
    return next(d.code for d in cat.districts.values() if d.name_zh == name)


def read_cells(path: Path) -> list[list[object]]:
    ws = openpyxl.load_workbook(path).worksheets[0]
    return [list(r) for r in ws.iter_rows(values_only=True)]


def cell_to_base(raw: object, header: str, unit: str, fraction: bool) -> float | None:
    """How a person reads a staff cell: 93.5%, 0.935 in a percent column, 1.96万, 6700余, 87.53 under （万元）."""
    if raw is None or raw in ("—", ""):
        return None
    if isinstance(raw, str):
        text = raw.strip()
        if text.endswith("%"):
            return float(text[:-1])
        if text.endswith("万"):
            return float(text[:-1]) * 10_000
        if text.endswith("余"):
            return float(text[:-1])
        raise AssertionError(f"unexpected text cell {raw!r}")
    value = float(raw)
    if unit == "percent" and fraction:
        return value * 100
    if "万元" in header:
        return value * 10_000
    return value


def read_wide(cat: Catalog, path: Path) -> tuple[dict[Key, float], set[Key]]:
    """Figures of a wide staff workbook in base units, and the blank cells, keyed like the model."""
    rows = read_cells(path)
    year = int(Path(path).name.split("_")[1][:4])
    header = rows[1]
    cols = {c: cat.match_indicator(h) for c, h in enumerate(header) if c >= 2 and cat.match_indicator(str(h))}
    got: dict[Key, float] = {}
    blanks: set[Key] = set()
    fraction = sample.WIDE_STYLES[year].percent == "fraction"
    for row in rows[2:]:
        if row[1] is None:
            continue  # the footer note
        district = code_of(cat, row[1])
        for c, code in cols.items():
            value = cell_to_base(row[c], header[c], cat.indicators[code].unit, fraction)
            if value is None:
                blanks.add((district, year, code))
            else:
                got[(district, year, code)] = value
    return got, blanks


# ---------------------------------------------------------------------------------------------------------------
# Determinism
# ---------------------------------------------------------------------------------------------------------------


def test_sample_values_are_the_same_in_processes_with_different_hash_seeds(cat):
    script = "from etl.sample import sample_values; print(repr(sample_values()))"
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True
        )
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert outputs[0].strip() == repr(sample.sample_values(cat))


def test_sample_values_are_pinned(values):
    # A changed sample changes every screenshot and walkthrough: update these only on purpose.
    assert values[("900101", 2015, "contract_rate_collective")] == 69.0
    assert values[("900116", 2024, "total_members")] == 413_450
    assert values[("900103", 2020, "aid_amount")] == 1_998_224


def test_two_runs_write_the_same_cells(cat, tmp_path):
    first = sample.generate_sample(tmp_path / "a", cat)
    second = sample.generate_sample(tmp_path / "b", cat)
    assert [p.name for p in first] == [p.name for p in second]
    for a, b in zip(first, second, strict=True):
        if a.suffix == ".csv":
            assert a.read_bytes() == b.read_bytes()
        else:
            wa, wb = openpyxl.load_workbook(a), openpyxl.load_workbook(b)
            assert wa.sheetnames == wb.sheetnames
            for sa, sb in zip(wa.worksheets, wb.worksheets, strict=True):
                assert list(sa.iter_rows(values_only=True)) == list(sb.iter_rows(values_only=True))


def test_generate_sample_returns_targets_then_years_in_order(files):
    assert list(files) == [
        "示例市_目标值.csv",
        *(f"示例市_{y}年工会工作主要指标.xlsx" for y in range(2015, 2023)),
        "示例市_2023年工会工作主要指标.csv",
        "示例市_2024年指标_长表.xlsx",
    ]


# ---------------------------------------------------------------------------------------------------------------
# The model is believable and consistent
# ---------------------------------------------------------------------------------------------------------------


def test_sample_covers_every_sample_district_year_and_indicator_but_a_few_gaps(cat, values, model):
    districts = [d.code for d in cat.districts.values() if d.is_sample]
    assert len(districts) == 16
    expected = {(d, y, c) for d in districts for y in sample.YEARS for c in cat.indicators}
    assert set(values) == expected - model.gaps
    gap_district_years = {(d, y) for d, y, _ in model.gaps}
    assert 2 <= len(gap_district_years) <= 4
    assert all(y in sample.WIDE_YEARS for _, y in gap_district_years)


def test_every_catalogue_rule_holds_for_every_district_year(cat, model):
    checked = 0
    for d in model.districts:
        for y in sample.YEARS:
            for rule in cat.rules:
                small, large = model.values.get((d.code, y, rule.smaller)), model.values.get((d.code, y, rule.larger))
                if small is None or large is None:
                    continue
                assert small <= large, (rule.code, d.name_zh, y, small, large)
                checked += 1
    assert checked >= len(cat.rules) * 16 * 10 - 10


def test_percent_values_lie_between_0_and_100(cat, values):
    percents = [v for (_, _, c), v in values.items() if cat.indicators[c].unit == "percent"]
    assert percents and all(0 <= v <= 100 for v in percents)
    assert all(v == round(v, 1) for v in percents)


def test_counts_are_non_negative_integers_and_money_non_negative(cat, values):
    for (_, _, c), v in values.items():
        unit = cat.indicators[c].unit
        assert v >= 0
        if unit in ("count", "person", "person_times"):
            assert v == int(v), (c, v)


def test_collective_contract_rate_in_2024_has_districts_below_and_at_the_90_target(values):
    rates = [v for (_, y, c), v in values.items() if y == 2024 and c == "contract_rate_collective"]
    assert min(rates) < 90 <= max(rates)
    below = sum(r < 90 for r in rates)
    assert 2 <= below <= 8


def test_laggards_stay_below_the_target_every_year(model):
    assert 2 <= len(model.laggards) <= 3
    for code in model.laggards:
        assert all(model.values[(code, y, "contract_rate_collective")] < 90 for y in sample.YEARS)


def test_contract_rates_climb_and_wage_stays_below_collective(values, model):
    for d in model.districts:
        coll = [values[(d.code, y, "contract_rate_collective")] for y in sample.YEARS]
        assert coll[-1] > coll[0] + 5
        for y in sample.YEARS:
            assert values[(d.code, y, "contract_rate_wage")] < values[(d.code, y, "contract_rate_collective")]


def test_collective_rate_is_the_ratio_of_the_enterprise_counts(values, model):
    for d in model.districts:
        for y in sample.YEARS:
            signed = values[(d.code, y, "enterprises_collective_contract")]
            unionised = values[(d.code, y, "enterprises_unionized")]
            assert values[(d.code, y, "contract_rate_collective")] == round(100 * signed / unionised, 1)


def test_disputes_triple_in_one_district_year(values, model):
    jumps = [
        values[(d.code, y, "disputes_reported")] / values[(d.code, y - 1, "disputes_reported")]
        for d in model.districts
        for y in sample.YEARS[1:]
    ]
    assert max(jumps) >= 2.9
    assert sorted(model.spikes.values()) == [2.2, 3.0]


def test_disputes_are_mostly_resolved_and_involve_20_to_150_workers_each(values, model):
    for d in model.districts:
        for y in sample.YEARS:
            reported = values[(d.code, y, "disputes_reported")]
            resolved = values[(d.code, y, "disputes_resolved")]
            involved = values[(d.code, y, "dispute_workers_involved")]
            assert reported >= 1
            assert 0.8 * reported - 1 <= resolved <= reported
            assert 20 * reported <= involved <= 150 * reported


def test_membership_levels_and_slowing_new_members(values, model):
    for d in model.districts:
        for y in sample.YEARS:
            workers = values[(d.code, y, "total_workers")]
            members = values[(d.code, y, "total_members")]
            assert 80_000 <= workers <= 650_000
            assert 0.70 <= members / workers <= 0.92
    share = {
        y: sum(values[(d.code, y, "new_members")] for d in model.districts)
        / sum(values[(d.code, y, "total_members")] for d in model.districts)
        for y in sample.YEARS
    }
    assert share[2015] > share[2019] > share[2024]


def test_aid_amount_grows_citywide(values, model):
    total = defaultdict(float)
    for (_, y, c), v in values.items():
        if c == "aid_amount":
            total[y] += v
    assert total[2024] > 1.5 * total[2015]
    assert 100_000 <= min(v for (_, _, c), v in values.items() if c == "money_recovered")


# ---------------------------------------------------------------------------------------------------------------
# The files hold the model's figures
# ---------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("year", sample.WIDE_YEARS)
def test_wide_workbook_holds_the_model_values(cat, values, model, files, year):
    got, blanks = read_wide(cat, files[f"示例市_{year}年工会工作主要指标.xlsx"])
    expected = {k: v for k, v in values.items() if k[1] == year}
    assert set(got) == set(expected)
    for key, v in expected.items():
        assert got[key] == pytest.approx(v, abs=1e-6), key
    assert blanks == {k for k in model.gaps if k[1] == year}


def test_wide_2015_has_money_in_wan_yuan_and_plain_rates(cat, values, files):
    rows = read_cells(files["示例市_2015年工会工作主要指标.xlsx"])
    assert rows[0][0] == "示例市各区总工会2015年主要工作指标（示例数据）"
    header = rows[1]
    assert header[:2] == ["序号", "区县"]
    assert header[-1] == "备注"
    aid_col = header.index(cat.indicators["aid_amount"].short_name_zh + "（万元）")
    rate_col = header.index(cat.indicators["contract_rate_collective"].short_name_zh + "(%)")
    dongcheng = next(r for r in rows[2:] if r[1] == "东城区")
    code = by_name(cat, "东城区")
    assert dongcheng[aid_col] * 10_000 == pytest.approx(values[(code, 2015, "aid_amount")])
    assert 100_000 < dongcheng[aid_col] * 10_000 < 10_000_000
    assert dongcheng[rate_col] == values[(code, 2015, "contract_rate_collective")]
    assert 50 < dongcheng[rate_col] < 100


def test_wide_2017_writes_rates_with_a_percent_sign_and_dashes_for_gaps(cat, files, values):
    rows = read_cells(files["示例市_2017年工会工作主要指标.xlsx"])
    col = rows[1].index(cat.indicators["contract_rate_collective"].short_name_zh)
    cells = [r[col] for r in rows[2:18]]
    assert all(isinstance(c, str) and c.endswith("%") for c in cells)
    code = by_name(cat, "南湖区")
    row = next(r for r in rows[2:] if r[1] == "南湖区")
    assert float(row[col].rstrip("%")) == values[(code, 2017, "contract_rate_collective")]


def test_wide_2018_writes_district_names_without_the_suffix(cat, files):
    names = [r[1] for r in read_cells(files["示例市_2018年工会工作主要指标.xlsx"])[2:18]]
    assert "东城" in names and "云台" in names
    assert all(name[-1] not in "区县" for name in names)
    assert all(len(cat.match_district(n)) == 1 for n in names)


def test_wide_2019_writes_every_rate_as_a_fraction(cat, files):
    rows = read_cells(files["示例市_2019年工会工作主要指标.xlsx"])
    percent_cols = [
        c
        for c, h in enumerate(rows[1])
        if c >= 2 and cat.match_indicator(str(h)) and cat.indicators[cat.match_indicator(str(h))].unit == "percent"
    ]
    assert len(percent_cols) == sum(i.unit == "percent" for i in cat.indicators.values())
    cells = [r[c] for r in rows[2:18] for c in percent_cols if r[c] is not None]
    assert cells and all(0.3 < v <= 1 for v in cells)


def test_staff_notations_are_written_and_recorded_as_numbers(cat, files, values, model):
    wan = {k: t for k, t in model.texts.items() if t.endswith("万")}
    approx = {k: t for k, t in model.texts.items() if t.endswith("余")}
    assert wan and approx
    for texts, year in ((wan, sample.WAN_TEXT_YEAR), (approx, sample.APPROX_YEAR)):
        rows = read_cells(files[f"示例市_{year}年工会工作主要指标.xlsx"])
        written = {c for r in rows[2:] for c in r if isinstance(c, str)}
        assert set(texts.values()) <= written
    for key, text in wan.items():
        assert values[key] == round(float(text[:-1]) * 10_000)
    for key, text in approx.items():
        assert values[key] == float(text[:-1])


def test_wide_headers_are_catalogue_names_and_vary_between_years(cat):
    seen = set()
    for year in sample.WIDE_YEARS:
        headers = sample.wide_headers(year, cat)
        assert list(headers) == list(cat.indicators)
        for code, header in headers.items():
            assert cat.match_indicator(header) == code, header
            assert cat.column_role(header) is None
        seen.add(tuple(headers.values()))
    assert len(seen) >= 5


def test_wide_workbooks_have_no_year_column(cat, files):
    for year in sample.WIDE_YEARS:
        header = read_cells(files[f"示例市_{year}年工会工作主要指标.xlsx"])[1]
        assert all(cat.column_role(str(h)) != "year" for h in header if h)
        assert (
            openpyxl.load_workbook(files[f"示例市_{year}年工会工作主要指标.xlsx"]).sheetnames[0].startswith(str(year))
        )


def test_csv_2023_is_gbk_and_holds_the_model_values(cat, files, values):
    data = files["示例市_2023年工会工作主要指标.csv"].read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    rows = list(csv.reader(io.StringIO(data.decode("gb18030"))))
    assert rows[0][:2] == ["区县", "年份"]
    codes = [cat.match_indicator(h) for h in rows[0][2:]]
    assert codes == list(cat.indicators)
    assert len(rows) == 17
    for row in rows[1:]:
        district = code_of(cat, row[0])
        assert row[1] == "2023"
        for code, text in zip(codes, row[2:], strict=True):
            assert float(text) == values[(district, 2023, code)]
    xicheng = next(r for r in rows[1:] if r[0] == "西城区")
    rate = float(xicheng[2 + codes.index("contract_rate_collective")])
    assert rate == values[(by_name(cat, "西城区"), 2023, "contract_rate_collective")] and 50 < rate <= 100


def test_long_2024_has_one_row_per_district_and_indicator_with_model_values(cat, files, values):
    rows = read_cells(files["示例市_2024年指标_长表.xlsx"])
    assert list(rows[0]) == ["区县", "年份", "指标", "数值"]
    assert len(rows) - 1 == 16 * len(cat.indicators)
    for district_name, year, indicator, value in rows[1:]:
        assert year == 2024
        code = cat.match_indicator(indicator)
        assert indicator == cat.indicators[code].short_name_zh
        assert value == values[(code_of(cat, district_name), 2024, code)]
    aid = next(r[3] for r in rows[1:] if r[0] == "北山区" and r[2] == cat.indicators["aid_amount"].short_name_zh)
    assert aid == values[(by_name(cat, "北山区"), 2024, "aid_amount")] and aid > 100_000


def test_targets_file_is_utf8_with_bom_and_raises_targets_in_2018(cat, files):
    data = files["示例市_目标值.csv"].read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == ["指标", "年份", "目标值", "区县"]
    targets = {(cat.match_indicator(r["指标"]), int(r["年份"])): float(r["目标值"]) for r in rows}
    assert len(targets) == 3 * 10 == len(rows)
    assert all(r["区县"] == "" for r in rows)
    assert targets[("contract_rate_collective", 2024)] == 90
    assert targets[("contract_rate_wage", 2024)] == 80
    assert targets[("contract_rate_women", 2018)] == 90
    assert targets[("contract_rate_wage", 2016)] == 70
    assert sorted(targets.items()) == sorted(((c, y), v) for _, y, c, v in sample.sample_targets(cat))
