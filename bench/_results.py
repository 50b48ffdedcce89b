"""Benchmarks record their figures in var/bench/results.json ({"key": number, ...})."""

from __future__ import annotations

import json
from pathlib import Path

RESULTS = Path(__file__).resolve().parent.parent / "var" / "bench" / "results.json"


def record(**figures: float) -> None:
    """Merge ``figures`` into the results file (other scripts' keys are kept)."""
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    data.update({key: round(float(value), 3) for key, value in figures.items()})
    RESULTS.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")
