import pytest


@pytest.fixture
def lead_client(api_client_for, team_lead):
    return api_client_for(team_lead)
