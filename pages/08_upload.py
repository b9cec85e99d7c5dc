"""上传数据 Upload: template, files checked cell by cell, the plan of changes, commit only when there are no errors."""

import hashlib

import streamlit as st

from etl.edits import plan_years_without_targets
from etl.load import check_file
from etl.store import already_loaded_problem
from etl.template import template_bytes
from etl.years import year_range
from ui.auth import require_editor
from ui.data import reading, save, version
from ui.i18n import lang, plain, t
from ui.progress import returned_notice_ui
from ui.review import changes_ui, plan_summary_ui, problems_ui, reading_ui, sheets_ui, uploader_texts_ui
from ui.setup import admin_setup, default_city

MAX_UPLOAD_MB = 20  # also server.maxUploadSize in .streamlit/config.toml

admin_setup("page_upload")
editor = require_editor()
returned_notice_ui(editor)  # what a reviewer sent back to this editor, with the reason
city = default_city()
st.download_button(
    t("template_download", city=city),
    template_bytes(city=city, lang=lang()),
    file_name=f"{city}_填报模板.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)
uploader_texts_ui(MAX_UPLOAD_MB)
files = st.file_uploader(
    t("upload_files"), type=["xlsx", "xls", "xlsb", "ods", "csv"], accept_multiple_files=True, key="upload_files"
)
first_year, last_year = year_range()
year = st.number_input(
    t("upload_year"), min_value=first_year, max_value=last_year, value=None, step=1, key="upload_year"
)

plans = st.session_state.setdefault("upload_plans", {})
files = files or []
keys = {
    f.file_id: (f.name, hashlib.sha256(f.getvalue()).hexdigest(), year, editor.name, version())
    for f in files
    if f.size <= MAX_UPLOAD_MB * 1024 * 1024
}
for stale in set(plans) - set(keys.values()):  # a removed file's check (its cells, its plan) is freed
    del plans[stale]
todo = [f for f in files if f.file_id in keys and keys[f.file_id] not in plans]
if todo:  # every new file checked first, with progress file by file
    progress = st.progress(0.0)
    for i, f in enumerate(todo, start=1):
        progress.progress((i - 1) / len(todo), text=t("checking_n", i=i, n=len(todo), file=plain(f.name)))
        with reading() as con:
            plans[keys[f.file_id]] = check_file(
                f.getvalue(), con, file_name=f.name, year=year, allowed_districts=editor.scope()
            )
    progress.progress(1.0, text=t("checked_n", n=len(todo)))
for f in files:
    st.header(plain(f.name))
    if f.file_id not in keys:
        st.error(t("too_big", file=plain(f.name), mb=f.size / 1024 / 1024, limit=MAX_UPLOAD_MB))
        continue
    key = keys[f.file_id]
    plan = plans[key]
    plan_summary_ui(plan)
    problems_ui(plan)
    reading_ui(plan)
    sheets_ui(plan)
    changes_ui(plan)
    with reading() as con:
        untargeted = plan_years_without_targets(con, plan)
    if untargeted:
        st.info(t("upload_no_targets", years="、".join(map(str, untargeted))))
    if plan.already_loaded:
        st.info(plain(already_loaded_problem(plan).message(lang())))
    elif not plan.ok:
        st.error(t("rejected"))
    elif st.button(t("commit_button", file=plain(f.name)), type="primary", key=f"commit_{key[1]}"):
        data = f.getvalue()
        batch = save(
            plan,
            lambda con, data=data, name=f.name: check_file(
                data, con, file_name=name, year=year, allowed_districts=editor.scope()
            ),
            by=editor.name,
        )
        if batch is None:
            plans.pop(key, None)
        else:
            plans.clear()
            st.success(t("committed", batch=batch))
