"""Real browser sessions racing on loopback: three editors commit the same district-year at the same instant, and an
editor commits while a reviewer locks the year. The store stays whole and each browser is told what happened."""

from __future__ import annotations

import re
import time

import pytest
from build import xlsx_bytes

from etl import cycle, db

pytestmark = pytest.mark.e2e

UPLOAD_INPUT = '[data-testid="stFileUploaderDropzoneInput"]'
EDITORS = 3  # browser sessions pressing commit together
RACE_YEAR, LOCK_YEAR = 2018, 2019  # sample years no other browser test changes
CITY = "示例市"
DISTRICT = "900101"  # 东城区
METRIC = "contract_rate_collective"  # 集体合同签订率
SAVED = re.compile(r"已导入为批次 #(\d+)")
STALE = "在检查之后数据已被他人修改"
BUSY = "请稍后重试"
REFUSED = "整个文件不能导入"
ROUND_SECONDS = 90  # the whole race, from the shared instant to the last message


def open_as(browser, base, path, name, password):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(60_000)  # two browsers, a server and a commit on 2 cores: 30 s was hit under load
    page.goto(f"{base}{path}")
    page.get_by_label("账号").fill(name)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.get_by_text("已登录").wait_for()
    return context, page


def ready_to_commit(page, tmp_path, tag, value, year):
    f = tmp_path / f"东城区_{year}_{tag}.xlsx"
    f.write_bytes(xlsx_bytes([["区县", "集体合同签订率"], ["东城区", value]], str(year)))
    page.locator(UPLOAD_INPUT).set_input_files(str(f))
    button = page.get_by_role("button", name=f"确认导入 {f.name}")
    button.wait_for()
    return button


def press_together(buttons) -> None:
    """Each page clicks its button at one shared wall-clock instant (the browsers share this machine's clock)."""
    at_ms = (time.time() + 1.0) * 1000
    for b in buttons:
        b.evaluate("(el, at) => setTimeout(() => el.click(), Math.max(0, at - Date.now()))", at_ms)


def outcome(page, deadline) -> tuple[str, int | None]:
    """What the page told its user: saved (with the batch id), stale, busy or refused; fails on a traceback."""
    while time.monotonic() < deadline:
        assert page.locator('[data-testid="stException"]').count() == 0, "a traceback was shown"
        body = page.locator("section.main, [data-testid='stMain']").first.inner_text()
        found = SAVED.search(body)
        if found:
            return "saved", int(found.group(1))
        for word, kind in ((STALE, "stale"), (BUSY, "busy"), (REFUSED, "refused")):
            if word in body:
                return kind, None
        page.wait_for_timeout(200)
    pytest.fail("no message within the race's time")


def read_store(store, sql, params=None):
    with db.open_store(store, read_only=True, wait=30) as con:
        return con.execute(sql, params or {}).fetchall()


def test_editors_committing_the_same_district_year_at_once(
    app_server, browser, e2e_accounts, server_store, tmp_path, artifacts_dir
):
    name, password = e2e_accounts["editor"]
    before = read_store(server_store, "select coalesce(max(batch_id), 0) from batches")[0][0]
    sessions = [open_as(browser, app_server, "/upload", name, password) for _ in range(EDITORS)]
    try:
        values = [71.1 + n for n in range(EDITORS)]
        buttons = [ready_to_commit(p, tmp_path, n, values[n], RACE_YEAR) for n, (_, p) in enumerate(sessions)]
        press_together(buttons)
        deadline = time.monotonic() + ROUND_SECONDS
        results = [outcome(p, deadline) for _, p in sessions]
        for n, (_, p) in enumerate(sessions):
            p.screenshot(path=str(artifacts_dir / f"race_editor_{n}.png"), full_page=True)
    finally:
        for context, _ in sessions:
            context.close()

    saved = {batch: values[n] for n, (kind, batch) in enumerate(results) if kind == "saved"}
    assert saved, results  # someone's commit lands
    assert all(kind in ("saved", "stale", "busy") for kind, _ in results), results
    new = read_store(
        server_store,
        "select batch_id, status, (select count(*) from observations o where o.batch_id = b.batch_id) "
        "from batches b where batch_id > $b order by 1",
        {"b": before},
    )
    assert [(b, s, n) for b, s, n in new] == [(b, "committed", 1) for b in sorted(saved)]  # whole, and told
    for batch, value in saved.items():
        assert read_store(server_store, "select value from observations where batch_id = $b", {"b": batch}) == [
            (value,)
        ]
    shown = read_store(
        server_store,
        "select batch_id, value from current_observations "
        "where district_code = $d and year = $y and indicator_code = $m",
        {"d": DISTRICT, "y": RACE_YEAR, "m": METRIC},
    )
    last = max(saved)
    assert shown == [(last, saved[last])]


def test_an_editor_commits_while_a_reviewer_locks_the_year(
    app_server, browser, e2e_accounts, server_store, tmp_path, artifacts_dir
):
    name, password = e2e_accounts["editor"]
    reviewer_name, reviewer_password = e2e_accounts["reviewer"]
    before = read_store(server_store, "select coalesce(max(batch_id), 0) from batches")[0][0]
    editor_ctx, editor = open_as(browser, app_server, "/upload", name, password)
    reviewer_ctx, reviewer = open_as(
        browser, app_server, f"/progress?progress_year={LOCK_YEAR}", reviewer_name, reviewer_password
    )
    try:
        reviewer.get_by_role("button", name="审核通过").click()
        reviewer.get_by_text("已完成：审核通过").wait_for()
        commit = ready_to_commit(editor, tmp_path, "lock", 66.6, LOCK_YEAR)
        lock = reviewer.get_by_role("button", name="定稿（锁定本年度数据）")
        press_together([commit, lock])
        reviewer.get_by_text("由测试审核定稿").first.wait_for()
        kind, batch = outcome(editor, time.monotonic() + ROUND_SECONDS)
        if kind == "stale":  # the page checked again and now names the lock
            editor.get_by_text(REFUSED).wait_for()
        editor.screenshot(path=str(artifacts_dir / "race_lock_editor.png"), full_page=True)
        events = read_store(
            server_store,
            "select event, event_id, batch_id from cycle_events where year = $y and event in ('lock', 'submit') "
            "and (event = 'lock' or batch_id > $b) order by event_id",
            {"y": LOCK_YEAR, "b": before},
        )
        new = read_store(server_store, "select batch_id, status from batches where batch_id > $b", {"b": before})
        lock_id = max(e for k, e, _ in events if k == "lock")
        if kind == "saved":  # the commit came first: it is whole, and the lock came after it
            assert new == [(batch, "committed")]
            assert [e for k, e, b in events if k == "submit" and b == batch][0] < lock_id
        else:  # the lock came first: the commit was refused and nothing was written
            assert kind in ("stale", "refused") and new == []
        reviewer.get_by_label("解除定稿的原因（必填）").fill("浏览器竞态测试结束")
        reviewer.get_by_role("button", name="解除定稿").click()
        reviewer.get_by_text("已完成：解除定稿").wait_for()
    finally:
        editor_ctx.close()
        reviewer_ctx.close()
        # the year is left unlocked for the other browser tests, without the browser: a failure above is then
        # reported as itself, not as a cleanup that waited for a form a failed step never showed
        with db.open_store(server_store, wait=30) as con:
            if (CITY, LOCK_YEAR) in cycle.current_locks(con):
                cycle.unlock(con, CITY, LOCK_YEAR, "浏览器竞态测试失败后解除", reviewer_name)
