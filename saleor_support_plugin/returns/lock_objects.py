from django.db.models import QuerySet

from .models import ReturnRequest


def return_request_qs_select_for_update() -> QuerySet[ReturnRequest]:
    return ReturnRequest.objects.order_by("pk").select_for_update(of=("self",))
