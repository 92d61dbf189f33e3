"""The dashboard: a FastAPI app over one store, server-rendered, every page with a JSON twin.

Templates autoescape everything (article text is untrusted); no asset comes
from a CDN: CSS and the chart script are in ``static/`` and plotly.js is
served from the installed plotly package at ``/assets/plotly.min.js``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from contextlib import asynccontextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlencode

import pandas as pd
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from .. import show
from ..errors import MESSAGES, EventwireError
from ..model import Document
from . import charts
from .limits import BodySizeLimit

HERE = Path(__file__).parent
DEFAULT_MAX_UPLOAD = 2_000_000  # bytes per request body
PAGE_SIZES = (25, 50, 100, 500)
EVENT_SORTS = ("date", "published", "goldstein", "confidence", "mentions", "type", "doc_id")
TABLE_COLUMNS = (("event_date", "date"), ("source", None), ("type", "type"), ("cameo", None),
                 ("quad_class", None), ("goldstein", "goldstein"), ("target", None),
                 ("confidence", "confidence"), ("doc_id", "doc_id"), ("evidence_sentence", None))
# Headers that keep the browser from running or fetching anything we did not serve ourselves.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

Coder = Callable[..., Document]


def create_app(db_path: str | Path, max_upload: int = DEFAULT_MAX_UPLOAD, coder: Coder | None = None) -> FastAPI:
    """The dashboard over the store at ``db_path``; ``coder(text, published=, doc_id=, title=)`` codes pastes."""
    from ..api import code_document, open as open_store

    store = open_store(db_path)  # E301 here, before serving, for a file that is not an eventwire database

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        store.close()

    app = FastAPI(title="eventwire", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.store = store
    app.state.coder = coder or code_document
    app.state.max_upload = max_upload
    app.state.templates = Jinja2Templates(env=_environment())
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _add_routes(app)
    _add_error_handlers(app)
    app.add_middleware(BodySizeLimit, limit=max_upload, render=_limit_page(app))

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    return app


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(kinds=show.KINDS, facts=show.event_facts, headline=show.event_headline,
                       evidence_segments=show.evidence_segments, cell=cell)
    return env


# ---------------------------------------------------------------- helpers

def wants_json(request: Request) -> bool:
    return request.query_params.get("format") == "json"


def page(request: Request, template: str, data: Any, status_code: int = 200, **context: Any) -> Response:
    """The HTML page, or with ``?format=json`` its JSON twin ``data``."""
    if wants_json(request):
        return JSONResponse(plain(data), status_code=status_code)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, template, {"data": data, **context}, status_code=status_code)


def plain(value: Any) -> Any:
    """Anything a query returns (DataFrames, timestamps, numpy values, NaN) as JSON-ready Python."""
    if isinstance(value, pd.DataFrame):
        return [plain(row) for row in value.to_dict("records")]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "tolist"):  # numpy arrays and scalars
        return plain(value.tolist())
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if value is pd.NaT or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def cell(value: Any) -> str:
    """A table cell as text: dates without midnight, floats short, missing values blank."""
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def event_filters(request: Request) -> dict[str, Any]:
    """The events filters from the query string, as ``Store.events`` keywords (the CLI's options)."""
    query = request.query_params
    blank_to_none = {k: (query.get(k) or None) for k in ("actor", "country", "since", "until", "text", "doc")}
    return {
        "actor": blank_to_none["actor"], "country": blank_to_none["country"],
        "role": query.get("role") or "any",
        "type": [t.strip() for value in query.getlist("type") for t in value.split(",") if t.strip()] or None,
        "quad": [q for q in query.getlist("quad") if q] or None,
        "since": blank_to_none["since"], "until": blank_to_none["until"], "text": blank_to_none["text"],
        "doc_id": blank_to_none["doc"], "asserted_only": not query.get("include_unasserted"),
    }


def with_query(request: Request, **changes: Any) -> str:
    """This page's URL with some query parameters replaced (None removes one)."""
    items = [(k, v) for k, v in request.query_params.multi_items() if k not in changes]
    items += [(k, str(v)) for k, v in changes.items() if v is not None]
    return f"{request.url.path}?{urlencode(items)}"


@lru_cache(maxsize=1)
def plotly_js() -> bytes:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs().encode("utf-8")


# ---------------------------------------------------------------- routes

def _add_routes(app: FastAPI) -> None:
    app.get("/", response_class=HTMLResponse)(home)
    app.post("/code")(code_pasted)
    app.get("/events")(events_page)
    app.get("/dyad")(dyad_page)
    app.get("/network")(network_page)
    app.get("/documents")(documents_page)
    app.get("/documents/{doc_id:path}")(document_page)
    app.get("/assets/plotly.min.js")(plotly_asset)


def home(request: Request) -> Response:
    store = request.app.state.store
    data = {"stats": store.stats(), "recent": store.documents(order_by="-coded_at", limit=10)}
    return page(request, "home.html", data, max_upload=request.app.state.max_upload)


async def code_pasted(request: Request) -> Response:
    """Code a pasted or uploaded article, store it, and show it annotated."""
    form = await request.form()
    upload = form.get("file")
    text = str(form.get("text") or "")
    if upload is not None and hasattr(upload, "read"):
        content = await upload.read()
        if content:
            text = content.decode("utf-8", errors="replace")
    if not text.strip():
        return error_page(request, 400, "no article text: paste one or choose a file")
    title = str(form.get("title") or "").strip() or None
    published = str(form.get("published") or "").strip() or None
    doc_id = str(form.get("doc_id") or "").strip() or "pasted-" + hashlib.sha256(text.encode()).hexdigest()[:12]
    document = request.app.state.coder(text, published=published, doc_id=doc_id, title=title)
    store = request.app.state.store
    newly_stored = store.add_document(document)
    record = store.document(doc_id) if newly_stored else _stored_twin(store, document)
    mentions = [(m.start, m.end) for m in document.mentions or ()] if document.mentions is not None else None
    return _document_response(request, record, mentions, newly_stored=newly_stored)


def _stored_twin(store: Any, document: Document) -> dict:
    """The stored record of a text pasted before (same content, perhaps under another id)."""
    content_hash = document.article.content_hash
    stored = store.documents()
    match = stored[stored["content_hash"] == content_hash]
    return store.document(match.iloc[0]["doc_id"]) if not match.empty else store.document(document.article.doc_id)


def documents_page(request: Request) -> Response:
    return page(request, "documents.html", request.app.state.store.documents(order_by="-published"))


def document_page(request: Request, doc_id: str) -> Response:
    record = request.app.state.store.document(doc_id)
    if record is None:
        return error_page(request, 404, f"no document with id {doc_id!r}")
    return _document_response(request, record, None)


def _document_response(request: Request, record: dict, mentions: list[tuple[int, int]] | None,
                       newly_stored: bool | None = None) -> Response:
    parts = show.segments(record["text"], show.annotation_spans(record, mentions))
    return page(request, "document.html", record, parts=parts, newly_stored=newly_stored)


def events_page(request: Request) -> Response:
    store = request.app.state.store
    filters = event_filters(request)
    order = request.query_params.get("order") or "-date"
    if request.query_params.get("format") == "csv":
        return _csv_download(store.events(**filters, order_by=order))
    per_page = _int_param(request, "per_page", 50, allowed=PAGE_SIZES)
    page_number = max(1, _int_param(request, "page", 1))
    frame = store.events(**filters, order_by=order, limit=per_page + 1, offset=(page_number - 1) * per_page)
    has_next = len(frame) > per_page
    frame = frame.head(per_page)
    return page(request, "events.html", frame, filters=filters, order=order, page_number=page_number,
                per_page=per_page, has_next=has_next, columns=TABLE_COLUMNS, sorts=EVENT_SORTS,
                page_sizes=PAGE_SIZES, url=lambda **c: with_query(request, **c))


def _int_param(request: Request, name: str, default: int, allowed: tuple[int, ...] | None = None) -> int:
    try:
        value = int(request.query_params.get(name, default))
    except ValueError:
        raise ValueError(f"{name} must be a whole number") from None
    if allowed and value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(map(str, allowed))}")
    return value


