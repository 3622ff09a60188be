from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.apply_suspense import ApplySuspense
from ...models.close_suspense import CloseSuspense
from ...models.problem import Problem
from ...models.refund_overpayment import RefundOverpayment
from ...models.suspense_item import SuspenseItem
from ...types import Response


def _get_kwargs(
    item_id: int,
    action: str,
    *,
    body: ApplySuspense | CloseSuspense | RefundOverpayment,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/suspense/{item_id}/{action}".format(
            item_id=quote(str(item_id), safe=""),
            action=quote(str(action), safe=""),
        ),
    }

    if isinstance(body, ApplySuspense) or isinstance(body, CloseSuspense):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SuspenseItem | None:
    if response.status_code == 200:
        response_200 = SuspenseItem.from_dict(response.json())

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
) -> Response[Problem | SuspenseItem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    item_id: int,
    action: str,
    *,
    client: AuthenticatedClient | Client,
    body: ApplySuspense | CloseSuspense | RefundOverpayment,
) -> Response[Problem | SuspenseItem]:
    """Work Suspense

     apply: {claim_id, note} posts the waiting payment to that claim; close: {reason} posts nothing;
    refund: {reference, method, refunded_on?} posts the refund of a payer's overpayment item (cash out,
    the liability settled) and closes it.

    Args:
        item_id (int):
        action (str):
        body (ApplySuspense | CloseSuspense | RefundOverpayment):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SuspenseItem]
    """

    kwargs = _get_kwargs(
        item_id=item_id,
        action=action,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    item_id: int,
    action: str,
    *,
    client: AuthenticatedClient | Client,
    body: ApplySuspense | CloseSuspense | RefundOverpayment,
) -> Problem | SuspenseItem | None:
    """Work Suspense

     apply: {claim_id, note} posts the waiting payment to that claim; close: {reason} posts nothing;
    refund: {reference, method, refunded_on?} posts the refund of a payer's overpayment item (cash out,
    the liability settled) and closes it.

    Args:
        item_id (int):
        action (str):
        body (ApplySuspense | CloseSuspense | RefundOverpayment):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SuspenseItem
    """

    return sync_detailed(
        item_id=item_id,
        action=action,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    item_id: int,
    action: str,
    *,
    client: AuthenticatedClient | Client,
    body: ApplySuspense | CloseSuspense | RefundOverpayment,
) -> Response[Problem | SuspenseItem]:
    """Work Suspense

     apply: {claim_id, note} posts the waiting payment to that claim; close: {reason} posts nothing;
    refund: {reference, method, refunded_on?} posts the refund of a payer's overpayment item (cash out,
    the liability settled) and closes it.

    Args:
        item_id (int):
        action (str):
        body (ApplySuspense | CloseSuspense | RefundOverpayment):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SuspenseItem]
    """

    kwargs = _get_kwargs(
        item_id=item_id,
        action=action,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    item_id: int,
    action: str,
    *,
    client: AuthenticatedClient | Client,
    body: ApplySuspense | CloseSuspense | RefundOverpayment,
) -> Problem | SuspenseItem | None:
    """Work Suspense

     apply: {claim_id, note} posts the waiting payment to that claim; close: {reason} posts nothing;
    refund: {reference, method, refunded_on?} posts the refund of a payer's overpayment item (cash out,
    the liability settled) and closes it.

    Args:
        item_id (int):
        action (str):
        body (ApplySuspense | CloseSuspense | RefundOverpayment):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SuspenseItem
    """

    return (
        await asyncio_detailed(
            item_id=item_id,
            action=action,
            client=client,
            body=body,
        )
    ).parsed
