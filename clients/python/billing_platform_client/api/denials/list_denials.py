from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.denial_page import DenialPage
from ...models.list_denials_format_type_0 import ListDenialsFormatType0
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: None | str | Unset = UNSET,
    category: None | str | Unset = UNSET,
    payer_id: None | str | Unset = UNSET,
    claim_id: None | Unset | UUID = UNSET,
    assignee: None | str | Unset = UNSET,
    preventable: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: ListDenialsFormatType0 | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    else:
        json_status = status
    params["status"] = json_status

    json_category: None | str | Unset
    if isinstance(category, Unset):
        json_category = UNSET
    else:
        json_category = category
    params["category"] = json_category

    json_payer_id: None | str | Unset
    if isinstance(payer_id, Unset):
        json_payer_id = UNSET
    else:
        json_payer_id = payer_id
    params["payer_id"] = json_payer_id

    json_claim_id: None | str | Unset
    if isinstance(claim_id, Unset):
        json_claim_id = UNSET
    elif isinstance(claim_id, UUID):
        json_claim_id = str(claim_id)
    else:
        json_claim_id = claim_id
    params["claim_id"] = json_claim_id

    json_assignee: None | str | Unset
    if isinstance(assignee, Unset):
        json_assignee = UNSET
    else:
        json_assignee = assignee
    params["assignee"] = json_assignee

    json_preventable: bool | None | Unset
    if isinstance(preventable, Unset):
        json_preventable = UNSET
    else:
        json_preventable = preventable
    params["preventable"] = json_preventable

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, ListDenialsFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/denials",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DenialPage | Problem | None:
    if response.status_code == 200:
        response_200 = DenialPage.from_dict(response.json())

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
) -> Response[DenialPage | Problem]:
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
    category: None | str | Unset = UNSET,
    payer_id: None | str | Unset = UNSET,
    claim_id: None | Unset | UUID = UNSET,
    assignee: None | str | Unset = UNSET,
    preventable: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: ListDenialsFormatType0 | None | Unset = UNSET,
) -> Response[DenialPage | Problem]:
    """List Denials

     The work queue, highest priority first, with SLA and appeal-deadline timers.

    Args:
        status (None | str | Unset):
        category (None | str | Unset):
        payer_id (None | str | Unset):
        claim_id (None | Unset | UUID):
        assignee (None | str | Unset):
        preventable (bool | None | Unset):
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        format_ (ListDenialsFormatType0 | None | Unset): json (default), csv or xlsx: the same
            rows as a spreadsheet download

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DenialPage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        category=category,
        payer_id=payer_id,
        claim_id=claim_id,
        assignee=assignee,
        preventable=preventable,
        limit=limit,
        cursor=cursor,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    status: None | str | Unset = UNSET,
    category: None | str | Unset = UNSET,
    payer_id: None | str | Unset = UNSET,
    claim_id: None | Unset | UUID = UNSET,
    assignee: None | str | Unset = UNSET,
    preventable: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: ListDenialsFormatType0 | None | Unset = UNSET,
) -> DenialPage | Problem | None:
    """List Denials

     The work queue, highest priority first, with SLA and appeal-deadline timers.

    Args:
        status (None | str | Unset):
        category (None | str | Unset):
        payer_id (None | str | Unset):
        claim_id (None | Unset | UUID):
        assignee (None | str | Unset):
        preventable (bool | None | Unset):
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        format_ (ListDenialsFormatType0 | None | Unset): json (default), csv or xlsx: the same
            rows as a spreadsheet download

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DenialPage | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        category=category,
        payer_id=payer_id,
        claim_id=claim_id,
        assignee=assignee,
        preventable=preventable,
        limit=limit,
        cursor=cursor,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: None | str | Unset = UNSET,
    category: None | str | Unset = UNSET,
    payer_id: None | str | Unset = UNSET,
    claim_id: None | Unset | UUID = UNSET,
    assignee: None | str | Unset = UNSET,
    preventable: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: ListDenialsFormatType0 | None | Unset = UNSET,
) -> Response[DenialPage | Problem]:
    """List Denials

     The work queue, highest priority first, with SLA and appeal-deadline timers.

    Args:
        status (None | str | Unset):
        category (None | str | Unset):
        payer_id (None | str | Unset):
        claim_id (None | Unset | UUID):
        assignee (None | str | Unset):
        preventable (bool | None | Unset):
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        format_ (ListDenialsFormatType0 | None | Unset): json (default), csv or xlsx: the same
            rows as a spreadsheet download

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DenialPage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        category=category,
        payer_id=payer_id,
        claim_id=claim_id,
        assignee=assignee,
        preventable=preventable,
        limit=limit,
        cursor=cursor,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    status: None | str | Unset = UNSET,
    category: None | str | Unset = UNSET,
    payer_id: None | str | Unset = UNSET,
    claim_id: None | Unset | UUID = UNSET,
    assignee: None | str | Unset = UNSET,
    preventable: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: ListDenialsFormatType0 | None | Unset = UNSET,
) -> DenialPage | Problem | None:
    """List Denials

     The work queue, highest priority first, with SLA and appeal-deadline timers.

    Args:
        status (None | str | Unset):
        category (None | str | Unset):
        payer_id (None | str | Unset):
        claim_id (None | Unset | UUID):
        assignee (None | str | Unset):
        preventable (bool | None | Unset):
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        format_ (ListDenialsFormatType0 | None | Unset): json (default), csv or xlsx: the same
            rows as a spreadsheet download

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DenialPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            category=category,
            payer_id=payer_id,
            claim_id=claim_id,
            assignee=assignee,
            preventable=preventable,
            limit=limit,
            cursor=cursor,
            format_=format_,
        )
    ).parsed
