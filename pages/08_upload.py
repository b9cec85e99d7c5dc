"""上传数据 Upload: template, files checked cell by cell, the plan of changes, commit only when there are no errors."""

import hashlib

import streamlit as st

from etl.edits import plan_years_without_targets
from etl.load import check_file
from etl.store import StaleData, commit
from etl.template import template_bytes
from ui.auth import require_editor
from ui.data import reading, version, writing
from ui.i18n import lang, plain, t
from ui.review import changes_ui, plan_summary_ui, problems_ui, sheets_ui
from ui.setup import admin_setup, default_city

MAX_UPLOAD_MB = 20  # also server.maxUploadSize in .streamlit/config.toml

admin_setup("page_upload")
editor = require_editor()
city = default_city()
st.download_button(
    t("template_download", city=city),
    template_bytes(city=city, lang=lang()),
    file_name=f"{city}_填报模板.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)
files = st.file_uploader(t("upload_files"), type=["xlsx", "xls", "csv"], accept_multiple_files=True, key="upload_files")
year = st.number_input(t("upload_year"), min_value=1990, max_value=2100, value=None, step=1, key="upload_year")

plans = st.session_state.setdefault("upload_plans", {})
for f in files or []:
    data = f.getvalue()
    st.header(plain(f.name))
    if len(data) > MAX_UPLOAD_MB * 1024 * 1024:
        st.error(t("too_big", file=f.name, mb=len(data) / 1024 / 1024, limit=MAX_UPLOAD_MB))
        continue
    key = (f.name, hashlib.sha256(data).hexdigest(), year, editor.name, version())
    if key not in plans:
        with st.spinner(t("checking", file=f.name)), reading() as con:
            plans[key] = check_file(data, con, file_name=f.name, year=year, allowed_districts=editor.scope())
    plan = plans[key]
    plan_summary_ui(plan)
    problems_ui(plan)
    sheets_ui(plan)
    changes_ui(plan)
    with reading() as con:
        untargeted = plan_years_without_targets(con, plan)
    if untargeted:
        st.info(t("upload_no_targets", years="、".join(map(str, untargeted))))
    if plan.already_loaded:
        st.info(t("already_loaded", batch=plan.already_loaded["batch_id"]))
    elif not plan.ok:
        st.error(t("rejected"))
    elif st.button(t("commit_button", file=plain(f.name)), type="primary", key=f"commit_{key[1]}"):
        try:
            with writing() as con:
                batch = commit(plan, con, by=editor.name)
        except StaleData:
            plans.pop(key, None)
            st.warning(t("stale"))
        else:
            plans.clear()
            st.success(t("committed", batch=batch))
