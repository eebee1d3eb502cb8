"""Permission-checked fetch helpers for documents data (one per resource)."""
