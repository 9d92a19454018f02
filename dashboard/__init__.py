"""The presswatch Streamlit dashboard: reads only the published warehouse snapshot."""
