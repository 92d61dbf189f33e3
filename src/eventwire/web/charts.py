"""Plotly figures for the dashboard, built server-side and handed to the page as JSON.

The page puts the JSON in a ``data-figure`` attribute (escaped like any
other text) and ``static/charts.js`` draws it with the locally served plotly.js.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

QUAD_COLUMNS = (
    ("verbal_cooperation", "verbal cooperation", "#7fbf7b"),
    ("material_cooperation", "material cooperation", "#1b7837"),
    ("verbal_conflict", "verbal conflict", "#f4a582"),
    ("material_conflict", "material conflict", "#b2182b"),
)
MAX_NETWORK_EDGES = 150  # beyond this a circle layout is unreadable


def dyad_figure(rows: pd.DataFrame, a: str, b: str) -> str:
    """Quad-class counts per period (stacked bars, both directions) and Goldstein sums per direction."""
    periods = rows.groupby("period", sort=True)[[c for c, _, _ in QUAD_COLUMNS]].sum()
    labels = [str(p)[:10] for p in periods.index]
    figure = go.Figure()
    for column, name, colour in QUAD_COLUMNS:
        figure.add_bar(x=labels, y=periods[column].tolist(), name=name, marker_color=colour)
    for direction, group in rows.groupby("direction", sort=True):
        figure.add_scatter(x=[str(p)[:10] for p in group["period"]], y=group["goldstein_sum"].tolist(),
                           name=f"Goldstein {direction}", mode="lines+markers", yaxis="y2")
    figure.update_layout(
        barmode="stack", title=f"{a} and {b}: events per period", height=420, margin={"t": 50, "r": 60},
        xaxis={"type": "category", "title": "period"}, yaxis={"title": "events"},
        yaxis2={"title": "Goldstein sum", "overlaying": "y", "side": "right", "zeroline": True, "rangemode": "tozero"},
        legend={"orientation": "h", "y": -0.2},
    )
    return figure.to_json()


def network_figure(edges: pd.DataFrame) -> str:
    """Countries on a circle; a line per directed tie, green when mostly cooperative, red otherwise."""
    edges = edges.head(MAX_NETWORK_EDGES)
    weight = pd.concat([edges.groupby("source_country")["n_events"].sum(),
                        edges.groupby("target_country")["n_events"].sum()]).groupby(level=0).sum()
    nodes = weight.sort_values(ascending=False).index.tolist()
    position = {node: _on_circle(i, len(nodes)) for i, node in enumerate(nodes)}
    figure = go.Figure()
    for edge in edges.itertuples():
        (x0, y0), (x1, y1) = position[edge.source_country], position[edge.target_country]
        colour = "#1b7837" if edge.cooperation >= edge.conflict else "#b2182b"
        figure.add_scatter(x=[x0, x1], y=[y0, y1], mode="lines", showlegend=False, hoverinfo="skip",
                           line={"color": colour, "width": 1 + math.log2(1 + edge.n_events)}, opacity=0.6)
    figure.add_scatter(
        x=[position[n][0] for n in nodes], y=[position[n][1] for n in nodes], mode="markers+text",
        text=nodes, textposition="top center", showlegend=False,
        marker={"size": [10 + 4 * math.sqrt(weight[n]) for n in nodes], "color": "#2c5d8f"},
        hovertext=[f"{n}: {int(weight[n])} events" for n in nodes], hoverinfo="text",
    )
    figure.update_layout(height=560, margin={"t": 30, "l": 20, "r": 20, "b": 20},
                         xaxis={"visible": False}, yaxis={"visible": False, "scaleanchor": "x"})
    return figure.to_json()


def _on_circle(index: int, count: int) -> tuple[float, float]:
    angle = 2 * math.pi * index / max(count, 1)
    return round(math.cos(angle), 4), round(math.sin(angle), 4)
