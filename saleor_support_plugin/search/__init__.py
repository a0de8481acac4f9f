"""Full-text search over tickets: normalised text in Python, stored vectors in PostgreSQL."""

SEARCH_CONFIG = "support_simple_unaccent"
"""Text search configuration: ``simple`` with ``unaccent`` before it on word tokens."""
