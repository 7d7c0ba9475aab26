"""No dead code: vulture finds no unused function, class, variable, attribute or import in the portal.

The same command runs in `make lint`. A name vulture cannot see used (a callback registered by its decorator, a
Flask view, a click command, a dataclass field read by name elsewhere) goes into tests/vulture_whitelist.py, with
a comment that says why it is used. Code that only the tests call belongs in the tests.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: What vulture reads: the portal's code, and the whitelist of names used where vulture cannot see it.
PATHS = (
    "app.py",
    "cli",
    "components",
    "data",
    "i18n",
    "pages",
    "services",
    "simulation",
    "tests/vulture_whitelist.py",
)
MIN_CONFIDENCE = 60


def test_vulture_finds_no_dead_code():
    pytest.importorskip("vulture")
    result = subprocess.run(
        [sys.executable, "-m", "vulture", *PATHS, "--min-confidence", str(MIN_CONFIDENCE)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    findings = result.stdout.strip()
    assert result.returncode == 0 and not findings, (
        "vulture found code nothing uses; remove it, or add the name to tests/vulture_whitelist.py with why it is "
        f"used (exit code {result.returncode}):\n{findings}\n{result.stderr.strip()}"
    )
