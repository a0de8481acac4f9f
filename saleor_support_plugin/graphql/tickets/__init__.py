"""Tickets in the API: staff types, queries and mutations."""
