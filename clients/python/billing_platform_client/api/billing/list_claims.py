from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.claim_page import ClaimPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: None | str | Unset = UNSET,
    payer_id: None | str | Unset = UNSET,
    encounter_id: None | Unset | UUID = UNSET,
    frequency_code: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    else:
        json_status = status
    params["status"] = json_status

    json_payer_id: None | str | Unset
    if isinstance(payer_id, Unset):
        json_payer_id = UNSET
    else:
        json_payer_id = payer_id
    params["payer_id"] = json_payer_id

    json_encounter_id: None | str | Unset
    if isinstance(encounter_id, Unset):
        json_encounter_id = UNSET
    elif isinstance(encounter_id, UUID):
        json_encounter_id = str(encounter_id)
    else:
        json_encounter_id = encounter_id
    params["encounter_id"] = json_encounter_id

    json_frequency_code: None | str | Unset
    if isinstance(frequency_code, Unset):
        json_frequency_code = UNSET
    else:
        json_frequency_code = frequency_code
    params["frequency_code"] = json_frequency_code

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/claims",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClaimPage | Problem | None:
    if response.status_code == 200:
        response_200 = ClaimPage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[ClaimPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: None | str | Unset = UNSET,
    payer_id: None | str | Unset = UNSET,
    encounter_id: None | Unset | UUID = UNSET,
    frequency_code: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[ClaimPage | Problem]:
    """List Claims

     The tenant's claims, newest first; filters by status, payer, encounter and frequency (1, 7, 8).

    Args:
        status (None | str | Unset):
        payer_id (None | str | Unset):
        encounter_id (None | Unset | UUID):
        frequency_code (None | str | Unset): 1 original, 7 replacement, 8 void
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset): The next_cursor of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClaimPage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        payer_id=payer_id,
        encounter_id=encounter_id,
        frequency_code=frequency_code,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    status: None | str | Unset = UNSET,
    payer_id: None | str | Unset = UNSET,
    encounter_id: None | Unset | UUID = UNSET,
    frequency_code: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> ClaimPage | Problem | None:
    """List Claims

     The tenant's claims, newest first; filters by status, payer, encounter and frequency (1, 7, 8).

    Args:
        status (None | str | Unset):
        payer_id (None | str | Unset):
        encounter_id (None | Unset | UUID):
        frequency_code (None | str | Unset): 1 original, 7 replacement, 8 void
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset): The next_cursor of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClaimPage | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        payer_id=payer_id,
        encounter_id=encounter_id,
        frequency_code=frequency_code,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: None | str | Unset = UNSET,
    payer_id: None | str | Unset = UNSET,
    encounter_id: None | Unset | UUID = UNSET,
    frequency_code: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[ClaimPage | Problem]:
    """List Claims

     The tenant's claims, newest first; filters by status, payer, encounter and frequency (1, 7, 8).

    Args:
        status (None | str | Unset):
        payer_id (None | str | Unset):
        encounter_id (None | Unset | UUID):
        frequency_code (None | str | Unset): 1 original, 7 replacement, 8 void
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset): The next_cursor of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClaimPage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        payer_id=payer_id,
        encounter_id=encounter_id,
        frequency_code=frequency_code,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    status: None | str | Unset = UNSET,
    payer_id: None | str | Unset = UNSET,
    encounter_id: None | Unset | UUID = UNSET,
    frequency_code: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> ClaimPage | Problem | None:
    """List Claims

     The tenant's claims, newest first; filters by status, payer, encounter and frequency (1, 7, 8).

    Args:
        status (None | str | Unset):
        payer_id (None | str | Unset):
        encounter_id (None | Unset | UUID):
        frequency_code (None | str | Unset): 1 original, 7 replacement, 8 void
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset): The next_cursor of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClaimPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            payer_id=payer_id,
            encounter_id=encounter_id,
            frequency_code=frequency_code,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
