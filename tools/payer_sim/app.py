"""The simulator's HTTP face: POST /v1/837 answers a 999 and schedules the 277CA and 835 pushes;
POST /v1/270 and /v1/276 answer eligibility and claim status in real time (271, 277)."""
import asyncio
import contextlib
import logging
from datetime import datetime, timezone

import httpx
from fastapi import FastAPI, Header, HTTPException, Request, Response
from pydantic import BaseModel, Field

from shared.http.clearinghouse_auth import CALLBACK_KEY_HEADER, MAILBOX_HEADER
from shared.x12 import X12SyntaxError, element, segments
from tools.payer_sim.adjudication import Rules
from tools.payer_sim.claim_status import answer_276
from tools.payer_sim.clearinghouse import process_837
from tools.payer_sim.eligibility import answer_270
from tools.payer_sim.members import MemberBook
from tools.payer_sim.settings import SimSettings
from tools.payer_sim.state import SimState

log = logging.getLogger("payer_sim")


def callback_headers(settings: SimSettings, mailbox: str) -> dict[str, str]:
    """A callback names the mailbox and carries the clearinghouse's own key."""
    headers = {"content-type": "application/edi-x12", MAILBOX_HEADER: mailbox}
    if settings.clearinghouse_callback_key is not None:
        headers[CALLBACK_KEY_HEADER] = settings.clearinghouse_callback_key.get_secret_value()
    return headers


async def deliver_forever(state: SimState, settings: SimSettings) -> None:
    if settings.clearinghouse_callback_key is None:
        log.warning("CLEARINGHOUSE_CALLBACK_KEY is not set: the platform will refuse every callback")
    async with httpx.AsyncClient(timeout=30) as client:
        while True:
            for delivery_id, url, mailbox, body, attempts in state.due_deliveries():
                try:
                    response = await client.post(url, content=body.encode(), headers=callback_headers(settings, mailbox))
                    ok = response.status_code < 300 or response.status_code in (409, 422)
                except httpx.HTTPError:
                    ok = False
                if ok:
                    state.delivered(delivery_id)
                else:
                    state.retry_later(delivery_id, attempts)
            await asyncio.sleep(0.1)


def interchange_control_number(text: str) -> str | None:
    """ISA13, the sender's unique number for the interchange; None when the envelope is unreadable."""
    try:
        return element(segments(text)[0], 13) or None
    except (X12SyntaxError, IndexError):
        return None


class SubmitDelay(BaseModel):
    """How long the clearinghouse holds its answer to a submission (its 277CA and 835 still go out on time)."""

    seconds: float = Field(ge=0, le=120)


def create_app(settings: SimSettings) -> FastAPI:
    state, rules, book = SimState(settings.payer_sim_state_path), Rules.load(), MemberBook.load()

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI):
        task = asyncio.create_task(deliver_forever(state, settings))
        yield
        task.cancel()

    app = FastAPI(title="Payer and clearinghouse simulator", lifespan=lifespan)
    app.state.sim_state = state
    app.state.submit_delay = 0.0

    @app.get("/health")
    async def health() -> dict:
        return {"status": "ok"}

    @app.post("/v1/837")
    async def submit_837(request: Request, mailbox: str = Header(alias="X-Mailbox")) -> Response:
        text = (await request.body()).decode(errors="replace")
        isa13 = interchange_control_number(text)
        with state.transaction():
            ack = state.stored_ack(mailbox, isa13) if isa13 else None
            if ack is None:  # a resent interchange gets its first answer again and is not adjudicated twice
                ack = process_837(text, mailbox=mailbox, state=state, rules=rules, seed=settings.payer_sim_seed,
                                  settings=settings, book=book)
                if isa13:
                    state.store_ack(mailbox, isa13, ack)
        if app.state.submit_delay:  # a slow front door: the scheduled acks can overtake this answer
            await asyncio.sleep(app.state.submit_delay)
        return Response(ack, media_type="application/edi-x12")

    @app.post("/control/submit-delay")
    async def set_submit_delay(body: SubmitDelay) -> dict:
        """Fault injection for the chaos run: answer submissions late from now on (0 turns it off)."""
        app.state.submit_delay = body.seconds
        return {"seconds": body.seconds}

    @app.post("/v1/270")
    async def eligibility_inquiry(request: Request, mailbox: str = Header(alias="X-Mailbox")) -> Response:
        """Real-time eligibility: the 271 in the response body."""
        text = (await request.body()).decode(errors="replace")
        try:
            answer = answer_270(text, mailbox=mailbox, state=state, book=book, seed=settings.payer_sim_seed,
                                control=state.next_number("271"), at=datetime.now(timezone.utc))
        except (X12SyntaxError, ValueError, IndexError) as exc:
            raise HTTPException(400, "not a readable 270") from exc
        return Response(answer, media_type="application/edi-x12")

    @app.post("/v1/276")
    async def claim_status_inquiry(request: Request, mailbox: str = Header(alias="X-Mailbox")) -> Response:
        """Real-time claim status: the 277 in the response body."""
        text = (await request.body()).decode(errors="replace")
        try:
            answer = answer_276(text, mailbox=mailbox, state=state, control=state.next_number("277"),
                                at=datetime.now(timezone.utc))
        except (X12SyntaxError, ValueError, IndexError) as exc:
            raise HTTPException(400, "not a readable 276") from exc
        return Response(answer, media_type="application/edi-x12")

    @app.get("/v1/submissions/{control}")
    async def submission(control: str) -> Response:
        summary = state.submission(control)
        if summary is None:
            raise HTTPException(404, "unknown interchange")
        return Response(summary, media_type="application/json")

    return app


app = create_app(SimSettings())
