"""The ASGI application: the page at ``/``, the API under ``/v1``, one Analyzer for all.

Every answer of the API is what the CLI prints for the same documents: ``/v1/compare`` is
``compare --format json`` byte for byte (with the uploaded file names), ``/v1/rank`` and
``/v1/match`` are ``rank``/``match --format json``, ``/v1/extract`` is ``extract --format
json``, ``/v1/schema`` is ``skillgap schema``. Errors are ``{"code", "message"}`` with the
codes of :mod:`skillgap.serve.problems`.

Safety, in the order a request meets it (:class:`Guard`): the Host header (when the server
is bound to loopback, only loopback names, against DNS rebinding), the bearer token for every
``/v1`` call but ``healthz``, a declared body over the limit refused before a byte is read,
and a body that grows over it refused while it streams. Documents are then read in memory
(:mod:`~skillgap.serve.uploads`) and the work runs in the bounded pool
(:mod:`~skillgap.serve.work`), off the event loop.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from functools import partial
from typing import Any, TypeVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from skillgap.analyzer import Analyzer
from skillgap.batch import MatchTask, RankTask, match_rows, rank_rows
from skillgap.errors import SkillgapError
from skillgap.gap.compare import skillgap_version
from skillgap.models import GapReport, Profile
from skillgap.options import Options
from skillgap.report import render, render_profile
from skillgap.report.redact import pseudonym
from skillgap.report.rows import format_match_rows, format_rows
from skillgap.serve.limits import MIB, ServeLimits
from skillgap.serve.page import PAGE_CSP, report_page, upload_page
from skillgap.serve.problems import CODES, ApiError
from skillgap.serve.uploads import Form, Spec, Upload, read_form
from skillgap.serve.work import Workers

T = TypeVar("T")
log = logging.getLogger("skillgap.serve")

OPEN_PATHS = frozenset({"/v1/healthz"})  # answered without the token: it tells nothing private
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")
HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),  # a report is about a person: no cache keeps it
    (b"content-security-policy", (PAGE_CSP + "; img-src data:").encode()),
]
COMPARE = Spec({"resume": "one", "job": "one"})
PAGE = Spec({"resume": "one", "job": "one"}, frozenset({"token"}))
EXTRACT = Spec({"document": "one"}, frozenset({"kind"}))
RANK = Spec({"job": "one", "resumes": "many"}, frozenset({"top_missing"}))
MATCH = Spec({"resume": "one", "jobs": "many"}, frozenset({"top_missing"}))


class ErrorBody(BaseModel):
    """Every error of the API: a stable code to branch on and one line to show."""

    code: str
    message: str


def create_app(
    analyzer: Analyzer | None = None,
    *,
    token: str | None = None,
    limits: ServeLimits | None = None,
    allowed_hosts: tuple[str, ...] | None = None,
) -> FastAPI:
    """The app; ``analyzer`` carries the taxonomy and options (``redact`` included) that
    every request uses, ``token`` (when set) guards ``/v1``, ``allowed_hosts`` (when set)
    the Host header."""
    analyzer = analyzer or Analyzer()
    limits = limits or ServeLimits(read=analyzer.options.read_limits())
    options = analyzer.options
    reading = replace(options, limits=limits.read)  # uploads are read within these limits
    workers = Workers(limits)

    @asynccontextmanager
    async def lifespan(_: FastAPI):  # noqa: ANN202
        yield
        workers.close()

    app = FastAPI(
        title="skillgap",
        version=skillgap_version(),
        summary="Compare a résumé with a job ad: matched, partial and missing backend skills.",
        docs_url=None,  # the interactive docs load scripts from a CDN: nothing leaves here
        redoc_url=None,
        openapi_url="/v1/openapi.json",
        lifespan=lifespan,
    )
    app.state.analyzer, app.state.limits = analyzer, limits

    def answer(path: str, error: ApiError) -> Response:
        """An error as JSON for the API, as the page with its message for the page."""
        if path.startswith("/v1/") or path == "/v1":
            return JSONResponse(error.body(), status_code=error.status, headers=_extra(error))
        page = upload_page(error=error.message, token=token is not None, redact=options.redact)
        return HTMLResponse(page, status_code=error.status)

    async def work(function: Callable[..., T], *args: Any) -> T:
        """Run in the pool; a library error becomes its ApiError, anything else ``internal``."""
        try:
            return await workers.run(_guarded, function, *args)
        except SkillgapError as error:
            raise ApiError.of(error) from None

    @app.exception_handler(ApiError)
    async def api_error(request: Request, error: ApiError) -> Response:
        return answer(request.url.path, error)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        code = {404: "not_found", 405: "method_not_allowed"}.get(error.status_code, "bad_request")
        message = {
            "not_found": f"{request.url.path}: no such endpoint; see /v1/openapi.json",
            "method_not_allowed": f"{request.method} {request.url.path}: method not allowed",
        }.get(code, str(error.detail))
        return answer(request.url.path, ApiError(code, message))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        return answer(request.url.path, ApiError("bad_request", str(error)))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def page() -> HTMLResponse:
        return HTMLResponse(upload_page(token=token is not None, redact=options.redact))

    @app.post("/", response_class=HTMLResponse, include_in_schema=False)
    async def page_report(request: Request) -> HTMLResponse:
        form = await read_form(request, PAGE, limits)
        if token is not None and not _same(form.settings.get("token", ""), token):
            raise ApiError("unauthorized", "the access token is missing or wrong; type it again")
        resume, job = _pair(form)
        report = await work(_compare, analyzer, reading, resume, job)
        return HTMLResponse(await work(report_page, report))

    @app.get("/v1/healthz", summary="Liveness: answers while the server is up (no token).")
    async def healthz() -> dict[str, str]:
        return {
            "status": "ok",
            "skillgap_version": skillgap_version(),
            "taxonomy_version": analyzer.taxonomy.version,
        }

    @app.get("/v1/schema", summary="The JSON Schema of the compare report (skillgap schema).")
    async def schema() -> Response:
        return _json(json.dumps(GapReport.model_json_schema(), indent=2) + "\n")

    @app.post(
        "/v1/compare",
        summary="One résumé against one job ad: the report of compare --format json.",
        responses=_responses(GapReport),
        openapi_extra=_body(COMPARE),
    )
    async def compare(request: Request) -> Response:
        form = await read_form(request, COMPARE, limits)
        resume, job = _pair(form)
        report = await work(_compare, analyzer, reading, resume, job)
        return _json(await work(render, report, "json"))

    @app.post(
        "/v1/extract",
        summary="The skills one document claims or asks for: extract --format json.",
        responses=_responses(Profile),
        openapi_extra=_body(EXTRACT, "kind: resume or job (default: guessed)"),
    )
    async def extract(request: Request) -> Response:
        form = await read_form(request, EXTRACT, limits)
        document = form.one("document", "the résumé or job ad")
        kind = form.settings.get("kind") or None
        if kind not in (None, "resume", "job"):
            raise ApiError("bad_request", f"kind: {kind!r} is not resume or job")
        return _json(await work(_extract, analyzer, reading, document, kind))

    def rows_endpoint(rows: Rows) -> Callable[[Request], Any]:
        async def endpoint(request: Request) -> Response:
            form = await read_form(request, rows.spec, limits)
            one = form.one(rows.one, rows.one_is)
            many = form.many(rows.many, rows.many_are, limits)
            top = _top_missing(form)
            return _json(await work(rows.run, analyzer, reading, one, many, top))

        return endpoint

    for rows in ROWS:
        app.add_api_route(
            f"/v1/{rows.command}",
            rows_endpoint(rows),
            methods=["POST"],
            name=rows.command,
            summary=rows.summary,
            responses=_responses(None),
            openapi_extra=_body(rows.spec, "top_missing: missing required skills per row (5)"),
        )

    app.add_middleware(
        Guard, token=token, limits=limits, answer=answer, allowed_hosts=allowed_hosts
    )
    return app


def _guarded(function: Callable[..., T], *args: Any) -> T:
    """In the worker: an unexpected failure is logged here and answered as ``internal``."""
    try:
        return function(*args)
    except SkillgapError:
        raise
    except Exception as error:
        log.exception("unexpected failure")
        raise ApiError(
            "internal", f"unexpected {type(error).__name__}; please report it with the file"
        ) from None


def _compare(analyzer: Analyzer, options: Options, resume: Upload, job: Upload) -> GapReport:
    return analyzer.compare(resume.document(options), job.document(options))


def _extract(analyzer: Analyzer, options: Options, upload: Upload, kind: str | None) -> str:
    from skillgap.extraction.sections import guess_kind

    document = upload.document(options)
    profile = analyzer.extract(document, kind or guess_kind(document.text))  # type: ignore[arg-type]
    if analyzer.options.redact and profile.kind == "resume":
        profile = profile.model_copy(update={"source": pseudonym(profile.source)})
    return render_profile(profile, "json")


def _rank(
    analyzer: Analyzer, options: Options, job: Upload, resumes: list[Upload], top_missing: int
) -> str:
    task = RankTask(analyzer, analyzer.analyze(job.document(options)), top_missing)
    rows = rank_rows(task.score_source(r.name, partial(r.document, options)) for r in resumes)
    return format_rows(rows, "json", task.job.source)


def _match(
    analyzer: Analyzer, options: Options, resume: Upload, jobs: list[Upload], top_missing: int
) -> str:
    profile = analyzer.extract(resume.document(options), "resume")
    if options.redact:
        profile = profile.model_copy(update={"source": pseudonym(profile.source)})
    task = MatchTask(analyzer, profile, top_missing)
    rows = match_rows(task.score_source(j.name, partial(j.document, options)) for j in jobs)
    return format_match_rows(rows, "json", profile.source)


@dataclass(frozen=True)
class Rows:
    """A rows endpoint: one document against many, answered as the CLI command's JSON."""

    command: str
    spec: Spec
    one: str
    one_is: str
    many: str
    many_are: str
    run: Callable[..., str]
    summary: str


