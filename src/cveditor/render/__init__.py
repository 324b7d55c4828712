"""Rendering: theme (Jinja2) → HTML → paged QTextDocument → preview, PDF, printer."""
