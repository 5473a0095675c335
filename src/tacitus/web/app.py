"""The web app: server-rendered pages over a read-only database; no script runs in the browser."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from starlette.applications import Starlette
from starlette.datastructures import QueryParams
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tacitus.errors import Errors, TacitusError
from tacitus.events.ontology import load_ontology
from tacitus.places.land import LandCells, land_cells
from tacitus.web import charts, map_queries, queries, quote_queries
from tacitus.web import map as world_map
from tacitus.web.connection import SharedReadOnly
from tacitus.web.highlight import event_marks, quote_marks, segments

HERE = Path(__file__).resolve().parent
PLACE_RADIUS_KM = 0.1
MAP_TABLE_ROWS = 25
NOT_FOUND = {Errors.E060, Errors.E144}
BAD_REQUEST = {Errors.E140, Errors.E141, Errors.E050}
UNAVAILABLE = {Errors.E142, Errors.E143}
SECURITY_HEADERS = {
    b"content-security-policy": (
        b"default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'none'; "
        b"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    b"x-content-type-options": b"nosniff",
    b"referrer-policy": b"no-referrer",
    b"x-frame-options": b"DENY",
}


class SecurityHeaders:
    """Adds a strict Content-Security-Policy and related headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS.items()]
            await send(message)

        await self.app(scope, receive, with_headers)


def _templates() -> Jinja2Templates:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.globals["quad_names"] = queries.QUAD_CLASSES
    environment.globals["quad_colours"] = charts.QUAD_COLOURS
    return Jinja2Templates(env=environment)


def link(path: str, params: QueryParams | dict[str, Any], **changes: Any) -> str:
    """`path` with the current query string, some values changed (None removes one)."""
    values = {k: v for k, v in dict(params).items() if v not in ("", None)}
    for name, value in changes.items():
        if value is None:
            values.pop(name, None)
        else:
            values[name] = value
    return path + ("?" + urlencode(values) if values else "")


