from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.follow_up_queue import FollowUpQueue
from ...models.follow_up_queue_format_type_0 import FollowUpQueueFormatType0
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    payer_id: None | str | Unset = UNSET,
    due_only: bool | Unset = False,
    limit: int | Unset = 50,
    format_: FollowUpQueueFormatType0 | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_payer_id: None | str | Unset
    if isinstance(payer_id, Unset):
        json_payer_id = UNSET
    else:
        json_payer_id = payer_id
    params["payer_id"] = json_payer_id

    params["due_only"] = due_only

    params["limit"] = limit

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, FollowUpQueueFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/follow-up",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FollowUpQueue | Problem | None:
    if response.status_code == 200:
        response_200 = FollowUpQueue.from_dict(response.json())

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
) -> Response[FollowUpQueue | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    payer_id: None | str | Unset = UNSET,
    due_only: bool | Unset = False,
    limit: int | Unset = 50,
    format_: FollowUpQueueFormatType0 | None | Unset = UNSET,
) -> Response[FollowUpQueue | Problem]:
    """Follow Up Queue

     Claims past their payer's expected days without a remittance, largest and oldest first.

    Args:
        payer_id (None | str | Unset):
        due_only (bool | Unset):  Default: False.
        limit (int | Unset):  Default: 50.
        format_ (FollowUpQueueFormatType0 | None | Unset): json (default), csv or xlsx: the same
            rows as a spreadsheet download

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FollowUpQueue | Problem]
    """

    kwargs = _get_kwargs(
        payer_id=payer_id,
        due_only=due_only,
        limit=limit,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    payer_id: None | str | Unset = UNSET,
    due_only: bool | Unset = False,
    limit: int | Unset = 50,
    format_: FollowUpQueueFormatType0 | None | Unset = UNSET,
) -> FollowUpQueue | Problem | None:
    """Follow Up Queue

     Claims past their payer's expected days without a remittance, largest and oldest first.

    Args:
        payer_id (None | str | Unset):
        due_only (bool | Unset):  Default: False.
        limit (int | Unset):  Default: 50.
        format_ (FollowUpQueueFormatType0 | None | Unset): json (default), csv or xlsx: the same
            rows as a spreadsheet download

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FollowUpQueue | Problem
    """

    return sync_detailed(
        client=client,
        payer_id=payer_id,
        due_only=due_only,
        limit=limit,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    payer_id: None | str | Unset = UNSET,
    due_only: bool | Unset = False,
    limit: int | Unset = 50,
    format_: FollowUpQueueFormatType0 | None | Unset = UNSET,
) -> Response[FollowUpQueue | Problem]:
    """Follow Up Queue

     Claims past their payer's expected days without a remittance, largest and oldest first.

    Args:
        payer_id (None | str | Unset):
        due_only (bool | Unset):  Default: False.
        limit (int | Unset):  Default: 50.
        format_ (FollowUpQueueFormatType0 | None | Unset): json (default), csv or xlsx: the same
            rows as a spreadsheet download

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FollowUpQueue | Problem]
    """

    kwargs = _get_kwargs(
        payer_id=payer_id,
        due_only=due_only,
        limit=limit,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    payer_id: None | str | Unset = UNSET,
    due_only: bool | Unset = False,
    limit: int | Unset = 50,
    format_: FollowUpQueueFormatType0 | None | Unset = UNSET,
) -> FollowUpQueue | Problem | None:
    """Follow Up Queue

     Claims past their payer's expected days without a remittance, largest and oldest first.

    Args:
        payer_id (None | str | Unset):
        due_only (bool | Unset):  Default: False.
        limit (int | Unset):  Default: 50.
        format_ (FollowUpQueueFormatType0 | None | Unset): json (default), csv or xlsx: the same
            rows as a spreadsheet download

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FollowUpQueue | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            payer_id=payer_id,
            due_only=due_only,
            limit=limit,
            format_=format_,
        )
    ).parsed
