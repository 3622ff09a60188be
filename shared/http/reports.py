"""Whose figures an internal report may show: the caller's tenant, or every tenant for an ops key.

Only the gateway signs internal tokens, and it grants the `ops` scope only to keys the operator issued.
"""
from typing import Annotated
from uuid import UUID

from fastapi import Query

from shared.http.problems import Problem
from shared.internal_auth import Caller

OPS_SCOPE = "ops"
AllTenants = Annotated[bool, Query(description="Every tenant's figures (ops keys only).")]


def report_tenant(caller: Caller, all_tenants: bool) -> UUID | None:
    """The tenant to filter by, or None for all tenants (ops only)."""
    if all_tenants:
        require_ops(caller)
        return None
    return UUID(caller.tenant_id)


def require_ops(caller: Caller) -> None:
    if OPS_SCOPE not in caller.scopes:
        raise Problem(403, "Forbidden", "this report needs an ops key")
