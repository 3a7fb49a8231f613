"""The ratings service's HTTP interface.

    POST /api/ratings/<slug>   {"rating": 1..5, "visitor": "<anonymous id>"}  -> the term's aggregate
    GET  /api/ratings/<slug>                                                  -> {"slug", "count", "average"}

Every answer is JSON, errors included ({"error": "..."} with a 4xx status); a request that is refused
stores nothing. Bodies are bounded (MAX_BODY), POSTs rate-limited per client address, and CORS is
answered only for the site's origins.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ...core.slugs import is_slug
from ..ratings_store import RatingsStore
from .rate_limit import RateLimiter

MAX_BODY = 1024  # {"rating": 5, "visitor": "<up to 128 characters>"} fits many times over
VISITOR = re.compile(r"[A-Za-z0-9_-]{8,128}")
NO_STORE = {"Cache-Control": "no-store"}


class ApiError(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers={**NO_STORE, **(headers or {})})


async def _body(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY):
        raise ApiError(413, f"the body is larger than {MAX_BODY} bytes")
    chunks, size = [], 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_BODY:
                raise ApiError(413, f"the body is larger than {MAX_BODY} bytes")
            chunks.append(chunk)
    except ClientDisconnect:
        raise ApiError(400, "the body ended early") from None
    return b"".join(chunks)


def parse_rating(body: bytes) -> tuple[int, str]:
    """(rating, visitor) from a request body, or ApiError saying what is wrong with it."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise ApiError(400, "the body is not JSON") from None
    if not isinstance(data, dict):
        raise ApiError(422, 'the body is a JSON object: {"rating": 1..5, "visitor": "..."}')
    rating = data.get("rating")
    if isinstance(rating, bool) or not isinstance(rating, int):
        raise ApiError(422, "rating: a whole number from 1 to 5")
    if not 1 <= rating <= 5:
        raise ApiError(422, "rating: from 1 to 5")
    visitor = data.get("visitor")
    if not isinstance(visitor, str) or not VISITOR.fullmatch(visitor):
        raise ApiError(422, "visitor: 8 to 128 letters, digits, '-' or '_' (an anonymous id the page makes)")
    return rating, visitor


class RatingsApp:
    def __init__(self, store: RatingsStore, slugs: Collection[str], limiter: RateLimiter) -> None:
        self.store, self.slugs, self.limiter = store, frozenset(slugs), limiter

    def _slug(self, request: Request) -> str:
        slug = str(request.path_params["slug"])
        if len(slug) > 120 or not is_slug(slug) or slug not in self.slugs:
            raise ApiError(404, "no such term")
        return slug

    async def ratings(self, request: Request) -> Response:
        try:
            slug = self._slug(request)
            if request.method == "GET":
                aggregate = await run_in_threadpool(self.store.aggregate, slug)
                return JSONResponse(aggregate.as_dict(slug), headers=NO_STORE)
            client = request.client.host if request.client else "unknown"
            wait = self.limiter.allow(client)
            if wait:
                raise ApiError(
                    429, "too many ratings from this address; try again later", {"Retry-After": str(int(wait) + 1)}
                )
            content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type != "application/json":
                raise ApiError(415, "send the rating as application/json")
            rating, visitor = parse_rating(await _body(request))
            aggregate = await run_in_threadpool(self.store.rate, slug, visitor, rating)
            return JSONResponse(aggregate.as_dict(slug), headers=NO_STORE)
        except ApiError as exc:
            return error_response(exc.status, exc.message, exc.headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    messages = {404: "not found", 405: "method not allowed"}
    headers = dict(exc.headers or {}) if isinstance(exc, HTTPException) else {}
    return error_response(status, messages.get(status, str(getattr(exc, "detail", "error"))), headers)


async def _server_error(request: Request, exc: Exception) -> Response:
    return error_response(500, "the service could not answer; try again later")


class SiteCors(CORSMiddleware):
    """Starlette's CORS, whose refusals are JSON like every other answer of the service."""

    def preflight_response(self, request_headers: Any) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code >= 400:
            message = bytes(response.body).decode("utf-8", "replace")  # "Disallowed CORS origin", ...
            return error_response(response.status_code, message, {"Vary": "Origin"})
        return response


def create_app(
    store: RatingsStore, slugs: Collection[str], *, allow_origins: Collection[str] = (), per_minute: int = 30
) -> Starlette:
    handler = RatingsApp(store, slugs, RateLimiter(per_minute))
    middleware = []
    if allow_origins:
        middleware.append(
            Middleware(
                SiteCors,
                allow_origins=list(allow_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["Content-Type"],
                max_age=3600,
            )
        )
    exception_handlers: dict[Any, Any] = {HTTPException: _http_error, Exception: _server_error}
    return Starlette(
        routes=[Route("/api/ratings/{slug}", handler.ratings, methods=["GET", "POST"])],
        middleware=middleware,
        exception_handlers=exception_handlers,
    )
