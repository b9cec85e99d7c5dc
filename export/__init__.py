"""Exports: a View (views/) to PNG/SVG, its data to CSV/XLSX, views and presets to PPTX. Never imports streamlit.

`python -m export` is the command line; the charts it knows are the rows of data/catalog/charts.csv.
"""