def _csv_download(frame: pd.DataFrame) -> Response:
    table = frame.map(cell) if not frame.empty else frame
    return Response(table.to_csv(index=False), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="events.csv"'})


def dyad_page(request: Request) -> Response:
    query = request.query_params
    a, b = (query.get("a") or "").strip(), (query.get("b") or "").strip()
    by = query.get("by") or "month"
    frame = request.app.state.store.dyad(a, b, by=by, since=query.get("since") or None,
                                         until=query.get("until") or None) if a and b else pd.DataFrame()
    figure = charts.dyad_figure(frame, a.upper(), b.upper()) if not frame.empty else None
    return page(request, "dyad.html", {"a": a, "b": b, "by": by, "rows": frame}, figure=figure)


def network_page(request: Request) -> Response:
    store = request.app.state.store
    query = request.query_params
    period = {"since": query.get("since") or None, "until": query.get("until") or None}
    a, b = (query.get("a") or "").strip(), (query.get("b") or "").strip()
    edges = store.network(**period)
    data: dict[str, Any] = {"edges": edges, "a": a, "b": b}
    if a and b:
        data["partners"] = store.common_partners(a, b, **period)
        data["paths"] = store.cooperation_paths(a, b, **period)
    figure = charts.network_figure(edges) if not edges.empty else None
    return page(request, "network.html", data, figure=figure)


def plotly_asset() -> Response:
    return Response(plotly_js(), media_type="application/javascript",
                    headers={"Cache-Control": "public, max-age=86400"})


# ---------------------------------------------------------------- errors

def error_page(request: Request, status: int, message: str) -> Response:
    return page(request, "error.html", {"error": message, "status": status}, status_code=status)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(EventwireError)
    async def eventwire_error(request: Request, error: EventwireError) -> Response:
        return error_page(request, 400, str(error))

    @app.exception_handler(ValueError)
    async def value_error(request: Request, error: ValueError) -> Response:
        return error_page(request, 400, str(error))


def _limit_page(app: FastAPI) -> Callable[[int, bool], tuple[bytes, str]]:
    """The body of the 413 answer: the E501 message as HTML, or as JSON when ``?format=json``."""
    import json

    def render(size: int, as_json: bool) -> tuple[bytes, str]:
        message = f"E501: {MESSAGES['E501'].format(size=size, limit=app.state.max_upload)}"
        if as_json:
            return json.dumps({"error": message, "status": 413}).encode(), "application/json"
        template = app.state.templates.env.get_template("error.html")
        html = template.render(data={"error": message, "status": 413}, request=None)
        return html.encode("utf-8"), "text/html; charset=utf-8"

    return render


__all__ = ["DEFAULT_MAX_UPLOAD", "create_app"]
