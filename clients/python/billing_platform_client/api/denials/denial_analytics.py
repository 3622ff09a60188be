import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.denial_analytics import DenialAnalytics
from ...models.denial_analytics_format_type_0 import DenialAnalyticsFormatType0
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    top: int | Unset = 5,
    format_: DenialAnalyticsFormatType0 | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.date):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.date):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    params["top"] = top

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, DenialAnalyticsFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/denials/analytics",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DenialAnalytics | Problem | None:
    if response.status_code == 200:
        response_200 = DenialAnalytics.from_dict(response.json())

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
) -> Response[DenialAnalytics | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    top: int | Unset = 5,
    format_: DenialAnalyticsFormatType0 | None | Unset = UNSET,
) -> Response[DenialAnalytics | Problem]:
    """Denial Analytics

     Denial rate by payer, provider, procedure and month; shares by CARC and category; the
    preventable share; top root causes (payer + category + procedure).

    Args:
        from_ (datetime.date | None | Unset):
        to (datetime.date | None | Unset):
        top (int | Unset):  Default: 5.
        format_ (DenialAnalyticsFormatType0 | None | Unset): json (default), csv or xlsx: the same
            rows as a spreadsheet download

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DenialAnalytics | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        top=top,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    top: int | Unset = 5,
    format_: DenialAnalyticsFormatType0 | None | Unset = UNSET,
) -> DenialAnalytics | Problem | None:
    """Denial Analytics

     Denial rate by payer, provider, procedure and month; shares by CARC and category; the
    preventable share; top root causes (payer + category + procedure).

    Args:
        from_ (datetime.date | None | Unset):
        to (datetime.date | None | Unset):
        top (int | Unset):  Default: 5.
        format_ (DenialAnalyticsFormatType0 | None | Unset): json (default), csv or xlsx: the same
            rows as a spreadsheet download

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DenialAnalytics | Problem
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        top=top,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    top: int | Unset = 5,
    format_: DenialAnalyticsFormatType0 | None | Unset = UNSET,
) -> Response[DenialAnalytics | Problem]:
    """Denial Analytics

     Denial rate by payer, provider, procedure and month; shares by CARC and category; the
    preventable share; top root causes (payer + category + procedure).

    Args:
        from_ (datetime.date | None | Unset):
        to (datetime.date | None | Unset):
        top (int | Unset):  Default: 5.
        format_ (DenialAnalyticsFormatType0 | None | Unset): json (default), csv or xlsx: the same
            rows as a spreadsheet download

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DenialAnalytics | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        top=top,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    top: int | Unset = 5,
    format_: DenialAnalyticsFormatType0 | None | Unset = UNSET,
) -> DenialAnalytics | Problem | None:
    """Denial Analytics

     Denial rate by payer, provider, procedure and month; shares by CARC and category; the
    preventable share; top root causes (payer + category + procedure).

    Args:
        from_ (datetime.date | None | Unset):
        to (datetime.date | None | Unset):
        top (int | Unset):  Default: 5.
        format_ (DenialAnalyticsFormatType0 | None | Unset): json (default), csv or xlsx: the same
            rows as a spreadsheet download

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DenialAnalytics | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            top=top,
            format_=format_,
        )
    ).parsed
