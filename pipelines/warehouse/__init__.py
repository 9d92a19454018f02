"""The DuckDB warehouse: schema, the single writer, snapshot publishing, read-only access."""
