"""The standalone host: the support desk beside a tiny demo store, without Saleor."""

from .celery import app as celery_app

__all__ = ["celery_app"]
