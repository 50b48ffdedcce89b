"""Celery entry points. Beat normally reaches campaigns through
``kucun.core.tasks.time_services_tick``; this task lets an operator or a script run the
campaign clock alone (``campaigns_advance_task.delay()``)."""

from dataclasses import asdict

from celery import shared_task
from django.utils import timezone

from kucun.campaigns.services import campaigns_advance


@shared_task(name="kucun.campaigns.tasks.campaigns_advance")
def campaigns_advance_task() -> dict[str, int]:
    """Open the campaigns whose start has come and close those whose end has come."""
    return asdict(campaigns_advance(now=timezone.now()))
