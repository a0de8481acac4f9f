"""People the desk shows to staff: assignees, message authors, customers with an account."""
