"""The coded claims this process wrote lately, kept with the JSON text it stored for each.

claim.coded validates each coded claim from its event and stores it as JSON; the submission round, a second or
so later, reads the document back and validated it again (a few tens of microseconds a claim, the round's largest
piece of its own outside pyx12). A document read back serves the kept model only when it is the document this
process stored: the kept text, parsed, must equal what the read answered. Anything else (a claim fixed since, a
write rolled back and written again differently, another process's claim, one evicted) is validated as before.
The model kept is the one built from the event, which validating its own stored JSON gives again: every field of
a coded claim survives its JSON (texts already stripped and upper-cased, dates, enums, cents).
"""
from collections import OrderedDict
from uuid import UUID

import orjson
from pydantic import BaseModel

KEPT = 2048  # the round takes a claim within seconds of its claim.coded; older ones are read and validated


class WrittenDocuments:
    """At most `limit` (claim id -> its JSON text and model), the oldest written dropped first."""

    def __init__(self, limit: int = KEPT):
        self._limit = limit
        self._kept: OrderedDict[UUID, tuple[str, BaseModel]] = OrderedDict()

    def wrote(self, claim_id: UUID, text: str, model: BaseModel) -> None:
        kept = self._kept
        kept[claim_id] = (str(text), model)  # a plain str: orjson reads no subclass (an encoded JSON text is one)
        kept.move_to_end(claim_id)
        if len(kept) > self._limit:
            kept.popitem(last=False)

    def model_of(self, claim_id: UUID, document) -> BaseModel | None:
        """The model written for `claim_id` when `document` (the stored JSON as read) is what was written."""
        found = self._kept.get(claim_id)
        if found is None or orjson.loads(found[0]) != document:
            return None
        return found[1]


WRITTEN = WrittenDocuments()  # this process's: the consumer's claim.coded and the round share it
