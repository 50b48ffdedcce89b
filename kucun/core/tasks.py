from celery import shared_task
from django.utils import timezone

from kucun.core.clock import run_time_services


@shared_task(name="kucun.core.tasks.time_services_tick")
def time_services_tick() -> None:
    """Beat calls this every 30 s: reservations, campaign states, … each idempotent."""
    run_time_services(now=timezone.now())
