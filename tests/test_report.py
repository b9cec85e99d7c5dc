"""The Word 分析报告: the writer on plain inputs, the report of the sample city re-opened with python-docx, PDF."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm

from etl import db
from export import images, pdf
from export.__main__ import main
from export.analysis import build_report, plain_source
from export.report import Picture, Report, Section, Subheading, Table, column_widths, report_docx, section_number

needs_images = pytest.mark.skipif(not images.images_available(), reason="no Chromium for kaleido on this machine")
needs_writer = pytest.mark.skipif(not pdf.pdf_available(".docx"), reason="no LibreOffice Writer on this machine")


def tiny_png() -> bytes:
    """A 16 × 9 px PNG: enough for python-docx to place a picture."""
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (16, 9), "#0072B2").save(buf, format="PNG")
    return buf.getvalue()


PNG = tiny_png()


@pytest.mark.parametrize(
    "i,lang,expected",
    [(1, "zh", "一、"), (4, "zh", "四、"), (10, "zh", "十、"), (11, "zh", "十一、"), (20, "zh", "二十、"),
     (23, "zh", "二十三、"), (3, "en", "3. ")],
)  # fmt: skip
def test_section_numbers(i, lang, expected):
    assert section_number(i, lang) == expected


def plain_report() -> Report:
    table = pd.DataFrame({"区县": ["东城区", "西城区"], "数值（万元）": ["410.8", "1,234.5"]})
    return Report(
        "2024年示例市工会工作主要指标分析报告",
        "示例市总工会",
        dt.date(2026, 12, 1),
        [
            Section("总体情况", ["第一段。", Table("主要指标", table, note="数据来源：各区县2024年报表")]),
            Section(
                "集体协商",
                [
                    Subheading("签订率"),
                    *[Picture(PNG, f"图题{i}", f"句子{i}。") for i in range(6)],
                    Table("表二", table),
                ],
            ),
            Section("需要关注的问题", ["1. 西城区增加6起。", Table("表三", table)]),
        ],
    )


def test_writer_makes_a4_with_numbered_headings_pictures_tables_and_office_fonts():
    doc = Document(io.BytesIO(report_docx(plain_report())))
    sec = doc.sections[0]
    assert (round(sec.page_width.cm, 1), round(sec.page_height.cm, 1)) == (21.0, 29.7)
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["一、总体情况", "二、集体协商", "三、需要关注的问题"]
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 2"] == ["（一）签订率"]
    assert len(doc.inline_shapes) == 6
    assert len(doc.tables) == 3
    assert doc.tables[0].cell(1, 1).text == "410.8"
    assert doc.paragraphs[0].text == "2024年示例市工会工作主要指标分析报告"
    assert "2026年12月1日" in [p.text for p in doc.paragraphs]
    assert "图1 图题0" in [p.text for p in doc.paragraphs]
    assert "表1 主要指标" in [p.text for p in doc.paragraphs]
    fonts = {
        name: doc.styles[name].element.rPr.rFonts.get(qn("w:eastAsia")) for name in ("Normal", "Heading 1", "Title")
    }
    assert fonts == {"Normal": "仿宋", "Heading 1": "黑体", "Title": "黑体"}
    assert doc.styles["Normal"].font.size.pt == 16
    # the header row repeats on every page; the page number is a field
    assert doc.tables[0].rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    with zipfile.ZipFile(io.BytesIO(report_docx(plain_report()))) as z:
        assert "PAGE" in z.read("word/footer1.xml").decode()


def test_number_columns_get_the_room_their_figures_need():
    data = pd.DataFrame(
        {"指标": ["女职工专项集体合同签订率", "帮扶金额"], "2024年": ["89.3%", "3,150.5万元"], "增幅": ["—", "+8.6%"]}
    )
    widths = column_widths(data, 15.6)
    assert sum(widths) == pytest.approx(15.6)
    assert widths[0] > widths[1] > widths[2] >= 1.2


@pytest.fixture(scope="module")
def sample(sample_db):
    con = db.connect(sample_db, read_only=True)
    yield con
    con.close()


def all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        parts += [c.text for row in t.rows for c in row.cells]
    return "\n".join(parts)


@needs_images
def test_sample_report_has_sections_charts_tables_and_sentences_with_the_right_districts(sample):
    doc = Document(io.BytesIO(report_docx(build_report(sample, "示例市", 2024, today=dt.date(2026, 12, 1)))))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "一、总体情况",
        "二、集体协商",
        "三、劳动争议",
        "四、困难帮扶",
        "五、组织与会员",
        "六、各区县排名",
        "七、需要关注的问题",
        "八、数据来源与说明",
    ]
    assert len(doc.inline_shapes) >= 6
    assert len(doc.tables) >= 3
    text = all_text(doc)
    assert (
        "全市集体合同签订率92.1%，比上年提高0.4个百分点；16个区县中13个达到90%的目标，临港区、石湾县、高新区未达标。"
        in text
    )
    assert "全市群体性劳资纠纷142起，比上年减少1起；西城区增加6起，增幅最大。" in text
    assert "群体性劳资纠纷：西城区增加6起" in text  # among the points to watch
    assert "数据来源：示例数据（虚构的2024年报表），截至" in text
    for word in ("None", "nan", "exact", "approx", "UTC", "批次", "#", ".xlsx", ".csv", "contract_rate"):
        assert word not in text, word
    # the headline table's figures are the store's, in the chart's unit
    headline = doc.tables[0]
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in headline.rows}
    assert rows["帮扶金额"][1:5] == ["3,150.5万元", "2,900.8万元", "+249.7万元", "+8.6%"]
    assert rows["集体合同签订率"][1:4] == ["92.1%", "91.7%", "+0.4个百分点"]
    assert rows["群体性劳资纠纷"][1:4] == ["142起", "143起", "-1起"]


def test_report_without_pictures_in_english(sample):
    doc = Document(io.BytesIO(report_docx(build_report(sample, "示例市", 2024, "en", pictures=False))))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "1. Overview" and headings[-1] == "8. Sources and notes"
    text = all_text(doc)
    assert "13 of 16 districts met the 90% target; Lingang, Shiwan County and Gaoxin did not." in text
    assert "largest rise: Xicheng (+6)" in text
    assert len(doc.inline_shapes) == 0 and len(doc.tables) >= 6


def test_plain_source_names_no_file_or_batch(sample):
    from queries import run_query

    kinds, newest = plain_source(lambda name, **p: run_query(sample, name, **p), "示例市", 2024)
    assert kinds == "示例数据（虚构的2024年报表）"
    assert newest.tzinfo is not None


def test_report_cli_refuses_other_suffixes_and_unknown_years(sample_db, tmp_path, capsys):
    assert main(["report", str(tmp_path / "r.txt"), "--db", str(sample_db)]) == 2
    assert "须以 .docx 或 .pdf 结尾" in capsys.readouterr().err
    assert main(["report", str(tmp_path / "r.docx"), "--db", str(sample_db), "--year", "2001", "--lang", "en"]) == 1
    assert "Years with figures" in capsys.readouterr().err
    assert not (tmp_path / "r.docx").exists()


@needs_images
def test_report_cli_writes_the_docx(sample_db, tmp_path):
    out = tmp_path / "分析报告.docx"
    assert main(["report", str(out), "--db", str(sample_db), "--city", "示例市", "--year", "2024"]) == 0
    assert len(Document(str(out)).inline_shapes) >= 6


# PDF -----------------------------------------------------------------------------------------------------


def fake_office(tmp_path: Path, body: str) -> str:
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    script.chmod(0o755)
    return str(script)


@pytest.mark.parametrize("lang,words", [("zh", "apt-get install"), ("en", "PDF needs LibreOffice")])
def test_pdf_without_libreoffice_says_what_to_install(monkeypatch, tmp_path, lang, words):
    monkeypatch.setenv("LIBREOFFICE_PATH", str(tmp_path / "missing"))
    with pytest.raises(pdf.PdfUnavailable) as err:
        pdf.to_pdf(b"x", ".docx")
    assert words in err.value.message(lang)
    assert "libreoffice-writer" in err.value.message(lang)


def test_pdf_conversion_that_hangs_is_stopped(monkeypatch, tmp_path):
    marker = tmp_path / "child.pid"
    monkeypatch.setenv("LIBREOFFICE_PATH", fake_office(tmp_path, f"sleep 300 & echo $! > {marker}; wait"))
    with pytest.raises(pdf.PdfUnavailable) as err:
        pdf.to_pdf(b"x", ".pptx", timeout=1)
    assert err.value.key == "timeout"
    child = int(marker.read_text())
    with pytest.raises(ProcessLookupError):  # the whole group was killed, not only the shell
        for _ in range(50):
            os.kill(child, 0)
            subprocess.run(["sleep", "0.1"], check=True)


def test_pdf_conversion_that_fails_says_so(monkeypatch, tmp_path):
    monkeypatch.setenv(
        "LIBREOFFICE_PATH", fake_office(tmp_path, "echo 'Error: source file could not be loaded' >&2; exit 1")
    )
    with pytest.raises(pdf.PdfUnavailable) as err:
        pdf.to_pdf(b"x", ".docx")
    assert "source file could not be loaded" in err.value.message("zh")


@needs_writer
@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="no poppler")
def test_report_renders_to_a_pdf_with_chinese_fonts(tmp_path):
    data = pdf.to_pdf(report_docx(plain_report()), ".docx")
    assert data.startswith(b"%PDF")
    (tmp_path / "r.pdf").write_bytes(data)
    fonts = subprocess.run(["pdffonts", str(tmp_path / "r.pdf")], capture_output=True, text=True).stdout
    assert "NotoSansCJK" in fonts and "NotoSerifCJK" in fonts  # 黑体 → Noto Sans, 仿宋 → Noto Serif
    subprocess.run(["pdftoppm", "-png", "-r", "20", str(tmp_path / "r.pdf"), str(tmp_path / "p")], check=True)
    assert len(list(tmp_path.glob("p-*.png"))) >= 1


def test_picture_width_fills_the_text_column():
    doc = Document(io.BytesIO(report_docx(plain_report())))
    assert doc.inline_shapes[0].width == Cm(21.0 - 2.8 - 2.6)
