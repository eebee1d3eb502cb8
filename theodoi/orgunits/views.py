"""Views of the orgunits app: parse input, call an action or a query, render."""
