"""The funding-history chart in the README: money raised per round and the valuation
stated for it, drawn from the published rounds table.

Deterministic SVG (committed, and checked by CI like data/): no date or version in the
metadata, a fixed hash salt for element ids, text kept as text. Amounts are never
converted between currencies: one panel per currency. Rounds are placed in date order,
one slot each, labelled with the date as precise as the source gives it (a partial date
is not turned into a day)."""

from __future__ import annotations

import hashlib
import io
import json
import textwrap
from pathlib import Path

CHART = Path("docs") / "funding-history.svg"
RC = {"svg.hashsalt": "sensetime-dataset", "svg.fonttype": "none",
      "font.family": "DejaVu Sans", "font.size": 9}
METADATA = {"Date": None, "Creator": "sensetime-dataset chart", "Format": None}
UNIT, UNIT_NAME = 1e6, "millions"


def funding_rows(rounds: list[dict]) -> list[dict]:
    """Rounds with a date and an amount or a valuation, in date order."""
    rows = [r for r in rounds
            if r.get("date") and (r.get("amount") is not None or r.get("valuation") is not None)]
    return sorted(rows, key=lambda r: (r["date"], r["round_id"]))


def chart_svg(rows: list[dict]) -> bytes:
    import matplotlib

    matplotlib.use("Agg")   # no display, same output everywhere
    from matplotlib.figure import Figure

    currencies = sorted({r["currency"] for r in rows if r.get("currency")}) or ["?"]
    with matplotlib.rc_context(RC):
        fig = Figure(figsize=(8, 3.2 * len(currencies)), layout="constrained")
        axes = fig.subplots(len(currencies), 1, squeeze=False)[:, 0]
        for ax, currency in zip(axes, currencies):
            _panel(ax, [r for r in rows if (r.get("currency") or "?") == currency], currency)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="svg", metadata=METADATA)
    return buffer.getvalue()


def _panel(ax, rows: list[dict], currency: str) -> None:
    xs = range(len(rows))
    amounts = [r["amount"] / UNIT if r.get("amount") is not None else 0 for r in rows]
    bars = ax.bar(xs, amounts, color="#4878a8", label="amount raised")
    ax.bar_label(bars, labels=[f"{a:,.0f}" if r.get("amount") is not None else "n/a"
                               for a, r in zip(amounts, rows)], padding=2)
    valued = [(x, r["valuation"] / UNIT, r.get("valuation_qualifier"))
              for x, r in zip(xs, rows) if r.get("valuation") is not None]
    if valued:
        vx, vy, _ = zip(*valued)
        ax.plot(vx, vy, "D--", color="#c0504d", label="stated valuation (> : a lower bound)")
        for x, y, qualifier in valued:
            bound = "> " if qualifier == "more-than" else ""
            ax.annotate(f"{bound}{y:,.0f}", (x, y), textcoords="offset points", xytext=(0, 6),
                        ha="center", color="#c0504d")
    # Long round names (the IPO's) are wrapped so that labels do not overlap.
    ax.set_xticks(list(xs), [f"{textwrap.fill(r['round_name'], 22)}\n{r['date']}" for r in rows])
    ax.set_ylabel(f"{currency}, {UNIT_NAME}")
    ax.set_ylim(0, max([*amounts, *(v for _, v, _ in valued), 1]) * 1.15)
    ax.set_title(f"Funding rounds and stated valuations ({currency})")
    ax.legend(loc="upper left", frameon=False)
    ax.spines[["top", "right"]].set_visible(False)


def _key(rows: list[dict]) -> str:
    """What the chart depends on: its rows and this module's code."""
    data = json.dumps(rows, sort_keys=True, default=str).encode("utf-8")
    return hashlib.sha256(data + Path(__file__).read_bytes()).hexdigest()


def update_chart(project, rounds: list[dict]) -> Path:
    """Redraw docs/funding-history.svg if its rows or this code changed since it was drawn
    (matplotlib costs a third of a second to import: a rebuild that changes no round
    does not pay it). The key of the last drawing is kept in build/."""
    path = project.root / CHART
    stamp = project.build_dir / "chart.key"
    rows = funding_rows(rounds)
    key = _key(rows)
    if path.is_file() and stamp.is_file() and stamp.read_text().split() == \
            [key, hashlib.sha256(path.read_bytes()).hexdigest()]:
        return path
    svg = chart_svg(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(svg)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(f"{key} {hashlib.sha256(svg).hexdigest()}\n")
    return path
