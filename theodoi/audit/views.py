"""Views of the audit app: parse input, call an action or a query, render."""
