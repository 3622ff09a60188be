"""The reads behind every claim view check the internal token in their bodies, not through a dependency:
a missing, forged or expired token must still be a 401 problem before anything is read (the app below has
no runtime, so a route that went on to read would answer 500)."""
import uuid
from types import SimpleNamespace

import httpx
import pytest
from fastapi import FastAPI

from shared.http.problems import install_problem_handlers
from shared.internal_auth import HEADER, Caller, issue_token
from services.claims.entrypoints.api import router as claims_router
from services.denials.entrypoints.api import router as denials_router
from services.payments.entrypoints.api import router as payments_router

pytestmark = pytest.mark.unit
SECRET = "s" * 40
CLAIM = uuid.uuid4()
PATHS = (f"/internal/claims/{CLAIM}", f"/internal/claims/{CLAIM}/postings", f"/internal/claims/{CLAIM}/denials")


def _app() -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)
    for router in (claims_router, payments_router, denials_router):
        app.include_router(router)
    app.state.settings = SimpleNamespace(internal_token_secret=SECRET)
    return app


def _tokens() -> dict[str, str | None]:
    caller = Caller(str(uuid.uuid4()), "key-1", ("billing:read",))
    good = issue_token(SECRET, caller)
    body, signature = good.split(".")
    return {"missing": None, "forged": issue_token("f" * 40, caller), "altered": body + "x." + signature,
            "expired": issue_token(SECRET, caller, ttl_seconds=-1)}


@pytest.mark.parametrize("path", PATHS)
async def test_a_claim_view_read_refuses_a_bad_token_with_a_401_problem(path):
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=_app()), base_url="http://service") as client:
        for kind, token in _tokens().items():
            for _ in range(2):  # the second time too: a refusal is never remembered as a verdict
                answer = await client.get(path, headers={HEADER: token} if token else {})
                assert answer.status_code == 401, (kind, answer.text)
                assert answer.headers["content-type"].startswith("application/problem+json")
