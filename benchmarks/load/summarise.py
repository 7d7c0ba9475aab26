"""Summarise locust's CSV statistics per kind of request: count, failures, p50, p95, requests per second, and
whether the targets of issue 11 hold (exit code 1 when a request failed or a target is missed)."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

#: p95 targets [ms] per kind of request (issue 11, 100 users for 60 s on the 2-core reference machine).
TARGETS = {
    "page": 300,
    "page content": 300,
    "dash layout": 300,
    "dash dependencies": 300,
    "callback monitoring": 500,
    "callback simulator": 1000,
}


def main() -> None:
    stats = Path(sys.argv[1] + "_stats.csv")
    rows = list(csv.DictReader(stats.open(encoding="utf-8")))
    print("| requests | count | failures | p50 ms | p95 ms | requests/s | p95 target ms |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    failures, missed = 0, []
    for row in rows:
        name = row["Name"]
        target = TARGETS.get(name)
        failures += int(row["Failure Count"]) if name == "Aggregated" else 0
        p95 = float(row["95%"]) if row["95%"] not in ("", "N/A") else 0.0
        if target is not None and p95 > target:
            missed.append(f"{name}: p95 {p95:.0f} ms > {target} ms")
        print(
            f"| {name} | {row['Request Count']} | {row['Failure Count']} | {row['50%']} | {row['95%']} "
            f"| {float(row['Requests/s']):.1f} | {target or ''} |"
        )
    if missed:
        print("targets missed: " + "; ".join(missed))
    else:
        print("targets met: every p95 within its target")
    if failures:
        raise SystemExit(f"{failures} requests failed under load")
    if missed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
