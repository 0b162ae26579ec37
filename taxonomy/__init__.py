"""The shipped taxonomy: one TOML file per category (data only)."""
