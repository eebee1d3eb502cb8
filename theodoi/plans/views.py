"""Views of the plans app: parse input, call an action or a query, render."""
