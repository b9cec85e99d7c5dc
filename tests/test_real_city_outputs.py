"""The meeting deck and the report of cities known only from their work reports: no promised sections that are
not there, no ranking without values, figures of other periods in the report, nothing compared said so."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pptx import Presentation

from etl import cli, db
from export.analysis import build_report
from export.deck import preset_deck
from export.report import Table

DAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    path: Path = tmp_path_factory.mktemp("real") / "real.duckdb"
    assert cli.cmd_sample(str(path), None, False, "zh") == 0
    assert cli.cmd_reports(str(path), None, False, "pytest", "zh") == 0
    c = db.connect(path, read_only=True)
    yield c
    c.close()


def _texts(prs) -> list[list[str]]:
    return [[s.text_frame.text for s in slide.shapes if s.has_text_frame] for slide in prs.slides]


def test_the_contents_list_and_number_only_the_sections_the_deck_has(con):
    slides = _texts(Presentation(io.BytesIO(preset_deck(con, "annual", "上海市", 2018, exported=DAY))))
    toc = next(texts for texts in slides if "目录" in texts)
    listed = [line for t in toc if t != "目录" for line in t.split("\n") if "、" in line]
    dividers = [t for texts in slides[2:] for t in texts if t in listed]
    assert listed and listed[0].startswith("一、") and listed == dividers
    assert all(not line.startswith("二、各区县排名") for line in listed)  # one district without a value: no ranking
    assert any("主要指标均无上年可比数据" in t for texts in slides for t in texts)
    assert not any("0 个区县" in t for texts in slides for t in texts)


def test_the_sample_deck_keeps_its_four_sections(con):
    slides = _texts(Presentation(io.BytesIO(preset_deck(con, "annual", "示例市", 2024, exported=DAY))))
    toc = next(texts for texts in slides if "目录" in texts)
    assert "一、主要指标完成情况\n二、各区县排名\n三、同比变化\n四、需要关注的问题" in toc


def test_the_report_lists_the_figures_of_other_periods_and_says_nothing_compares(con):
    report = build_report(con, "绍兴市", 2019, today=DAY, pictures=False)
    overview = report.sections[0]
    assert "（2018年无可比数据）" in overview.blocks[0] and "并与2018年比较" not in overview.blocks[0]
    tables = [b for b in overview.blocks if isinstance(b, Table)]
    periods = next(t for t in tables if t.caption == "报告中的其他数字")
    assert "2015–2019 五年累计" in set(periods.data.iloc[:, 3]) and "722件" in set(periods.data.iloc[:, 2])
    assert "来源：2019_绍兴市总工会代表大会报告.txt（批次 #" in periods.note  # one report: named under the table


@pytest.mark.parametrize(
    "title,size",
    [
        ("全市集体合同签订率92.1%，比上年提高0.4个百分点；16个区县中13个达到90%的目标，临港区、石湾县、高新区未达标", 22),
        ("Hardship aid spent, city: 31.5 million yuan, up 2.5 million yuan (+8.6%) on 2023; largest fall: Nanhu", 22),
        ("Collective contract signing rate, city: 92.1%, up 0.4 percentage points on 2023; 13 of 16 districts met "
         "the 90% target; Lingang, Shiwan County and Gaoxin did not", 16),
    ],
)  # fmt: skip
def test_long_conclusion_titles_shrink_to_stay_on_two_lines(title, size):
    from export.meeting import title_size

    assert title_size(title) == size
