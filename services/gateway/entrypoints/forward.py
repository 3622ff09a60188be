"""One typed path from a public route to a service: query checked once against the list's shared query
model, the body against its request model, the answer against its response model.

`install(router, routes)` turns each `Forward` of a route table into a FastAPI route whose signature
(path parameters, query model, body, scope) FastAPI reads for validation and for the OpenAPI document;
`forward()` is the same call for the routes that do more than forward (exports, merged views).
"""
import inspect
import logging
from dataclasses import dataclass, field
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel, ValidationError

from shared.http.problems import Problem
from shared.internal_auth import Caller
from services.gateway.adapters.upstream import raise_for_problem
from services.gateway.entrypoints.openapi import json_body

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Forward:
    """A public operation answered by one service call: `method path` -> `service internal_path`."""

    name: str  # the operation's function name, which its operationId and summary come from
    method: str
    path: str
    service: str
    internal_path: str  # may name the path parameters: "/internal/claims/{claim_id}/notes"
    response: type[BaseModel]
    caller: Any  # the scope dependency: ReadCaller, WriteCaller, AdminCaller or PushCaller
    path_params: dict[str, Any] = field(default_factory=dict)
    query: type[BaseModel] | None = None
    body: type[BaseModel] | None = None  # validated here, sent as JSON
    raw_body: tuple[type[BaseModel], ...] = ()  # declared, sent as it came: the service validates it
    status_code: int = 200
    also: tuple[int, ...] = ()  # further success codes the service answers (a resend: 200 for a 201)
    description: str | None = None
    tag: str | None = None  # the document's group; the service's name unless said



def upstream_params(query: BaseModel | None) -> dict[str, str] | None:
    """The query as the service reads it: aliases, no unset filters, booleans as true/false."""
    if query is None:
        return None
    values = query.model_dump(mode="json", by_alias=True, exclude_none=True)
    return {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in values.items()}


async def forward(request: Request, caller: Caller, service: str, method: str, path: str, answer: type[BaseModel],
                  *, query: BaseModel | None = None, content: bytes | str | None = None,
                  content_type: str = "application/json", response: Response | None = None) -> BaseModel:
    """Call the service and read its answer as `answer`; its problems pass through, its 5xx is a 503."""
    kwargs: dict = {"params": upstream_params(query)}
    if content is not None:
        kwargs.update(content=content, headers={"content-type": content_type})
    upstream = await request.app.state.upstreams[service].request(method, path, caller, **kwargs)
    raise_for_problem(upstream)
    try:
        body = answer.model_validate_json(upstream.content)
    except ValidationError as exc:  # the service broke its own contract: locations only, values may be PHI
        log.error("%s answered %s %s off its contract at %s", service, method, path,
                  [".".join(map(str, e["loc"])) for e in exc.errors(include_input=False)][:10])
        raise Problem(503, "A service failed to answer", "retry later", headers={"Retry-After": "5"}) from None
    if response is not None:
        response.status_code = upstream.status_code
    return body


def _endpoint(route: Forward):
    async def endpoint(request: Request, response: Response, caller: Caller, query: BaseModel | None = None,
                       body: BaseModel | None = None, **path_values) -> BaseModel:
        internal = route.internal_path.format(**{k: quote(str(v), safe="") for k, v in path_values.items()})
        content = body.model_dump_json(exclude_unset=True) if body is not None else (
            await request.body() if route.raw_body else None)
        return await forward(request, caller, route.service, route.method, internal, route.response, query=query,
                             content=content, response=response)

    keyword = inspect.Parameter.KEYWORD_ONLY
    parameters = [inspect.Parameter("request", keyword, annotation=Request),
                  inspect.Parameter("response", keyword, annotation=Response),
                  inspect.Parameter("caller", keyword, annotation=route.caller)]
    parameters += [inspect.Parameter(name, keyword, annotation=kind) for name, kind in route.path_params.items()]
    if route.query is not None:
        parameters.append(inspect.Parameter("query", keyword, annotation=Annotated[route.query, Query()]))
    if route.body is not None:
        parameters.append(inspect.Parameter("body", keyword, annotation=route.body))
    endpoint.__signature__ = inspect.Signature(parameters, return_annotation=route.response)
    endpoint.__name__ = route.name
    endpoint.__doc__ = route.description
    return endpoint


def install(router: APIRouter, routes: tuple[Forward, ...]) -> APIRouter:
    for route in routes:
        extra = json_body(*route.raw_body) if route.raw_body else None
        responses = {code: {"model": route.response} for code in route.also}
        router.add_api_route(route.path, _endpoint(route), methods=[route.method], name=route.name,
                             response_model=route.response, status_code=route.status_code, responses=responses,
                             openapi_extra=extra, description=route.description, tags=[route.tag or route.service])
    return router
