"""A small HTTP service that checks and scores collaboration documents.

An example of embedding frivillig in a web service, with FastAPI (a dependency of this
example only, not of frivillig). ``POST /check?today=YYYY-MM-DD&lang=da|en`` takes a
collaboration document as the request's body and answers with the rule check's report
and the scores as JSON; ``GET /schema/collaboration`` gives the JSON Schema of the
document it accepts.

The work is done by `answer_check`, a plain function from the body's bytes and the
query's text to an HTTP status and a JSON payload, which needs no web framework and is
tested on its own; `create_app` only wires it to FastAPI. Run the service with
``uvicorn --app-dir examples/service app:create_app --factory`` (see README.md).
"""

import datetime as dt
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Any, Final

import frivillig
import frivillig.schema

if TYPE_CHECKING:
    from fastapi import FastAPI, Request

__all__ = ["MAX_BODY_BYTES", "Payload", "answer_check", "create_app"]

MAX_BODY_BYTES: Final = 1024 * 1024
"""The largest body the service reads, in bytes: 1 MiB, about 90 times the shipped example."""

Payload = dict[str, Any]
"""The JSON payload of a response, as plain data."""

_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def answer_check(
    body: bytes,
    *,
    today: str | None,
    lang: str | None = None,
    max_bytes: int = MAX_BODY_BYTES,
) -> tuple[int, Payload]:
    """Answer ``POST /check``: the HTTP status and the JSON payload for one request.

    The body goes to frivillig as the bytes that came, unparsed, so frivillig's own
    limits, its check of the encoding and its refusal of duplicate keys apply. Every
    refusal has the same shape, ``{"problems": [{"path", "code", "message"}, ...]}``,
    with messages in the language asked for; nothing of the body is repeated in it
    beyond what frivillig's problems say, which is never personal.

    Args:
        body: The request's body (at most ``max_bytes`` and one more byte of it is enough
            to tell that it is too large).
        today: The query's ``today``: the day to check and score on, as ``YYYY-MM-DD``;
            ``None`` when the query has none.
        lang: The query's ``lang``: ``"da"`` or ``"en"`` for the messages of problems;
            English when ``None``.
        max_bytes: The largest body accepted, in bytes.

    Returns:
        ``(200, {"report": ..., "scores": ...})`` for a valid document; otherwise
        ``(400, ...)`` for a query without a valid ``today`` or ``lang``, ``(413, ...)``
        for a body over ``max_bytes``, ``(409, ...)`` for a ``schema_version`` this
        release of frivillig cannot read (a newer one, say) and ``(422, ...)`` for a
        document that breaks the model's rules, each with its problems.
    """
    if lang is not None and lang not in ("da", "en"):
        return 400, _refusal("?lang", "choice", "en")
    language: frivillig.Language = "da" if lang == "da" else "en"
    # The service does not put in its own date when `today` is missing. frivillig never
    # reads the clock: every check and score takes the day to judge on, so that the same
    # document and day always give the same answer. Which day that is belongs to the
    # caller (the day a case worker looks at, a deadline, last month's report again); a
    # default here would make the answer depend on when, and in which time zone, the
    # service happened to run.
    if today is None:
        return 400, _refusal("?today", "missing", language)
    day = _day(today)
    if day is None:
        return 400, _refusal("?today", "format", language)
    if len(body) > max_bytes:
        return 413, _refusal("$", "size", language, limit=max_bytes)
    limits = frivillig.LoadLimits(max_bytes=max_bytes)
    try:
        collaboration = frivillig.loads(body, frivillig.Collaboration, limits=limits)
        report = frivillig.check(collaboration, today=day)
        scores = frivillig.score_all(collaboration, today=day)
    except frivillig.SchemaVersionError as error:  # a ValidationError too: caught first
        return 409, {"problems": _problems(error.problems, language)}
    except frivillig.ValidationError as error:
        return 422, {"problems": _problems(error.problems, language)}
    return 200, {"report": report.to_dict(), "scores": scores.to_dict()}


