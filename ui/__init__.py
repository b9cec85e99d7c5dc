"""Shared Streamlit code: page set-up, filter widgets, texts in two languages, cached queries."""
