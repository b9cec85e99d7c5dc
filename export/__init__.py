"""Exports: figures to PNG/SVG, tables to CSV/XLSX, named charts and decks to PPTX. Never imports streamlit.

`python -m export` is the command line; `export.registry` names the charts that can be rebuilt from the store.
"""
