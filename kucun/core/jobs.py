"""Run a task after the current transaction commits: on Celery, in a thread, or at once.

``settings.KUCUN_TASKS`` picks the runner: production uses Celery, the demo runs work in a
background thread of the web process, and tests run it synchronously so they stay in control.
"""

from __future__ import annotations

import logging
import threading
from functools import partial
from typing import Any

from django.conf import settings
from django.db import close_old_connections, transaction

log = logging.getLogger(__name__)


def _run_in_thread(task: Any, args: tuple) -> None:
    def target() -> None:
        try:
            task(*args)
        except Exception:
            log.exception("background task %s failed", getattr(task, "name", task))
        finally:
            close_old_connections()

    threading.Thread(target=target, daemon=True).start()


def run_after_commit(task: Any, *args: Any) -> None:
    mode = settings.KUCUN_TASKS
    if mode == "celery":
        transaction.on_commit(partial(task.delay, *args))
    elif mode == "thread":
        transaction.on_commit(partial(_run_in_thread, task, args))
    else:
        transaction.on_commit(partial(task, *args))
