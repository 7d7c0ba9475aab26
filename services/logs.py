"""Logs that cannot be forged or flooded.

- **One line per event**: a message and its traceback (for a real server error) are written on one line, line
  breaks and every other control character escaped (``\\n``, ``\\x1b``), so a value with a newline cannot start a
  forged ``ERROR:imw.server:`` line.
- **Long values cut**: a line is cut at `MAX_LINE_CHARS` characters, with the number left out.
- **Repeated errors rate-limited**: the same message template from the same logger is written at most `BURST`
  times per `WINDOW_SECONDS`; then one line says how many were left out.

`install` puts this on the root logger (the portal, Flask, Werkzeug) and gunicorn's loggers.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Final

MAX_LINE_CHARS: Final = 2000
BURST: Final = 20
WINDOW_SECONDS: Final = 60.0
FORMAT: Final = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def escape_controls(text: str) -> str:
    """`text` with every control character (line breaks, tabs, ESC, DEL, C1) written as an escape."""
    if text.isprintable():
        return text
    return "".join(
        character if character.isprintable() else character.encode("unicode_escape").decode("ascii")
        for character in text
    )


def one_line(text: str, limit: int = MAX_LINE_CHARS) -> str:
    """`text` cut at `limit` characters (before escaping, so the cut is cheap), then escaped to one line."""
    if len(text) > limit:
        text = text[:limit] + f"… [{len(text) - limit:,} characters cut]"
    return escape_controls(text)


class OneLineFormatter(logging.Formatter):
    """Every record on one line, escaped and cut; a traceback (if any) follows on the same line."""

    def __init__(self, fmt: str = FORMAT) -> None:
        super().__init__(fmt)

    def format(self, record: logging.LogRecord) -> str:
        try:
            message = record.getMessage()
        except Exception:  # a message whose arguments do not fit its template
            message = f"{record.msg!r:.200} (arguments did not fit)"
        shown = logging.LogRecord(
            record.name, record.levelno, record.pathname, record.lineno, one_line(message), None, None
        )
        shown.created, shown.msecs, shown.relativeCreated = (
            record.created,
            record.msecs,
            record.relativeCreated,
        )
        shown.process, shown.thread, shown.threadName = record.process, record.thread, record.threadName
        line = super().format(shown)
        if record.exc_info:
            line += " | " + one_line(self.formatException(record.exc_info), MAX_LINE_CHARS * 4)
        return line


class RateLimit(logging.Filter):
    """At most `burst` records of one template per logger and window; then one line with the count left out."""

    def __init__(self, burst: int = BURST, window_seconds: float = WINDOW_SECONDS) -> None:
        super().__init__()
        self._burst = burst
        self._window = window_seconds
        self._seen: dict[tuple[str, str], list[float]] = {}  # key: [window start, count, suppressed]
        self._lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        key = (record.name, str(record.msg)[:200])
        now = time.monotonic()
        with self._lock:
            state = self._seen.get(key)
            if state is None or now - state[0] > self._window:
                suppressed = int(state[2]) if state else 0
                self._seen[key] = [now, 1, 0]
                if len(self._seen) > 10_000:  # bounded itself: forget the oldest templates
                    for old in sorted(self._seen, key=lambda k: self._seen[k][0])[:5000]:
                        del self._seen[old]
                if suppressed:
                    record.msg = f"{record.msg} [{suppressed} like this left out in the last window]"
                return True
            state[1] += 1
            if state[1] <= self._burst:
                return True
            state[2] += 1
            return False


_installed = threading.Lock()


def install(level: str = "INFO") -> None:
    """Put the one-line formatter and the rate limit on the root logger's handler (one handler, stderr)."""
    with _installed:
        root = logging.getLogger()
        handler = next((h for h in root.handlers if getattr(h, "_imw", False)), None)
        if handler is None:
            handler = logging.StreamHandler()
            handler._imw = True  # type: ignore[attr-defined]
            handler.setFormatter(OneLineFormatter())
            handler.addFilter(RateLimit())
            for old in list(root.handlers):
                if type(old) is logging.StreamHandler and not getattr(old, "_imw", False):
                    root.removeHandler(old)
            root.addHandler(handler)
        root.setLevel(level)
        for name in ("gunicorn.error", "gunicorn.access"):
            logger = logging.getLogger(name)
            for other in logger.handlers:
                other.setFormatter(OneLineFormatter(other.formatter._fmt if other.formatter else FORMAT))  # type: ignore[arg-type]
                if not any(isinstance(f, RateLimit) for f in other.filters):
                    other.addFilter(RateLimit())
