"""The time-driven services, in one list: each is an idempotent function of ``now``.

Celery beat (production) and the demo ticker both call ``run_time_services``; tests call the
individual services with the ``now`` they want.
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.utils.module_loading import import_string

log = logging.getLogger(__name__)

TIME_SERVICES = [
    "kucun.campaigns.services.campaigns_advance",
    "kucun.catalog.services.imports_fail_stale",
]


def run_time_services(*, now: datetime) -> None:
    for dotted in TIME_SERVICES:
        import_string(dotted)(now=now)
