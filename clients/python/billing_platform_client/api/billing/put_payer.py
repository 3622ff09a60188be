from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.payer import Payer
from ...models.payer_profile import PayerProfile
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    payer_id: str,
    *,
    body: PayerProfile,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/payers/{payer_id}".format(
            payer_id=quote(str(payer_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Payer | Problem | None:
    if response.status_code == 200:
        response_200 = Payer.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Payer | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    payer_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PayerProfile,
) -> Response[Payer | Problem]:
    """Put Payer

     Adds a payer the tenant bills, or changes its profile (deadlines, program); new claims use it.

    Args:
        payer_id (str):
        body (PayerProfile): What billing needs to know of a payer: where claims go, its deadlines
            and its program (SBR09).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Payer | Problem]
    """

    kwargs = _get_kwargs(
        payer_id=payer_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    payer_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PayerProfile,
) -> Payer | Problem | None:
    """Put Payer

     Adds a payer the tenant bills, or changes its profile (deadlines, program); new claims use it.

    Args:
        payer_id (str):
        body (PayerProfile): What billing needs to know of a payer: where claims go, its deadlines
            and its program (SBR09).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Payer | Problem
    """

    return sync_detailed(
        payer_id=payer_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    payer_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PayerProfile,
) -> Response[Payer | Problem]:
    """Put Payer

     Adds a payer the tenant bills, or changes its profile (deadlines, program); new claims use it.

    Args:
        payer_id (str):
        body (PayerProfile): What billing needs to know of a payer: where claims go, its deadlines
            and its program (SBR09).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Payer | Problem]
    """

    kwargs = _get_kwargs(
        payer_id=payer_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    payer_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PayerProfile,
) -> Payer | Problem | None:
    """Put Payer

     Adds a payer the tenant bills, or changes its profile (deadlines, program); new claims use it.

    Args:
        payer_id (str):
        body (PayerProfile): What billing needs to know of a payer: where claims go, its deadlines
            and its program (SBR09).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Payer | Problem
    """

    return (
        await asyncio_detailed(
            payer_id=payer_id,
            client=client,
            body=body,
        )
    ).parsed
