"""actions of the accounts app."""
