"""The shape fixtures through the upload page (AppTest): several files at once with progress, how each was read
shown before commit, every value exact after commit; refused shapes name their cell and offer no commit."""

import os

import pytest
from build import REFUSED_SHAPES, SHAPES

from etl.db import open_store

MIME = "application/octet-stream"


@pytest.fixture
def app(staff_app):
    staff_app.switch_page("pages/08_upload.py").run()
    staff_app.text_input[0].input("admin")
    staff_app.text_input[1].input("admin-pass-1")
    staff_app.button[0].click().run()
    return staff_app


def current(keys):
    with open_store(os.environ["UNION_DB"], read_only=True) as con:
        rows = con.execute("select district_code, year, indicator_code, value from current_observations").fetchall()
    have = {(d, y, i): v for d, y, i, v in rows}
    return {k: have.get(k) for k in keys}


def test_two_files_at_once_show_progress_and_how_each_column_was_read(app):
    uploader = app.get("file_uploader")[0]
    names = ["基层工会统计报表.xlsx", "多行表头_统计.xlsx"]
    uploader.set_value([(n, SHAPES[n][0](), MIME) for n in names]).run()
    assert not app.exception
    assert [h.value.replace("\\", "") for h in app.header] == names  # Markdown-escaped names
    assert "2 个文件已检查完毕" in app.get("progress")[0].proto.text
    tables = [df.value for df in app.dataframe]
    read_as = [tb for tb in tables if "读作" in tb.columns]
    stats = read_as[0]
    row = stats[stats["位置"] == "E3"].iloc[0]
    assert (row["表头单元格"], row["读作"], row["单位与换算"]) == ("帮扶金额", "帮扶金额（元）", "万元 ×10000")
    multi = read_as[1]
    assert "签订率（%） / 集体合同" in set(multi["表头单元格"])
    skipped = [tb for tb in tables if "原因" in tb.columns][0]
    assert list(skipped["原因"]) == ["栏次行", "合计行", "表下注释或签名", "表下注释或签名"]
    years = [tb for tb in tables if "行" in tb.columns and "年份" in tb.columns][0]
    assert list(years["年份"]) == ["2023"]


@pytest.mark.parametrize("name", list(SHAPES))
def test_shape_uploaded_and_committed_holds_every_value_exactly(app, name):
    make, expected, _ = SHAPES[name]
    app.get("file_uploader")[0].upload(name, make(), MIME).run()
    assert not app.exception
    commit = [b for b in app.button if b.label.startswith("确认导入")]
    assert commit, [e.value for e in app.error]
    commit[0].click().run()
    assert any("已导入为批次" in s.value for s in app.success)
    if name == "示例市_2024年本年上年.xlsx":  # on the fixtures' store: 上年 kept where stored (南湖区 31000)
        expected = {**expected, ("900103", 2023, "total_members"): 31000}
    assert current(expected) == expected


@pytest.mark.parametrize("name,make,code,cell", REFUSED_SHAPES[:3], ids=[s[0] for s in REFUSED_SHAPES[:3]])
def test_refused_shape_names_its_cell_and_offers_no_commit(app, name, make, code, cell):
    app.get("file_uploader")[0].upload(name, make(), MIME).run()
    assert not app.exception
    problems = app.dataframe[0].value
    assert any(loc.endswith("!" + cell) for loc in problems["位置"])
    assert not [b for b in app.button if b.label.startswith("确认导入")]
    jump = [k for k in app.session_state if str(k).startswith("jump_") and not str(k).endswith("_all")]
    assert app.selectbox(key=jump[0]).value == cell  # the preview opens at the flagged cell
