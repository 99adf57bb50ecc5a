"""Charts of published money, declared once (`CHARTS`) and drawn as one SVG for both the
README (docs/<name>.svg, by the build) and the site (the front page, by `serve`).

Deterministic SVG (committed, and checked by CI like data/): no date or version in the
metadata, a fixed hash salt for element ids, text kept as text. Amounts are never
converted between currencies: one panel (one axis) per currency. Rows are placed in date
order, one labelled slot each, with the date as precise as the source gives it (a
partial date is not turned into a day). A value whose qualifier says it is a bound is
marked (">" and an open marker). Rows with money but no date are listed beside the
chart rather than dropped. What a column is (its currency, its qualifier) comes from
the table's schema annotations (`unit`, `qualifies`)."""

from __future__ import annotations

import hashlib
import io
import json
import textwrap
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Chart:
    name: str                # docs/<name>.svg
    table: str
    title: str
    label: str               # the column naming a row on the axis
    date: str
    bars: tuple = ()         # money columns drawn as labelled bars
    points: tuple = ()       # money columns drawn as labelled points


# A valuation history, once published, is one more entry: Chart("valuation-history",
# "valuations", ..., points=("valuation",)).
CHARTS = (
    Chart("funding-history", "rounds", "Funding rounds and stated valuations",
          label="round_name", date="date", bars=("amount",), points=("valuation",)),
)
CHART = Path("docs") / f"{CHARTS[0].name}.svg"
# How a qualifier value reads in front of its number (the values of `qualifies` columns).
BOUND_SIGNS = {"more-than": "> ", "less-than": "< "}
RC = {"svg.hashsalt": "sensetime-dataset", "svg.fonttype": "none",
      "font.family": "DejaVu Sans", "font.size": 9}
METADATA = {"Date": None, "Creator": "sensetime-dataset chart", "Format": None}
UNIT, UNIT_NAME = 1e6, "millions"


def currency_column(schema: dict, column: str) -> str | None:
    return next((f.get("unit") for f in schema["fields"] if f["name"] == column), None)


def qualifier_column(schema: dict, column: str) -> str | None:
    return next((f["name"] for f in schema["fields"] if f.get("qualifies") == column), None)


def chart_rows(chart: Chart, rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """(dated rows in date order, undated rows) that have a value to draw."""
    columns = (*chart.bars, *chart.points)
    with_money = [r for r in rows if any(r.get(c) is not None for c in columns)]
    dated = sorted((r for r in with_money if r.get(chart.date)),
                   key=lambda r: (r[chart.date], r[chart.label]))
    return dated, sorted((r for r in with_money if not r.get(chart.date)),
                         key=lambda r: r[chart.label])


def chart_svg(chart: Chart, schema: dict, rows: list[dict], description: str = "") -> bytes:
    import matplotlib

    matplotlib.use("Agg")   # no display, same output everywhere
    from matplotlib.figure import Figure

    money = (*chart.bars, *chart.points)
    currency = currency_column(schema, money[0])
    dated, undated = chart_rows(chart, rows)
    currencies = sorted({r.get(currency) or "?" for r in dated + undated}) or ["?"]
    with matplotlib.rc_context(RC):
        fig = Figure(figsize=(10, 3.4 * len(currencies)), layout="constrained")
        axes = fig.subplots(len(currencies), 2, squeeze=False, width_ratios=[3, 1])
        for (ax, side), code in zip(axes, currencies):
            _panel(ax, chart, schema, [r for r in dated if (r.get(currency) or "?") == code],
                   code)
            _undated(side, chart, schema, [r for r in undated
                                           if (r.get(currency) or "?") == code], code)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="svg",
                    metadata=dict(METADATA, Description=description or None))
    return buffer.getvalue()


def _number(chart, schema, row, column) -> str:
    qualifier = qualifier_column(schema, column)
    sign = BOUND_SIGNS.get(row.get(qualifier), "") if qualifier else ""
    return f"{sign}{row[column] / UNIT:,.0f}"


