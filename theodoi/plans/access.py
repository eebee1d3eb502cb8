"""Permission-checked fetch helpers for plans data (one per resource)."""
