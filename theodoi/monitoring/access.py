"""Permission-checked fetch helpers for monitoring data (one per resource)."""
