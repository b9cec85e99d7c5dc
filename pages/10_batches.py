"""批次管理 Batches: every batch (who, when, file, counts, status); its figures; roll back or re-apply after a confirmation."""

import streamlit as st

from etl.store import BatchError, reapply, rollback
from ui.auth import current_editor
from ui.data import run_query, writing
from ui.i18n import t
from ui.review import batch_table, batch_values_ui
from ui.setup import admin_setup

admin_setup("page_batches")
st.caption(t("batches_intro"))
batches = run_query("batches")
chosen = batch_table(batches)
if chosen is not None:
    row = batches.set_index("batch_id").loc[chosen]
    batch_values_ui(chosen, run_query("batch_values", batch_id=chosen))
    editor = current_editor()
    if editor is None:
        st.info(t("login_needed"))
    elif row["status"] == "committed":
        sure = st.checkbox(t("confirm_rollback", batch=chosen), key=f"sure_{chosen}")
        if st.button(t("rollback"), type="primary", disabled=not sure, key=f"rollback_{chosen}"):
            try:
                with writing() as con:
                    rollback(con, chosen, by=editor.name, allowed_districts=editor.scope())
                st.success(t("rolled_back", batch=chosen))
                st.rerun()
            except BatchError as err:
                st.error(err.message(st.session_state.get("lang", "zh")))
    elif st.button(t("reapply", batch=chosen), key=f"reapply_{chosen}"):
        try:
            with writing() as con:
                reapply(con, chosen, by=editor.name, allowed_districts=editor.scope())
            st.success(t("reapplied", batch=chosen))
            st.rerun()
        except BatchError as err:
            st.error(err.message(st.session_state.get("lang", "zh")))