ROWS = (
    Rows(
        "rank", RANK, "job", "the job ad", "resumes", "the résumés", _rank,
        "Many résumés against one job ad, best first: rank --format json.",
    ),
    Rows(
        "match", MATCH, "resume", "the résumé", "jobs", "the job ads", _match,
        "One résumé against many job ads, best fit first: match --format json.",
    ),
)  # fmt: skip


def _pair(form: Form) -> tuple[Upload, Upload]:
    return form.one("resume", "the résumé"), form.one("job", "the job ad (a file or text)")


def _top_missing(form: Form) -> int:
    value = form.settings.get("top_missing", "5")
    if not value.isdigit() or int(value) > 100:
        raise ApiError("bad_request", f"top_missing: {value!r} is not a whole number 0-100")
    return int(value)


def _same(given: str, token: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8", "replace"), token.encode("utf-8", "replace"))


def _json(content: str) -> Response:
    return Response(content, media_type="application/json")


def _extra(error: ApiError) -> dict[str, str]:
    if error.code == "unauthorized":
        return {"www-authenticate": 'Bearer realm="skillgap"'}
    if error.code == "busy":
        return {"retry-after": "1"}
    return {}


def _responses(model: type[BaseModel] | None) -> dict[int | str, dict[str, Any]]:
    errors: dict[int | str, dict[str, Any]] = {}
    for code, (status, _) in CODES.items():
        entry = errors.setdefault(status, {"model": ErrorBody, "description": ""})
        entry["description"] = "; ".join(filter(None, [entry["description"], code]))
    ok: dict[str, Any] = {"description": "the CLI's JSON for the same documents"}
    if model is not None:
        ok["model"] = model
    return {200: ok, **errors}


def _body(spec: Spec, settings: str = "") -> dict[str, Any]:
    """The request bodies an endpoint takes, for the OpenAPI schema."""
    files, texts = {}, {}
    for name, count in spec.documents.items():
        file = {"type": "string", "format": "binary"}
        text = {"type": "string", "description": "the document's text (never a path)"}
        files[name] = {"type": "array", "items": file} if count == "many" else file
        texts[name] = {"type": "array", "items": text} if count == "many" else text
    for name in spec.settings:
        files[name] = texts[name] = {"type": "string"}
    required = sorted(spec.documents)
    return {
        "requestBody": {
            "required": True,
            "description": "Files as multipart/form-data (a field without a file name, or "
            "NAME_text, is text), or text as a JSON object. " + settings,
            "content": {
                "multipart/form-data": {
                    "schema": {"type": "object", "properties": files, "required": required}
                },
                "application/json": {
                    "schema": {"type": "object", "properties": texts, "required": required}
                },
            },
        }
    }


class Guard:
    """The ASGI layer in front of the app: hosts, token, body size, response headers."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        token: str | None,
        limits: ServeLimits,
        answer: Callable[[str, ApiError], Response],
        allowed_hosts: tuple[str, ...] | None,
    ) -> None:
        self.app = app
        self.token = token
        self.limits = limits
        self.answer = answer
        self.hosts = allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_headers(send)
        path: str = scope["path"]
        headers = {key.lower(): value for key, value in scope["headers"]}
        refused = self._check(path, headers)
        if refused is not None:
            await self.answer(path, refused)(scope, receive, send)
            return
        await self.app(scope, _bounded(receive, self.limits), send)

    def _check(self, path: str, headers: dict[bytes, bytes]) -> ApiError | None:
        if self.hosts is not None:
            host = headers.get(b"host", b"").decode("latin-1").strip().lower()
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name not in self.hosts:
                return ApiError("bad_request", f"Host {host!r}: not served here; use 127.0.0.1")
        if self.token is not None and path.startswith("/v1") and path not in OPEN_PATHS:
            given = headers.get(b"authorization", b"").decode("latin-1")
            scheme, _, value = given.partition(" ")
            if scheme.lower() != "bearer" or not _same(value.strip(), self.token):
                return ApiError(
                    "unauthorized",
                    "this server needs its token: send the header 'Authorization: Bearer TOKEN'",
                )
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                return ApiError("bad_request", "Content-Length is not a number")
            if size > self.limits.body_bytes:
                return _too_large(self.limits, size)
        return None


def _too_large(limits: ServeLimits, size: int | None = None) -> ApiError:
    what = f"is {size / MIB:.0f} MB, over" if size else "is over"
    return ApiError(
        "too_large",
        f"the request body {what} the {limits.body_bytes / MIB:.0f} MB limit (max_body); "
        f"send fewer documents, each within {limits.read.max_bytes / MIB:.0f} MB (max_bytes)",
    )


def _bounded(receive: Receive, limits: ServeLimits) -> Receive:
    """``receive`` that refuses the body once more than ``body_bytes`` arrived."""
    received = 0

    async def bounded() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limits.body_bytes:
                raise _too_large(limits)
        return message

    return bounded


def _with_headers(send: Send) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            message = {**message, "headers": [*message.get("headers", []), *HEADERS]}
        await send(message)

    return sending
