"""The API is read-only for now; when it gains writes, they call the apps'
``actions.py`` functions, never the ORM directly."""
