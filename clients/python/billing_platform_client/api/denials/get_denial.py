from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.denial_detail import DenialDetail
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    denial_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/denials/{denial_id}".format(
            denial_id=quote(str(denial_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DenialDetail | Problem | None:
    if response.status_code == 200:
        response_200 = DenialDetail.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[DenialDetail | Problem]:
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
) -> Response[DenialDetail | Problem]:
    """Get Denial

    Args:
        denial_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DenialDetail | Problem]
    """

    kwargs = _get_kwargs(
        denial_id=denial_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    denial_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> DenialDetail | Problem | None:
    """Get Denial

    Args:
        denial_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DenialDetail | Problem
    """

    return sync_detailed(
        denial_id=denial_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    denial_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[DenialDetail | Problem]:
    """Get Denial

    Args:
        denial_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DenialDetail | Problem]
    """

    kwargs = _get_kwargs(
        denial_id=denial_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    denial_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> DenialDetail | Problem | None:
    """Get Denial

    Args:
        denial_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DenialDetail | Problem
    """

    return (
        await asyncio_detailed(
            denial_id=denial_id,
            client=client,
        )
    ).parsed
