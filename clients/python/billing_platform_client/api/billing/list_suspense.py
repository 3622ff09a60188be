from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_suspense_status import ListSuspenseStatus
from ...models.problem import Problem
from ...models.suspense_page import SuspensePage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: ListSuspenseStatus | Unset = ListSuspenseStatus.OPEN,
    cursor: int | None | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_cursor: int | None | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/suspense",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SuspensePage | None:
    if response.status_code == 200:
        response_200 = SuspensePage.from_dict(response.json())

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
) -> Response[Problem | SuspensePage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: ListSuspenseStatus | Unset = ListSuspenseStatus.OPEN,
    cursor: int | None | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[Problem | SuspensePage]:
    """List Suspense

     Payments waiting in suspense (status open), or worked (posted, closed), oldest first. `next_cursor`
    of a page, passed as `cursor`, gives the next page; null at the end.

    Args:
        status (ListSuspenseStatus | Unset):  Default: ListSuspenseStatus.OPEN.
        cursor (int | None | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SuspensePage]
    """

    kwargs = _get_kwargs(
        status=status,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    status: ListSuspenseStatus | Unset = ListSuspenseStatus.OPEN,
    cursor: int | None | Unset = UNSET,
    limit: int | Unset = 50,
) -> Problem | SuspensePage | None:
    """List Suspense

     Payments waiting in suspense (status open), or worked (posted, closed), oldest first. `next_cursor`
    of a page, passed as `cursor`, gives the next page; null at the end.

    Args:
        status (ListSuspenseStatus | Unset):  Default: ListSuspenseStatus.OPEN.
        cursor (int | None | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SuspensePage
    """

    return sync_detailed(
        client=client,
        status=status,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: ListSuspenseStatus | Unset = ListSuspenseStatus.OPEN,
    cursor: int | None | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[Problem | SuspensePage]:
    """List Suspense

     Payments waiting in suspense (status open), or worked (posted, closed), oldest first. `next_cursor`
    of a page, passed as `cursor`, gives the next page; null at the end.

    Args:
        status (ListSuspenseStatus | Unset):  Default: ListSuspenseStatus.OPEN.
        cursor (int | None | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SuspensePage]
    """

    kwargs = _get_kwargs(
        status=status,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    status: ListSuspenseStatus | Unset = ListSuspenseStatus.OPEN,
    cursor: int | None | Unset = UNSET,
    limit: int | Unset = 50,
) -> Problem | SuspensePage | None:
    """List Suspense

     Payments waiting in suspense (status open), or worked (posted, closed), oldest first. `next_cursor`
    of a page, passed as `cursor`, gives the next page; null at the end.

    Args:
        status (ListSuspenseStatus | Unset):  Default: ListSuspenseStatus.OPEN.
        cursor (int | None | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SuspensePage
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
