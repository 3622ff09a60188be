"""The ops dashboard served by the gateway (issue 7, item 4) and the KPI report (issue 6)."""


def install(app) -> None:
    from services.gateway.dashboard import ops_keys, routes

    for router in (ops_keys.router, routes.public, routes.router):
        app.include_router(router)
