"""Views of the documents app: parse input, call an action or a query, render."""
