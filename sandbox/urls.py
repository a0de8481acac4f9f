from django.contrib import admin
from django.urls import path
from django.views.generic import RedirectView

from saleor_support_plugin.web.views import graphql_view

urlpatterns = [
    path("", RedirectView.as_view(url="/admin/saleor_support_plugin/ticket/")),
    path("admin/", admin.site.urls),
    path("graphql/", graphql_view, name="graphql"),
]
