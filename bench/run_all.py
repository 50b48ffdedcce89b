"""`make bench`: run every bench/bench_*.py in turn; each prints its figures beside its
reference and records them in var/bench/results.json."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    failed = []
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"\n== {script.name} ==", flush=True)
        if subprocess.call([sys.executable, str(script)], cwd=HERE.parent) != 0:
            failed.append(script.name)
    results = HERE.parent / "var" / "bench" / "results.json"
    print(f"\nresults: {results}")
    if results.exists():
        print(results.read_text())
    if failed:
        print("failed:", ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
