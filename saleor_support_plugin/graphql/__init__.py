"""The desk's own GraphQL API (graphene 2), served by ``web.views.graphql_view``."""
