"""Views: context + metric → View (figure, data, native-slide spec, source line, words). No streamlit here.

views/named.py holds the named views, views/catalog.py reads which chart goes where (data/catalog/charts.csv,
pages.csv), views/spec.py is the slide spec, views/context.py the city, year and language a view is about.
"""