def _day(text: str) -> dt.date | None:
    """The date ``YYYY-MM-DD`` names, or ``None`` (``fromisoformat`` alone takes more forms)."""
    if not _DATE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:  # 2026-02-30
        return None


def _problems(problems: Iterable[frivillig.Problem], lang: frivillig.Language) -> list[Payload]:
    """The problems of a ValidationError as JSON, each message in ``lang``."""
    return [
        {"path": problem.path, "code": problem.code, "message": problem.message_in(lang)}
        for problem in problems
    ]


_MESSAGES: Final[dict[str, dict[str, str]]] = {
    "choice": {
        "en": "expected 'da' or 'en'",
        "da": "forventede 'da' eller 'en'",
    },
    "missing": {
        "en": "is missing; give the day to check and score on as YYYY-MM-DD",
        "da": "mangler; angiv dagen, der skal tjekkes og scores på, som ÅÅÅÅ-MM-DD",
    },
    "format": {
        "en": "expected a real calendar day as YYYY-MM-DD",
        "da": "forventede en rigtig kalenderdag som ÅÅÅÅ-MM-DD",
    },
    "size": {
        "en": "the body is larger than the limit of {limit} bytes",
        "da": "indholdet er større end grænsen på {limit} bytes",
    },
}


def _refusal(path: str, code: str, lang: frivillig.Language, *, limit: int = 0) -> Payload:
    """The service's own refusal of a request, as one problem; the value given is not repeated."""
    message = _MESSAGES[code][lang].format(limit=limit)
    return {"problems": [{"path": path, "code": code, "message": message}]}


async def _read_body(request: "Request", max_bytes: int) -> bytes:
    """The body, read as it streams in, up to ``max_bytes`` and one byte more.

    A body over the limit is not read to its end, however long the client says it is:
    the one byte more is enough for `answer_check` to refuse it before anything is
    parsed, and it holds no more than the limit and one chunk of the stream.
    """
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > max_bytes:
            break
    return bytes(body[: max_bytes + 1])


def create_app(*, max_body_bytes: int = MAX_BODY_BYTES) -> "FastAPI":
    """Make the service: ``POST /check`` and ``GET /schema/collaboration``.

    Args:
        max_body_bytes: The largest body ``POST /check`` accepts, in bytes; a larger
            one is refused with 413 before it is parsed.

    Returns:
        The FastAPI application, for uvicorn (``--factory``) or a test client.

    Raises:
        ModuleNotFoundError: FastAPI is not installed (``pip install fastapi``).
    """
    from fastapi import FastAPI, Query, Request
    from fastapi.concurrency import run_in_threadpool
    from fastapi.responses import JSONResponse

    app = FastAPI(
        title="frivillig check service",
        version=frivillig.__version__,
        description="Check and score a collaboration document with frivillig.",
    )

    @app.post("/check")
    async def check(
        request: Request,
        # Text, not dt.date: answer_check decides what a valid day is, and answers 400.
        today: Annotated[str | None, Query(description="The day to judge on, YYYY-MM-DD")] = None,
        lang: Annotated[str | None, Query(description="'da' or 'en' for messages")] = None,
    ) -> JSONResponse:
        """Check and score the collaboration document in the body."""
        body = await _read_body(request, max_body_bytes)
        # The check is CPU-bound work: in a worker thread, the server keeps answering.
        status, payload = await run_in_threadpool(
            answer_check, body, today=today, lang=lang, max_bytes=max_body_bytes
        )
        return JSONResponse(payload, status_code=status)

    @app.get("/schema/collaboration")
    def collaboration_schema() -> JSONResponse:
        """The JSON Schema of the collaboration document ``POST /check`` accepts."""
        return JSONResponse(
            frivillig.schema.json_schema("collaboration"), media_type="application/schema+json"
        )

    return app
