"""access of the accounts app."""
