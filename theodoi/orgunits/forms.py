"""Forms of the orgunits app."""
