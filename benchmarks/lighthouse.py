"""Lighthouse over every page of the portal, desktop and mobile: `make lighthouse` (issue 11).

Runs npm's ``lighthouse`` (12, installed by ``npm ci`` from package-lock.json) with Debian's chromium against a
portal that is already serving (``make lighthouse`` starts ``make serve`` on a free loopback port for it).
Scores move a few points between runs on the shared cores: each page and form factor is run ``--runs`` times
(2 by default) and the lower score of each category is kept, as ../shared/TOOLING.md advises.

Prints one line per page and form factor:

    lighthouse: page=/simulator form=mobile performance=P accessibility=A best-practices=B fcp=… lcp=… tbt=… cls=… si=…

and, with ``--markdown FILE``, the same as a table for docs/performance.md. Exit code 1 when a page misses a
target (performance >= 95 desktop and >= 85 mobile, accessibility 100, best practices 100), so that the command
says plainly whether the targets hold.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from portal_server import PAGES  # noqa: E402  (the pages every benchmark measures)

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
FORM_FACTORS = ("desktop", "mobile")
CATEGORIES = ("performance", "accessibility", "best-practices")
TARGETS = {
    ("desktop", "performance"): 95,
    ("mobile", "performance"): 85,
    ("desktop", "accessibility"): 100,
    ("mobile", "accessibility"): 100,
    ("desktop", "best-practices"): 100,
    ("mobile", "best-practices"): 100,
}
METRICS = {
    "fcp": "first-contentful-paint",
    "lcp": "largest-contentful-paint",
    "tbt": "total-blocking-time",
    "cls": "cumulative-layout-shift",
    "si": "speed-index",
}
ATTEMPTS = 3
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-dev-shm-usage"


class LighthouseFailed(RuntimeError):
    """Lighthouse could not measure a page (the page is reported as failed, the others are measured)."""


def run_once(url: str, form_factor: str) -> dict[str, Any]:
    """One Lighthouse run; its report (categories and audits)."""
    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("Debian's chromium is not installed (apt-get install chromium)")
    if not LIGHTHOUSE.exists():
        raise SystemExit("lighthouse is not installed: run `npm ci` in the repository (make lighthouse does)")
    with tempfile.TemporaryDirectory(prefix="imw-lighthouse-") as folder:
        report = Path(folder) / "report.json"
        command = [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ]
        if form_factor == "desktop":
            command.append("--preset=desktop")
        environment = {**os.environ, "CHROME_PATH": chromium}
        for attempt in range(ATTEMPTS):
            # Lighthouse sometimes loses the trace on a busy machine (NO_NAVSTART): the run is tried again.
            done = subprocess.run(command, env=environment, stdout=subprocess.DEVNULL, timeout=300)
            if done.returncode == 0 and report.exists():
                return json.loads(report.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
            print(f"lighthouse failed on {url} (attempt {attempt + 1} of {ATTEMPTS})", file=sys.stderr)
        raise LighthouseFailed(f"lighthouse failed {ATTEMPTS} times on {url}")


def summarise(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """The lower score of each category over the runs, and the metrics of the run with the lower performance."""
    scores = {
        category: min(round(100 * (report["categories"][category]["score"] or 0)) for report in reports)
        for category in CATEGORIES
    }
    worst = min(reports, key=lambda report: report["categories"]["performance"]["score"] or 0)
    metrics = {}
    for short, audit in METRICS.items():
        value = worst["audits"][audit]["numericValue"]
        metrics[short] = f"{value:.3f}" if short == "cls" else f"{value / 1000:.2f}s"
    failing = [
        f"{audit['id']}"
        for category in ("accessibility", "best-practices")
        for ref in worst["categories"][category]["auditRefs"]
        if ref["weight"] and (audit := worst["audits"][ref["id"]])["score"] not in (None, 1)
    ]
    return {"scores": scores, "metrics": metrics, "failing": failing}


def warm(url: str, pages: list[str]) -> None:
    """Open every page once (both languages), as the crowd's first visitors would: what is measured is a
    serving portal, not its first request after a start."""
    for page in pages:
        for query in ("", "?lang=en"):
            with urllib.request.urlopen(
                url.rstrip("/") + page + query, timeout=60
            ) as response:  # loopback only
                response.read()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("url", help="the portal's base address (loopback), e.g. http://127.0.0.1:8050")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--pages", nargs="*", default=list(PAGES))
    parser.add_argument("--form-factors", nargs="*", default=list(FORM_FACTORS), choices=FORM_FACTORS)
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    args = parser.parse_args()
    host = urlsplit(args.url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"lighthouse runs against loopback only, not {host}")
    warm(args.url, args.pages)
    rows, missed = [], []
    for page in args.pages:
        for form_factor in args.form_factors:
            try:
                reports = [
                    run_once(args.url.rstrip("/") + page, form_factor) for _ in range(max(1, args.runs))
                ]
            except LighthouseFailed as error:
                print(f"lighthouse: page={page} form={form_factor} failed ({error})", flush=True)
                missed.append(f"{page} {form_factor}: not measured")
                continue
            summary = summarise(reports)
            scores, metrics = summary["scores"], summary["metrics"]
            line = f"lighthouse: page={page} form={form_factor} " + " ".join(
                [f"{category}={scores[category]}" for category in CATEGORIES]
                + [f"{name}={value}" for name, value in metrics.items()]
            )
            if summary["failing"]:
                line += " failing=" + ",".join(summary["failing"])
            print(line, flush=True)
            rows.append((page, form_factor, scores, metrics))
            missed += [
                f"{page} {form_factor} {category} {scores[category]} < {TARGETS[(form_factor, category)]}"
                for category in CATEGORIES
                if scores[category] < TARGETS[(form_factor, category)]
            ]
    if args.markdown:
        lines = [
            "| page | form factor | performance | accessibility | best practices | FCP | LCP | TBT | CLS | SI |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for page, form_factor, scores, metrics in rows:
            lines.append(
                f"| {page} | {form_factor} | {scores['performance']} | {scores['accessibility']} | "
                f"{scores['best-practices']} | {metrics['fcp']} | {metrics['lcp']} | {metrics['tbt']} | "
                f"{metrics['cls']} | {metrics['si']} |"
            )
        args.markdown.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if missed:
        print("targets missed:\n  " + "\n  ".join(missed))
        sys.exit(1)


if __name__ == "__main__":
    main()