def _panel(ax, chart: Chart, schema: dict, rows: list[dict], currency: str) -> None:
    xs = list(range(len(rows)))
    width = 0.8 / max(len(chart.bars), 1)
    for i, column in enumerate(chart.bars):
        heights = [r[column] / UNIT if r.get(column) is not None else 0 for r in rows]
        bars = ax.bar([x + (i - (len(chart.bars) - 1) / 2) * width for x in xs], heights,
                      width=width, color="#4878a8", label=_title(schema, column))
        ax.bar_label(bars, labels=[_number(chart, schema, r, column)
                                   if r.get(column) is not None else "not stated"
                                   for r in rows], padding=2)
    tops = [r[c] / UNIT for r in rows for c in (*chart.bars, *chart.points)
            if r.get(c) is not None]
    for column in chart.points:
        qualifier = qualifier_column(schema, column)
        shown = [(x, r) for x, r in zip(xs, rows) if r.get(column) is not None]
        for bound in (False, True):
            part = [(x, r) for x, r in shown
                    if bool(qualifier and r.get(qualifier) in BOUND_SIGNS) == bound]
            if not part:
                continue
            ax.scatter([x for x, _ in part], [r[column] / UNIT for _, r in part],
                       marker="^" if bound else "D", s=40, color="#c0504d",
                       facecolors="none" if bound else "#c0504d",
                       label=f"{_title(schema, column)}" + (" (lower bound)" if bound else ""))
            for x, r in part:
                ax.annotate(_number(chart, schema, r, column), (x, r[column] / UNIT),
                            textcoords="offset points", xytext=(0, 7), ha="center",
                            color="#c0504d")
    ax.set_xticks(xs, [f"{textwrap.fill(r[chart.label], 22)}\n{r[chart.date]}" for r in rows])
    ax.set_ylabel(f"{currency}, {UNIT_NAME}")
    ax.set_ylim(0, max([*tops, 1]) * 1.2)
    ax.set_title(f"{chart.title} ({currency}, dated)")
    ax.legend(loc="upper left", frameon=False)
    ax.spines[["top", "right"]].set_visible(False)


def _undated(ax, chart: Chart, schema: dict, rows: list[dict], currency: str) -> None:
    """The rows no source dates, listed as text beside the chart they cannot be placed on."""
    ax.axis("off")
    lines = [f"Not dated by any source ({currency}, {UNIT_NAME}):"] if rows else \
        [f"Every {currency} row is dated."]
    for r in rows:
        lines.append(textwrap.fill(r[chart.label], 30))
        lines += [f"  {_title(schema, c)}: {_number(chart, schema, r, c)}"
                  for c in (*chart.bars, *chart.points) if r.get(c) is not None]
    ax.text(0, 1, "\n".join(lines), va="top", ha="left", transform=ax.transAxes)


def _title(schema: dict, column: str) -> str:
    field = next(f for f in schema["fields"] if f["name"] == column)
    return field.get("title", column).lower()


def _key(rows: list[dict]) -> str:
    """What the chart depends on: its rows and this module's code."""
    data = json.dumps(rows, sort_keys=True, default=str).encode("utf-8")
    return hashlib.sha256(data + Path(__file__).read_bytes()).hexdigest()


def update_chart(project, rounds: list[dict]) -> Path:
    """Redraw docs/funding-history.svg (the README's chart) from the built rounds."""
    from ..published.schema import read_schema_file

    chart = CHARTS[0]
    schema = read_schema_file(project.schemas_dir / f"{chart.table}.json")
    return draw(chart, schema, rounds, project.root / CHART)


def draw(chart: Chart, schema: dict, rows: list[dict], path: Path) -> Path:
    """Write the chart's SVG to `path` unless the SVG there was drawn from the same rows,
    schema, code and matplotlib (its key is written into the SVG's metadata): importing
    matplotlib costs a second, and a build whose rows did not change, even in a fresh
    clone, does not pay it."""
    from importlib.metadata import version

    key = _key([chart.__dict__, schema, *chart_rows(chart, rows), version("matplotlib")])
    mark = f"sensetime-dataset chart {key}"
    if path.is_file() and mark.encode() in path.read_bytes():
        return path
    svg = chart_svg(chart, schema, rows, description=mark)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(svg)
    return path
