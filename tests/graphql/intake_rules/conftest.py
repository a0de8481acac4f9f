import pytest
from django.test import Client

from saleor_support_plugin.tickets.access_tokens import issue_access_token
from tests.graphql.conftest import ApiClient


@pytest.fixture
def lead_client(api_client_for, team_lead):
    return api_client_for(team_lead)


@pytest.fixture
def guest_client(ticket):
    return ApiClient(Client(), issue_access_token(ticket))
