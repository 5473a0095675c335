"""Map geometry for a server-rendered SVG: places and land cells in, shapes out, no markup.

The projection is equirectangular: x = longitude + 180, y = 90 - latitude, in degrees, so the
whole map shares one coordinate system and zooming is only a different view box. Sizes meant
in pixels (circle radii, labels) are divided by the view's pixels per degree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from tacitus.places.land import LandCells
from tacitus.web.charts import goldstein_colour

WIDTH, HEIGHT = 960, 420
WORLD = (-180.0, -58.0, 180.0, 84.0)  # west, south, east, north: the inhabited latitudes
MAX_RADIUS_PX = 18.0
MIN_RADIUS_PX = 2.5
MIN_SPAN_DEGREES = 6.0
COARSE_ABOVE_DEGREES = 90.0
GRATICULE_STEPS = (30.0, 15.0, 10.0, 5.0, 2.0, 1.0)


@dataclass(frozen=True)
class View:
    """The part of the world shown: a box in degrees with the SVG's aspect ratio."""

    west: float
    south: float
    east: float
    north: float

    @property
    def degrees_wide(self) -> float:
        return self.east - self.west

    @property
    def scale(self) -> float:
        """Pixels per degree."""
        return WIDTH / self.degrees_wide

    @property
    def box(self) -> str:
        return f"{self.west + 180:.3f} {90 - self.north:.3f} {self.degrees_wide:.3f} {self.north - self.south:.3f}"

    @property
    def world(self) -> bool:
        return (self.west, self.south, self.east, self.north) == WORLD


@dataclass
class Circle:
    x: float
    y: float
    radius: float
    colour: str
    place: dict[str, Any]


@dataclass
class MapDrawing:
    """Everything the template draws; `points` counts the places drawn."""

    view: View
    land: str
    land_resolution: float
    graticule: list[tuple[str, str]] = field(default_factory=list)
    labels: list[tuple[float, float, str]] = field(default_factory=list)
    circles: list[Circle] = field(default_factory=list)
    font: float = 11.0
    digits: int = 2

    @property
    def points(self) -> int:
        return len(self.circles)


def world_view() -> View:
    return View(*WORLD)


def fit_view(places: list[dict[str, Any]]) -> View:
    """The smallest box with the SVG's aspect ratio around the places, padded, at least MIN_SPAN_DEGREES across."""
    if not places:
        return world_view()
    lats = [float(p["lat"]) for p in places]
    lons = [float(p["lon"]) for p in places]
    pad = max(1.0, 0.15 * max(max(lats) - min(lats), max(lons) - min(lons)))
    west, east = min(lons) - pad, max(lons) + pad
    south, north = min(lats) - pad, max(lats) + pad
    width = max(east - west, MIN_SPAN_DEGREES, (north - south) * WIDTH / HEIGHT)
    height = width * HEIGHT / WIDTH
    middle_lon, middle_lat = (west + east) / 2, (south + north) / 2
    if width >= 360:
        return world_view()
    west, east = middle_lon - width / 2, middle_lon + width / 2
    shift = max(0.0, -180 - west) - max(0.0, east - 180)
    south, north = middle_lat - height / 2, middle_lat + height / 2
    lift = max(0.0, -90 - south) - max(0.0, north - 90)
    return View(west + shift, south + lift, east + shift, north + lift)


def land_path(land: LandCells, view: View) -> tuple[str, float]:
    """One SVG path of the land cells inside the view (1° cells on wide views, the finer cells when zoomed)."""
    cells = land.coarsen(2) if view.degrees_wide > COARSE_ABOVE_DEGREES and land.resolution < 1 else land
    size = cells.resolution
    parts = []
    for row, column, length in cells.runs():
        south, west = row * size, column * size
        if south + size < view.south or south > view.north or west > view.east or west + length * size < view.west:
            continue
        parts.append(f"M{west + 180:g} {90 - south - size:g}h{length * size:g}v{size:g}h{-length * size:g}z")
    return "".join(parts), size


def _graticule_step(view: View) -> float:
    return next((s for s in GRATICULE_STEPS if view.degrees_wide / s >= 4), GRATICULE_STEPS[-1])


def _degrees(value: float, positive: str, negative: str) -> str:
    text = f"{abs(value):g}°"
    return text if value == 0 else text + (positive if value > 0 else negative)


def graticule(view: View) -> tuple[list[tuple[str, str]], list[tuple[float, float, str]]]:
    """Meridians and parallels across the view (path, kind) and their labels (x, y, text) along the edges."""
    step = _graticule_step(view)
    lines: list[tuple[str, str]] = []
    labels: list[tuple[float, float, str]] = []
    top, bottom = 90 - view.north, 90 - view.south
    left, right = view.west + 180, view.east + 180
    inset = 3 / view.scale
    lon = math.ceil(view.west / step) * step
    while lon <= view.east:
        x = lon + 180
        lines.append((f"M{x:g} {top:.3f}V{bottom:.3f}", "equator" if lon == 0 else "meridian"))
        if x + 32 / view.scale <= right:
            labels.append((x + inset, bottom - inset, _degrees(lon, "E", "W")))
        lon += step
    lat = math.ceil(view.south / step) * step
    while lat <= view.north:
        y = 90 - lat
        lines.append((f"M{left:.3f} {y:g}H{right:.3f}", "equator" if lat == 0 else "parallel"))
        labels.append((left + inset, y - inset, _degrees(lat, "N", "S")))
        lat += step
    return lines, labels


def circle_radius(events: int, most: int) -> float:
    """Area proportional to the event count, in pixels: the busiest place gets MAX_RADIUS_PX."""
    return max(MIN_RADIUS_PX, MAX_RADIUS_PX * math.sqrt(events / max(1, most)))


def draw_map(places: list[dict[str, Any]], land: LandCells | None, view: View) -> MapDrawing:
    """The drawing of `places` (rows with name, country, lat, lon, events, goldstein_mean) over the land."""
    path, resolution = land_path(land, view) if land else ("", 0.0)
    # coordinates to a tenth of a pixel or finer
    digits = max(1, math.ceil(math.log10(view.scale * 10)))
    drawing = MapDrawing(view, path, resolution, font=11 / view.scale, digits=digits)
    drawing.graticule, drawing.labels = graticule(view)
    most = max((int(p["events"]) for p in places), default=1)
    for place in sorted(places, key=lambda p: -int(p["events"])):
        mean = place.get("goldstein_mean")
        drawing.circles.append(
            Circle(
                x=float(place["lon"]) + 180,
                y=90 - float(place["lat"]),
                radius=circle_radius(int(place["events"]), most) / view.scale,
                colour=goldstein_colour(float(mean)) if mean is not None else "#777",
                place=place,
            )
        )
    return drawing
