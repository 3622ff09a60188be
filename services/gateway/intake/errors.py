"""Intake errors name the resource, segment or field at fault, never the value (it may be PHI)."""


class IntakeError(Exception):
    def __init__(self, problems: list[dict]):
        super().__init__(f"{len(problems)} problem(s) in the encounter")
        self.problems = problems

    def summary(self) -> str:
        return "; ".join(f"{p['field']}: {p['message']}" for p in self.problems[:5])


class UnsupportedFormat(IntakeError):
    def __init__(self, content_type: str):
        super().__init__([{"field": "content-type", "message": f"unsupported media type {content_type[:60]!r}"}])
