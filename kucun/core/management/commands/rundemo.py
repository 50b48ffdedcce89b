"""Serve the demo: the web server plus an in-process ticker for the time-driven services.

Production runs the same service functions from Celery beat (see ``kucun.celery``); the
demo needs no broker, so a thread calls them every ``--tick`` seconds.
"""

import logging
import threading
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from kucun.core.clock import run_time_services

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run the demo web server with the in-process time ticker."

    def add_arguments(self, parser) -> None:
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--tick", type=float, default=15.0)

    def handle(self, *args, addrport: str, tick: float, **options) -> None:
        def ticker() -> None:
            while True:
                try:
                    run_time_services(now=timezone.now())
                except Exception:
                    log.exception("time services failed")
                finally:
                    close_old_connections()
                time.sleep(tick)

        threading.Thread(target=ticker, daemon=True, name="kucun-ticker").start()
        self.stdout.write(self.style.SUCCESS(f"Kucun demo on http://{addrport}/"))
        call_command("runserver", addrport, use_reloader=False)
