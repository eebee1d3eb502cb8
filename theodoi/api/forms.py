"""The API validates input with its schemas (``schemas.py``), not Django forms."""
