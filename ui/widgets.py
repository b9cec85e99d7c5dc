"""Small shared widgets: the table behind a chart with its CSV download."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.i18n import t


def table_ui(df: pd.DataFrame, label_col: str, file_name: str) -> None:
    """The numbers behind a chart, in an expander, with a UTF-8-with-BOM CSV that Excel opens correctly."""
    cols = {
        label_col: t("col_district"),
        "value": t("col_value"),
        "target": t("col_target"),
        "meets_target": t("col_meets"),
        "qualifier": t("col_qualifier"),
    }
    shown = df[[c for c in cols if c in df.columns]].rename(columns=cols)
    with st.expander(t("table")):
        st.dataframe(shown, hide_index=True, width="stretch")
        st.download_button(
            t("download_csv"), shown.to_csv(index=False).encode("utf-8-sig"), file_name=file_name, mime="text/csv"
        )
