from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.claim_correction import ClaimCorrection
from ...models.denial import Denial
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    denial_id: UUID,
    *,
    body: ClaimCorrection,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/denials/{denial_id}/correct".format(
            denial_id=quote(str(denial_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Denial | Problem | None:
    if response.status_code == 200:
        response_200 = Denial.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[Denial | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    denial_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ClaimCorrection,
) -> Response[Denial | Problem]:
    """Correct

     Claims bills a replacement claim (frequency 7, REF*F8 = the payer's claim number) with these
    changes.

    Args:
        denial_id (UUID):
        body (ClaimCorrection): What changes on the replacement claim; anything left out stays as
            billed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Denial | Problem]
    """

    kwargs = _get_kwargs(
        denial_id=denial_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    denial_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ClaimCorrection,
) -> Denial | Problem | None:
    """Correct

     Claims bills a replacement claim (frequency 7, REF*F8 = the payer's claim number) with these
    changes.

    Args:
        denial_id (UUID):
        body (ClaimCorrection): What changes on the replacement claim; anything left out stays as
            billed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Denial | Problem
    """

    return sync_detailed(
        denial_id=denial_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    denial_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ClaimCorrection,
) -> Response[Denial | Problem]:
    """Correct

     Claims bills a replacement claim (frequency 7, REF*F8 = the payer's claim number) with these
    changes.

    Args:
        denial_id (UUID):
        body (ClaimCorrection): What changes on the replacement claim; anything left out stays as
            billed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Denial | Problem]
    """

    kwargs = _get_kwargs(
        denial_id=denial_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    denial_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ClaimCorrection,
) -> Denial | Problem | None:
    """Correct

     Claims bills a replacement claim (frequency 7, REF*F8 = the payer's claim number) with these
    changes.

    Args:
        denial_id (UUID):
        body (ClaimCorrection): What changes on the replacement claim; anything left out stays as
            billed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Denial | Problem
    """

    return (
        await asyncio_detailed(
            denial_id=denial_id,
            client=client,
            body=body,
        )
    ).parsed
