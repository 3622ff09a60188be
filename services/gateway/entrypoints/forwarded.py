"""The route table's operations as one router (see services/gateway/entrypoints/route_table.py)."""
from fastapi import APIRouter

from services.gateway.entrypoints.forward import install
from services.gateway.entrypoints.route_table import CLAIMS, CODING, DENIALS, PAYMENTS

router = install(APIRouter(), CLAIMS + PAYMENTS + DENIALS + CODING)
