"""cveditor: an offline résumé editor with a live paginated preview and exact PDFs."""

__version__ = "0.1.0"
