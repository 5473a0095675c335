"""Chart and network geometry for server-rendered SVG: numbers in, shapes out, no markup."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

QUAD_COLOURS = {1: "#4c9a5b", 2: "#1f6f8b", 3: "#e0a020", 4: "#c0392b"}
WIDTH, HEIGHT = 760, 220
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 48, 36, 12, 28
GOLDSTEIN_RANGE = 10.0
MAX_SHAPES = 150


@dataclass
class Shape:
    x: float
    y: float
    width: float
    height: float
    fill: str
    label: str


@dataclass
class Chart:
    """One SVG chart: bars, an optional line, axis ticks; `points` counts the data drawn."""

    title: str
    bars: list[Shape] = field(default_factory=list)
    line: str = ""
    dots: list[Shape] = field(default_factory=list)
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    right_ticks: list[tuple[float, str]] = field(default_factory=list)
    x_ticks: list[tuple[float, str]] = field(default_factory=list)
    zero_y: float | None = None
    points: int = 0
    width: int = WIDTH
    height: int = HEIGHT
    paths: list[tuple[str, str]] = field(default_factory=list)

    def compact(self) -> None:
        """Past MAX_SHAPES bars, draw one path per colour and drop the dots, so long series stay light pages."""
        if len(self.bars) <= MAX_SHAPES:
            return
        by_fill: dict[str, list[str]] = {}
        for bar in self.bars:
            by_fill.setdefault(bar.fill, []).append(
                f"M{bar.x:.1f} {bar.y:.1f}h{bar.width:.1f}v{bar.height:.1f}h{-bar.width:.1f}z"
            )
        self.paths = [(fill, "".join(parts)) for fill, parts in by_fill.items()]
        self.bars = []
        self.dots = []


def _label(period: Any) -> str:
    return period.isoformat() if isinstance(period, date) else str(period)


def _nice_ticks(low: float, high: float, count: int = 4, whole: bool = False) -> list[float]:
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if whole:
        step = max(1.0, math.ceil(step))
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value <= high + step / 2:
        ticks.append(round(value, 6))
        value += step
    return ticks


def slot_indexes(periods: list[Any], unit: str) -> list[int]:
    """Each period's position on a time axis that keeps empty periods as gaps."""
    if not periods:
        return []
    first = periods[0]
    if unit == "month":
        return [(p.year - first.year) * 12 + p.month - first.month for p in periods]
    step = 7 if unit == "week" else 1
    return [(p - first).days // step for p in periods]


class _Frame:
    def __init__(self, n: int, low: float, high: float, whole: bool = False) -> None:
        self.n = max(n, 1)
        self.ticks = _nice_ticks(low, high, whole=whole)
        self.low, self.high = self.ticks[0], self.ticks[-1]
        self.plot_width = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
        self.plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
        self.slot = self.plot_width / self.n

    def x(self, index: int) -> float:
        return MARGIN_LEFT + index * self.slot

    def y(self, value: float) -> float:
        span = (self.high - self.low) or 1.0
        return MARGIN_TOP + self.plot_height * (1 - (value - self.low) / span)

    def bar(self, index: int) -> tuple[float, float]:
        """Left edge and width of the bar in slot `index`."""
        width = min(max(self.slot * 0.8, 1.0), 48.0)
        return self.x(index) + (self.slot - width) / 2, width

    def decorate(self, chart: Chart, periods: list[Any], slots: list[int]) -> None:
        chart.y_ticks = [(self.y(t), f"{t:g}") for t in self.ticks]
        every = max(1, math.ceil(len(periods) / 8))
        chart.x_ticks = [
            (self.x(slot) + self.slot / 2, _label(p))
            for i, (p, slot) in enumerate(zip(periods, slots, strict=True))
            if i % every == 0
        ]


def quad_counts_chart(series: list[dict[str, Any]], title: str, unit: str) -> Chart:
    """Stacked bars: events per period by quad class."""
    chart = Chart(title=title)
    periods = [row["period"] for row in series]
    slots = slot_indexes(periods, unit)
    totals = [sum(int(row[f"quad{q}"]) for q in QUAD_COLOURS) for row in series]
    frame = _Frame((slots[-1] + 1) if slots else 1, 0.0, float(max(totals, default=0)) or 1.0, whole=True)
    for row, slot in zip(series, slots, strict=True):
        left, bar_width = frame.bar(slot)
        base = 0
        for quad, colour in QUAD_COLOURS.items():
            count = int(row[f"quad{quad}"])
            if not count:
                continue
            top, bottom = frame.y(base + count), frame.y(base)
            label = f"{_label(row['period'])}: {count} events of quad class {quad}"
            chart.bars.append(Shape(left, top, bar_width, bottom - top, colour, label))
            base += count
            chart.points += 1
    frame.decorate(chart, periods, slots)
    chart.zero_y = frame.y(0)
    chart.compact()
    return chart


def _mean_y(mean: float) -> float:
    """The mean's own scale, -10 to +10 (the Goldstein range), on the right-hand axis."""
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    share = (max(-GOLDSTEIN_RANGE, min(GOLDSTEIN_RANGE, mean)) + GOLDSTEIN_RANGE) / (2 * GOLDSTEIN_RANGE)
    return MARGIN_TOP + plot_height * (1 - share)


def goldstein_chart(series: list[dict[str, Any]], title: str, unit: str) -> Chart:
    """Bars for the Goldstein sum of each period (cooperation up, conflict down) on the left axis;
    a line for the mean on the right axis (-10 to +10)."""
    chart = Chart(title=title)
    periods = [row["period"] for row in series]
    slots = slot_indexes(periods, unit)
    sums = [float(row["goldstein_sum"] or 0) for row in series]
    means = [float(row["goldstein_mean"] or 0) for row in series]
    low = min([0.0, *sums])
    high = max([0.0, *sums])
    frame = _Frame((slots[-1] + 1) if slots else 1, low, high if high > low else low + 1)
    zero = frame.y(0)
    points = []
    for index, (row, slot) in enumerate(zip(series, slots, strict=True)):
        total, mean = sums[index], means[index]
        top = min(frame.y(total), zero)
        colour = QUAD_COLOURS[1] if total >= 0 else QUAD_COLOURS[4]
        label = f"{_label(row['period'])}: Goldstein sum {total:.1f}, mean {mean:.2f}, {row['events']} events"
        left, bar_width = frame.bar(slot)
        chart.bars.append(Shape(left, top, bar_width, abs(frame.y(total) - zero), colour, label))
        centre = frame.x(slot) + frame.slot / 2
        points.append(f"{centre:.1f},{_mean_y(mean):.1f}")
        chart.dots.append(Shape(centre, _mean_y(mean), 3, 3, "#222", label))
        chart.points += 1
    chart.line = " ".join(points)
    frame.decorate(chart, periods, slots)
    chart.right_ticks = [(_mean_y(v), f"{v:+g}" if v else "0") for v in (-10.0, -5.0, 0.0, 5.0, 10.0)]
    chart.zero_y = zero
    chart.compact()
    return chart


def goldstein_colour(mean: float) -> str:
    """Red for conflict (-10) through grey to green for cooperation (+10)."""
    share = max(-1.0, min(1.0, mean / 10.0))
    grey = (150, 150, 150)
    end = (46, 139, 87) if share >= 0 else (192, 57, 43)
    weight = min(1.0, abs(share) * 2.5)
    mixed = [round(g + (e - g) * weight) for g, e in zip(grey, end, strict=True)]
    return "#{:02x}{:02x}{:02x}".format(*mixed)


@dataclass
class Node:
    name: str
    x: float
    y: float
    radius: float
    events: int


@dataclass
class Edge:
    source: str
    target: str
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    colour: str
    events: int
    goldstein_mean: float


def _force_layout(names: list[str], pairs: list[tuple[int, int, float]], iterations: int = 150) -> np.ndarray:
    """Fruchterman–Reingold positions in the unit square, started on a circle so it is deterministic."""
    n = len(names)
    angles = np.linspace(0, 2 * np.pi, n, endpoint=False)
    pos = np.column_stack([np.cos(angles), np.sin(angles)]) * 0.5
    if n < 3:
        return pos
    k = 1.0 / math.sqrt(n)
    weights = np.zeros((n, n))
    for a, b, w in pairs:
        weights[a, b] += w
        weights[b, a] += w
    weights = np.log1p(weights)
    temperature = 0.1
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        distance = np.maximum(np.linalg.norm(delta, axis=-1), 1e-3)
        force = (k * k / distance**2)[:, :, None] * delta
        force -= (weights * distance / k)[:, :, None] * delta
        move = force.sum(axis=1) - 0.5 * pos  # gravity keeps separate groups of actors in view
        length = np.maximum(np.linalg.norm(move, axis=1), 1e-9)[:, None]
        pos += move / length * np.minimum(length, temperature)
        temperature *= 0.97
    return pos


def network_layout(
    edges: list[dict[str, Any]], width: int = 760, height: int = 560, max_nodes: int = 40
) -> tuple[list[Node], list[Edge]]:
    """Nodes sized by events, edges weighted by count and coloured by mean Goldstein."""
    volume: dict[str, int] = {}
    for edge in edges:
        for name in (edge["source"], edge["target"]):
            volume[name] = volume.get(name, 0) + int(edge["events"])
    names = sorted(volume, key=lambda name: (-volume[name], name))[:max_nodes]
    index = {name: i for i, name in enumerate(names)}
    kept = [e for e in edges if e["source"] in index and e["target"] in index]
    pairs = [(index[e["source"]], index[e["target"]], float(e["events"])) for e in kept]
    pos = _force_layout(names, pairs)
    if len(names):
        span = np.maximum(pos.max(axis=0) - pos.min(axis=0), 1e-6)
        pos = (pos - pos.min(axis=0)) / span
    pad = 40
    top_volume = max(volume.values(), default=1)
    nodes = [
        Node(
            name=name,
            x=pad + float(pos[i, 0]) * (width - 2 * pad),
            y=pad + float(pos[i, 1]) * (height - 2 * pad),
            radius=5 + 15 * math.sqrt(volume[name] / top_volume),
            events=volume[name],
        )
        for i, name in enumerate(names)
    ]
    top_edge = max((int(e["events"]) for e in kept), default=1)
    drawn = []
    for edge in kept:
        a, b = nodes[index[edge["source"]]], nodes[index[edge["target"]]]
        mean = float(edge["goldstein_mean"] or 0)
        dx, dy = b.x - a.x, b.y - a.y
        length = math.hypot(dx, dy) or 1.0
        ux, uy = dx / length, dy / length
        # the two directions of a pair run side by side; lines stop at the node's rim so arrows show
        side_x, side_y = -uy * 3, ux * 3
        drawn.append(
            Edge(
                source=a.name,
                target=b.name,
                x1=a.x + ux * a.radius + side_x,
                y1=a.y + uy * a.radius + side_y,
                x2=b.x - ux * (b.radius + 2) + side_x,
                y2=b.y - uy * (b.radius + 2) + side_y,
                width=1 + 7 * int(edge["events"]) / top_edge,
                colour=goldstein_colour(mean),
                events=int(edge["events"]),
                goldstein_mean=mean,
            )
        )
    return nodes, drawn
