"""What the displacement watch shows besides its chart: a table of shares and signals, and the notable changes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from dash import html

from components.shell.dom import attributes
from data.monitoring.displacement import notable_rows
from data.monitoring.frames import flag_label
from i18n import t
from i18n.formats import format_number, format_percent


def _share(value: Any) -> str:
    return "–" if value is None or pd.isna(value) else format_percent(float(value), 1)


def _signals(row: Mapping[str, Any], language: str) -> str:
    signals = []
    if row["under"]:
        signals.append(t("displacement.signal.under", language))
    if row["fall"]:
        signals.append(t("displacement.signal.fall", language))
    return ", ".join(signals)


def WatchTable(
    watch: pd.DataFrame,
    *,
    caption: str,
    language: str,
    category_labels: Mapping[str, str] | None = None,
) -> html.Div:
    """One row per year and group: share in IMW, share in the target population, ratio, signal."""
    if watch.empty:
        return html.Div(html.P(t("table.empty", language)))
    labels = dict(category_labels or {})
    header = html.Thead(
        html.Tr(
            [
                html.Th(t("table.period", language), scope="col"),
                html.Th(t("displacement.table.group", language), scope="col"),
                html.Th(t("displacement.table.imw", language), scope="col", className="text-end"),
                html.Th(t("displacement.table.target", language), scope="col", className="text-end"),
                html.Th(t("displacement.table.ratio", language), scope="col", className="text-end"),
                html.Th(t("displacement.table.signal", language), scope="col"),
            ]
        )
    )
    rows = []
    for row in watch.sort_values(["year", "category"]).to_dict("records"):
        flag = row["flag"]
        share: list[Any] = [_share(row["imw_share"])]
        if flag:
            share += [" ", html.Abbr(f"({flag})", title=flag_label(flag, language), className="flag-code")]
        rows.append(
            html.Tr(
                [
                    html.Th(str(row["year"]), scope="row"),
                    html.Td(labels.get(row["category"], row["category"])),
                    html.Td(share, className="text-end"),
                    html.Td(_share(row["target_share"]), className="text-end"),
                    html.Td(
                        "–"
                        if row["ratio"] is None or pd.isna(row["ratio"])
                        else format_number(row["ratio"], 2),
                        className="text-end",
                    ),
                    html.Td(
                        _signals(row, language),
                        className="fw-semibold" if row["under"] or row["fall"] else "",
                    ),
                ]
            )
        )
    return html.Div(
        html.Table(
            [html.Caption(caption, className="caption-top"), header, html.Tbody(rows)],
            className="table table-sm table-striped indicator-table mb-1",
        ),
        className="table-responsive",
        tabIndex="0",
        role="region",
        **attributes({"aria-label": caption}),
    )


def notable_sentences(
    watch: pd.DataFrame, language: str, category_labels: Mapping[str, str] | None = None
) -> list[str]:
    """One sentence per notable change, latest year first."""
    labels = dict(category_labels or {})
    sentences = []
    for row in notable_rows(watch).to_dict("records"):
        name = labels.get(row["category"], row["category"])
        if row["under"]:
            sentences.append(
                t("displacement.notable.under", language).format(
                    year=row["year"],
                    category=name,
                    share=_share(row["imw_share"]),
                    target=_share(row["target_share"]),
                    ratio=format_number(row["ratio"], 2),
                )
            )
        if row["fall"]:
            before = row["imw_share"] - row["change_points"] / 100
            sentences.append(
                t("displacement.notable.fall", language).format(
                    year=row["year"],
                    category=name,
                    points=format_number(abs(row["change_points"]), 1),
                    before=_share(before),
                    share=_share(row["imw_share"]),
                )
            )
    return sentences


def notable_summary(watch: pd.DataFrame, language: str) -> str:
    """One sentence for the chart summary: how many groups stand out in the latest year shown."""
    flagged = notable_rows(watch)
    if watch.empty:
        return ""
    latest = int(watch["year"].max())
    count = int((flagged["year"] == latest).sum()) if not flagged.empty else 0
    if count == 0:
        return t("displacement.summary.none", language).format(year=latest)
    key = "displacement.summary.one" if count == 1 else "displacement.summary.some"
    return t(key, language).format(year=latest, count=count)


def NotableChanges(
    watch: pd.DataFrame,
    *,
    language: str,
    category_labels: Mapping[str, str] | None = None,
    heading_id: str,
) -> html.Section:
    """The notable changes as a list under the chart (shown in both views)."""
    sentences = notable_sentences(watch, language, category_labels)
    body: Any = (
        html.Ul([html.Li(sentence) for sentence in sentences], className="mb-0")
        if sentences
        else html.P(t("displacement.notable.none", language), className="mb-0")
    )
    return html.Section(
        [html.H3(t("displacement.notable", language), id=heading_id, className="h6"), body],
        className="notable-changes border-start border-4 border-warning ps-3 my-3",
        **attributes({"aria-labelledby": heading_id}),
    )
