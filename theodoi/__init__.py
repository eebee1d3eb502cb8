"""theodoi: follow a resolution through its whole cascade of plans."""

__version__ = "0.1.0"
