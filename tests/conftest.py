"""Settings for the whole test session, read before any test module imports the portal."""

import os

# The start-up warm-up (services/warmup.py) would compete with the tests for the two cores and change what
# caches hold while a test counts; its own test turns it on.
os.environ.setdefault("IMW_WARM_CACHE", "0")
