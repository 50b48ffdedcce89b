"""Sending SMS codes: one small interface, a backend chosen by ``settings.SMS_BACKEND``.

``"console"`` (the default) logs the message and keeps it in ``OUTBOX`` so the dev pages and the
tests can read the code; a real gateway (Aliyun, Tencent Cloud SMS) is another class with the same
``send`` method, named by its dotted path in ``SMS_BACKEND``. The setting is read at call time.
"""

from __future__ import annotations

import logging
from collections import deque
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SentSms:
    phone: str
    text: str
    code: str


# The last messages the console backend "sent", newest last (per process; dev and tests only).
OUTBOX: deque[SentSms] = deque(maxlen=200)


class SmsSender(Protocol):
    def send_code(self, *, phone: str, code: str, text: str) -> None:
        """Deliver ``text`` (which contains ``code``) to ``phone``; raise on failure."""


class ConsoleSmsSender:
    """Development backend: nothing leaves the machine; the code is logged and kept."""

    def send_code(self, *, phone: str, code: str, text: str) -> None:
        OUTBOX.append(SentSms(phone=phone, text=text, code=code))
        log.info("SMS to %s: %s", phone, text)


BACKENDS = {"console": ConsoleSmsSender}


def get_sms_sender() -> SmsSender:
    name = getattr(settings, "SMS_BACKEND", "console") or "console"
    cls = BACKENDS.get(name) or import_string(name)
    return cls()


def last_code_sent(phone: str) -> str | None:
    """The newest code the console backend sent to ``phone`` (dev hint, tests)."""
    for sms in reversed(OUTBOX):
        if sms.phone == phone:
            return sms.code
    return None
