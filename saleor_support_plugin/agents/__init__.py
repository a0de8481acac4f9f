"""Agents and teams: who works on tickets, in which team, and how tickets reach them."""


class AgentRole:
    DISPATCHER = "dispatcher"  # sorts incoming tickets and hands them to teams and agents
    AGENT = "agent"  # answers tickets of their teams
    TEAM_LEAD = "team_lead"  # runs teams: members, routing, templates, targets
    MANAGER = "manager"  # runs the desk: everything a team lead does, for every team

    CHOICES = [
        (DISPATCHER, "Dispatcher"),
        (AGENT, "Agent"),
        (TEAM_LEAD, "Team lead"),
        (MANAGER, "Manager"),
    ]

    LEADS = frozenset({TEAM_LEAD, MANAGER})
    """Roles that manage teams, routing rules and other desk settings."""
    SEES_UNROUTED = frozenset({DISPATCHER, TEAM_LEAD, MANAGER})
    """Roles whose queue also holds tickets that no team has."""


class Availability:
    ON_SHIFT = "on_shift"  # working now: receives new tickets
    AWAY = "away"  # off shift, on a break or on leave: receives none

    CHOICES = [(ON_SHIFT, "On shift"), (AWAY, "Away")]


class AssignmentStrategy:
    ROUND_ROBIN = "round_robin"  # members in turn, starting after the last one given a ticket
    LEAST_LOADED = "least_loaded"  # the member with the fewest active tickets

    CHOICES = [(ROUND_ROBIN, "Round robin"), (LEAST_LOADED, "Least loaded")]
