"""Nothing of the API appears in the Django admin."""
