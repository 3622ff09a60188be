import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.encounter_page import EncounterPage
from ...models.list_encounters_source_format_type_0 import (
    ListEncountersSourceFormatType0,
)
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    source_format: ListEncountersSourceFormatType0 | None | Unset = UNSET,
    received_from: datetime.datetime | None | Unset = UNSET,
    received_to: datetime.datetime | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_external_id: None | str | Unset
    if isinstance(external_id, Unset):
        json_external_id = UNSET
    else:
        json_external_id = external_id
    params["external_id"] = json_external_id

    json_source_format: None | str | Unset
    if isinstance(source_format, Unset):
        json_source_format = UNSET
    elif isinstance(source_format, ListEncountersSourceFormatType0):
        json_source_format = source_format.value
    else:
        json_source_format = source_format
    params["source_format"] = json_source_format

    json_received_from: None | str | Unset
    if isinstance(received_from, Unset):
        json_received_from = UNSET
    elif isinstance(received_from, datetime.datetime):
        json_received_from = received_from.isoformat()
    else:
        json_received_from = received_from
    params["received_from"] = json_received_from

    json_received_to: None | str | Unset
    if isinstance(received_to, Unset):
        json_received_to = UNSET
    elif isinstance(received_to, datetime.datetime):
        json_received_to = received_to.isoformat()
    else:
        json_received_to = received_to
    params["received_to"] = json_received_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/encounters",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EncounterPage | Problem | None:
    if response.status_code == 200:
        response_200 = EncounterPage.from_dict(response.json())

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
) -> Response[EncounterPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    source_format: ListEncountersSourceFormatType0 | None | Unset = UNSET,
    received_from: datetime.datetime | None | Unset = UNSET,
    received_to: datetime.datetime | None | Unset = UNSET,
) -> Response[EncounterPage | Problem]:
    """List Encounters

     Encounters received from this tenant, newest first; filter by external id, format or time.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        external_id (None | str | Unset):
        source_format (ListEncountersSourceFormatType0 | None | Unset):
        received_from (datetime.datetime | None | Unset):
        received_to (datetime.datetime | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EncounterPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        external_id=external_id,
        source_format=source_format,
        received_from=received_from,
        received_to=received_to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    source_format: ListEncountersSourceFormatType0 | None | Unset = UNSET,
    received_from: datetime.datetime | None | Unset = UNSET,
    received_to: datetime.datetime | None | Unset = UNSET,
) -> EncounterPage | Problem | None:
    """List Encounters

     Encounters received from this tenant, newest first; filter by external id, format or time.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        external_id (None | str | Unset):
        source_format (ListEncountersSourceFormatType0 | None | Unset):
        received_from (datetime.datetime | None | Unset):
        received_to (datetime.datetime | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EncounterPage | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        external_id=external_id,
        source_format=source_format,
        received_from=received_from,
        received_to=received_to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    source_format: ListEncountersSourceFormatType0 | None | Unset = UNSET,
    received_from: datetime.datetime | None | Unset = UNSET,
    received_to: datetime.datetime | None | Unset = UNSET,
) -> Response[EncounterPage | Problem]:
    """List Encounters

     Encounters received from this tenant, newest first; filter by external id, format or time.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        external_id (None | str | Unset):
        source_format (ListEncountersSourceFormatType0 | None | Unset):
        received_from (datetime.datetime | None | Unset):
        received_to (datetime.datetime | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EncounterPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        external_id=external_id,
        source_format=source_format,
        received_from=received_from,
        received_to=received_to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    source_format: ListEncountersSourceFormatType0 | None | Unset = UNSET,
    received_from: datetime.datetime | None | Unset = UNSET,
    received_to: datetime.datetime | None | Unset = UNSET,
) -> EncounterPage | Problem | None:
    """List Encounters

     Encounters received from this tenant, newest first; filter by external id, format or time.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        external_id (None | str | Unset):
        source_format (ListEncountersSourceFormatType0 | None | Unset):
        received_from (datetime.datetime | None | Unset):
        received_to (datetime.datetime | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EncounterPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            external_id=external_id,
            source_format=source_format,
            received_from=received_from,
            received_to=received_to,
        )
    ).parsed
