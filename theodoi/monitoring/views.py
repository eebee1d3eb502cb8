"""Views of the monitoring app: parse input, call an action or a query, render."""