class Pages:
    """The page handlers of one database."""

    def __init__(self, db: Path, hold_seconds: float) -> None:
        self.db = db
        self.database = SharedReadOnly(db, hold_seconds)
        self.templates = _templates()
        self.ontology = load_ontology()
        self._land: tuple[LandCells | None, str] | None = None
        self.map_cache = map_queries.PlaceCountCache()

    def render(self, request: Request, name: str, status: int = 200, **context: Any) -> Response:
        context.setdefault("db_name", self.db.name)
        return self.templates.TemplateResponse(request, name, context, status_code=status)

    def cameo_name(self, code: str | None) -> str:
        entry = self.ontology.get(code) if code else None
        return entry.name if entry else ""

    def index(self, request: Request) -> Response:
        return RedirectResponse("/events", status_code=302)

    def events(self, request: Request) -> Response:
        query = queries.event_query(request.query_params)
        with self.database.connect() as con:
            total, found = queries.count_and_page(con, query)
        pages = max(1, -(-total // query.per_page))
        return self.render(
            request,
            "events.html",
            query=query,
            events=found,
            total=total,
            pages=pages,
            cameo_name=self.cameo_name,
            link=lambda **changes: link("/events", request.query_params, **changes),
            sort_link=lambda column: link(
                "/events",
                request.query_params,
                sort=("-" if query.sort == column and not query.descending else "") + column,
                page=None,
            ),
            modalities=queries.MODALITIES,
            per_page_choices=queries.PER_PAGE_CHOICES,
        )

    def event(self, request: Request) -> Response:
        event_id = request.path_params["event_id"]
        with self.database.connect() as con:
            event = queries.event_by_id(con, event_id, self.db)
            document = queries.document_by_id(con, event["doc_id"], self.db)
        return self.render(request, "event.html", event=event, document=document, cameo_name=self.cameo_name)

    def dyad(self, request: Request) -> Response:
        params = request.query_params
        a = queries.actor_code("a", params.get("a")) or "USA"
        b = queries.actor_code("b", params.get("b")) or "TUR"
        freq = queries.dated_period(params.get("freq") or "week")
        query = queries.event_query({k: v for k, v in params.items() if k in ("since", "until", "modality", "code")})
        directions = []
        with self.database.connect() as con:
            both = queries.dyad_series_both(con, a, b, freq, query)
            listed = queries.dyad_events(con, a, b, query)
        for (source, target), found in both.items():
            series = [row for row in found if row["period"] is not None]
            directions.append(
                {
                    "source": source,
                    "target": target,
                    "series": series,
                    "goldstein": charts.goldstein_chart(series, f"{source} → {target}: Goldstein sum and mean", freq),
                    "counts": charts.quad_counts_chart(series, f"{source} → {target}: events by quad class", freq),
                    "total": sum(int(row["events"]) for row in found),
                    "undated": sum(int(row["events"]) for row in found if row["period"] is None),
                }
            )
        return self.render(
            request,
            "dyad.html",
            a=a,
            b=b,
            freq=freq,
            query=query,
            directions=directions,
            events=listed,
            cameo_name=self.cameo_name,
        )

    def network(self, request: Request) -> Response:
        params = request.query_params
        query = queries.event_query({k: v for k, v in params.items() if k in ("since", "until", "modality", "code")})
        by_country = params.get("level", "country") != "actor"
        with self.database.connect() as con:
            edges = queries.network(con, query, by_country=by_country)
        nodes, drawn = charts.network_layout(edges)
        return self.render(
            request,
            "network.html",
            query=query,
            level="country" if by_country else "actor",
            nodes=nodes,
            edges=drawn,
            colour=charts.goldstein_colour,
        )

    def document(self, request: Request) -> Response:
        doc_id = request.path_params["doc_id"]
        with self.database.connect() as con:
            document = queries.document_by_id(con, doc_id, self.db)
            found = queries.page_of_events(
                con, queries.EventQuery(doc_id=doc_id, modality="all", per_page=queries.MAX_PAGE)
            )
            said = quote_queries.quotes(con, quote_queries.QuoteQuery(doc_id=doc_id), paged=False)
        body_marks = [m for e in found if not e.get("headline") for m in event_marks(e)]
        body_marks += [m for q in said if not q.get("headline") for m in quote_marks(q)]
        title_marks = [m for e in found if e.get("headline") for m in event_marks(e)]
        title_marks += [m for q in said if q.get("headline") for m in quote_marks(q)]
        return self.render(
            request,
            "document.html",
            document=document,
            title_segments=segments(document["title"] or "", title_marks),
            segments=segments(document["clean_text"] or "", body_marks),
            events=found,
            quotes=said,
            cameo_name=self.cameo_name,
        )

    def land(self) -> tuple[LandCells | None, str]:
        """The map's land cells, loaded once; when the place index cannot be had, none and the reason."""
        if self._land is None:
            try:
                self._land = (land_cells(), "")
            except TacitusError as exc:
                self._land = (None, str(exc))
        return self._land

    def map(self, request: Request) -> Response:
        query = queries.event_query(request.query_params)
        key = (replace(query, page=1, per_page=50, sort="date", descending=False), map_queries.database_stamp(self.db))
        counts = self.map_cache.get(key)
        if counts is None:
            with self.database.connect() as con:
                counts = map_queries.place_counts(con, query)
            self.map_cache.put(key, counts)
        view = world_map.fit_view(counts.places) if query.country else world_map.world_view()
        land, land_note = self.land()
        params = request.query_params
        return self.render(
            request,
            "map.html",
            query=query,
            counts=counts,
            drawing=world_map.draw_map(counts.places, land, view),
            width=world_map.WIDTH,
            height=world_map.HEIGHT,
            land_population=land.min_population if land else 0,
            land_note=land_note,
            top=MAP_TABLE_ROWS,
            modalities=queries.MODALITIES,
            events_link=link("/events", params, page=None),
            place_link=lambda place: link(
                "/events", params, near=f"{place['lat']},{place['lon']}", radius=PLACE_RADIUS_KM, page=None
            ),
        )

    def quotes(self, request: Request) -> Response:
        query = quote_queries.quote_query(request.query_params)
        with self.database.connect() as con:
            speakers = quote_queries.speakers(con)
            total = quote_queries.count_quotes(con, query)
            found = quote_queries.quotes(con, query)
        return self.render(
            request,
            "quotes.html",
            query=query,
            speakers=speakers,
            quotes=found,
            total=total,
            pages=max(1, -(-total // query.per_page)),
            link=lambda **changes: link("/quotes", request.query_params, **changes),
        )


def create_app(db: str | Path, allowed_hosts: list[str] | None = None, hold_seconds: float = 1.0) -> Starlette:
    """The app over database `db`, opened read-only while requests come and `hold_seconds` after the last one."""
    pages = Pages(Path(db), hold_seconds)

    async def tacitus_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, TacitusError)
        status = 404 if exc.code in NOT_FOUND else 400 if exc.code in BAD_REQUEST else 500
        headers = {}
        if exc.code in UNAVAILABLE:
            status = 503
            headers["Retry-After"] = "2"
        response = pages.render(request, "error.html", status=status, message=str(exc), status_code=status)
        response.headers.update(headers)
        return response

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return pages.render(
            request, "error.html", status=exc.status_code, message=exc.detail, status_code=exc.status_code
        )

    routes = [
        Route("/", pages.index),
        Route("/events", pages.events),
        Route("/events/{event_id:str}", pages.event),
        Route("/dyad", pages.dyad),
        Route("/network", pages.network),
        Route("/documents/{doc_id:path}", pages.document),
        Route("/quotes", pages.quotes),
        Route("/map", pages.map),
        Mount("/static", app=StaticFiles(directory=HERE / "static"), name="static"),
    ]
    hosts = allowed_hosts or ["127.0.0.1", "localhost", "::1", "[::1]"]

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        pages.database.close()

    return Starlette(
        lifespan=lifespan,
        routes=routes,
        middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=hosts), Middleware(SecurityHeaders)],
        exception_handlers={TacitusError: tacitus_error, HTTPException: http_error},
    )
