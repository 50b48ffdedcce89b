"""Celery application: production runs the time-driven services here (beat schedule)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kucun.settings")

app = Celery("kucun")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
