"""Permission-checked fetch helpers for orgunits data (one per resource)."""
