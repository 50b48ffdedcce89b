"""Load the demo once: a list of steps, each with its own "already there?" check.

Steps come from every installed app that has a ``demo`` module (or package) with a
``steps()`` function returning ``Step`` objects; they run in ``order``. Each step runs in its
own transaction and is skipped when its check says its data is there, so ``demo_load`` can run
on every ``make run`` and a step added later (say ``resellers``) still runs on an old demo.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from importlib import import_module

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.module_loading import module_has_submodule

from kucun.core.demo.data import DEMO_PASSWORD


@dataclass
class DemoContext:
    """What every step gets: the moment the demo is built for and a seeded random per topic."""

    now: datetime
    scale: int = 100  # percent of the full demo's products; the test may load less
    log: Callable[[str], None] = print
    _password_hash: str = ""
    cache: dict = field(default_factory=dict)

    def rng(self, topic: str) -> random.Random:
        """The same numbers on every run: each topic has its own fixed seed."""
        return random.Random(f"kucun-demo:{topic}")

    @property
    def password_hash(self) -> str:
        # Hashing is slow on purpose; every demo account shares the one password.
        if not self._password_hash:
            self._password_hash = make_password(DEMO_PASSWORD)
        return self._password_hash


@dataclass(frozen=True)
class Step:
    name: str
    order: int
    done: Callable[[], bool]
    run: Callable[[DemoContext], str]  # returns a one-line summary


@dataclass(frozen=True)
class StepResult:
    name: str
    ran: bool
    summary: str
    seconds: float


def discover_steps() -> list[Step]:
    """Every installed app's demo steps, in order."""
    steps: list[Step] = []
    for config in apps.get_app_configs():
        if not module_has_submodule(config.module, "demo"):
            continue
        module = import_module(f"{config.name}.demo")
        if hasattr(module, "steps"):
            steps.extend(module.steps())
    return sorted(steps, key=lambda step: (step.order, step.name))


def demo_load(*, ctx: DemoContext, steps: list[Step] | None = None) -> list[StepResult]:
    """Run every step whose data is not there yet; a step that fails leaves nothing behind."""
    results = []
    for step in steps if steps is not None else discover_steps():
        started = time.perf_counter()
        if step.done():
            results.append(StepResult(step.name, False, "", 0.0))
            continue
        with transaction.atomic():
            summary = step.run(ctx)
        results.append(StepResult(step.name, True, summary, time.perf_counter() - started))
        ctx.log(f"  {step.name}: {summary} ({time.perf_counter() - started:.1f}s)")
    return results
