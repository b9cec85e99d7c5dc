"""批次管理 Batches: every batch (kind, who, when, counts, status); its figures; a rollback that says what will remain
and offers to take later batches over the same figures along; re-apply; the audit log by district and year."""

import streamlit as st

from ui.audit import audit_ui, batch_list_ui, rollback_ui
from ui.data import run_query
from ui.i18n import t
from ui.review import batch_values_ui
from ui.setup import admin_setup

admin_setup("page_batches")
st.caption(t("batches_intro"))
batches = run_query("batches")
chosen = batch_list_ui(batches)
if chosen is not None:
    row = batches.set_index("batch_id").loc[chosen]
    batch_values_ui(chosen, run_query("batch_values", batch_id=chosen))
    rollback_ui(chosen, row["status"])
audit_ui()
