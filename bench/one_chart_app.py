"""The benchmark's reference: a Streamlit app that draws one Plotly chart (20 bars), the floor a page is held to."""

import plotly.graph_objects as go
import streamlit as st

st.set_page_config(page_title="one chart", layout="wide")
st.title("One chart")
names = [f"区县{i:02d}" for i in range(20)]
values = [60 + (i * 37) % 35 for i in range(20)]
fig = go.Figure(go.Bar(x=names, y=values))
fig.update_layout(title="集体合同签订率（%）", template="plotly_white")
st.plotly_chart(fig, width="stretch", theme=None)
