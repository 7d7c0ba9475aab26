"""Benchmark of the projection engine (issue: projection engine). Run with `make bench`.

Times the model alone (inputs are built once, outside the timing): one deterministic 12-year projection, and one
Monte Carlo run of 1,000 joint draws (drawing included). Prints the medians and ends with one line:

    bench: deterministic_ms=X montecarlo_ms=Y ratio=Z

Targets on the 2-core reference machine (model 2.0.0, every assumption drawn): X < 5, Y < 150, Z < 50 (the draws
are vectorised, not looped). BLAS runs on one thread, as in the portal's processes.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy: small products run fastest on one thread

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from data.scenario.inputs import build_inputs
from data.scenario.schema import Scenario, build_distributions
from simulation import monte_carlo, project


def median_ms(function: Callable[[], object], repeats: int, warmup: int = 2) -> float:
    for _ in range(warmup):
        function()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    scenario = Scenario(horizon_years=12)
    inputs = build_inputs(scenario)
    distributions = build_distributions(scenario)
    deterministic = median_ms(lambda: project(inputs), repeats=200)
    montecarlo = median_ms(lambda: monte_carlo(inputs, distributions, n_draws=1000, seed=1), repeats=25)
    build = median_ms(lambda: build_inputs(scenario), repeats=50)
    print(f"inputs from parameters (not in the figures below): {build:.2f} ms")
    print(f"deterministic 12-year projection (from July 2023), median of 200: {deterministic:.2f} ms")
    print(f"Monte Carlo, 1,000 draws, 12 years, median of 25: {montecarlo:.1f} ms")
    ratio = montecarlo / deterministic
    print(f"bench: deterministic_ms={deterministic:.2f} montecarlo_ms={montecarlo:.1f} ratio={ratio:.1f}")


if __name__ == "__main__":
    main()
