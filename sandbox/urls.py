from django.contrib import admin
from django.urls import path, re_path
from django.views.generic import RedirectView

from saleor_support_plugin.web.views import graphql_view

from .workspace import token_view, workspace_view

urlpatterns = [
    path("", RedirectView.as_view(url="/app/")),
    path("admin/", admin.site.urls),
    path("graphql/", graphql_view, name="graphql"),
    # The agent workspace (saleor_support_plugin/web/workspace.py) and its sign-in.
    re_path(r"^(?:manifest/|register/|logo\.png|app(?:/.*)?)$", workspace_view, name="workspace"),
    path("auth/token/", token_view, name="workspace-token"),
]
