"""Staff mutations on tickets, one per module."""
