"""The ops dashboard served by the gateway and the KPI report."""


def install(app) -> None:
    from services.gateway.dashboard import ops_keys, routes

    for router in (ops_keys.router, routes.public, routes.router):
        app.include_router(router)
