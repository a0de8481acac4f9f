from tests.surveys.fixtures import answers_generator, solved_ticket, solved_ticket_generator

__all__ = ["answers_generator", "solved_ticket", "solved_ticket_generator"]
