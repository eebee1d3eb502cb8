"""Permission-checked fetch helpers for reporting data (one per resource)."""
