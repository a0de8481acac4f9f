"""Macros: reply templates in several languages that can also change the ticket in one step."""


class MacroVisibility:
    SHARED = "shared"  # every agent can use it; team leads and managers edit it
    PERSONAL = "personal"  # only its owner sees, uses and edits it

    CHOICES = [(SHARED, "Shared"), (PERSONAL, "Personal")]


class MacroAssignment:
    KEEP = "keep"  # leave the assignee as it is
    ME = "me"  # give the ticket to the agent who applies the macro
    USER = "user"  # give the ticket to the macro's chosen agent
    UNASSIGN = "unassign"  # take the ticket from whoever has it

    CHOICES = [
        (KEEP, "Keep the assignee"),
        (ME, "Assign to the agent applying it"),
        (USER, "Assign to a chosen agent"),
        (UNASSIGN, "Unassign"),
    ]


DEFAULT_LANGUAGE = ""
"""Language code of a macro's default text, used when no text matches the ticket's language."""
