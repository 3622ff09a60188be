"""Running one use case in a unit of work from a route: a refusal is a 409, a missing object a 404."""
from shared.http.problems import Problem


async def run_action(request, action, /, *, refused: type[Exception], not_found: str,
                     refused_title: str = "Action not allowed",
                     **kwargs):
    """`action(uow, **kwargs)` returns the object it acted on, or None when the tenant has no such object;
    it raises `refused` (with a PHI-free message) when the object's state does not allow the action."""
    try:
        async with request.app.state.runtime.units_of_work() as uow:
            result = await action(uow, **kwargs)
    except refused as exc:
        raise Problem(409, refused_title, str(exc)) from exc
    if result is None:
        raise Problem(404, not_found)
    return result
