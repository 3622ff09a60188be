from enum import StrEnum


class WebhookCreateEventsItem(StrEnum):
    CLAIM_ACCEPTED = "claim.accepted"
    CLAIM_DENIED = "claim.denied"
    CLAIM_PAID = "claim.paid"
    CLAIM_REJECTED = "claim.rejected"

    def __str__(self) -> str:
        return str(self.value)
