"""A request-body size limit, enforced before any form parsing (error E501)."""

from __future__ import annotations

from typing import Any, Awaitable, Callable

DRAIN_FACTOR = 16  # read (and discard) up to this many times the limit, so browsers see the answer


class BodySizeLimit:
    """ASGI middleware: a body larger than ``limit`` bytes gets a 413 page made by ``render(size, as_json)``.

    The body is buffered (it is at most ``limit`` bytes) and replayed to the
    app, so chunked uploads without a Content-Length are limited too.
    """

    def __init__(self, app: Any, limit: int, render: Callable[[int, bool], tuple[bytes, str]]):
        self.app = app
        self.limit = limit
        self.render = render

    async def __call__(self, scope: dict, receive: Callable[[], Awaitable[dict]], send: Callable) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        as_json = b"format=json" in scope.get("query_string", b"")
        if declared is not None and declared > self.limit:
            await _drain(receive, self.limit * DRAIN_FACTOR)
            await self._refuse(send, declared, as_json)
            return
        messages, size, complete = [], 0, False
        while not complete:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            size += len(message.get("body", b""))
            messages.append(message)
            complete = not message.get("more_body", False)
            if size > self.limit:
                size += await _drain(receive, self.limit * DRAIN_FACTOR) if not complete else 0
                await self._refuse(send, size, as_json)
                return
        await self.app(scope, _replay(messages, receive), send)

    async def _refuse(self, send: Callable, size: int, as_json: bool) -> None:
        body, media_type = self.render(size, as_json)
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", media_type.encode()), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


def _content_length(scope: dict) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _drain(receive: Callable[[], Awaitable[dict]], cap: int) -> int:
    """Read and discard the rest of the body (up to ``cap`` bytes); returns how much was read."""
    read = 0
    while read <= cap:
        message = await receive()
        if message["type"] != "http.request":
            break
        read += len(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return read


def _replay(messages: list[dict], receive: Callable[[], Awaitable[dict]]) -> Callable[[], Awaitable[dict]]:
    pending = list(messages)

    async def replayed() -> dict:
        return pending.pop(0) if pending else await receive()

    return replayed
