"""Clearinghouse connectors: HTTP, and a file dropbox (the SFTP-style exchange most use).

`submit` hands over one 837P file and returns the synchronous 999 when the channel has one.
`eligibility` (270) and `claim_status` (276) return the payer's 271 or 277 when the channel answers in
real time (HTTP); the dropbox returns None and the answer arrives later at the acks endpoint.
"""
from pathlib import Path
from typing import Protocol

import httpx

from shared.telemetry import TracedTransport, inject_headers


class ClearinghouseUnavailable(Exception):
    """The file was not handed over; the claims stay ready and the next round retries."""


class Clearinghouse(Protocol):
    async def submit(self, *, mailbox: str, control_number: int, x12: str) -> str | None: ...

    async def eligibility(self, *, mailbox: str, control_number: int, x12: str) -> str | None: ...

    async def claim_status(self, *, mailbox: str, control_number: int, x12: str) -> str | None: ...

    async def close(self) -> None: ...


class HttpClearinghouse:
    def __init__(self, base_url: str, timeout: float = 30.0):
        self._client = httpx.AsyncClient(base_url=base_url, timeout=timeout, transport=TracedTransport(httpx.AsyncHTTPTransport()))

    async def submit(self, *, mailbox: str, control_number: int, x12: str) -> str | None:
        return await self._post("/v1/837", mailbox, x12)

    async def eligibility(self, *, mailbox: str, control_number: int, x12: str) -> str | None:
        return await self._post("/v1/270", mailbox, x12)

    async def claim_status(self, *, mailbox: str, control_number: int, x12: str) -> str | None:
        return await self._post("/v1/276", mailbox, x12)

    async def _post(self, path: str, mailbox: str, x12: str) -> str:
        """The answer's text; a 4xx answer is returned too (the reader then finds it is not X12 and holds)."""
        try:
            response = await self._client.post(
                path, content=x12.encode(),
                headers=inject_headers({"content-type": "application/edi-x12", "X-Mailbox": mailbox}),
            )
        except httpx.HTTPError as exc:
            raise ClearinghouseUnavailable(type(exc).__name__) from exc
        if response.status_code >= 500:
            raise ClearinghouseUnavailable(f"status {response.status_code}")
        return response.text

    async def close(self) -> None:
        await self._client.aclose()


class DropboxClearinghouse:
    """Writes <dir>/outbound/<mailbox>/<ISA13>.837 atomically; answers arrive later in inbound/."""

    def __init__(self, directory: str):
        self._root = Path(directory)

    async def submit(self, *, mailbox: str, control_number: int, x12: str) -> str | None:
        return self._drop(mailbox, control_number, "837", x12)

    async def eligibility(self, *, mailbox: str, control_number: int, x12: str) -> str | None:
        return self._drop(mailbox, control_number, "270", x12)

    async def claim_status(self, *, mailbox: str, control_number: int, x12: str) -> str | None:
        return self._drop(mailbox, control_number, "276", x12)

    def _drop(self, mailbox: str, control_number: int, kind: str, x12: str) -> None:
        folder = self._root / "outbound" / mailbox
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / f"{control_number:09d}.{kind}.part"
        partial.write_text(x12)
        partial.rename(folder / f"{control_number:09d}.{kind}")
        return None

    async def close(self) -> None:
        pass


def make_clearinghouse(settings) -> Clearinghouse:
    if settings.clearinghouse_mode == "dropbox":
        return DropboxClearinghouse(settings.clearinghouse_dropbox_dir)
    return HttpClearinghouse(settings.clearinghouse_url)
