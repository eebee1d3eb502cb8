"""Permission-checked fetch helpers for audit data (one per resource)."""
