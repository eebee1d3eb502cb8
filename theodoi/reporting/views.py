"""Views of the reporting app: parse input, call an action or a query, render."""
