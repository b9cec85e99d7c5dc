"""Statistics for fair comparison, early-warning rules, peers and district geometry; never imports streamlit."""
