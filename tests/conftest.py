"""Settings for the whole test session, read before any test module imports the portal."""

import os

# The start-up warm-up (services/warmup.py) would compete with the tests for the two cores and change what
# caches hold while a test counts; its own test turns it on.
os.environ.setdefault("IMW_WARM_CACHE", "0")

# vulture's whitelist names what vulture cannot see used; it is read by vulture, never imported (nor doctested).
collect_ignore = ["vulture_whitelist.py"]
