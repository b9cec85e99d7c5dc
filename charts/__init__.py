"""Chart builders: pure functions from a DataFrame to a Plotly figure, in one theme. Never imports streamlit."""
