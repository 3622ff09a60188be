"""The merged claim a client sees: claims' record, payments' postings, denials, one timeline."""


def merge_claim_view(claim: dict, payments: dict | None, denials: dict | None) -> dict:
    timeline = list(claim.get("timeline", []))
    view = dict(claim)
    if payments:
        view["payments"] = payments.get("payments", [])
        view["adjustments"] = payments.get("adjustments", [])
        view["balance"] = payments.get("balance")
        timeline += payments.get("timeline", [])
    if denials:
        view["denials"] = denials.get("items", [])
        timeline += [
            {"at": d["opened_at"], "service": "denials", "event": "denial_opened", "detail": d.get("category")}
            for d in denials.get("items", [])
        ]
    view["timeline"] = sorted(timeline, key=lambda entry: entry["at"])
    return view
