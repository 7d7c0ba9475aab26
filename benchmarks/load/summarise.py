"""Summarise locust's CSV statistics: p50, p95 and requests per second for pages and for callbacks."""

from __future__ import annotations

import csv
import sys
from pathlib import Path


def main() -> None:
    stats = Path(sys.argv[1] + "_stats.csv")
    rows = list(csv.DictReader(stats.open(encoding="utf-8")))
    print("| requests | count | failures | p50 ms | p95 ms | requests/s |")
    print("|---|---:|---:|---:|---:|---:|")
    failures = 0
    for row in rows:
        failures += int(row["Failure Count"]) if row["Name"] == "Aggregated" else 0
        print(
            f"| {row['Name']} | {row['Request Count']} | {row['Failure Count']} | {row['50%']} | {row['95%']} "
            f"| {float(row['Requests/s']):.1f} |"
        )
    if failures:
        raise SystemExit(f"{failures} requests failed under load")


if __name__ == "__main__":
    main()
